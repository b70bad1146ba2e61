import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { itemSchema } from './item-schema';

export const getItem = (code: string, signal?: AbortSignal) =>
  apiRequest(`/items/${encodeURIComponent(code)}`, itemSchema, { signal });

export const itemQueryOptions = (code: string) =>
  queryOptions({ queryKey: ['items', 'detail', code], queryFn: ({ signal }) => getItem(code, signal) });

export const useItem = (code: string) => useQuery(itemQueryOptions(code));
