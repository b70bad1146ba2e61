/**
 * What the server answers about the village network (API.md, /api/agents/*): the agent's phone and the township's
 * console. The agent app carries no schema library (its 300 KB budget): it uses the inferred types, and the
 * server checks the answers against these.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../cases/model.js';
import { MONTHLY_COUNTERS, type MonthlyCounter } from '../agents/monthly.js';
import { HOP_KINDS } from '../cases/hops.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { OUTCOMES } from './cases.js';
import { officeHoursSchema } from './common.js';

/** GET /api/agents/to-reply: results to hand back, with the villager's phone in full and the reply deadline. */
export const replyCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusName: z.string(),
  outcome: z.enum(OUTCOMES).nullable(),
  resultNo: z.string().nullable(),
  /** the phone in full: the agent has to call the villager (each read is audited) */
  applicant: z.object({ name: z.string(), phone: z.string() }),
  /** when the result came back to the village; null for a case finished here */
  resultBackAt: z.string().nullable(),
  /** by when the villager must have been told and handed the result; null for a case finished here */
  replyDueAt: z.string().nullable(),
  replyLate: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReplyCase = z.infer<typeof replyCaseSchema>;

export const replyListSchema = z.object({ cases: z.array(replyCaseSchema), total: z.number().int() });

/**
 * GET /api/agents/next-batch[?caseId=]: the day the village's 集中报送 goes next (today, while this week's batch has
 * not been sent), how many cases wait for it and, asked for one waiting case, the last day it may go (its limit).
 */
export const nextBatchSchema = z.object({
  batchDay: z.string().describe('本次（下次）集中报送日 YYYY-MM-DD：今天是报送日且本周批次尚未发出时为今天'),
  batchToday: z.boolean().describe('今天是报送日且本周批次尚未发出'),
  waiting: z.number().int(),
  caseLatestDay: z.string().nullable().optional().describe('指定办件最迟报送乡镇的日期 YYYY-MM-DD（其转报时限）；不在本村等待报送时为 null'),
});
export type NextBatch = z.infer<typeof nextBatchSchema>;

/** A village batch (集中报送批次) as GET /api/agents/batches lists it: people by name. */
export const batchSummarySchema = z.object({
  id: z.string(),
  batchNo: z.string(),
  villageOrgId: z.string(),
  villageName: z.string(),
  townshipOrgId: z.string(),
  townshipName: z.string(),
  sentAt: z.string(),
  sentBy: z.string(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  caseCount: z.number().int(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;
export const batchListSchema = z.object({ batches: z.array(batchSummarySchema) });

/** One line of the 报送清单: a case of the batch and the materials handed over with it. */
export const batchCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  materials: z.array(z.string()),
  received: z.boolean(),
});
export type BatchCase = z.infer<typeof batchCaseSchema>;

/** POST /api/agents/batches, GET /api/agents/batches/{id}, POST …/receive */
export const batchSchema = batchSummarySchema.extend({ cases: z.array(batchCaseSchema) });
export type Batch = z.infer<typeof batchSchema>;

/** GET /api/agents/hop-violations: a hop (转报、上报、结果返回) done after its time limit, or still not done past it. */
export const hopViolationSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  hop: z.enum(HOP_KINDS),
  hopName: z.string(),
  from: z.string(),
  to: z.string(),
  urgent: z.boolean(),
  readyAt: z.string(),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
});
export type HopViolation = z.infer<typeof hopViolationSchema>;
export const hopViolationsSchema = z.object({ violations: z.array(hopViolationSchema) });

const countersSchema = z.object(Object.fromEntries(MONTHLY_COUNTERS.map((key) => [key, z.number().int()])) as Record<MonthlyCounter, z.ZodNumber>);

/** GET /api/agents/monthly: 村级便民服务办理情况统计表 of one month, per village and item category, with the totals. */
export const monthlyRowSchema = countersSchema.extend({ villageId: z.string(), villageName: z.string(), category: z.string() });
export type MonthlyRow = z.infer<typeof monthlyRowSchema>;
export const monthlySchema = z.object({ month: z.string(), rows: z.array(monthlyRowSchema), totals: countersSchema });
export type Monthly = z.infer<typeof monthlySchema>;

/** GET /api/agents/where-to-apply: where a villager must go for an item this village cannot take. */
export const whereToApplySchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  offeredHere: z.boolean(),
  /** the item requires the applicant in person (须本人到场) */
  inPerson: z.boolean(),
  venue: z
    .object({
      level: z.enum(ORG_LEVELS),
      centerName: z.string(),
      window: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      hours: officeHoursSchema.nullable(),
      /** the hours as one sentence (周一至周五 8:30-12:00 …) */
      hoursText: z.string().nullable(),
    })
    .nullable(),
  /** what the agent tells the villager, in one sentence; null where the village takes the item itself */
  text: z.string().nullable(),
});
export type WhereToApply = z.infer<typeof whereToApplySchema>;
