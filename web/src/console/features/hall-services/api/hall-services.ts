/**
 * 大厅服务设置 (issue 12 §1): the director's services of the hall (code letter, name, windows, items), paused or open,
 * and the queue's settings (GET /api/hall/setup, POST/PATCH /api/hall/services, PUT /api/hall/settings).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { hallSetupSchema, idSchema, type HallSettingsView } from '@domain/contract/hall';

export type { HallService, HallSetup, HallSettingsView } from '@domain/contract/hall';

const setupKey = ['hall', 'setup'] as const;

export const useHallSetup = () =>
  useQuery({ queryKey: setupKey, queryFn: ({ signal }) => apiRequest('/hall/setup', hallSetupSchema, { signal }) });

export interface ServiceInput {
  code: string;
  name: string;
  windowIds: string[];
  itemCodes: string[];
  active?: boolean;
  sort?: number;
}

export function useSaveService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceInput & { id?: string; version?: number }) => {
      const { id, version, ...body } = input;
      return id
        ? apiRequest(`/hall/services/${encodeURIComponent(id)}`, idSchema, { method: 'PATCH', body: { ...body, version } })
        : apiRequest('/hall/services', idSchema, { method: 'POST', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hall'] }),
  });
}

export function useSaveHallSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<HallSettingsView>) => apiRequest('/hall/settings', hallSetupSchema, { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(setupKey, data),
  });
}
