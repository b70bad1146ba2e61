import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ruleHistorySchema, supervisionRuleSchema, supervisionRulesSchema } from '@domain/contract/supervision';

export type { RuleChange, SupervisionRule } from '@domain/contract/supervision';

export const rulesQueryKey = ['supervision', 'rules'] as const;

/** The supervision rules with their numbers, switches and parameters in force. */
export const useSupervisionRules = () =>
  useQuery({ queryKey: rulesQueryKey, queryFn: () => apiRequest('/supervision/rules', supervisionRulesSchema) });

/** A rule's changes, newest first (who, when, what, why); only fetched while its drawer is open. */
export const useRuleHistory = (code: string | null) =>
  useQuery({
    queryKey: [...rulesQueryKey, code, 'history'],
    queryFn: () => apiRequest(`/supervision/rules/${encodeURIComponent(code!)}/history`, ruleHistorySchema),
    enabled: code !== null,
  });

export interface UpdateRuleInput {
  code: string;
  expectedVersion: number;
  enabled?: boolean;
  parameters?: Record<string, number>;
  reason: string;
}

/** The administrator's change of a rule, with a reason; a stale version answers 409. */
export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: UpdateRuleInput) =>
      apiRequest(`/supervision/rules/${encodeURIComponent(code)}`, supervisionRuleSchema, { method: 'PATCH', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rulesQueryKey }),
  });
}
