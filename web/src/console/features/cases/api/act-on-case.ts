import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { caseSchema, type CaseAction } from './case-schema';
import { caseQueryKey } from './get-case';

export interface ActOnCaseInput {
  id: string;
  action: CaseAction;
  /** the version the clerk saw; someone else's change meanwhile answers 409 */
  expectedVersion: number;
  input: Record<string, unknown>;
  /** one per dialog: the same request sent again (the answer lost on the network) is answered, not refused */
  idempotencyKey?: string;
}

export const actOnCase = ({ id, action, expectedVersion, input, idempotencyKey }: ActOnCaseInput) =>
  apiRequest(`/cases/${encodeURIComponent(id)}/actions/${action}`, caseSchema, { method: 'POST', body: { ...input, expectedVersion }, idempotencyKey });

export interface RefusalReviewInput {
  id: string;
  expectedVersion: number;
  opinion: 'upheld' | 'questioned';
  comment?: string;
}

/** 否定报备审查 by the director. */
export const reviewRefusal = ({ id, ...body }: RefusalReviewInput) =>
  apiRequest(`/cases/${encodeURIComponent(id)}/refusal-review`, caseSchema, { method: 'POST', body });

export interface ObjectionAnswerInput {
  id: string;
  expectedVersion: number;
  answer: string;
}

/** The window answers the director's objection (有异议) to a refusal: closes the task of its work list. */
export const answerObjection = ({ id, ...body }: ObjectionAnswerInput) =>
  apiRequest(`/cases/${encodeURIComponent(id)}/refusal-review/answer`, caseSchema, { method: 'POST', body });

function useCaseMutation<T>(mutationFn: (input: T) => ReturnType<typeof actOnCase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (c) => {
      queryClient.setQueryData(caseQueryKey(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'count'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'lights'] });
    },
  });
}

export const useActOnCase = () => useCaseMutation(actOnCase);
export const useReviewRefusal = () => useCaseMutation(reviewRefusal);
export const useAnswerObjection = () => useCaseMutation(answerObjection);
