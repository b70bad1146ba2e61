/**
 * What the server answers the village agent's phone (API.md, /api/agents/*). The agent app carries no schema
 * library (its 300 KB budget): it uses the inferred types, and the server checks the answers against these.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../cases/model.js';
import { OUTCOMES } from './cases.js';

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
