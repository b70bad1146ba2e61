import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { supervisionReportSchema } from '@domain/contract/supervision-report';

export type { ReportNumbers, SupervisionReport } from '@domain/contract/supervision-report';

export interface ReportQuery {
  /** YYYY-MM; the server's default is last month */
  month?: string;
  orgId?: string;
}

/** The monthly supervision report (监察月报) of an organisation of the viewer's tree. */
export const useSupervisionReport = (query: ReportQuery, enabled = true) =>
  useQuery({
    queryKey: ['supervision', 'report', query],
    queryFn: ({ signal }) => apiRequest('/supervision/report', supervisionReportSchema, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The same report as an Excel workbook (the download is recorded in the audit log). */
export const reportExportUrl = (query: ReportQuery) => buildUrl('/supervision/report.xlsx', { ...query });
