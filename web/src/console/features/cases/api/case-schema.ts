import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATUSES, SIX_KINDS } from '@domain/cases/model';

// Statuses, actions and their Chinese names are the server's own (src/domain/cases/model.ts).
export {
  ACTION_NAMES,
  CASE_STATUSES,
  KIND_NAMES,
  SIX_KIND_NAMES,
  SIX_KINDS,
  STATUS_NAMES,
  type CaseAction,
  type CaseStatus,
  type SixKind,
} from '@domain/cases/model';

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** A row of the ledger and the work lists (presentCaseSummary): personal data masked. */
export const caseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.string(),
  kindName: z.string(),
  sixKind: z.enum(SIX_KINDS),
  sixKindName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusName: z.string(),
  channel: z.string(),
  applicant: z.object({
    kind: z.string().nullish(),
    name: z.string(),
    idNumber: z.string(),
    phone: z.string(),
    address: z.string().nullish(),
  }),
  receivingOrgId: z.string(),
  holderOrgId: z.string(),
  transitOrgId: z.string().nullish(),
  windowId: z.string().nullish(),
  firstResponderId: z.string().nullish(),
  acceptedAt: z.string().nullish(),
  dueAt: z.string().nullish(),
  /** 暂定: counted through a year whose State Council arrangement is not imported yet (DOMAIN.md rule 3) */
  dueProvisional: z.boolean().default(false),
  /** when importing a year's arrangement last moved the due date */
  dueRecomputedAt: z.string().nullish(),
  legalDueAt: z.string().nullish(),
  light: z.enum(LIGHTS).nullish(),
  outcome: z.enum(['approved', 'denied']).nullish(),
  resultNo: z.string().nullish(),
  refusalReview: z.object({ at: z.string(), opinion: z.string().nullish(), answeredAt: z.string().nullish() }).nullish(),
  completedAt: z.string().nullish(),
  createdAt: z.string(),
  version: z.number(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** One case with its rule-relevant state, the actions it offers this person, and its timeline (presentCase). */
export const caseSchema = caseSummarySchema.extend({
  proxy: z.object({ authorized: z.boolean() }).nullish(),
  materials: z.object({
    provided: z.array(z.string()),
    guide: z.array(z.object({ name: z.string(), main: z.boolean() })),
  }),
  supplementNotice: z.object({ missing: z.array(z.string()), defectNote: z.string().nullish(), at: z.string() }).nullish(),
  /** later requests to resubmit a defective material on file (rule 1's exception) */
  defectRequests: z.array(z.object({ materials: z.array(z.string()), note: z.string(), at: z.string() })).default([]),
  /** asked for and not on file yet: what 补正 still waits for */
  outstandingMaterials: z.array(z.string()).default([]),
  refusal: z.object({ reasons: z.string(), basis: z.string() }).nullish(),
  /** the director's objection (有异议) to the refusal and the window's answer */
  refusalObjection: z
    .object({
      comment: z.string(),
      at: z.string(),
      by: z.string(),
      byUserId: z.string().nullish(),
      answer: z.object({ text: z.string(), at: z.string(), by: z.string() }).nullish(),
    })
    .nullish(),
  pendingExtension: z.object({ reason: z.string(), days: z.number(), requestedAt: z.string() }).nullish(),
  reviews: z.array(z.object({ department: z.string(), opinion: z.enum(['agree', 'disagree']), comment: z.string().nullish(), at: z.string() })),
  jointDepartments: z.array(z.string()),
  specialSteps: z.array(z.object({ name: z.string(), limitDays: z.number(), countsTowardLegal: z.boolean() })),
  activeStep: z.object({ name: z.string(), limitDays: z.number(), countsTowardLegal: z.boolean() }).nullish(),
  transit: z.object({ from: z.string(), to: z.string(), urgent: z.boolean(), at: z.string() }).nullish(),
  delivery: z.object({ method: z.enum(['window', 'mail', 'agent']), at: z.string() }).nullish(),
  allowedActions: z.array(z.object({ action: z.enum(CASE_ACTIONS), name: z.string() })),
  events: z.array(
    z.object({
      at: z.string(),
      type: z.string(),
      by: z.string(),
      fromStatus: z.string().nullish(),
      toStatus: z.string().nullish(),
      data: z.unknown().optional(),
    }),
  ),
});
export type Case = z.infer<typeof caseSchema>;
