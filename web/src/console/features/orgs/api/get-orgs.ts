import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { LEVELS } from '@/lib/levels';

export const officeHoursSchema = z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) });
export type OfficeHours = z.infer<typeof officeHoursSchema>;

export const orgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(LEVELS),
  code: z.string(),
  name: z.string(),
  centerName: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  officeHours: officeHoursSchema.nullish(),
  timeZone: z.string().nullish(),
  version: z.number(),
});
export type Org = z.infer<typeof orgSchema>;

const orgsResponseSchema = z.object({ orgs: z.array(orgSchema) });

export const getOrgs = () => apiRequest('/orgs', orgsResponseSchema);

export const orgsQueryOptions = () => queryOptions({ queryKey: ['orgs'], queryFn: getOrgs, staleTime: 60_000 });

/** The signed-in person's organisation and everything below it. */
export const useOrgs = () => useQuery(orgsQueryOptions());
