import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, buildUrl } from '@/lib/api-client';
import { evaluationSchema, listSchema, padRegistrationSchema, padSchema, settingsSchema } from '@domain/evaluation/contract';
import type { RatingChannel } from '@domain/evaluation/channels';
import type { Level } from '@domain/evaluation/levels';

// 好差评 rating capture (/api/evaluations*), answers checked against src/domain/evaluation/contract.ts.
export type { Evaluation, RatingPad, RatingSettings } from '@domain/evaluation/contract';

export interface EvaluationQuery {
  orgId?: string | undefined;
  windowId?: string | undefined;
  caseId?: string | undefined;
  level?: Level | undefined;
  channel?: RatingChannel | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const key = ['evaluations'] as const;

export const useEvaluations = (q: EvaluationQuery, enabled = true) =>
  useQuery({
    queryKey: [...key, 'list', q],
    queryFn: ({ signal }) => apiRequest('/evaluations', listSchema, { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const exportUrl = (q: EvaluationQuery) => buildUrl('/evaluations/export.xlsx', { ...q, page: undefined, pageSize: undefined });

export interface PaperInput {
  caseId?: string | undefined;
  caseNo?: string | undefined;
  level: Level;
  comment?: string | undefined;
  ratedOn?: string | undefined;
}

/** 代录纸质评价表. The Idempotency-Key belongs to one submission: a double click never makes two ratings. */
export function usePaperRating() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PaperInput; idempotencyKey: string }) =>
      apiRequest('/evaluations/paper', z.object({ evaluation: evaluationSchema }), { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export const usePads = () => useQuery({ queryKey: [...key, 'pads'], queryFn: ({ signal }) => apiRequest('/evaluations/pads', z.object({ pads: z.array(padSchema) }), { signal }) });

export function useRegisterPad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { windowId: string; name?: string | undefined }) => apiRequest('/evaluations/pads', padRegistrationSchema, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'pads'] }),
  });
}

export function useRevokePad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, expectedVersion }: { id: string; expectedVersion: number }) =>
      apiRequest(`/evaluations/pads/${encodeURIComponent(id)}/revoke`, padSchema, { method: 'POST', body: { expectedVersion } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'pads'] }),
  });
}

export const useRatingSettings = () => useQuery({ queryKey: [...key, 'settings'], queryFn: ({ signal }) => apiRequest('/evaluations/settings', settingsSchema, { signal }) });

export function useSaveRatingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { inviteDays: number; defaultDays: number }) => apiRequest('/evaluations/settings', settingsSchema, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'settings'] }),
  });
}
