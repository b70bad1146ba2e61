import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { caseSchema } from './case-schema';

export const getCase = (id: string, signal?: AbortSignal) => apiRequest(`/cases/${encodeURIComponent(id)}`, caseSchema, { signal });

export const caseQueryKey = (id: string) => ['cases', 'detail', id] as const;

export const caseQueryOptions = (id: string) => queryOptions({ queryKey: caseQueryKey(id), queryFn: ({ signal }) => getCase(id, signal) });

export const useCase = (id: string) => useQuery(caseQueryOptions(id));
