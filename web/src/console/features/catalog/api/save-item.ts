import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { itemSchema, type CatalogItem } from './item-schema';

export const createItem = (item: CatalogItem) => apiRequest('/items', itemSchema, { method: 'POST', body: item });

export const updateItem = ({ item, expectedVersion }: { item: CatalogItem; expectedVersion: number }) =>
  apiRequest(`/items/${encodeURIComponent(item.code)}`, itemSchema, { method: 'PUT', body: { expectedVersion, ...item } });

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createItem,
    onSuccess: (item) => {
      queryClient.setQueryData(['items', 'detail', item.code], item);
      void queryClient.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export function useUpdateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateItem,
    onSuccess: (item) => {
      queryClient.setQueryData(['items', 'detail', item.code], item);
      void queryClient.invalidateQueries({ queryKey: ['items'] });
    },
  });
}
