import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiUpload, downloadUrl } from '@/lib/api-client';
import { assessmentMonthSchema, assessmentRuleListSchema, assessmentRuleSchema, assessmentSettingsSchema } from '@domain/assessment/contract';

// 百分制考核 (/api/assessments), answers checked against src/domain/assessment/contract.ts.
export type { AssessmentDeduction, AssessmentMonth, AssessmentRuleView, AssessmentSubject } from '@domain/assessment/contract';

const key = ['assessment'] as const;

export const useAssessment = (month: string) =>
  useQuery({ queryKey: [...key, month], queryFn: ({ signal }) => apiRequest('/assessments', assessmentMonthSchema, { query: { month }, signal }) });

export const useAssessmentRules = () => useQuery({ queryKey: [...key, 'rules'], queryFn: ({ signal }) => apiRequest('/assessments/rules', assessmentRuleListSchema, { signal }), staleTime: 60_000 });

function useWrite<B, R>(run: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void qc.invalidateQueries({ queryKey: key }) });
}

const idOnly = z.object({ id: z.string() });
const nothing = z.unknown();

export const useRecompute = () =>
  useWrite((body: { month: string }) => apiRequest('/assessments/recompute', z.object({ added: z.number(), withdrawn: z.number(), restored: z.number(), skippedClosed: z.number() }), { method: 'POST', body }));

export interface ManualItemInput {
  month: string;
  subjectKind: 'window' | 'person';
  subjectId: string;
  ruleCode: string;
  points?: number | undefined;
  reason: string;
  caseNo?: string | undefined;
}
export const useAddItem = () =>
  useWrite(({ body, idempotencyKey }: { body: ManualItemInput; idempotencyKey: string }) => apiRequest('/assessments/items', idOnly, { method: 'POST', body, idempotencyKey }));
export const useWithdrawItem = () =>
  useWrite(({ id, expectedVersion }: { id: string; expectedVersion: number }) => apiRequest(`/assessments/items/${encodeURIComponent(id)}/withdraw`, nothing, { method: 'POST', body: { expectedVersion } }));
export const useAppeal = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) => apiRequest(`/assessments/items/${encodeURIComponent(id)}/appeal`, idOnly, { method: 'POST', body: { reason } }));
export const useDecideAppeal = () =>
  useWrite(({ id, ...body }: { id: string; decision: 'upheld' | 'rejected'; reason: string; expectedVersion: number }) =>
    apiRequest(`/assessments/appeals/${encodeURIComponent(id)}/decide`, nothing, { method: 'POST', body }),
  );
export const useCloseMonth = () => useWrite((body: { month: string; expectedVersion: number }) => apiRequest('/assessments/close', assessmentMonthSchema, { method: 'POST', body }));
export const useSetChief = () =>
  useWrite(({ windowId, userId }: { windowId: string; userId: string | null }) => apiRequest(`/assessments/chiefs/${encodeURIComponent(windowId)}`, nothing, { method: 'PUT', body: { userId } }));
export const useUploadEvidence = () =>
  useWrite(({ id, file }: { id: string; file: File }) => apiUpload(`/assessments/items/${encodeURIComponent(id)}/evidence`, file, nothing, { method: 'PUT' }));
export const evidenceUrl = (itemId: string) => downloadUrl(`/assessments/items/${encodeURIComponent(itemId)}/evidence`);

export const useAssessmentSettings = () => useQuery({ queryKey: [...key, 'settings'], queryFn: ({ signal }) => apiRequest('/assessments/settings', assessmentSettingsSchema, { signal }) });
export const useSaveAssessmentSettings = () =>
  useWrite((body: { chiefShare?: boolean; appealDays?: number; publishRanking?: boolean }) => apiRequest('/assessments/settings', assessmentSettingsSchema, { method: 'PUT', body }));
export const useEditRule = () =>
  useWrite(({ code, ...body }: { code: string; points: number; maxPoints: number | null; cap: number | null; enabled: boolean; expectedVersion: number }) =>
    apiRequest(`/assessments/rules/${encodeURIComponent(code)}`, assessmentRuleSchema, { method: 'PUT', body }),
  );
