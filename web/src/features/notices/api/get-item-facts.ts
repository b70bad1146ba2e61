import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// What a notice quotes from the item's guide (GET /api/items/:code): the promised time limit and the result.

const itemFactsSchema = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string().nullish(),
  kind: z.string(),
  promisedDays: z.number().nullish(),
  result: z.string().nullish(),
  specialSteps: z.array(z.object({ name: z.string(), limitDays: z.number() })).default([]),
});
export type ItemFacts = z.infer<typeof itemFactsSchema>;

export const itemFactsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['notices', 'item', code],
    queryFn: ({ signal }) => apiRequest(`/items/${encodeURIComponent(code)}`, itemFactsSchema, { signal }),
    staleTime: 5 * 60_000,
  });

export const useItemFacts = (code: string | undefined) => useQuery({ ...itemFactsQueryOptions(code ?? ''), enabled: Boolean(code) });
