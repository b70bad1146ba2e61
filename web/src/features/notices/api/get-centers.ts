import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// The centers in the viewer's scope (GET /api/orgs): a notice carries the receiving center's full name,
// address, phone and office hours.

const centerSchema = z.object({
  id: z.string(),
  level: z.string(),
  name: z.string(),
  centerName: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  officeHours: z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) }).nullish(),
});
export type Center = z.infer<typeof centerSchema>;

const centersSchema = z.object({ orgs: z.array(centerSchema) });

export const centersQueryOptions = () =>
  queryOptions({
    queryKey: ['notices', 'centers'],
    queryFn: ({ signal }) => apiRequest('/orgs', centersSchema, { signal }).then((r) => r.orgs),
    staleTime: 5 * 60_000,
  });

export const useCenters = () => useQuery(centersQueryOptions());
