import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import type { Level } from '@/lib/levels';
import { itemSchema } from './item-schema';

export interface ItemFilter {
  q?: string;
  level?: Level;
  category?: string;
  department?: string;
  status?: 'active' | 'retired' | 'all';
}

const itemsResponseSchema = z.object({ items: z.array(itemSchema) });

export const getItems = (filter: ItemFilter, signal?: AbortSignal) =>
  apiRequest('/items', itemsResponseSchema, { query: { ...filter }, signal });

export const itemsQueryOptions = (filter: ItemFilter) =>
  queryOptions({
    queryKey: ['items', 'list', filter],
    queryFn: ({ signal }) => getItems(filter, signal),
    placeholderData: keepPreviousData,
  });

export const useItems = (filter: ItemFilter) => useQuery(itemsQueryOptions(filter));
