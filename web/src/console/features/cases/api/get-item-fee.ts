import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { catalogItemSchema } from '@domain/contract/catalog';

/**
 * The legal fee (元) of an item as its guide lists it, for the 办结 dialog: a free item asks for no fee at all.
 * The same query as the catalog's item page (one cached answer per item).
 */
export const useItemFee = (code: string, enabled: boolean) =>
  useQuery({
    queryKey: ['items', 'detail', code],
    queryFn: ({ signal }) => apiRequest(`/items/${encodeURIComponent(code)}`, catalogItemSchema, { signal }),
    select: (item) => item.fee.amount,
    enabled,
    staleTime: 5 * 60_000,
  });
