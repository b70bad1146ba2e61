import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import {
  earlierVisitsSchema,
  handoverPaperSchema,
  noticePaperSchema,
  petitionDetailSchema,
  petitionListSchema,
  petitionPrintSchema,
} from '@domain/petitions/contract';
import type { PetitionChannel, PetitionHandling, PetitionSex, PetitionStatus, PetitionUrgency } from '@domain/petitions/petitions';

// 信访接待 (/api/petitions*), answers checked against the contract (src/domain/petitions/contract.ts).
export type { Handover, HandoverPaper, NoticePaper, Petition, PetitionDetail } from '@domain/petitions/contract';

export interface PetitionQuery {
  status?: PetitionStatus | undefined;
  group?: boolean | undefined;
  open?: boolean | undefined;
  channel?: PetitionChannel | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const petitionsKey = ['petitions'] as const;
const petitionKey = (id: string) => [...petitionsKey, 'detail', id] as const;

const queryString = (q: Record<string, unknown>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const usePetitions = (q: PetitionQuery) =>
  useQuery({
    queryKey: [...petitionsKey, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/petitions${queryString({ ...q })}`, petitionListSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const usePetition = (id: string) =>
  useQuery({ queryKey: petitionKey(id), queryFn: ({ signal }) => apiRequest(`/petitions/${encodeURIComponent(id)}`, petitionDetailSchema, { signal }), staleTime: 0 });

/** 既往来访: the same person's earlier petitions, asked as soon as an ID number or phone is typed. */
export const useEarlierVisits = (who: { idNumber?: string | undefined; phone?: string | undefined }) =>
  useQuery({
    queryKey: [...petitionsKey, 'earlier', who.idNumber ?? '', who.phone ?? ''],
    queryFn: ({ signal }) => apiRequest(`/petitions/earlier${queryString(who)}`, earlierVisitsSchema, { signal }),
    enabled: !!(who.idNumber || who.phone),
    retry: false,
  });

export interface RegisterPetitionInput {
  name: string;
  phone?: string | undefined;
  idNumber?: string | undefined;
  address?: string | undefined;
  sex?: PetitionSex | undefined;
  age?: number | undefined;
  occupation?: string | undefined;
  issue: string;
  channel: PetitionChannel;
  persons?: number | undefined;
  representatives?: { name: string; phone?: string | undefined; idNumber?: string | undefined }[] | undefined;
  handling?: PetitionHandling | undefined;
  urgency?: PetitionUrgency | undefined;
  result?: string | undefined;
  receivedAt?: string | undefined;
}

/** 信访登记. The Idempotency-Key belongs to one submission: a double click never registers two petitions. */
export function useRegisterPetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RegisterPetitionInput; idempotencyKey: string }) =>
      apiRequest('/petitions', petitionDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: (p) => {
      queryClient.setQueryData(petitionKey(p.id), p);
      void queryClient.invalidateQueries({ queryKey: petitionsKey });
    },
  });
}

/** One step: accept, reject, hand-over, department-reply, extend, reception, answer, request-review … */
export function usePetitionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body: Record<string, unknown> & { expectedVersion: number } }) =>
      apiRequest(`/petitions/${encodeURIComponent(id)}/actions/${action}`, petitionDetailSchema, { method: 'POST', body }),
    onSuccess: (p) => {
      queryClient.setQueryData(petitionKey(p.id), p);
      void queryClient.invalidateQueries({ queryKey: [...petitionsKey, 'list'] });
    },
  });
}

export const useHandoverPaper = (id: string, handoverId: string) =>
  useQuery({
    queryKey: [...petitionsKey, 'handover-paper', id, handoverId],
    queryFn: ({ signal }) => apiRequest(`/petitions/${encodeURIComponent(id)}/handovers/${encodeURIComponent(handoverId)}/paper`, handoverPaperSchema, { signal }),
  });

export const useNoticePaper = (id: string, seq: number) =>
  useQuery({
    queryKey: [...petitionsKey, 'notice-paper', id, seq],
    queryFn: ({ signal }) => apiRequest(`/petitions/${encodeURIComponent(id)}/notices/${seq}/paper`, noticePaperSchema, { signal }),
  });

/** Records one print of a slip (before the browser's print dialog opens). */
export function useRecordPetitionPrint(id: string, paper: { handoverId?: string; seq?: number }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/petitions/${encodeURIComponent(id)}/prints`, petitionPrintSchema, { method: 'POST', body: paper }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: petitionKey(id) }),
  });
}
