import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { auditPageSchema } from '@domain/contract/audit';

export type { AuditEntry } from '@domain/contract/audit';

export interface AuditQuery {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  page?: number;
}

export const PAGE_SIZE = 50;

export const getAudit = (query: AuditQuery) =>
  apiRequest('/audit', auditPageSchema, { query: { ...query, pageSize: PAGE_SIZE } });

/** One page of the log, newest first; the previous page stays on screen while the next one loads. */
export const useAudit = (query: AuditQuery) =>
  useQuery({ queryKey: ['audit', query], queryFn: () => getAudit(query), placeholderData: keepPreviousData });

/** The Excel file of exactly these filters, every matching entry (no paging); the server records the export. */
export const auditExportUrl = ({ page: _page, ...filter }: AuditQuery) => buildUrl('/audit/export.xlsx', { ...filter });
