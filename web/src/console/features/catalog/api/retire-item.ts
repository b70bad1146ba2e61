import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { itemSchema } from './item-schema';

export interface RetireItemInput {
  code: string;
  expectedVersion: number;
  reason: string;
}

export const retireItem = ({ code, expectedVersion, reason }: RetireItemInput) =>
  apiRequest(`/items/${encodeURIComponent(code)}/retire`, itemSchema, { method: 'POST', body: { expectedVersion, reason } });

export function useRetireItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireItem,
    onSuccess: (item) => {
      queryClient.setQueryData(['items', 'detail', item.code], item);
      void queryClient.invalidateQueries({ queryKey: ['items'] });
    },
  });
}
