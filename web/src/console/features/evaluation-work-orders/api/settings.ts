import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// 整改工单时限 (GET/PUT /api/evaluations/work-orders/settings): working days to 回访核实 and to 整改, from the 差评.
export const workOrderDaysSchema = z.object({ visitDays: z.number().int(), fixDays: z.number().int() });
export type WorkOrderDays = z.infer<typeof workOrderDaysSchema>;

const key = ['evaluations', 'work-orders', 'settings'] as const;

export const useWorkOrderDays = () => useQuery({ queryKey: key, queryFn: ({ signal }) => apiRequest('/evaluations/work-orders/settings', workOrderDaysSchema, { signal }) });

export function useSaveWorkOrderDays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkOrderDays) => apiRequest('/evaluations/work-orders/settings', workOrderDaysSchema, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
