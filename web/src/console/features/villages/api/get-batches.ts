import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { batchSummarySchema } from './batch-schema';

const batchesResponseSchema = z.object({ batches: z.array(batchSummarySchema) });

/** The batches the villages sent (a township sees those sent to it; a village its own), newest first. */
export const getBatches = (signal?: AbortSignal) => apiRequest('/agents/batches', batchesResponseSchema, { signal });

export const batchesQueryKey = ['villages', 'batches'] as const;

export const batchesQueryOptions = () =>
  queryOptions({ queryKey: [...batchesQueryKey, 'list'], queryFn: ({ signal }) => getBatches(signal), select: (data) => data.batches });

export const useBatches = () => useQuery(batchesQueryOptions());
