import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { caseSchema } from './case-schema';
import { caseQueryKey } from './get-case';

export interface CreateCaseInput {
  itemCode: string;
  applicant: { kind: 'person' | 'organization'; name: string; idNumber: string; phone: string; address?: string };
  channel: 'window' | 'kiosk' | 'agent';
  materials: { name: string; provided: boolean }[];
  proxy?: { authorized: boolean };
  refusal?: { reasons?: string; basis?: string };
  /** the hall's queue number being served (叫号 → 开始办理): the case is linked to it */
  ticketId?: string;
}

/**
 * 受理登记. The Idempotency-Key belongs to one submission: the form keeps it for retries of the same
 * registration, so a double click or a lost answer never registers the case twice.
 */
export const createCase = ({ body, idempotencyKey }: { body: CreateCaseInput; idempotencyKey: string }) =>
  apiRequest('/cases', caseSchema, { method: 'POST', body, idempotencyKey });

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (c) => {
      queryClient.setQueryData(caseQueryKey(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'count'] });
    },
  });
}
