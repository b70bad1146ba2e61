/** 百分制考核's answers (issue 13 §2; API.md "Reports": GET /api/assessments?orgId=&month=). */
import { z } from 'zod';
import { CATEGORIES, RULE_SOURCES } from './rules.js';

export const assessmentRuleSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  categoryName: z.string(),
  points: z.number().int(),
  maxPoints: z.number().int().nullable(),
  cap: z.number().int().nullable(),
  source: z.enum(RULE_SOURCES),
  description: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
});
export type AssessmentRuleView = z.infer<typeof assessmentRuleSchema>;
export const assessmentRuleListSchema = z.object({ rules: z.array(assessmentRuleSchema), categories: z.array(z.object({ code: z.enum(CATEGORIES), name: z.string(), cap: z.number() })) });

export const assessmentAppealSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  reason: z.string(),
  byName: z.string(),
  createdAt: z.string(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});

export const assessmentDeductionSchema = z.object({
  /** the item (a chief's share line names the window's item) */
  itemId: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  categoryName: z.string(),
  /** what the line counts in the score: negative for a deduction, positive for a bonus, 0 when not counted */
  points: z.number(),
  /** as recorded, before caps and appeals (signed like `points`) */
  recordedPoints: z.number(),
  reason: z.string(),
  caseId: z.string().optional(),
  caseNo: z.string().nullable(),
  /** active; withdrawn: its source no longer qualifies; cancelled: an appeal was upheld (kept on record) */
  status: z.enum(['active', 'withdrawn', 'cancelled']),
  origin: z.enum(['auto', 'manual']),
  /** the chief representative's share of the window's deduction */
  share: z.boolean(),
  occurredAt: z.string(),
  createdAt: z.string(),
  evidenceName: z.string().nullable(),
  appealDeadline: z.string(),
  /** the viewer may appeal this line now */
  canAppeal: z.boolean(),
  appeal: assessmentAppealSchema.nullable(),
  version: z.number().int(),
});
export type AssessmentDeduction = z.infer<typeof assessmentDeductionSchema>;

export const assessmentSubjectSchema = z.object({
  kind: z.enum(['window', 'person']),
  id: z.string(),
  name: z.string(),
  /** person: the post; window: its department */
  note: z.string().nullable(),
  score: z.number(),
  deducted: z.number(),
  bonus: z.number(),
  rank: z.number().int(),
  /** person: the windows they are chief representative of */
  chiefOf: z.array(z.string()),
  /** window: its chief representative */
  chief: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** the viewer sees this subject's deductions (their own, their window's, or the director's view) */
  detail: z.boolean(),
  deductions: z.array(assessmentDeductionSchema),
});
export type AssessmentSubject = z.infer<typeof assessmentSubjectSchema>;

export const assessmentMonthSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** the viewer manages this center's assessment (the director) */
  canManage: z.boolean(),
  settings: z.object({ chiefShare: z.boolean(), appealDays: z.number().int(), publishRanking: z.boolean() }),
  windows: z.array(assessmentSubjectSchema),
  people: z.array(assessmentSubjectSchema),
  appeals: z.array(assessmentAppealSchema.extend({ subjectName: z.string(), ruleName: z.string(), points: z.number(), itemReason: z.string() })),
  /** the center's staff and windows for the director's entry form */
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AssessmentMonth = z.infer<typeof assessmentMonthSchema>;

export const assessmentSettingsSchema = z.object({ chiefShare: z.boolean(), appealDays: z.number().int(), publishRanking: z.boolean() });
