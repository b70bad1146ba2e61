/** What the console's key administration answers (/api/open311/keys*): one set of shapes for server and web. */
import { z } from 'zod';

export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  reason: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;

export const open311KeyListSchema = z.object({ keys: z.array(open311KeySchema) });

/** The answer to issuing a key: the plain key, this once and never again. */
export const open311KeyIssuedSchema = z.object({ key: open311KeySchema, apiKey: z.string() });
