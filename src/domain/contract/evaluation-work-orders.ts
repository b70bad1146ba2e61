/** Answers of /api/evaluations/work-orders, /appeals and /figures (API.md "v1 additions": Evaluation). */
import { z } from 'zod';
import { instant } from './common.js';

const light = z.enum(['green', 'yellow', 'red']).nullable();

/** What a 差评 in the evaluation list carries (API.md): its work order. */
export const workOrderSummarySchema = z.object({
  id: z.string(),
  workOrderNo: z.string(),
  status: z.string(),
  statusName: z.string(),
  visitDueAt: instant,
  fixDueAt: instant,
  visitedAt: instant.nullable(),
  rectifiedAt: instant.nullable(),
  light,
  fixLevel: z.string().nullable(),
});

export const appealSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  caseNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  reason: z.string(),
  reasonName: z.string(),
  evidence: z.string(),
  status: z.string(),
  statusName: z.string(),
  requestedByName: z.string(),
  requestedAt: instant,
  decision: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: instant.nullable(),
  version: z.number(),
  allowedActions: z.array(z.string()),
  rating: z.object({ level: z.string(), levelName: z.string(), comment: z.string().nullable(), ratedAt: instant, excludedAt: instant.nullable() }).nullable(),
});
export const appealListSchema = z.object({ appeals: z.array(appealSchema), total: z.number() });

export const workOrderSchema = workOrderSummarySchema.extend({
  ratingId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  level: z.string(),
  levelName: z.string(),
  openedAt: instant,
  closedAt: instant.nullable(),
  dueAt: instant.nullable(),
  finding: z.string().nullable(),
  findingName: z.string().nullable(),
  outcome: z.string().nullable(),
  fixLevelName: z.string().nullable(),
  visitLate: z.boolean(),
  fixLate: z.boolean(),
  version: z.number(),
  allowedActions: z.array(z.string()),
});
export const workOrderListSchema = z.object({ workOrders: z.array(workOrderSchema), total: z.number() });

export const workOrderDetailSchema = workOrderSchema.extend({
  rating: z.object({ id: z.string(), level: z.string(), levelName: z.string(), comment: z.string().nullable(), channel: z.string(), ratedAt: instant, excludedAt: instant.nullable(), excludedReason: z.string().nullable() }).nullable(),
  appeal: appealSchema.nullable(),
  events: z.array(
    z.object({ at: instant, type: z.string(), typeName: z.string(), byName: z.string().nullable(), fromStatus: z.string().nullable(), toStatus: z.string(), text: z.string(), data: z.record(z.string(), z.string().nullable()) }),
  ),
});

export const figureSchema = z.object({
  key: z.string(),
  name: z.string(),
  rated: z.number(),
  good: z.number(),
  goodRate: z.number().nullable(),
  defaults: z.number(),
  finished: z.number(),
  activelyRated: z.number(),
  activeRate: z.number().nullable(),
  bad: z.number(),
  rectified: z.number(),
  rectifyRate: z.number().nullable(),
  excluded: z.number(),
});
export const figuresSchema = z.object({ by: z.string(), from: z.string(), to: z.string(), figures: z.array(figureSchema), total: figureSchema });

export const fixPageSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  centerName: z.string(),
  outcome: z.string(),
  rectifiedAt: instant,
  canRate: z.boolean(),
  fixLevel: z.string().nullable(),
});
