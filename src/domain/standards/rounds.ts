/**
 * A round of standardisation assessment (issue 13 §4): one per center and year, keeping its history. The center
 * answers the checklist and submits its self-assessment; the county inspects and scores; every item below its
 * points is a gap (整改项) with a deadline; the center records its rectification, the county confirms it (or sends
 * it back); the round closes when no gap is left open.
 *
 * Both state machines are one table each: what may happen in which state, who does it, and where it leads.
 */
import { addCalendarDays } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';

export const ROUND_STATUSES = ['draft', 'submitted', 'rectifying', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_NAMES: Record<RoundStatus, string> = {
  draft: '自评中',
  submitted: '已提交自评，待县级检查',
  rectifying: '已检查，整改中',
  closed: '已完成',
};

export const ROUND_ACTIONS = ['answer', 'photo', 'submit', 'return', 'inspect', 'rectify', 'confirm', 'reopen'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

/** who does it: the center assessed ('center') or the county inspecting ('county') */
export type Party = 'center' | 'county';

export const ROUND_ACTION_NAMES: Record<RoundAction, string> = {
  answer: '填写自评',
  photo: '上传照片',
  submit: '提交自评',
  return: '退回自评',
  inspect: '检查评分',
  rectify: '登记整改情况',
  confirm: '确认整改',
  reopen: '退回整改',
};

/**
 * The round's transitions. `to: 'by-gaps'`: 'rectifying' while a gap is left open after the action, else 'closed'.
 * `photo` in 'rectifying' is a rectification photo.
 */
export const ROUND_TABLE: readonly { from: RoundStatus; action: RoundAction; by: Party; to: RoundStatus | 'by-gaps' }[] = [
  { from: 'draft', action: 'answer', by: 'center', to: 'draft' },
  { from: 'draft', action: 'photo', by: 'center', to: 'draft' },
  { from: 'draft', action: 'submit', by: 'center', to: 'submitted' },
  { from: 'submitted', action: 'return', by: 'county', to: 'draft' },
  { from: 'submitted', action: 'inspect', by: 'county', to: 'by-gaps' },
  { from: 'rectifying', action: 'photo', by: 'center', to: 'rectifying' },
  { from: 'rectifying', action: 'rectify', by: 'center', to: 'rectifying' },
  { from: 'rectifying', action: 'reopen', by: 'county', to: 'rectifying' },
  { from: 'rectifying', action: 'confirm', by: 'county', to: 'by-gaps' },
];

const WHY_NOT: Record<RoundStatus, string> = {
  draft: '自评还没有提交',
  submitted: '自评已提交，正等县级检查',
  rectifying: '县级已检查评分，现在只能办理整改',
  closed: '本轮检查已完成',
};

/**
 * Where `action` by `party` leads from `status`; `openGapsAfter` is how many gaps stay open once it is done.
 * Refused (409 ROUND_STATE) when the table has no such row, with what the state allows in words.
 */
export function decideRound(status: RoundStatus, action: RoundAction, party: Party, openGapsAfter = 0): RoundStatus {
  const row = ROUND_TABLE.find((r) => r.from === status && r.action === action && r.by === party);
  if (!row) {
    const allowed = ROUND_TABLE.filter((r) => r.from === status && r.by === party).map((r) => ROUND_ACTION_NAMES[r.action]);
    const next = allowed.length > 0 ? `现在可以：${allowed.join('、')}。` : '请刷新页面查看最新状态。';
    throw new DomainError('ROUND_STATE', `不能${ROUND_ACTION_NAMES[action]}：${WHY_NOT[status]}。${next}`, { status, action }, 409);
  }
  if (row.to !== 'by-gaps') return row.to;
  return openGapsAfter > 0 ? 'rectifying' : 'closed';
}

// ---- gaps (整改项)

export const GAP_STATUSES = ['open', 'rectified', 'confirmed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export const GAP_STATUS_NAMES: Record<GapStatus, string> = {
  open: '待整改',
  rectified: '已整改，待确认',
  confirmed: '已确认整改',
};

export const GAP_TABLE: readonly { from: GapStatus; action: 'rectify' | 'confirm' | 'reopen'; by: Party; to: GapStatus }[] = [
  { from: 'open', action: 'rectify', by: 'center', to: 'rectified' },
  { from: 'rectified', action: 'rectify', by: 'center', to: 'rectified' },
  { from: 'rectified', action: 'confirm', by: 'county', to: 'confirmed' },
  { from: 'rectified', action: 'reopen', by: 'county', to: 'open' },
];

export function decideGap(status: GapStatus, action: 'rectify' | 'confirm' | 'reopen', party: Party): GapStatus {
  const row = GAP_TABLE.find((r) => r.from === status && r.action === action && r.by === party);
  if (!row) {
    const why: Record<GapStatus, string> = { open: '该项还没有登记整改情况', rectified: '该项已登记整改，正等县级确认', confirmed: '该项整改已确认' };
    throw new DomainError('GAP_STATE', `不能${ROUND_ACTION_NAMES[action]}：${why[status]}。请刷新页面查看最新状态。`, { status, action }, 409);
  }
  return row.to;
}

/** A gap counts as open (for the table) until the county confirms it. */
export const isGapOpen = (status: GapStatus) => status !== 'confirmed';

/**
 * Overdue: no rectification recorded (open, or sent back) and the deadline has passed — `today` is after `dueDate`
 * (the deadline day itself still counts as in time). Rectified or confirmed gaps are never overdue; one rectified
 * after its deadline is marked late instead (rectifiedLate).
 */
export const isGapOverdue = (gap: { status: GapStatus; dueDate: string }, today: string) => gap.status === 'open' && today > gap.dueDate;

export const rectifiedLate = (gap: { dueDate: string; rectifiedOn: string | null }) => gap.rectifiedOn !== null && gap.rectifiedOn > gap.dueDate;

/** Reminders of a gap start this many days before its deadline and come daily while nothing is recorded for it. */
export const GAP_REMINDER_DAYS = 3;

/**
 * 整改提醒: what a center is reminded of today about its gaps — those still without a rectification (open, or sent
 * back), once the nearest deadline is GAP_REMINDER_DAYS away or has passed; null when there is nothing to remind of.
 */
export function gapReminder(gaps: readonly { status: GapStatus; dueDate: string }[], today: string): { open: number; overdue: number; nearestDue: string } | null {
  const open = gaps.filter((g) => g.status === 'open');
  if (open.length === 0) return null;
  const nearestDue = open.map((g) => g.dueDate).sort()[0]!;
  if (addCalendarDays(nearestDue, -GAP_REMINDER_DAYS) > today) return null;
  return { open: open.length, overdue: open.filter((g) => isGapOverdue(g, today)).length, nearestDue };
}

/** Default rectification time when the inspector names no date: 20 working days from the inspection. */
export const DEFAULT_RECTIFY_WORKING_DAYS = 20;

/** The deadline the inspector asked for, checked: a date not before the inspection day (YYYY-MM-DD). */
export function checkedDueDate(dueDate: string, inspectionDay: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw new DomainError('VALIDATION_FAILED', '整改期限须是 YYYY-MM-DD 格式的日期。');
  if (dueDate < inspectionDay) throw new DomainError('VALIDATION_FAILED', `整改期限 ${dueDate} 早于检查日期 ${inspectionDay}，请重新选择。`);
  return dueDate;
}
