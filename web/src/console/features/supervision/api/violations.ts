import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { violationDetailSchema, violationListSchema } from '@domain/contract/supervision';
import type { RuleCode } from '@domain/supervision/rules';
import type { ViolationStatus } from '@domain/supervision/violations';

export type { Violation, ViolationDetail } from '@domain/contract/supervision';

export interface ViolationQuery {
  orgId?: string;
  ruleCode?: RuleCode;
  status?: ViolationStatus;
  /** 'YYYY-MM': recorded in that month (a link from the month report) */
  month?: string;
  page?: number;
}

export const PAGE_SIZE = 20;
const violationsKey = ['supervision', 'violations'] as const;

/** One page of the viewer's violations, newest first; the previous page stays on screen while the next loads. */
export const useViolations = (query: ViolationQuery) =>
  useQuery({
    queryKey: [...violationsKey, 'list', query],
    queryFn: () => apiRequest('/supervision/violations', violationListSchema, { query: { ...query, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const violationQueryKey = (id: string) => [...violationsKey, 'one', id] as const;

export const useViolation = (id: string) =>
  useQuery({ queryKey: violationQueryKey(id), queryFn: () => apiRequest(`/supervision/violations/${encodeURIComponent(id)}`, violationDetailSchema) });

function useViolationStep<T extends { id: string }>(step: 'explain' | 'decide') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: T) => apiRequest(`/supervision/violations/${encodeURIComponent(id)}/${step}`, violationDetailSchema, { method: 'POST', body }),
    onSuccess: (v) => {
      queryClient.setQueryData(violationQueryKey(v.id), v);
      void queryClient.invalidateQueries({ queryKey: [...violationsKey, 'list'] });
    },
    // someone else's step first (409): show what is there now
    onError: (_error, input) => void queryClient.invalidateQueries({ queryKey: violationQueryKey(input.id) }),
  });
}

/** The center explains (说明情况) an open violation. */
export const useExplainViolation = () => useViolationStep<{ id: string; expectedVersion: number; reason: string }>('explain');

/** The supervisor confirms (认定) or dismisses (撤销) it. */
export const useDecideViolation = () => useViolationStep<{ id: string; expectedVersion: number; decision: 'confirm' | 'dismiss'; reason: string }>('decide');
