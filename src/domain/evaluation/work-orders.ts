/**
 * 差评整改工单 (DOMAIN.md "Evaluation", REFERENCES.md 好差评, issue 10 §1): a 差评 (不满意 or 非常不满意) opens a work
 * order for the window (and person) responsible for the case, in the rating's own transaction. The center verifies it
 * by a return visit (回访核实) within 1 working day, rectifies (整改) within 15 working days (both settings), and the
 * outcome is sent to the rater, who may rate the fix (满意 / 基本满意 / 不满意) by a signed link. Where the rater does
 * not answer within FEEDBACK_WAIT_DAYS days the director closes the work order without that rating. An upheld appeal
 * (申诉复核) takes the 差评 out of the scores and cancels its work order.
 *
 * The whole life of a work order is the one table TRANSITIONS. Deadlines are the close of office of the N-th working
 * day after the day the 差评 was given (the official calendar: weekends, holidays, 调休, a year not yet announced
 * counted provisionally); each open step has a light: green, yellow from the start of the working day before its due
 * day, red once its due instant passed. Pure: the clock, the calendar, the office hours and who acts are arguments.
 */
import { addCalendarDays, isWorkingDay, toEpochDay, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import { dueInstant, localDate, wallTime, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import { duration, type Firing } from '../supervision/evaluate.js';
import type { Role } from '../roles.js';
import type { FixLevel } from './levels.js';

export { isBadLevel } from './levels.js';

export const WORK_ORDER_STATUSES = ['visit_pending', 'rectifying', 'awaiting_feedback', 'closed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const WORK_ORDER_STATUS_NAMES: Record<WorkOrderStatus, string> = {
  visit_pending: '待回访核实',
  rectifying: '整改中',
  awaiting_feedback: '已整改，待群众评价',
  closed: '已办结',
  cancelled: '已撤销（申诉成立）',
};
/** Open: the center still owes something (a visit or the rectification). */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = ['visit_pending', 'rectifying'];
/** Rectified: the center did its part (整改完成); what 差评整改率 counts. */
export const RECTIFIED_STATUSES: readonly WorkOrderStatus[] = ['awaiting_feedback', 'closed'];

export const WORK_ORDER_ACTIONS = ['open', 'visit', 'rectify', 'rate-fix', 'close', 'cancel'] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];
export const WORK_ORDER_ACTION_NAMES: Record<WorkOrderAction, string> = {
  open: '生成整改工单',
  visit: '回访核实',
  rectify: '整改反馈',
  'rate-fix': '群众评价整改结果',
  close: '办结工单',
  cancel: '撤销工单',
};

/** What the return visit found: the 差评 stands (情况属实), or in part, or not (情况不属实: the rectification explains). */
export const VISIT_FINDINGS = ['confirmed', 'partly', 'unfounded'] as const;
export type VisitFinding = (typeof VISIT_FINDINGS)[number];
export const VISIT_FINDING_NAMES: Record<VisitFinding, string> = { confirmed: '情况属实', partly: '部分属实', unfounded: '情况不属实' };

/** Who takes a step: the system (the rating's transaction, an upheld appeal), the responsible center, the rater. */
export type WorkOrderParty = 'system' | 'center' | 'rater';

/** The state machine, as one table. `from: null` is a work order not yet opened. `roles`: the center's people who may. */
export const TRANSITIONS: Record<WorkOrderAction, { from: readonly (WorkOrderStatus | null)[]; to: WorkOrderStatus; by: WorkOrderParty; roles?: readonly Role[] }> = {
  open: { from: [null], to: 'visit_pending', by: 'system' },
  visit: { from: ['visit_pending'], to: 'rectifying', by: 'center', roles: ['director', 'leader', 'clerk'] },
  rectify: { from: ['rectifying'], to: 'awaiting_feedback', by: 'center', roles: ['director', 'leader', 'clerk'] },
  'rate-fix': { from: ['awaiting_feedback'], to: 'closed', by: 'rater' },
  close: { from: ['awaiting_feedback'], to: 'closed', by: 'center', roles: ['director', 'leader'] },
  cancel: { from: ['visit_pending', 'rectifying', 'awaiting_feedback'], to: 'cancelled', by: 'system' },
};

/** Defaults (settings): the return visit within 1 working day, the rectification within 15 (Liaoning, Sichuan). */
export const DEFAULT_VISIT_DAYS = 1;
export const DEFAULT_FIX_DAYS = 15;
export const DAY_LIMITS = { visit: { min: 1, max: 5 }, fix: { min: 1, max: 60 } } as const;
/** Natural days the rater is given to rate the fix before the director may close the work order without it. */
export const FEEDBACK_WAIT_DAYS = 7;
export const TEXT_LIMITS = { visit: 1000, rectify: 1000, outcome: 200, close: 500, fixComment: 300 } as const;

export interface WorkOrderStep {
  action: WorkOrderAction;
  at: string;
  /** the user who acted; null for the system and the rater */
  by: string | null;
  from: WorkOrderStatus | null;
  to: WorkOrderStatus;
  text: string;
  data: Record<string, string | null>;
}

export interface WorkOrderState {
  status: WorkOrderStatus;
  openedAt: string;
  visitDueAt: string;
  fixDueAt: string;
  visitedAt: string | null;
  rectifiedAt: string | null;
  closedAt: string | null;
  fixLevel: FixLevel | null;
  version: number;
  history: readonly WorkOrderStep[];
}

export interface CenterClock {
  calendar: WorkingCalendar;
  hours: OfficeHours;
  timeZone: string;
}

export interface WorkOrderActor {
  /** null for the system or the rater */
  userId: string | null;
  party: WorkOrderParty;
  roles: readonly Role[];
  /** a person of the center responsible for the work order (or of a body above it) */
  atResponsibleCenter: boolean;
}

export type WorkOrderCommand =
  | { action: 'open'; visitDays: number; fixDays: number }
  | { action: 'visit'; finding: VisitFinding; content: string }
  | { action: 'rectify'; measures: string; outcome: string }
  | { action: 'rate-fix'; level: FixLevel; comment?: string | undefined }
  | { action: 'close'; reason: string }
  | { action: 'cancel'; reason: string };

export type WorkOrderRuleCode = 'WORK_ORDER_NOT_ALLOWED' | 'WORK_ORDER_WRONG_STATE' | 'WORK_ORDER_TEXT_REQUIRED' | 'WORK_ORDER_FEEDBACK_PENDING' | 'WORK_ORDER_INVALID_DAYS';

export type WorkOrderDecision =
  | { ok: true; workOrder: WorkOrderState; step: WorkOrderStep }
  | { ok: false; code: WorkOrderRuleCode; message: string; status: 403 | 409 | 422 };

const refuse = (code: WorkOrderRuleCode, message: string, status: 403 | 409 | 422 = 422): WorkOrderDecision => ({ ok: false, code, message, status });

/** May this actor take the step, by the table (the party, and for the center its roles and place)? */
function allowedBy(action: WorkOrderAction, actor: WorkOrderActor): boolean {
  const t = TRANSITIONS[action];
  if (t.by !== actor.party) return false;
  if (t.by !== 'center') return true;
  return actor.atResponsibleCenter && actor.roles.some((r) => (t.roles ?? []).includes(r));
}

/** The actions a person may take now (for the buttons). */
export function allowedWorkOrderActions(wo: Pick<WorkOrderState, 'status'> | null, actor: WorkOrderActor): WorkOrderAction[] {
  return WORK_ORDER_ACTIONS.filter((a) => allowedBy(a, actor) && TRANSITIONS[a].from.includes(wo?.status ?? null));
}

/** The due instants of a work order opened at `openedAt`: the close of office of the N-th working day after that day. */
export function workOrderDeadlines(openedAt: Date, visitDays: number, fixDays: number, t: CenterClock): { visitDueAt: string; fixDueAt: string } {
  return {
    visitDueAt: dueInstant(t.calendar, openedAt, visitDays, t.hours, t.timeZone).toISOString(),
    fixDueAt: dueInstant(t.calendar, openedAt, fixDays, t.hours, t.timeZone).toISOString(),
  };
}

export function daysProblem(visitDays: number, fixDays: number): string | null {
  const ok = (n: number, l: { min: number; max: number }) => Number.isInteger(n) && n >= l.min && n <= l.max;
  if (!ok(visitDays, DAY_LIMITS.visit)) return `回访核实时限须是 ${DAY_LIMITS.visit.min}–${DAY_LIMITS.visit.max} 个工作日。`;
  if (!ok(fixDays, DAY_LIMITS.fix)) return `整改时限须是 ${DAY_LIMITS.fix.min}–${DAY_LIMITS.fix.max} 个工作日。`;
  if (fixDays < visitDays) return '整改时限不能短于回访核实时限。';
  return null;
}

/**
 * Decides one step on a work order (`wo` null to open one): who may, from which status, the texts. The answer is
 * the work order after the step with exactly one more step in its history, or a refusal with a Chinese message.
 */
export function decideWorkOrder(wo: WorkOrderState | null, command: WorkOrderCommand, ctx: { now: Date; actor: WorkOrderActor; clock: CenterClock }): WorkOrderDecision {
  const t = TRANSITIONS[command.action];
  if (!allowedBy(command.action, ctx.actor)) {
    const who = t.by === 'center' ? `责任中心的${(t.roles ?? []).includes('clerk') ? '窗口工作人员或中心主任' : '中心主任或带班领导'}` : t.by === 'rater' ? '作出评价的群众本人' : '系统';
    return refuse('WORK_ORDER_NOT_ALLOWED', `${WORK_ORDER_ACTION_NAMES[command.action]}须由${who}办理。`, 403);
  }
  const from = wo?.status ?? null;
  if (!t.from.includes(from)) {
    const now = from === null ? '尚未生成' : `现在是“${WORK_ORDER_STATUS_NAMES[from]}”`;
    return refuse('WORK_ORDER_WRONG_STATE', `该整改工单${now}，不能${WORK_ORDER_ACTION_NAMES[command.action]}。请刷新页面查看最新情况。`, 409);
  }
  const at = ctx.now.toISOString();
  let next: Omit<WorkOrderState, 'history' | 'version' | 'status'>;
  let text = '';
  let data: Record<string, string | null> = {};
  if (command.action === 'open') {
    const problem = daysProblem(command.visitDays, command.fixDays);
    if (problem) return refuse('WORK_ORDER_INVALID_DAYS', problem);
    const due = workOrderDeadlines(ctx.now, command.visitDays, command.fixDays, ctx.clock);
    next = { openedAt: at, ...due, visitedAt: null, rectifiedAt: null, closedAt: null, fixLevel: null };
    text = `回访核实时限 ${command.visitDays} 个工作日，整改时限 ${command.fixDays} 个工作日`;
    data = { visitDueAt: due.visitDueAt, fixDueAt: due.fixDueAt };
  } else {
    const cur = wo!;
    next = { openedAt: cur.openedAt, visitDueAt: cur.visitDueAt, fixDueAt: cur.fixDueAt, visitedAt: cur.visitedAt, rectifiedAt: cur.rectifiedAt, closedAt: cur.closedAt, fixLevel: cur.fixLevel };
    switch (command.action) {
      case 'visit':
        text = command.content.trim();
        if (!text) return refuse('WORK_ORDER_TEXT_REQUIRED', '请填写回访核实情况：联系了谁、群众反映了什么、核实的结果。');
        next.visitedAt = at;
        data = { finding: command.finding };
        break;
      case 'rectify': {
        text = command.measures.trim();
        const outcome = command.outcome.trim();
        if (!text) return refuse('WORK_ORDER_TEXT_REQUIRED', '请填写整改措施：做了什么、由谁负责、何时完成。');
        if (!outcome) return refuse('WORK_ORDER_TEXT_REQUIRED', '请填写告知群众的整改结果（将以短信发给评价人）。');
        next.rectifiedAt = at;
        data = { outcome };
        break;
      }
      case 'rate-fix':
        text = (command.comment ?? '').trim();
        next.fixLevel = command.level;
        next.closedAt = at;
        data = { level: command.level };
        break;
      case 'close': {
        text = command.reason.trim();
        if (!text) return refuse('WORK_ORDER_TEXT_REQUIRED', '请写明办结理由，如“已电话告知整改结果，群众未作评价”。');
        const since = localDate(new Date(cur.rectifiedAt ?? cur.openedAt), ctx.clock.timeZone);
        const from = addCalendarDays(since, FEEDBACK_WAIT_DAYS);
        if (toEpochDay(localDate(ctx.now, ctx.clock.timeZone)) < toEpochDay(from)) {
          return refuse('WORK_ORDER_FEEDBACK_PENDING', `整改结果已告知群众，请等待群众评价；${from} 起群众仍未评价的，中心主任可办结工单。`);
        }
        next.closedAt = at;
        break;
      }
      case 'cancel':
        text = command.reason.trim();
        next.closedAt = at;
        break;
    }
  }
  const step: WorkOrderStep = { action: command.action, at, by: ctx.actor.userId, from, to: t.to, text, data };
  return { ok: true, step, workOrder: { ...next, status: t.to, version: (wo?.version ?? 0) + 1, history: [...(wo?.history ?? []), step] } };
}

// ------------------------------------------------------------------------------------------------- lights

export type WorkOrderLight = 'green' | 'yellow' | 'red';

/** The deadline of the step the center owes now: the visit, then the rectification; none once rectified or ended. */
export function currentDue(wo: Pick<WorkOrderState, 'status' | 'visitDueAt' | 'fixDueAt'>): { step: 'visit' | 'fix'; dueAt: string } | null {
  if (wo.status === 'visit_pending') return { step: 'visit', dueAt: wo.visitDueAt };
  if (wo.status === 'rectifying') return { step: 'fix', dueAt: wo.fixDueAt };
  return null;
}

/**
 * The instant a deadline turns yellow: the start (00:00 in the center's zone) of the working day before its due
 * day — the day before a holiday week is that week's last working day, not the calendar day before.
 */
export function yellowFrom(dueAt: string, t: Pick<CenterClock, 'calendar' | 'timeZone'>): string {
  const dueDay = localDate(new Date(dueAt), t.timeZone);
  let day = addCalendarDays(dueDay, -1);
  // at most a few weeks back, even over 春节 and National Day
  for (let i = 0; i < 60 && !isWorkingDay(t.calendar, day); i++) day = addCalendarDays(day, -1);
  return zonedInstant(day, '00:00', t.timeZone).toISOString();
}

/** The stored clock of the current step: its due instant and when it turns yellow (null once nothing is owed). */
export function currentClock(wo: Pick<WorkOrderState, 'status' | 'visitDueAt' | 'fixDueAt'>, t: Pick<CenterClock, 'calendar' | 'timeZone'>): { step: 'visit' | 'fix'; dueAt: string; yellowAt: string } | null {
  const due = currentDue(wo);
  return due ? { ...due, yellowAt: yellowFrom(due.dueAt, t) } : null;
}

/** The light from the stored clock: red after the due instant (the instant itself is in time), yellow from yellowAt. */
export function lightAt(clock: { dueAt: string; yellowAt: string } | null, now: Date): WorkOrderLight | null {
  if (clock === null) return null;
  const n = now.getTime();
  if (n > Date.parse(clock.dueAt)) return 'red';
  return n >= Date.parse(clock.yellowAt) ? 'yellow' : 'green';
}

export const workOrderLight = (wo: Pick<WorkOrderState, 'status' | 'visitDueAt' | 'fixDueAt'>, now: Date, t: Pick<CenterClock, 'calendar' | 'timeZone'>): WorkOrderLight | null =>
  lightAt(currentClock(wo, t), now);

/** Was a step done late (after its due instant), or is it late now (not done, due passed)? */
export function stepLate(dueAt: string, doneAt: string | null, now: Date): boolean {
  return doneAt !== null ? Date.parse(doneAt) > Date.parse(dueAt) : now.getTime() > Date.parse(dueAt);
}

/** 2026-03-05 → 2026年3月5日 */
export const dateText = (date: IsoDate): string => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The readable number: 整改〔2026〕12号. */
export const workOrderNumber = (year: number, seq: number): string => `整改〔${year}〕${seq}号`;

// ------------------------------------------------------------------------------------------------- supervision

/** The facts of a work order that the supervision rules JC-12 (visit) and JC-13 (fix) read. */
export interface WorkOrderFacts {
  id: string;
  workOrderNo: string;
  caseId: string;
  caseNo: string;
  orgId: string;
  windowId: string | null;
  personId: string | null;
  status: WorkOrderStatus;
  visitDueAt: string;
  fixDueAt: string;
  visitedAt: string | null;
  rectifiedAt: string | null;
}

export const LATE_RULES = { visit: 'rating-visit-late', fix: 'rating-fix-late' } as const;

/**
 * A late return visit (JC-12) or rectification (JC-13): done after its due instant plus the grace, or not done and
 * `now` is past it (a work order cancelled by an upheld appeal owes nothing more). One occurrence per work order and
 * step, so evaluating again records nothing new. Null when in time.
 */
export function lateFiring(wo: WorkOrderFacts, step: 'visit' | 'fix', now: Date, graceMinutes: number, timeZone: string): Firing | null {
  const dueAt = step === 'visit' ? wo.visitDueAt : wo.fixDueAt;
  const doneAt = step === 'visit' ? wo.visitedAt : wo.rectifiedAt;
  if (doneAt === null && (wo.status === 'cancelled' || wo.status === 'closed')) return null;
  const limit = Date.parse(dueAt) + graceMinutes * 60_000;
  const at = doneAt ?? now.toISOString();
  if (Date.parse(at) <= limit) return null;
  const what = step === 'visit' ? '回访核实' : '整改';
  const late = duration((Date.parse(at) - Date.parse(dueAt)) / 60_000);
  return {
    ruleCode: LATE_RULES[step],
    occurrence: `${wo.id}:${step}`,
    caseId: wo.caseId,
    caseNo: wo.caseNo,
    orgId: wo.orgId,
    windowId: wo.windowId,
    personId: wo.personId,
    occurredAt: dueAt,
    facts: { workOrderId: wo.id, workOrderNo: wo.workOrderNo, dueAt, doneAt, checkedAt: doneAt ? null : at, graceMinutes },
    lines: [
      { label: '整改工单', value: wo.workOrderNo },
      { label: `${what}期限`, value: wallTime(dueAt, timeZone) },
      doneAt ? { label: `实际${what}时间`, value: wallTime(doneAt, timeZone) } : { label: '检查时间', value: wallTime(at, timeZone) },
      { label: '超时', value: late },
    ],
    text: doneAt
      ? `办件 ${wo.caseNo} 的差评整改工单 ${wo.workOrderNo} 应于 ${wallTime(dueAt, timeZone)} 前${what}，实际于 ${wallTime(doneAt, timeZone)} ${what}，超时 ${late}。`
      : `办件 ${wo.caseNo} 的差评整改工单 ${wo.workOrderNo} 应于 ${wallTime(dueAt, timeZone)} 前${what}，至 ${wallTime(at, timeZone)} 仍未${what}。`,
  };
}
