import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { NOTICE_TYPES } from '@/lib/notices';

// One paper of a case as the server composes it (GET /api/cases/:id/papers/:paper): the case (masked), the item's
// facts it quotes, the issuing center of rule 10, where the applicant collects, the public address and the
// supervision phone. A print record keeps exactly this, so a past print renders from the same shape.

const sessionsSchema = z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) });

const centerSchema = z.object({
  id: z.string(),
  level: z.string(),
  name: z.string(),
  centerName: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  officeHours: sessionsSchema.nullish(),
});
export type Center = z.infer<typeof centerSchema>;

const eventSchema = z.object({
  at: z.string(),
  type: z.string(),
  by: z.string(),
  orgId: z.string().nullish(),
  fromStatus: z.string().nullish(),
  toStatus: z.string().nullish(),
  data: z.unknown().optional(),
});

const paperCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(['immediate', 'promised', 'joint', 'escalated']),
  status: z.string(),
  channel: z.string().nullish(),
  applicant: z.object({ name: z.string() }),
  receivingOrgId: z.string(),
  holderOrgId: z.string(),
  acceptedAt: z.string().nullish(),
  dueAt: z.string().nullish(),
  /** the due date lies in a year whose official arrangement is not loaded yet (rule 3): printed 暂定 */
  dueProvisional: z.boolean().nullish(),
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
export type PaperCase = z.infer<typeof paperCaseSchema>;

const itemFactsSchema = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string().nullish(),
  kind: z.string(),
  promisedDays: z.number().nullish(),
  result: z.string().nullish(),
  specialSteps: z.array(z.object({ name: z.string(), limitDays: z.number() })).default([]),
});
export type ItemFacts = z.infer<typeof itemFactsSchema>;

export const paperSchema = z.object({
  paper: z.enum(NOTICE_TYPES),
  paperName: z.string(),
  title: z.string(),
  case: paperCaseSchema,
  item: itemFactsSchema.nullable(),
  issuer: centerSchema,
  handOver: centerSchema.nullable(),
  receivedBy: centerSchema.nullish(),
  windowName: z.string().nullable(),
  event: z.object({ type: z.string(), at: z.string(), by: z.string() }).nullable(),
  supplementDays: z.number(),
  supplementBy: z.string().nullable(),
  extension: z
    .object({ reason: z.string().nullable(), days: z.number().nullable(), previousDueAt: z.string().nullable(), dueAt: z.string().nullable() })
    .nullable(),
  supervisionPhone: z.string().nullable(),
  publicUrl: z.string().nullable(),
  progressUrl: z.string().nullable(),
  levelNames: z.object({ county: z.string(), township: z.string(), village: z.string() }),
  generatedAt: z.string(),
});
export type Paper = z.infer<typeof paperSchema>;

export const getPaper = (id: string, paper: string, signal?: AbortSignal) =>
  apiRequest(`/cases/${encodeURIComponent(id)}/papers/${encodeURIComponent(paper)}`, paperSchema, { signal });

// A paper prints the case as it is now: never from a cache an action on the case page has since made stale.
export const paperQueryOptions = (id: string, paper: string) =>
  queryOptions({ queryKey: ['notices', 'paper', id, paper], queryFn: ({ signal }) => getPaper(id, paper, signal), staleTime: 0, gcTime: 0, retry: false });

export const usePaper = (id: string, paper: string) => useQuery(paperQueryOptions(id, paper));
