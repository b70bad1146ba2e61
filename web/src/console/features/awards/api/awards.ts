import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { awardSettingsSchema, quarterlyAwardSchema, tierListSchema, yearlyAwardSchema } from '@domain/contract/awards';

// 评先评优 (/api/awards/*), answers checked against src/domain/contract/awards.ts.
export type { QuarterlyAward, TierList, TopEntry, YearlyAward } from '@domain/contract/awards';
export type AwardSettings = z.infer<typeof awardSettingsSchema>;

const key = ['awards'] as const;

export const useQuarterlyAward = (query: { orgId?: string | undefined; quarter?: string | undefined }, enabled = true) =>
  useQuery({
    queryKey: [...key, 'quarterly', query],
    queryFn: ({ signal }) => apiRequest('/awards/quarterly', quarterlyAwardSchema, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useYearlyAward = (query: { orgId?: string | undefined; year?: number | undefined }, enabled = true) =>
  useQuery({
    queryKey: [...key, 'yearly', query],
    queryFn: ({ signal }) => apiRequest('/awards/yearly', yearlyAwardSchema, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useTierList = (query: { orgId?: string | undefined; year?: number | undefined }, enabled = true) =>
  useQuery({
    queryKey: [...key, 'tiers', query],
    queryFn: ({ signal }) => apiRequest('/awards/tiers', tierListSchema, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useAwardSettings = () => useQuery({ queryKey: [...key, 'settings'], queryFn: ({ signal }) => apiRequest('/awards/settings', awardSettingsSchema, { signal }) });

export function useSaveAwardSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AwardSettings) => apiRequest('/awards/settings', awardSettingsSchema, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
