import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { officeDayListSchema, officeDaySchema, rosterSuggestionSchema, staffRosterSchema } from '@domain/duty/contract';

// 领导带班值班表 and 村固定办公日 (/api/duty/*), answers checked against src/domain/duty/contract.ts.
export type { OfficeDay, StaffRoster } from '@domain/duty/contract';

const key = ['duty-roster'] as const;

export const useRoster = (month: string | undefined) =>
  useQuery({ queryKey: [...key, month], queryFn: ({ signal }) => apiRequest('/duty/roster', staffRosterSchema, { query: { month }, signal }) });

export interface Assignment {
  day: string;
  userId: string;
}

export const useSuggestRoster = () =>
  useMutation({ mutationFn: (body: { month: string; keep: Assignment[] }) => apiRequest('/duty/roster/suggest', rosterSuggestionSchema, { method: 'POST', body }) });

function useRosterWrite<B>(path: string, method: 'PUT' | 'POST') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiRequest(path, staffRosterSchema, { method, body }),
    // the page may have asked without a month (next month by default): every copy is read again
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export const useSaveRoster = () => useRosterWrite<{ month: string; assignments: Assignment[]; expectedVersion?: number | undefined }>('/duty/roster', 'PUT');
export const usePublishRoster = () => useRosterWrite<{ month: string; expectedVersion: number }>('/duty/roster/publish', 'POST');
export const useChangeRosterDay = () => useRosterWrite<{ month: string; day: string; userId: string; reason: string; expectedVersion: number }>('/duty/roster/change', 'POST');

const officeKey = ['office-days'] as const;
export const useOfficeDays = () => useQuery({ queryKey: officeKey, queryFn: ({ signal }) => apiRequest('/duty/office-days', officeDayListSchema, { signal }) });

export function useSetOfficeDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, ...body }: { orgId: string; weekdays: number[]; note: string | null; expectedVersion: number | null }) =>
      apiRequest(`/duty/office-days/${encodeURIComponent(orgId)}`, officeDaySchema, { method: 'PUT', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: officeKey }),
  });
}
