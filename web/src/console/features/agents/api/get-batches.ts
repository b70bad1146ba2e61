import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { batchListSchema } from '@domain/contract/agents';

/** The batches the villages sent (a township sees those sent to it; a village its own), newest first. */
export const getBatches = (signal?: AbortSignal) => apiRequest('/agents/batches', batchListSchema, { signal });

export const batchesQueryKey = ['agents', 'batches'] as const;

export const batchesQueryOptions = () =>
  queryOptions({ queryKey: [...batchesQueryKey, 'list'], queryFn: ({ signal }) => getBatches(signal), select: (data) => data.batches });

export const useBatches = () => useQuery(batchesQueryOptions());
