import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { receptionListSchema, receptionSchema, type ReceptionChange } from '@domain/duty/contract';

// 领导接待 (/api/duty/receptions), answers checked against src/domain/duty/contract.ts.
export type { Reception, ReceptionList } from '@domain/duty/contract';

const key = ['duty-receptions'] as const;

export const useReceptions = (query: { day?: string | undefined; month?: string | undefined }) =>
  useQuery({ queryKey: [...key, query.day, query.month], queryFn: ({ signal }) => apiRequest('/duty/receptions', receptionListSchema, { query, signal }) });

export interface ReceptionInput {
  visitorName: string;
  visitorPhone?: string | undefined;
  matter: string;
  handling: string;
  petitionId?: string | undefined;
  registerPetition?: boolean | undefined;
}

/** 登记接待. The Idempotency-Key belongs to one filled-in form: a double click records once. */
export function useRecordReception() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReceptionInput; idempotencyKey: string }) => apiRequest('/duty/receptions', receptionSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}


/** 修改接待记录 (the leader who received, or the director): most often 处理情况 after the follow-up. */
export function useChangeReception() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReceptionChange }) => apiRequest(`/duty/receptions/${encodeURIComponent(id)}`, receptionSchema, { method: 'PUT', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
