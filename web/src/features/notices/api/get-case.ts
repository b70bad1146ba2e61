import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// The case as the notices read it (GET /api/cases/:id): only the fields printed on a notice.
// Its own query key, so it never shares a cache entry with the case screens' fuller schema.

const eventSchema = z.object({
  at: z.string(),
  type: z.string(),
  by: z.string(),
  fromStatus: z.string().nullish(),
  toStatus: z.string().nullish(),
});

export const noticeCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(['immediate', 'promised', 'joint', 'escalated']),
  sixKind: z.string(),
  status: z.string(),
  statusName: z.string().nullish(),
  applicant: z.object({ name: z.string() }),
  receivingOrgId: z.string(),
  holderOrgId: z.string(),
  acceptedAt: z.string().nullish(),
  dueAt: z.string().nullish(),
  outcome: z.enum(['approved', 'denied']).nullish(),
  resultNo: z.string().nullish(),
  materials: z.object({ provided: z.array(z.string()) }),
  supplementNotice: z.object({ missing: z.array(z.string()), defectNote: z.string().nullish(), at: z.string() }).nullish(),
  refusal: z.object({ reasons: z.string(), basis: z.string() }).nullish(),
  jointDepartments: z.array(z.string()).default([]),
  transit: z.object({ to: z.string(), at: z.string() }).nullish(),
  delivery: z.object({ method: z.enum(['window', 'mail', 'agent']), at: z.string() }).nullish(),
  events: z.array(eventSchema),
});
export type NoticeCase = z.infer<typeof noticeCaseSchema>;
export type CaseEvent = z.infer<typeof eventSchema>;

export const getNoticeCase = (id: string, signal?: AbortSignal) =>
  apiRequest(`/cases/${encodeURIComponent(id)}`, noticeCaseSchema, { signal });

// A notice prints the case as it is now: never from a cache that an action on the case page has since made stale
// (gcTime 0 drops the entry when the notice page closes, so the next notice always loads afresh).
export const noticeCaseQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['notices', 'case', id], queryFn: ({ signal }) => getNoticeCase(id, signal), staleTime: 0, gcTime: 0 });

export const useNoticeCase = (id: string) => useQuery(noticeCaseQueryOptions(id));
