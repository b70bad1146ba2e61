import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { monthlyReportSchema, submissionListSchema, trendSchema } from '@domain/statistics/contract';

// 月度统计与报送 (/api/reports/monthly*), answers checked against src/domain/statistics/contract.ts.
export type { MonthlyReport, MonthlyTrend, SubmissionList } from '@domain/statistics/contract';

export interface ReportQuery {
  /** YYYY-MM; the server's default is last month */
  month?: string | undefined;
  orgId?: string | undefined;
}

const key = ['monthly-reports'] as const;
const q = (query: ReportQuery) => ({ ...(query.month && { month: query.month }), ...(query.orgId && { orgId: query.orgId }) });

export const useMonthlyReport = (query: ReportQuery) =>
  useQuery({ queryKey: [...key, 'report', query], queryFn: ({ signal }) => apiRequest('/reports/monthly', monthlyReportSchema, { query: q(query), signal }), placeholderData: keepPreviousData });

export const useSubmissions = (query: ReportQuery, enabled: boolean) =>
  useQuery({ queryKey: [...key, 'submissions', query], queryFn: ({ signal }) => apiRequest('/reports/monthly/submissions', submissionListSchema, { query: q(query), signal }), enabled });

export const useTrend = (query: ReportQuery) =>
  useQuery({ queryKey: [...key, 'trend', query], queryFn: ({ signal }) => apiRequest('/reports/monthly/trend', trendSchema, { query: q(query), signal }) });

export const reportExportUrl = (query: ReportQuery) => buildUrl('/reports/monthly.xlsx', q(query));

const done = z.object({ id: z.string() });
export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, ...body }: { id: string; action: 'submit' | 'return' | 'correct'; expectedVersion: number; comment?: string; reason?: string }) =>
      apiRequest(`/reports/monthly/${id}/${action}`, done, { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

const dueDaySchema = z.object({ dueDay: z.number() });
const dueDayKey = [...key, 'due-day'] as const;

/** 月报报送截止日: the day of the next month by which each center reports upward (the settings page). */
export const useReportDueDay = () => useQuery({ queryKey: dueDayKey, queryFn: ({ signal }) => apiRequest('/reports/monthly/settings', dueDaySchema, { signal }) });

export function useSetReportDueDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dueDay: number) => apiRequest('/reports/monthly/settings', dueDaySchema, { method: 'PUT', body: { dueDay } }),
    onSuccess: (saved) => {
      qc.setQueryData(dueDayKey, saved);
      // the lists' due dates and lateness follow the new day
      void qc.invalidateQueries({ queryKey: key });
    },
  });
}
