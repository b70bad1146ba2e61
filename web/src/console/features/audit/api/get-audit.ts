import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  actionName: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number(), page: z.number(), pageSize: z.number() });

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
