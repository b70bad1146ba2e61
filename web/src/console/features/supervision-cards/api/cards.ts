import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { orgListSchema } from '@domain/contract/orgs';
import {
  cardDefaultsSchema,
  cardDetailSchema,
  cardListSchema,
  cardPaperSchema,
  recordedCardPrintSchema,
} from '@domain/contract/supervision-cards';
import type { CardLevel, CardStatus } from '@domain/supervision/cards';

// 督办单 (/api/supervision/cards*), answers checked against the contract (src/domain/contract/supervision-cards.ts).
export type { Card, CardDetail, CardEvent, CardPaper } from '@domain/contract/supervision-cards';

export interface CardQuery {
  orgId?: string | undefined;
  status?: CardStatus | undefined;
  level?: CardLevel | undefined;
  caseId?: string | undefined;
  violationId?: string | undefined;
  /** with orgId: that center and the centers below it (a dashboard's number) */
  below?: boolean | undefined;
  /** awaiting an answer (待回告, 退回重新回告) */
  awaiting?: boolean | undefined;
  late?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const cardsKey = ['supervision-cards'] as const;
const cardKey = (id: string) => [...cardsKey, 'detail', id] as const;

const queryString = (q: CardQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const useCards = (q: CardQuery, enabled = true) =>
  useQuery({
    queryKey: [...cardsKey, 'list', q],
    queryFn: ({ signal }) => apiRequest(`/supervision/cards${queryString(q)}`, cardListSchema, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCard = (id: string) =>
  useQuery({ queryKey: cardKey(id), queryFn: ({ signal }) => apiRequest(`/supervision/cards/${encodeURIComponent(id)}`, cardDetailSchema, { signal }), staleTime: 0 });

/** The reply dates the form proposes for each colour (working days of the center's calendar). */
export const useCardDefaults = (orgId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...cardsKey, 'defaults', orgId ?? ''],
    queryFn: ({ signal }) => apiRequest(`/supervision/cards/defaults${orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''}`, cardDefaultsSchema, { signal }),
    enabled,
  });

/** The organisations of the signed-in person's tree (the centers a supervisor may send a card to). */
export const useTreeOrgs = (enabled: boolean) =>
  useQuery({ queryKey: ['orgs', 'list', 'supervision-cards'], queryFn: ({ signal }) => apiRequest('/orgs', orgListSchema, { signal }), enabled, staleTime: 60_000 });

export interface IssueCardInput {
  caseId?: string | undefined;
  violationId?: string | undefined;
  orgId: string;
  level: CardLevel;
  content: string;
  replyBy: string;
}

/** 发出督办单. The Idempotency-Key belongs to one submission: a double click or a lost answer never issues two cards. */
export function useIssueCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: IssueCardInput; idempotencyKey: string }) =>
      apiRequest('/supervision/cards', cardDetailSchema, { method: 'POST', body, idempotencyKey }),
    onSuccess: (card) => {
      queryClient.setQueryData(cardKey(card.id), card);
      void queryClient.invalidateQueries({ queryKey: cardsKey });
    },
  });
}

export type CardStepInput =
  | { action: 'reply'; content: string }
  | { action: 'return'; reason: string; replyBy?: string | undefined }
  | { action: 'raise'; reason: string; replyBy: string }
  | { action: 'close'; remark?: string | undefined };

/** 回告, 退回, 升级, 销号: with the version the person saw (someone else's change first answers 409). */
export function useCardStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step: { action, ...body }, expectedVersion }: { step: CardStepInput; expectedVersion: number }) =>
      apiRequest(`/supervision/cards/${encodeURIComponent(id)}/${action}`, cardDetailSchema, { method: 'POST', body: { ...body, expectedVersion } }),
    onSuccess: (card) => {
      queryClient.setQueryData(cardKey(card.id), card);
      void queryClient.invalidateQueries({ queryKey: cardsKey });
    },
  });
}

/** The printed card as the server composes it now (never from a stale cache). */
export const useCardPaper = (id: string) =>
  useQuery({
    queryKey: [...cardsKey, 'paper', id],
    queryFn: ({ signal }) => apiRequest(`/supervision/cards/${encodeURIComponent(id)}/paper`, cardPaperSchema, { signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

/** Records one print as it happens. */
export function useRecordCardPrint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/supervision/cards/${encodeURIComponent(id)}/prints`, recordedCardPrintSchema, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cardKey(id) }),
  });
}
