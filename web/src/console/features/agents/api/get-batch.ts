import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { batchSchema } from './batch-schema';
import { batchesQueryKey } from './get-batches';

export const getBatch = (id: string, signal?: AbortSignal) => apiRequest(`/agents/batches/${encodeURIComponent(id)}`, batchSchema, { signal });

export const batchQueryKey = (id: string) => [...batchesQueryKey, 'detail', id] as const;

// Someone at the same center may receive the batch meanwhile: every time the page opens it asks again.
export const batchQueryOptions = (id: string) =>
  queryOptions({ queryKey: batchQueryKey(id), queryFn: ({ signal }) => getBatch(id, signal), staleTime: 0 });

export const useBatch = (id: string) => useQuery(batchQueryOptions(id));
