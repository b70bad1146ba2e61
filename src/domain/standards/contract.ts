/** 标准化建设's answers (issue 13 §4): checklists, a round with its items, photos, gaps and timeline, the county table. */
import { z } from 'zod';
import { CHECKLIST_LEVELS, ITEM_KINDS } from './checklist.js';
import { GAP_STATUSES, ROUND_STATUSES } from './rounds.js';

export const checklistItemSchema = z.object({
  code: z.string(),
  group: z.string(),
  title: z.string(),
  requirement: z.string(),
  points: z.number(),
  kind: z.enum(ITEM_KINDS),
  min: z.number().nullable().optional(),
  unit: z.string().nullable().optional(),
});

export const checklistSchema = z.object({
  id: z.string(),
  level: z.enum(CHECKLIST_LEVELS),
  levelName: z.string(),
  version: z.number().int(),
  title: z.string(),
  items: z.array(checklistItemSchema),
  total: z.number(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const checklistListSchema = z.object({ checklists: z.array(checklistSchema) });

export const photoSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  /** null: a self-assessment photo; else the gap whose rectification it shows */
  gapId: z.string().nullable(),
  url: z.string(),
  fileName: z.string().nullable(),
  type: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});

export const roundItemSchema = checklistItemSchema.extend({
  met: z.boolean().nullable(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  note: z.string().nullable(),
  selfScore: z.number().nullable(),
  selfReason: z.string().nullable(),
  inspectedScore: z.number().nullable(),
  inspectedValue: z.number().nullable(),
  inspectNote: z.string().nullable(),
  photos: z.array(photoSchema),
});

export const gapSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  group: z.string(),
  note: z.string(),
  lost: z.number(),
  dueDate: z.string(),
  status: z.enum(GAP_STATUSES),
  statusName: z.string(),
  overdue: z.boolean(),
  rectification: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  rectifiedByName: z.string().nullable(),
  rectifiedLate: z.boolean(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  reopenReason: z.string().nullable(),
  version: z.number().int(),
  photos: z.array(photoSchema),
});

export const roundEventSchema = z.object({ at: z.string(), action: z.string(), actionName: z.string(), byName: z.string(), detail: z.string().nullable() });

export const roundSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  level: z.enum(CHECKLIST_LEVELS),
  year: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  statusName: z.string(),
  version: z.number().int(),
  checklist: z.object({ id: z.string(), version: z.number().int(), title: z.string(), newerVersion: z.number().int().nullable() }),
  items: z.array(roundItemSchema),
  selfTotal: z.number(),
  selfAnswered: z.number().int(),
  selfMissing: z.array(z.string()),
  inspectedTotal: z.number().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  inspectedAt: z.string().nullable(),
  inspectedOn: z.string().nullable(),
  inspectedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  gaps: z.array(gapSchema),
  events: z.array(roundEventSchema),
  /** what the signed-in person may do with it now */
  can: z.object({ answer: z.boolean(), submit: z.boolean(), return: z.boolean(), inspect: z.boolean(), rectify: z.boolean(), confirm: z.boolean() }),
});

export const roundSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  statusName: z.string(),
  selfTotal: z.number(),
  inspectedTotal: z.number().nullable(),
});

export const centerStandardsSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  level: z.enum(CHECKLIST_LEVELS),
  /** this year in the center's time zone */
  thisYear: z.number().int(),
  rounds: z.array(roundSummarySchema),
  canStart: z.boolean(),
});

export const tableRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  level: z.enum(CHECKLIST_LEVELS),
  /** the township a village belongs to (null for a township) */
  parentName: z.string().nullable(),
  roundId: z.string().nullable(),
  year: z.number().int().nullable(),
  status: z.enum(ROUND_STATUSES).nullable(),
  statusName: z.string(),
  selfTotal: z.number().nullable(),
  inspectedTotal: z.number().nullable(),
  inspectedOn: z.string().nullable(),
  gapsOpen: z.number().int(),
  gapsOverdue: z.number().int(),
});

export const standardsTableSchema = z.object({
  /** the year asked for; null: each center's latest round */
  year: z.number().int().nullable(),
  today: z.string(),
  /** the viewer's own center, which the table is made for: 清河县政务服务中心 */
  unitName: z.string(),
  rows: z.array(tableRowSchema),
  /** centers the viewer may assess themselves (a village agent: their village) */
  mine: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
  canInspect: z.boolean(),
});

export type Checklist = z.infer<typeof checklistSchema>;
export type Round = z.infer<typeof roundSchema>;
export type RoundItem = z.infer<typeof roundItemSchema>;
export type Gap = z.infer<typeof gapSchema>;
export type StandardsPhoto = z.infer<typeof photoSchema>;
export type CenterStandards = z.infer<typeof centerStandardsSchema>;
export type StandardsTable = z.infer<typeof standardsTableSchema>;
export type StandardsTableRow = z.infer<typeof tableRowSchema>;
