import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { complaintDetailSchema, complaintLimitsSchema, complaintListSchema } from '@domain/complaints/contract';
import type { ComplaintAction, ComplaintClass, ComplaintSource, ComplaintStatus } from '@domain/complaints/complaints';

// 投诉 (/api/complaints*), answers checked against the contract (src/domain/complaints/contract.ts).
export type { Complaint, ComplaintDetail, ComplaintEvent } from '@domain/complaints/contract';

export interface ComplaintQuery {
  status?: ComplaintStatus | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  source?: ComplaintSource | undefined;
  orgId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const complaintsKey = ['complaints'] as const;
const complaintKey = (id: string) => [...complaintsKey, 'detail', id] as const;

const queryString = (q: ComplaintQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const useComplaints = (q: ComplaintQuery, enabled = true) =>
  useQuery({
    queryKey: [...complaintsKey, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/complaints${queryString(q)}`, complaintListSchema, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useComplaint = (id: string) =>
  useQuery({ queryKey: complaintKey(id), queryFn: ({ signal }) => apiRequest(`/complaints/${encodeURIComponent(id)}`, complaintDetailSchema, { signal }), staleTime: 0 });

export const useComplaintLimits = () =>
  useQuery({ queryKey: [...complaintsKey, 'limits'], queryFn: ({ signal }) => apiRequest('/complaints/limits', complaintLimitsSchema, { signal }), staleTime: 60_000 });

export interface RegisterComplaintInput {
  source: Exclude<ComplaintSource, 'online'>;
  cls: ComplaintClass;
  title: string;
  content: string;
  complainantName: string;
  complainantPhone: string;
  respondentUnit?: string | undefined;
  respondentPerson?: string | undefined;
  caseNo?: string | undefined;
  hotlineNo?: string | undefined;
  /** when a letter or call actually came in (ISO instant); now when absent */
  receivedAt?: string | undefined;
}

/** 登记投诉. The Idempotency-Key belongs to one submission: a double click never registers two complaints. */
export function useRegisterComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RegisterComplaintInput; idempotencyKey: string }) =>
      apiRequest('/complaints', complaintDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: (c) => {
      queryClient.setQueryData(complaintKey(c.id), c);
      void queryClient.invalidateQueries({ queryKey: complaintsKey });
    },
  });
}

export interface ComplaintActionInput {
  cls?: ComplaintClass | undefined;
  /** 受理: the 承办人 (the acting person when absent) */
  handlerId?: string | undefined;
  findings?: string | undefined;
  upheld?: boolean | undefined;
  reasons?: string | undefined;
  feedback?: string | undefined;
  result?: 'satisfied' | 'basic' | 'dissatisfied' | undefined;
  note?: string | undefined;
  reason?: string | undefined;
  days?: number | undefined;
  mainId?: string | undefined;
}

/** One step, with the version the person saw (someone else's change first answers 409). */
export function useComplaintAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body, expectedVersion }: { action: ComplaintAction; body: ComplaintActionInput; expectedVersion: number }) =>
      apiRequest(`/complaints/${encodeURIComponent(id)}/actions/${action}`, complaintDetailSchema, { method: 'POST', body: { ...body, expectedVersion } }),
    onSuccess: (c) => {
      queryClient.setQueryData(complaintKey(c.id), c);
      void queryClient.invalidateQueries({ queryKey: complaintsKey });
    },
  });
}
