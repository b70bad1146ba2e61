import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { petitionSettingsSchema } from '@domain/petitions/contract';
import type { DayCount } from '@domain/petitions/petitions';

// 信访时限的计算方式 (GET/PUT /api/petitions/settings): calendar days (the default) or working days.
const key = ['petitions', 'settings'] as const;

export const usePetitionSettings = () => useQuery({ queryKey: key, queryFn: ({ signal }) => apiRequest('/petitions/settings', petitionSettingsSchema, { signal }) });

export function useSavePetitionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { dayCount: DayCount }) => apiRequest('/petitions/settings', petitionSettingsSchema, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
