import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { leaveListSchema, leaveSchema } from '@domain/contract/presence';
import type { Half, LeaveKind } from '@domain/staff/leave';
import { newIdempotencyKey } from '@shared/idempotency-key';

// 请假 (/api/leaves*), answers checked against src/domain/contract/presence.ts.
export type { Leave } from '@domain/contract/presence';

const key = ['leaves'] as const;

export const useLeaves = (mine: boolean) =>
  useQuery({ queryKey: [...key, mine], queryFn: ({ signal }) => apiRequest('/leaves', leaveListSchema, { query: { mine: mine || undefined }, signal }) });

export interface LeaveInput {
  /** the director files for someone of the center (a clerk called in sick); absent: oneself */
  userId?: string | undefined;
  kind: LeaveKind;
  fromDate: string;
  fromHalf: Half;
  toDate: string;
  toHalf: Half;
  reason: string;
}

function invalidate(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: key });
  void qc.invalidateQueries({ queryKey: ['whereabouts'] });
  void qc.invalidateQueries({ queryKey: ['presence'] });
  void qc.invalidateQueries({ queryKey: ['attendance'] });
}

/** 提交请假: one key per opening of the form, so a double click files one leave. */
export function useFileLeave() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key: idempotencyKey, ...body }: LeaveInput & { key: string }) => apiRequest('/leaves', leaveSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => invalidate(qc),
  });
}
export { newIdempotencyKey };

export function useDecideLeave() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, ...body }: { id: string; decision: 'approve' | 'refuse' | 'cancel'; expectedVersion: number; reason?: string }) =>
      apiRequest(`/leaves/${encodeURIComponent(id)}/${decision}`, leaveSchema, { method: 'POST', body }),
    onSettled: () => invalidate(qc),
  });
}
