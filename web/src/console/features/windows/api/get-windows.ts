import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const postSchema = z.object({ userId: z.string(), name: z.string() }).nullable();

export const windowSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  department: z.string().nullish(),
  postA: postSchema,
  postB: postSchema,
  active: z.boolean(),
  version: z.number(),
});
export type ServiceWindow = z.infer<typeof windowSchema>;

const windowsResponseSchema = z.object({ windows: z.array(windowSchema) });

export const getWindows = (orgId: string) => apiRequest('/windows', windowsResponseSchema, { query: { orgId } });

/** The windows of one center, each with its A post and B (backup) post. */
export const useWindows = (orgId: string | undefined) =>
  useQuery({ queryKey: ['windows', orgId], queryFn: () => getWindows(orgId!), enabled: !!orgId });
