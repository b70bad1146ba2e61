/**
 * 告知承诺的事后核查 (issue 11 §2, DOMAIN.md "Public hall"): a material promised instead of supplied (level D) lets the
 * window accept the application; the window then checks the promise by a deadline — the material seen, or the fact
 * confirmed with the department that holds it (核查属实), or found untrue (承诺不实, with what was found: the case is
 * then handled under the law, e.g. the decision revoked). A promise kept becomes what the window checked (level B) for
 * the person's next application; a promise found untrue is never carried on. Pure: today's date and the calendar are
 * arguments.
 */
import { addCalendarDays, addWorkingDays, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import { hasPermission, type Role } from '../roles.js';

/** The check is due this many working days after the acceptance (the day of acceptance not counted). */
export const PROMISE_CHECK_WORKING_DAYS = 20;

export const PROMISE_RESULTS = ['kept', 'false'] as const;
export type PromiseResult = (typeof PROMISE_RESULTS)[number];
export const PROMISE_RESULT_NAMES: Record<PromiseResult, string> = { kept: '核查属实', false: '承诺不实' };

export type PromiseState = 'pending' | 'overdue' | PromiseResult;
export const PROMISE_STATE_NAMES: Record<PromiseState, string> = { pending: '待核查', overdue: '逾期未核查', ...PROMISE_RESULT_NAMES };

/** The last day of the check of a promise accepted on `acceptedOn`, on the working calendar (holidays, 调休, year ends). */
export const promiseCheckDue = (calendar: WorkingCalendar, acceptedOn: IsoDate): IsoDate => addWorkingDays(calendar, acceptedOn, PROMISE_CHECK_WORKING_DAYS);

/** Where a promise stands today: checked (its result), or waiting — overdue once its last day has passed. */
export function promiseState(p: { result: PromiseResult | null; due: IsoDate | null }, today: IsoDate): PromiseState {
  if (p.result) return p.result;
  return p.due !== null && today > p.due ? 'overdue' : 'pending';
}

/** Reminders of a check start this many days before its last day and come daily until it is recorded. */
export const PROMISE_REMINDER_DAYS = 3;

/** Whether a promise not checked yet is to be reminded of today: from PROMISE_REMINDER_DAYS before its last day on. */
export const promiseReminderDue = (due: IsoDate, today: IsoDate): boolean => addCalendarDays(due, -PROMISE_REMINDER_DAYS) <= today;

/**
 * Who records a check: staff who handle cases (cases.handle) at the center that received the case or holds it now —
 * the window that accepted the promise, or the one the case has gone to; a center above only sees it.
 */
export const mayCheckPromises = (actor: { orgId: string; roles: readonly Role[] }, c: { receivingOrgId: string; holderOrgId: string }): boolean =>
  hasPermission(actor.roles, 'cases.handle') && (actor.orgId === c.receivingOrgId || actor.orgId === c.holderOrgId);

export type PromiseCheckDecision = { ok: true } | { ok: false; code: string; message: string; status: 409 | 422 };

/** A check is recorded once; finding a promise untrue needs what was found. */
export function decidePromiseCheck(p: { result: PromiseResult | null }, result: PromiseResult, note: string | undefined): PromiseCheckDecision {
  if (p.result) return { ok: false, code: 'PROMISE_CHECKED', message: `这项承诺已经核查过（${PROMISE_RESULT_NAMES[p.result]}），不能再改。`, status: 409 };
  if (result === 'false' && !note?.trim()) return { ok: false, code: 'PROMISE_NOTE_REQUIRED', message: '认定承诺不实，请写明核查发现的情况。', status: 422 };
  return { ok: true };
}
