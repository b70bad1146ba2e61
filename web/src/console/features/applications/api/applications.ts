import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { applicationDetailSchema, applicationListSchema, casePromisesSchema } from '@domain/contract/applications';
import type { ApplicationStatus, MissingMaterial } from '@domain/applications/application';
import type { ApplicationDetail } from '@domain/contract/applications';

// 网上申请预审 (/api/applications*), answers checked against the contract (src/domain/contract/applications.ts).
export type { ApplicationDetail, ApplicationView } from '@domain/contract/applications';

const applicationsKey = ['applications'] as const;
const applicationKey = (id: string) => [...applicationsKey, 'detail', id] as const;

export interface ApplicationQuery {
  status?: ApplicationStatus | undefined;
  /** 否定报备: returns awaiting the director's review, or objections awaiting the window's answer */
  view?: 'refusals-to-review' | 'objections' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const useApplications = (q: ApplicationQuery) =>
  useQuery({
    queryKey: [...applicationsKey, 'list', q],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
      return apiRequest(`/applications?${params.toString()}`, applicationListSchema, { signal });
    },
    placeholderData: keepPreviousData,
  });

export const useApplication = (id: string) =>
  useQuery({ queryKey: applicationKey(id), queryFn: ({ signal }) => apiRequest(`/applications/${encodeURIComponent(id)}`, applicationDetailSchema, { signal }), staleTime: 0 });

export type ReviewInput =
  | { action: 'accept'; note?: string; validity?: { material: string; validUntil: string | null }[] }
  | { action: 'notify-supplement'; missing: MissingMaterial[]; note?: string }
  | { action: 'return'; reason: string; basis: string };

/** One pre-review step, with the version the clerk saw (someone else's step first answers 409). */
export function useReviewApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, expectedVersion }: { input: ReviewInput; expectedVersion: number }) => {
      const { action, ...body } = input;
      return apiRequest(`/applications/${encodeURIComponent(id)}/actions/${action}`, applicationDetailSchema, { method: 'POST', body: { ...body, expectedVersion } });
    },
    onSuccess: (a) => {
      queryClient.setQueryData(applicationKey(a.id), a);
      void queryClient.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}

/** 否定报备 of a returned application: the director's review (同意 / 有异议), the window's answer to an objection. */
export function useApplicationRefusalReview(id: string) {
  const queryClient = useQueryClient();
  const done = (a: ApplicationDetail) => {
    queryClient.setQueryData(applicationKey(a.id), a);
    void queryClient.invalidateQueries({ queryKey: applicationsKey });
    // the director's 工作台 counts the returns still to review
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const review = useMutation({
    mutationFn: (body: { expectedVersion: number; opinion: 'upheld' | 'questioned'; comment?: string | undefined }) =>
      apiRequest(`/applications/${encodeURIComponent(id)}/refusal-review`, applicationDetailSchema, { method: 'POST', body }),
    onSuccess: done,
  });
  const answer = useMutation({
    mutationFn: (body: { expectedVersion: number; answer: string }) =>
      apiRequest(`/applications/${encodeURIComponent(id)}/refusal-review/answer`, applicationDetailSchema, { method: 'POST', body }),
    onSuccess: done,
  });
  return { review, answer };
}

// 告知承诺的事后核查 on the case page (/api/cases/:id/promises)
export type { CasePromises } from '@domain/contract/applications';
const promisesKey = (caseId: string) => ['case-promises', caseId] as const;

export const useCasePromises = (caseId: string) =>
  useQuery({ queryKey: promisesKey(caseId), queryFn: ({ signal }) => apiRequest(`/cases/${encodeURIComponent(caseId)}/promises`, casePromisesSchema, { signal }) });

export function useCheckPromise(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ promiseId, ...body }: { promiseId: string; result: 'kept' | 'false'; note?: string }) =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/promises/${encodeURIComponent(promiseId)}/check`, casePromisesSchema, { method: 'POST', body }),
    onSuccess: (saved) => qc.setQueryData(promisesKey(caseId), saved),
    onError: () => void qc.invalidateQueries({ queryKey: promisesKey(caseId) }),
  });
}
