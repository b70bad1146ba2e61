import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { itemInputSchema } from '@domain/catalog/item';

/** A catalog item as GET /api/items answers it (the server's own item schema plus what storage adds). */
const itemSchema = itemInputSchema.extend({
  id: z.string(),
  status: z.enum(['active', 'retired']),
  retiredReason: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  /** the pinyin of the name and 俗称, which the list carries for the agent app */
  pinyin: z.array(z.object({ full: z.string(), initials: z.string() })).optional(),
});
export type OfferedItem = z.infer<typeof itemSchema>;

const itemsSchema = z.object({ items: z.array(itemSchema) });
const orgItemsSchema = z.object({ itemCodes: z.array(z.string()) });

/** The codes of the items the center offers (可办事项). */
export const useOfferedCodes = (orgId: string) =>
  useQuery({
    queryKey: ['orgs', orgId, 'items'],
    queryFn: ({ signal }) => apiRequest(`/orgs/${encodeURIComponent(orgId)}/items`, orgItemsSchema, { signal }),
    select: (data) => data.itemCodes,
    staleTime: 5 * 60_000,
  });

/**
 * The catalog items matching the typed text; the server searches name, 俗称, code and pinyin (低保, dbsq, zdsh).
 * The caller keeps only the ones its center offers.
 */
export const useItemSearch = (q: string) =>
  useQuery({
    queryKey: ['cases', 'item-search', q],
    queryFn: ({ signal }) => apiRequest('/items', itemsSchema, { query: { q: q || undefined }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
