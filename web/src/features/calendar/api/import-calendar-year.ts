import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const importResultSchema = z.object({ year: z.number(), source: z.string().optional(), days: z.number().optional() });

/** The year file mirrors the State Council notice: for each holiday the days off and its make-up working days. */
export const importCalendarYear = (file: unknown) => apiRequest('/calendar/years', importResultSchema, { method: 'POST', body: file });

export function useImportCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importCalendarYear, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }) });
}
