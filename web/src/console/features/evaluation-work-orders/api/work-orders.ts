import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { appealListSchema, appealSchema, figuresSchema, workOrderDetailSchema, workOrderListSchema } from '@domain/contract/evaluation-work-orders';
import type { AppealReason } from '@domain/evaluation/appeals';
import type { FigureGrouping } from '@domain/evaluation/figures';
import type { VisitFinding, WorkOrderStatus } from '@domain/evaluation/work-orders';
import type { z } from 'zod';

// 差评整改工单, 申诉复核, 评价统计 (/api/evaluations/work-orders*, /appeals*, /figures), answers checked against the
// contract (src/domain/contract/evaluation-work-orders.ts).
export type WorkOrder = z.infer<typeof workOrderListSchema>['workOrders'][number];
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;
export type Appeal = z.infer<typeof appealSchema>;
export type Figures = z.infer<typeof figuresSchema>;

export interface WorkOrderQuery {
  orgId?: string | undefined;
  status?: WorkOrderStatus | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const key = ['rating-work-orders'] as const;
const appealsKey = ['rating-appeals'] as const;

const queryString = (q: object) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && v !== null) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const useWorkOrders = (q: WorkOrderQuery) =>
  useQuery({
    queryKey: [...key, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/evaluations/work-orders${queryString(q)}`, workOrderListSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const useWorkOrder = (id: string) =>
  useQuery({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => apiRequest(`/evaluations/work-orders/${encodeURIComponent(id)}`, workOrderDetailSchema, { signal }), staleTime: 0 });

export type WorkOrderStep =
  | { action: 'visit'; finding: VisitFinding; content: string }
  | { action: 'rectify'; measures: string; outcome: string }
  | { action: 'close'; reason: string };

/** 回访核实, 整改反馈, 办结: with the version the page shows (someone else's change first → 409). */
export function useWorkOrderStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step: { action, ...body }, expectedVersion }: { step: WorkOrderStep; expectedVersion: number }) =>
      apiRequest(`/evaluations/work-orders/${encodeURIComponent(id)}/actions/${action}`, workOrderDetailSchema, { method: 'POST', body: { ...body, expectedVersion } }),
    onSuccess: (wo) => {
      queryClient.setQueryData([...key, 'detail', id], wo);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export const useAppeals = (q: { status?: string | undefined; page?: number | undefined; pageSize?: number | undefined }) =>
  useQuery({
    queryKey: [...appealsKey, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/evaluations/appeals${queryString(q)}`, appealListSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export function useRequestAppeal(ratingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: AppealReason; evidence: string }) => apiRequest(`/evaluations/ratings/${encodeURIComponent(ratingId)}/appeal`, appealSchema, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: appealsKey });
    },
  });
}

export function useDecideAppeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, decision, expectedVersion }: { action: 'uphold' | 'reject'; decision: string; expectedVersion: number }) =>
      apiRequest(`/evaluations/appeals/${encodeURIComponent(id)}/actions/${action}`, appealSchema, { method: 'POST', body: { decision, expectedVersion } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: appealsKey });
    },
  });
}

/** No period: this month up to today, on the server's clock. */
export const useFigures = (q: { orgId?: string | undefined; from?: string | undefined; to?: string | undefined; by: FigureGrouping }) =>
  useQuery({
    queryKey: ['rating-figures', q],
    queryFn: ({ signal }) => apiRequest(`/evaluations/figures${queryString(q)}`, figuresSchema, { signal }),
    placeholderData: keepPreviousData,
  });
