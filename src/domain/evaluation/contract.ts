/**
 * What the server answers about ratings (好差评, /api/evaluations*, /api/hall/pad*, /api/public/ratings*): one set of
 * zod schemas for the routes (and /api/openapi.json) and the console's checks.
 */
import { z } from 'zod';
import { workOrderSummarySchema } from '../contract/evaluation-work-orders.js';
import { RATING_CHANNELS } from './channels.js';
import { LEVELS } from './levels.js';

const level = z.enum(LEVELS);
const levelName = z.string();
export const evaluationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  orgId: z.string(),
  centerName: z.string(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  person: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  level,
  levelName,
  comment: z.string().nullable(),
  channel: z.enum(RATING_CHANNELS),
  channelName: z.string(),
  round: z.number().int(),
  isDefault: z.boolean(),
  enteredBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  ratedAt: z.string(),
  createdAt: z.string(),
  excluded: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  /** a 差评's work order (API.md: `{ status, visitDueAt, fixDueAt, … }`), with the director's appeal if there is one */
  workOrder: workOrderSummarySchema
    .extend({
      appeal: z.object({ id: z.string(), status: z.string(), statusName: z.string(), decision: z.string().nullable(), decidedAt: z.string().nullable() }).nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export const listSchema = z.object({ evaluations: z.array(evaluationSchema), total: z.number().int() });
export const offerSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  centerName: z.string(),
  ratable: z.boolean(),
  notRatableReason: z.string().nullable(),
  rated: z.object({ level, levelName, ratedAt: z.string(), isDefault: z.boolean() }).nullable(),
});
export const ratedSchema = z.object({ id: z.string(), caseNo: z.string(), level, levelName, channel: z.enum(RATING_CHANNELS), ratedAt: z.string() });
export const padSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  centerName: z.string(),
  windowId: z.string(),
  windowName: z.string(),
  registeredAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export const padOfferSchema = z.object({
  offer: z.object({ caseId: z.string(), caseNo: z.string(), itemName: z.string(), applicantName: z.string(), completedAt: z.string() }).nullable(),
});
export const settingsSchema = z.object({ inviteDays: z.number().int(), defaultDays: z.number().int() });
export const padRegistrationSchema = z.object({ pad: padSchema, code: z.string(), path: z.string() });
export const ratingLinkSchema = z.object({ url: z.string().nullable(), qrSvg: z.string().nullable() });

export type Evaluation = z.infer<typeof evaluationSchema>;
export type RatingPad = z.infer<typeof padSchema>;
export type RatingSettings = z.infer<typeof settingsSchema>;
