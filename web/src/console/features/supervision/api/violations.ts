import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { orgListSchema } from '@domain/contract/orgs';
import { violationDetailSchema, violationListSchema } from '@domain/contract/supervision';
import type { RuleCode } from '@domain/supervision/rules';
import type { ViolationStatus } from '@domain/supervision/violations';

export type { Violation, ViolationDetail } from '@domain/contract/supervision';

/** The status filter 未处理: not decided yet (待说明 and 已说明), what the dashboards count. */
export const UNDECIDED = 'undecided';

export interface ViolationQuery {
  orgId?: string;
  /** with orgId: that center and the centers below it (a dashboard's number) */
  below?: boolean;
  ruleCode?: RuleCode;
  status?: ViolationStatus | typeof UNDECIDED;
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

/** A center's name for the filter chip (the rows of a center and its villages may not name it). */
export const useCenterName = (orgId: string | undefined) =>
  useQuery({
    queryKey: ['orgs', 'list', 'supervision-violations'],
    queryFn: ({ signal }) => apiRequest('/orgs', orgListSchema, { signal }),
    select: (data) => data.orgs.find((o) => o.id === orgId)?.centerName,
    enabled: !!orgId,
    staleTime: 60_000,
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
