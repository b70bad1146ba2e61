import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { batchSchema } from './batch-schema';
import { batchesQueryKey } from './get-batches';
import { batchQueryKey } from './get-batch';

/** 全部接收: the township receives every case of the batch still on its way (403 for others, 422 if already received). */
export const receiveBatch = (id: string) =>
  apiRequest(`/agents/batches/${encodeURIComponent(id)}/receive`, batchSchema, { method: 'POST' });

export const useReceiveBatch = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: receiveBatch,
    onSuccess: (batch) => {
      queryClient.setQueryData(batchQueryKey(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: [...batchesQueryKey, 'list'] });
      // the cases left 待接收 and are now held here: every case list, count and open case is out of date
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['agents', 'monthly'] });
      void queryClient.invalidateQueries({ queryKey: ['agents', 'hop-violations'] });
    },
  });
};
