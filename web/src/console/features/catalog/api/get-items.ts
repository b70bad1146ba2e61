import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Level } from '@/lib/levels';
import { itemListSchema } from '@domain/contract/catalog';

export interface ItemFilter {
  q?: string;
  level?: Level;
  category?: string;
  department?: string;
  status?: 'active' | 'retired' | 'all';
}

export const getItems = (filter: ItemFilter, signal?: AbortSignal) =>
  apiRequest('/items', itemListSchema, { query: { ...filter }, signal });

export const itemsQueryOptions = (filter: ItemFilter) =>
  queryOptions({
    queryKey: ['items', 'list', filter],
    queryFn: ({ signal }) => getItems(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useItems = (filter: ItemFilter) => useQuery(itemsQueryOptions(filter));
