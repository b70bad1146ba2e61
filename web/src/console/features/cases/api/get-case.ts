import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { caseSchema } from './case-schema';

export const getCase = (id: string, signal?: AbortSignal) => apiRequest(`/cases/${encodeURIComponent(id)}`, caseSchema, { signal });

export const caseQueryKey = (id: string) => ['cases', 'detail', id] as const;

// Other windows and centers act on a case too (the county on an escalated one): every time the case page opens it
// asks again, showing the cached copy only until the answer arrives.
export const caseQueryOptions = (id: string) =>
  queryOptions({ queryKey: caseQueryKey(id), queryFn: ({ signal }) => getCase(id, signal), staleTime: 0 });

export const useCase = (id: string) => useQuery(caseQueryOptions(id));
