import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { orgListSchema } from '@domain/contract/orgs';

export { orgSchema, type Org } from '@domain/contract/orgs';
export type { OfficeHours } from '@domain/contract/common';

export const getOrgs = () => apiRequest('/orgs', orgListSchema);

export const orgsQueryOptions = () => queryOptions({ queryKey: ['orgs'], queryFn: getOrgs, staleTime: 60_000 });

/** The signed-in person's organisation and everything below it. */
export const useOrgs = () => useQuery(orgsQueryOptions());
