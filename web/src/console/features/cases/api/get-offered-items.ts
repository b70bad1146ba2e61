import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { itemListSchema, orgItemsSchema, type ListedItem } from '@domain/contract/catalog';

/** A catalog item as GET /api/items answers it (the contract's, with the pinyin the list carries). */
export type OfferedItem = ListedItem;

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
    queryFn: ({ signal }) => apiRequest('/items', itemListSchema, { query: { q: q || undefined }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
