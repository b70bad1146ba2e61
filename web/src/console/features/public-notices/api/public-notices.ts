import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { noticeDetailSchema, noticeListSchema } from '@domain/notices/contract';

// 政务公开的公告 (/api/notices*), answers checked against src/domain/notices/contract.ts.
export type { Notice, NoticeDetail, NoticeList } from '@domain/notices/contract';

const key = ['public-notices'] as const;

export const useNotices = (orgId: string | undefined) =>
  useQuery({ queryKey: [...key, 'list', orgId], queryFn: ({ signal }) => apiRequest('/notices', noticeListSchema, { query: { orgId }, signal }) });

export const useNotice = (id: string | undefined) =>
  useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => apiRequest(`/notices/${encodeURIComponent(id!)}`, noticeDetailSchema, { signal }), enabled: Boolean(id) });

export interface NoticeInput {
  orgId?: string | undefined;
  title: string;
  body: string;
  startDate: string;
  minDays: number;
  endDate: string | null;
}

/** 发布公告. The Idempotency-Key belongs to one filled-in form: a double click publishes once. */
export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NoticeInput; idempotencyKey: string }) => apiRequest('/notices', noticeDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useEditNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, expectedVersion }: { id: string; body: Partial<Omit<NoticeInput, 'orgId'>>; expectedVersion: number }) =>
      apiRequest(`/notices/${encodeURIComponent(id)}`, noticeDetailSchema, { method: 'PATCH', body: { ...body, expectedVersion } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useWithdrawNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, expectedVersion }: { id: string; reason?: string | undefined; expectedVersion: number }) =>
      apiRequest(`/notices/${encodeURIComponent(id)}/withdraw`, noticeDetailSchema, { method: 'POST', body: { reason, expectedVersion } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
