/**
 * The monthly supervision report (监察月报, issue 9 §4): per center below the chosen organisation, the month's cases,
 * violations by rule and status, and 督办单; the top rules fired. GET /api/supervision/report (and .xlsx).
 */
import { z } from 'zod';
import { CARD_LEVELS } from '../supervision/cards.js';
import { RULE_CODES } from '../supervision/rules.js';
import { VIOLATION_STATUSES } from '../supervision/violations.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { instant } from './common.js';

const count = z.number().int().min(0);

export const reportRuleCountSchema = z.object({ ruleCode: z.enum(RULE_CODES), ruleNumber: z.string(), name: z.string(), count });

export const reportNumbersSchema = z.object({
  cases: z.object({
    received: count,
    completed: count,
    completedOnTime: count,
    /** completed late within the month, or open past the due date at the month's end */
    overdue: count,
    /** completedOnTime / completed, 0..1; null when nothing was completed */
    onTimeRate: z.number().min(0).max(1).nullable(),
  }),
  violations: z.object({
    total: count,
    byRule: z.array(reportRuleCountSchema),
    byStatus: z.record(z.enum(VIOLATION_STATUSES), count),
  }),
  cards: z.object({
    issued: count,
    byLevel: z.record(z.enum(CARD_LEVELS), count),
    replied: count,
    repliedLate: count,
    closed: count,
  }),
});
export type ReportNumbers = z.infer<typeof reportNumbersSchema>;

export const supervisionReportSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** the month's local dates */
  from: z.string(),
  to: z.string(),
  org: z.object({ orgId: z.string(), name: z.string(), centerName: z.string(), level: z.enum(ORG_LEVELS) }),
  /** the chosen organisation's own center, then each one below it with its whole subtree (a township with its villages) */
  rows: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      level: z.enum(ORG_LEVELS),
      /** false: the chosen center's own figures only; true: with those of every center below it */
      subtree: z.boolean(),
      numbers: reportNumbersSchema,
    }),
  ),
  total: reportNumbersSchema,
  /** the rules fired most often in the month over the whole tree, most first */
  topRules: z.array(reportRuleCountSchema),
  generatedAt: instant,
});
export type SupervisionReport = z.infer<typeof supervisionReportSchema>;
