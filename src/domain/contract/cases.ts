/**
 * What the server answers about cases (API.md), as zod schemas: registered as the routes' `response` schemas, so
 * /api/openapi.json describes them and every answer is checked and stripped to exactly these fields before it
 * leaves the server; the console parses its answers with the same schemas. The agent app and the public page
 * carry no schema library and use the inferred types only (web/src/agent/model.ts).
 */
import { z } from 'zod';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_KINDS, CASE_STATUSES, SIX_KINDS } from '../cases/model.js';
import type { Light } from '../cases/light.js';
import { ORG_LEVELS } from '../orgs/tree.js';

const instant = z.string().describe('ISO 8601 时刻（UTC）');
const level = z.enum(ORG_LEVELS);

const LIGHTS = ['green', 'yellow', 'red'] as const satisfies readonly Light[];
export const OUTCOMES = ['approved', 'denied'] as const;
export const DELIVERY_METHODS = ['window', 'mail', 'agent'] as const;

/** A row of the ledger and the work lists: the projected columns, personal data masked unless the viewer may see it. */
export const caseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(CASE_KINDS),
  kindName: z.string(),
  sixKind: z.enum(SIX_KINDS),
  sixKindName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusName: z.string(),
  channel: z.enum(CASE_CHANNELS),
  applicant: z.object({
    kind: z.string().nullable(),
    name: z.string(),
    /** masked (3301**********1234) unless the viewer is staff of the case's own centers */
    idNumber: z.string(),
    phone: z.string(),
    address: z.string().nullable(),
  }),
  receivingOrgId: z.string(),
  holderOrgId: z.string(),
  /** forwarded or escalated and not received yet: the center it is on its way to */
  transitOrgId: z.string().nullable(),
  windowId: z.string().nullable(),
  firstResponderId: z.string().nullable(),
  acceptedAt: instant.nullable(),
  dueAt: instant.nullable(),
  /** 暂定: counted through a year whose State Council arrangement is not imported yet (DOMAIN.md rule 3) */
  dueProvisional: z.boolean(),
  /** when importing a year's arrangement last moved the due date */
  dueRecomputedAt: instant.nullable(),
  legalDueAt: instant.nullable(),
  light: z.enum(LIGHTS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  resultNo: z.string().nullable(),
  refusalReview: z.object({ at: instant, opinion: z.string().nullable(), answeredAt: instant.nullable() }).nullable(),
  completedAt: instant.nullable(),
  createdAt: instant,
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const step = z.object({ name: z.string(), limitDays: z.number(), countsTowardLegal: z.boolean() });

export const caseEventSchema = z.object({
  at: instant,
  type: z.string(),
  by: z.string(),
  /** the center that acted: the issuer of the paper recording it (rule 10) */
  orgId: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  data: z.unknown().optional(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

/** One case with its rule-relevant state, the actions it offers the viewer, and its timeline. */
export const caseSchema = caseSummarySchema.extend({
  /** 暂定 for legalDueAt, as dueProvisional is for dueAt: counted through a year not imported yet (rule 3) */
  legalDueProvisional: z.boolean(),
  proxy: z.object({ authorized: z.boolean() }).nullable(),
  materials: z.object({
    provided: z.array(z.string()),
    guide: z.array(z.object({ name: z.string(), main: z.boolean(), copies: z.number().optional(), original: z.boolean().optional() })).readonly(),
  }),
  supplementNotice: z.object({ missing: z.array(z.string()), defectNote: z.string().nullable(), at: instant }).nullable(),
  /** later requests to resubmit a defective material on file (rule 1's exception) */
  defectRequests: z.array(z.object({ materials: z.array(z.string()), note: z.string(), at: instant })),
  /** asked for and not on file yet: what 补正 still waits for */
  outstandingMaterials: z.array(z.string()),
  refusal: z.object({ reasons: z.string(), basis: z.string() }).nullable(),
  /** the director's objection (有异议) to the refusal and the window's answer */
  refusalObjection: z
    .object({
      comment: z.string(),
      at: instant,
      by: z.string(),
      /** who raised it: that person cannot also answer it */
      byUserId: z.string().nullable(),
      answer: z.object({ text: z.string(), at: instant, by: z.string() }).nullable(),
    })
    .nullable(),
  pendingExtension: z.object({ reason: z.string(), days: z.number(), requestedAt: instant }).nullable(),
  reviews: z.array(z.object({ department: z.string(), opinion: z.enum(['agree', 'disagree']), comment: z.string(), at: instant })),
  jointDepartments: z.array(z.string()).readonly(),
  specialSteps: z.array(step).readonly(),
  activeStep: step.nullable(),
  transit: z.object({ from: level, to: level, urgent: z.boolean(), at: instant }).nullable(),
  delivery: z.object({ method: z.enum(DELIVERY_METHODS), at: instant }).nullable(),
  allowedActions: z.array(z.object({ action: z.enum(CASE_ACTIONS), name: z.string() })),
  events: z.array(caseEventSchema),
});
export type Case = z.infer<typeof caseSchema>;

/** GET /api/cases. totalCapped: a search counts its matches only up to a limit; there are more. */
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema), total: z.number().int(), totalCapped: z.boolean().optional() });
export type CaseList = z.infer<typeof caseListSchema>;

/** GET /api/cases/lights */
export const lightCountsSchema = z.object({
  counts: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  total: z.number().int(),
});
