import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// GET/PUT /api/settings: the public address every QR code opens, the county's supervision phone and the
// number of working days a one-time notice gives (API.md v1 additions).

export const settingsSchema = z.object({
  publicUrl: z.string().nullable(),
  /** env: PUBLIC_URL on the server decides it and this page cannot change it */
  publicUrlSource: z.enum(['env', 'settings']).nullable(),
  supervisionPhone: z.string().nullable(),
  supplementDays: z.number(),
  production: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

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
