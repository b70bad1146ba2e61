import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { attendanceMonthSchema, attendanceNetworksSchema, attendanceRecordSchema, attendanceTodaySchema, whereaboutsBoardSchema } from '@domain/contract/presence';

// 签到签退、月度考勤、去向 (/api/attendance/*, /api/whereabouts), answers checked against src/domain/contract/presence.ts.
export type { AttendanceMonth, AttendanceRecord, AttendanceToday, WhereaboutsBoard } from '@domain/contract/presence';

const todayKey = ['attendance', 'today'] as const;
const monthKey = ['attendance', 'month'] as const;
const networksKey = ['attendance', 'networks'] as const;
export const whereaboutsKey = ['whereabouts'] as const;

export const useAttendanceToday = () => useQuery({ queryKey: todayKey, queryFn: ({ signal }) => apiRequest('/attendance/today', attendanceTodaySchema, { signal }) });

export function useSign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (what: 'sign-in' | 'sign-out') => apiRequest(`/attendance/${what}`, attendanceRecordSchema, { method: 'POST' }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: todayKey });
      void qc.invalidateQueries({ queryKey: monthKey });
      void qc.invalidateQueries({ queryKey: whereaboutsKey });
    },
  });
}

export const useAttendanceMonth = (month: string) =>
  useQuery({ queryKey: [...monthKey, month], queryFn: ({ signal }) => apiRequest('/attendance/month', attendanceMonthSchema, { query: { month }, signal }) });

export const attendanceExportUrl = (month: string) => buildUrl('/attendance/month.xlsx', { month });

export const useNetworks = (enabled: boolean) =>
  useQuery({ queryKey: networksKey, enabled, queryFn: ({ signal }) => apiRequest('/attendance/networks', attendanceNetworksSchema, { signal }) });

export function useSaveNetworks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (networks: string[]) => apiRequest('/attendance/networks', attendanceNetworksSchema, { method: 'PUT', body: { networks } }),
    onSuccess: (data) => {
      qc.setQueryData(networksKey, data);
      void qc.invalidateQueries({ queryKey: todayKey });
    },
  });
}

export const useWhereaboutsBoard = () =>
  useQuery({ queryKey: whereaboutsKey, queryFn: ({ signal }) => apiRequest('/whereabouts', whereaboutsBoardSchema, { signal }), refetchInterval: 60_000 });
