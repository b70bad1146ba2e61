import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { settingsSchema } from '@domain/contract/settings';

// GET/PUT /api/settings: the public address every QR code opens, the county's supervision phone and the
// number of working days a one-time notice gives (API.md v1 additions).

export { settingsSchema, type Settings } from '@domain/contract/settings';

export interface SettingsInput {
  publicUrl?: string | null;
  supervisionPhone?: string | null;
  supplementDays?: number;
}

const settingsKey = ['settings', 'all'] as const;

export const useSettings = (enabled = true) =>
  useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => apiRequest('/settings', settingsSchema, { signal }), enabled });

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsInput) => apiRequest('/settings', settingsSchema, { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
