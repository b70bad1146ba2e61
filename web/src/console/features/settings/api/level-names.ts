import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';
import { levelNamesSchema } from '@domain/contract/settings';
import type { LevelNames } from '@/lib/levels';

export const getLevelNames = () => apiRequest('/settings/level-names', levelNamesSchema);

export const updateLevelNames = (names: LevelNames) =>
  apiRequest('/settings/level-names', levelNamesSchema, { method: 'PUT', body: names });

export const useLevelNamesSetting = () => useQuery({ queryKey: ['settings', 'level-names'], queryFn: getLevelNames });

export function useUpdateLevelNames() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLevelNames,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['settings', 'level-names'] });
      // Every screen reads the names from the session answer.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
