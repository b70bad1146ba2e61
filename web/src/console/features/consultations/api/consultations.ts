import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import {
  consultationDetailSchema,
  consultationListSchema,
  consultedItemsSchema,
  faqEntryDetailSchema,
  faqListSchema,
  frequentQuestionsSchema,
  publicFaqSchema,
} from '@domain/consultations/contract';
import { itemListSchema } from '@domain/contract/catalog';
import type { ConsultationChannel, ConsultationStatus } from '@domain/consultations/consultations';

// 咨询 and the items' FAQ (/api/consultations*, /api/faq*), answers checked against src/domain/consultations/contract.ts.
export type { Consultation, ConsultationDetail, FaqEntry, PublicFaq } from '@domain/consultations/contract';
export type FrequentQuestions = z.infer<typeof frequentQuestionsSchema>;
export type ConsultedItem = z.infer<typeof consultedItemsSchema>['items'][number];

export interface ConsultationQuery {
  itemCode?: string | undefined;
  channel?: ConsultationChannel | undefined;
  status?: ConsultationStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const key = ['consultations'] as const;

/** The catalog's active items (for the item pickers; the same query key as the catalog's own list). */
export const useCatalogItems = () =>
  useQuery({ queryKey: ['items', 'list', {}], queryFn: ({ signal }) => apiRequest('/items', itemListSchema, { query: {}, signal }), staleTime: 5 * 60_000 });
const faqKey = ['faq'] as const;

export const useConsultations = (q: ConsultationQuery) =>
  useQuery({
    queryKey: [...key, 'list', q],
    queryFn: ({ signal }) => apiRequest('/consultations', consultationListSchema, { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });

export const useConsultation = (id: string) =>
  useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => apiRequest(`/consultations/${encodeURIComponent(id)}`, consultationDetailSchema, { signal }) });

export const useConsultedItems = () =>
  useQuery({ queryKey: [...key, 'items'], queryFn: ({ signal }) => apiRequest('/consultations/items', consultedItemsSchema, { signal }) });

export const useFrequentQuestions = (itemCode: string | undefined) =>
  useQuery({
    queryKey: [...key, 'frequent', itemCode],
    queryFn: ({ signal }) => apiRequest('/consultations/frequent', frequentQuestionsSchema, { query: { itemCode }, signal }),
    enabled: Boolean(itemCode),
  });

export interface LogInput {
  channel: 'window' | 'phone';
  itemCode?: string | undefined;
  question: string;
  answer?: string | undefined;
  askerName?: string | undefined;
  askerPhone?: string | undefined;
}

/** 登记咨询. The Idempotency-Key belongs to one submission: a double Enter never makes two records. */
export function useLogConsultation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: LogInput; idempotencyKey: string }) =>
      apiRequest('/consultations', consultationDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useAnswerConsultation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, itemCode, expectedVersion }: { id: string; answer: string; itemCode?: string | undefined; expectedVersion: number }) =>
      apiRequest(`/consultations/${encodeURIComponent(id)}/answer`, consultationDetailSchema, { method: 'POST', body: { answer, itemCode, expectedVersion } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export const useFaq = (itemCode: string | undefined) =>
  useQuery({
    queryKey: [...faqKey, 'list', itemCode],
    queryFn: ({ signal }) => apiRequest('/faq', faqListSchema, { query: { itemCode }, signal }),
    enabled: Boolean(itemCode),
  });

export const useFaqEntry = (id: string | undefined) =>
  useQuery({ queryKey: [...faqKey, 'detail', id], queryFn: ({ signal }) => apiRequest(`/faq/${encodeURIComponent(id!)}`, faqEntryDetailSchema, { signal }), enabled: Boolean(id) });

/** The FAQ the public sees for an item at a center (its own, or the nearest center's above it). */
export const usePublicFaq = (itemCode: string, orgId: string | undefined) =>
  useQuery({
    queryKey: [...faqKey, 'public', itemCode, orgId],
    queryFn: ({ signal }) => apiRequest(`/public/items/${encodeURIComponent(itemCode)}/faq`, publicFaqSchema, { query: { orgId }, signal }),
  });

export function useCreateFaq() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: { itemCode: string; question: string; answer: string; consultationId?: string | undefined }; idempotencyKey: string }) =>
      apiRequest('/faq', faqEntryDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: faqKey });
      void qc.invalidateQueries({ queryKey: key });
    },
  });
}

export type FaqChange =
  | { action: 'edit'; question: string; answer: string }
  | { action: 'move'; to: number }
  | { action: 'retire'; reason?: string | undefined }
  | { action: 'restore' };

export function useChangeFaq() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change, expectedVersion }: { id: string; change: FaqChange; expectedVersion: number }) => {
      const { action, ...body } = change;
      const url = `/faq/${encodeURIComponent(id)}${action === 'edit' ? '' : `/${action}`}`;
      return apiRequest(url, faqEntryDetailSchema, { method: action === 'edit' ? 'PATCH' : 'POST', body: { ...body, expectedVersion } });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: faqKey }),
  });
}
