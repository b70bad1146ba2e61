/** The duty roster's, receptions' and village office days' answers (issue 12 §5). */
import { z } from 'zod';
import { freeText, personNameText, TEXT_LIMITS } from '../text.js';

const isoDate = z.string().describe('YYYY-MM-DD');

export const dutyLeaderSchema = z.object({ id: z.string(), name: z.string(), post: z.string() });

export const staffRosterDaySchema = z.object({
  date: isoDate,
  weekday: z.string(),
  /** the calendar's note, e.g. '春节调休上班' */
  note: z.string().nullable(),
  /** the year's arrangement is not imported yet: 暂定 */
  provisional: z.boolean(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
});

export const rosterChangeSchema = z.object({
  at: z.string(),
  action: z.enum(['publish', 'change']),
  day: z.string().nullable(),
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  reason: z.string().nullable(),
  byName: z.string(),
});

export const staffRosterSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string().describe('YYYY-MM'),
  /** none: nothing saved yet for the month */
  status: z.enum(['none', 'draft', 'published']),
  id: z.string().nullable(),
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  days: z.array(staffRosterDaySchema),
  leaders: z.array(dutyLeaderSchema),
  /** working days still without a leader */
  uncovered: z.array(isoDate),
  /** days on duty per leader this month (fairness at a glance) */
  turns: z.array(z.object({ userId: z.string(), name: z.string(), days: z.number().int() })),
  changes: z.array(rosterChangeSchema),
});
export type StaffRoster = z.infer<typeof staffRosterSchema>;

export const rosterSuggestionSchema = z.object({ month: z.string(), assignments: z.array(z.object({ day: isoDate, userId: z.string() })) });

export const publicRosterSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  /** false: the month's roster is not published yet (days empty) */
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  days: z.array(z.object({ date: isoDate, weekday: z.string(), name: z.string(), post: z.string() })),
  /** the latest change made after publishing, if any */
  changedAt: z.string().nullable(),
});
export type PublicRoster = z.infer<typeof publicRosterSchema>;

export const receptionSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  day: isoDate,
  leaderUserId: z.string(),
  leaderName: z.string(),
  visitorName: z.string(),
  visitorPhone: z.string().nullable(),
  matter: z.string(),
  handling: z.string(),
  petitionId: z.string().nullable(),
  petitionNo: z.string().nullable(),
  createdAt: z.string(),
  /** the last change after recording (处理情况 followed up), by whom; null when never changed */
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  /** sent back with a change: a reception someone changed meanwhile answers 409 */
  version: z.number().int(),
  /** the viewer may change it: the leader who received the visitor, or the director (src/domain/duty/receptions.ts) */
  canChange: z.boolean(),
});
export type Reception = z.infer<typeof receptionSchema>;
/** What a reception says of the visit, as 登记 and 修改 send it. */
export const receptionTextBody = z.object({
  visitorName: personNameText('来访人姓名', TEXT_LIMITS.personName),
  visitorPhone: z.string().trim().max(TEXT_LIMITS.phone, { error: `联系电话不能超过 ${TEXT_LIMITS.phone} 个字` }).optional(),
  matter: freeText('反映事项', 2000, { required: true }),
  handling: freeText('处理情况', 2000, { required: true }),
});
/** 修改: the text under the version read (409 when someone changed it meanwhile). */
export const receptionChangeBody = receptionTextBody.extend({ expectedVersion: z.number({ error: '缺少记录版本号，请刷新后重试' }).int() });
export type ReceptionChange = z.infer<typeof receptionChangeBody>;

export const receptionListSchema = z.object({ orgId: z.string(), orgName: z.string(), from: isoDate, to: isoDate, receptions: z.array(receptionSchema) });
export type ReceptionList = z.infer<typeof receptionListSchema>;

export const officeDaySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** ISO weekdays 1 (Monday) .. 7 */
  weekdays: z.array(z.number().int()),
  note: z.string().nullable(),
  /** '每周三' ('' when none is set) */
  text: z.string(),
  version: z.number().int().nullable(),
});
export type OfficeDay = z.infer<typeof officeDaySchema>;
export const officeDayListSchema = z.object({ villages: z.array(officeDaySchema) });
