/**
 * What the server answers about electronic supervision (API.md "v1 additions": Supervision): the rules as data
 * with their history, the violations (监察记录) with the facts that fired them, and the per-center overview.
 */
import { z } from 'zod';
import { RULE_CODES, SEVERITIES } from '../supervision/rules.js';
import { VIOLATION_STATUSES } from '../supervision/violations.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { instant } from './common.js';

const person = z.object({ id: z.string(), name: z.string().nullable() });

export const ruleParameterSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  min: z.number(),
  max: z.number(),
  default: z.number(),
  value: z.number(),
});

export const supervisionRuleSchema = z.object({
  code: z.enum(RULE_CODES),
  /** 监察规则编号 (GB/T 39046 表11) */
  number: z.string(),
  name: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  severityName: z.string(),
  trigger: z.enum(['event', 'time', 'both']),
  triggerName: z.string(),
  parameters: z.array(ruleParameterSchema),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: instant,
  updatedBy: person.nullable(),
});
export type SupervisionRule = z.infer<typeof supervisionRuleSchema>;

export const supervisionRulesSchema = z.object({ rules: z.array(supervisionRuleSchema) });

export const ruleChangeSchema = z.object({
  id: z.string(),
  ruleCode: z.string(),
  at: instant,
  by: person.nullable(),
  /** what changed, in Chinese: 开关：启用 → 停用；宽限时间：0 → 30 分钟 */
  changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  reason: z.string(),
  /** the rule's version after the change */
  version: z.number().int(),
});
export type RuleChange = z.infer<typeof ruleChangeSchema>;

export const ruleHistorySchema = z.object({ changes: z.array(ruleChangeSchema), total: z.number().int() });

export const factLineSchema = z.object({ label: z.string(), value: z.string() });

export const violationSchema = z.object({
  id: z.string(),
  ruleCode: z.enum(RULE_CODES),
  ruleNumber: z.string(),
  ruleName: z.string(),
  severity: z.enum(SEVERITIES),
  severityName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  /** the center responsible */
  orgId: z.string(),
  orgName: z.string().nullable(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  person: person.nullable(),
  /** when the rule fired (recorded) */
  at: instant,
  /** when the duty was missed: the limit that passed, or the step that broke the rule */
  occurredAt: instant,
  /** the facts that fired it: times as ISO instants, amounts and numbers */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** the same facts in Chinese, one per line */
  factLines: z.array(factLineSchema),
  /** one Chinese sentence: what happened */
  factsText: z.string(),
  status: z.enum(VIOLATION_STATUSES),
  statusName: z.string(),
  version: z.number().int(),
});
export type Violation = z.infer<typeof violationSchema>;

export const violationListSchema = z.object({ violations: z.array(violationSchema), total: z.number().int() });

const timelineEntry = z.object({ at: instant, type: z.string(), name: z.string(), by: z.string().nullable(), text: z.string().nullable() });

export const violationDetailSchema = violationSchema.extend({
  explanation: z.object({ reason: z.string(), by: person.nullable(), at: instant }).nullable(),
  decision: z.object({ decision: z.enum(['confirm', 'dismiss']), decisionName: z.string(), reason: z.string(), by: person.nullable(), at: instant }).nullable(),
  /** the violation's own steps: recorded, explained, decided */
  events: z.array(timelineEntry),
  /** the case's steps, for reading the facts against */
  caseEvents: z.array(timelineEntry),
  /** what the viewer may do now */
  allowed: z.object({ explain: z.boolean(), decide: z.boolean() }),
});
export type ViolationDetail = z.infer<typeof violationDetailSchema>;

const lightCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });

export const overviewCenterSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().nullable(),
  /** open cases received here, by their stored light */
  lights: lightCounts,
  /** open cases received here whose due date has passed */
  overdue: z.number().int(),
  /** violations of this center not decided yet (待说明 and 已说明) */
  openViolations: z.number().int(),
  byRule: z.array(z.object({ ruleCode: z.enum(RULE_CODES), number: z.string(), name: z.string(), count: z.number().int() })),
});

export const supervisionOverviewSchema = z.object({
  centers: z.array(overviewCenterSchema),
  totals: z.object({ lights: lightCounts, overdue: z.number().int(), openViolations: z.number().int() }),
  at: instant,
});
export type SupervisionOverview = z.infer<typeof supervisionOverviewSchema>;
