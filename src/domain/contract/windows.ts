/** What the server answers about windows and their A/B posts (/api/windows). */
import { z } from 'zod';

const post = z.object({ userId: z.string(), name: z.string(), away: z.boolean() }).nullable();

export const windowSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  postA: post,
  postB: post,
  /** who works the window now: A, or B while A is away; null when both are away */
  acting: z.object({ userId: z.string(), name: z.string(), post: z.enum(['A', 'B']) }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ServiceWindow = z.infer<typeof windowSchema>;

export const windowListSchema = z.object({ windows: z.array(windowSchema) });
