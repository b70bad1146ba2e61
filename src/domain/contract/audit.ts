/** What the server answers the auditor (/api/audit*). */
import { z } from 'zod';
import { instant } from './common.js';

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: instant,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  actionName: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.unknown(),
  /** the content in words, names instead of ids (as of now: the stored entry keeps ids and is never rewritten) */
  detailText: z.string(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** GET /api/audit/verify: the hash chain recomputed; where it breaks, the entry and why. */
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().optional(),
  problem: z.string().optional(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;
