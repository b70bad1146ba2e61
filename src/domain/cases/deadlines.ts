/**
 * Turns a decision's DeadlineEffect into due instants (DOMAIN.md rule 3 and 4): the state machine says what
 * happens to the time limit, this file counts it on the official calendar and the center's office hours.
 */
import { addWorkingDays, countWorkingDays, provisionalYearsBetween, type WorkingCalendar } from '../calendar/calendar.js';
import { closingTime, dueInstant, localDate, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import type { CaseState, DeadlineStep } from './model.js';
import type { DeadlineEffect } from './transitions.js';

export interface CenterTime {
  calendar: WorkingCalendar;
  hours: OfficeHours;
  timeZone: string;
}

/** The close of office hours `days` working days after the local date of `instant`. */
function later(t: CenterTime, instant: string, days: number): string {
  const date = addWorkingDays(t.calendar, localDate(new Date(instant), t.timeZone), days);
  return zonedInstant(date, closingTime(t.hours), t.timeZone).toISOString();
}

const earlier = (a: string, b: string | null) => (b !== null && b < a ? b : a);

function step(state: CaseState, effect: DeadlineStep['effect'], t: CenterTime): CaseState {
  switch (effect.type) {
    case 'fixed':
      return { ...state, dueAt: effect.dueAt, legalDueAt: effect.legalDueAt };
    case 'start': {
      const from = new Date(effect.from);
      const legalDueAt = effect.legalDays === null ? null : dueInstant(t.calendar, from, effect.legalDays, t.hours, t.timeZone).toISOString();
      const dueAt = dueInstant(t.calendar, from, effect.promisedDays, t.hours, t.timeZone).toISOString();
      return { ...state, dueAt: earlier(dueAt, legalDueAt), legalDueAt };
    }
    case 'shift': {
      // Working days the clock stood still: the days after the pause began, up to the day it resumed.
      const paused = countWorkingDays(
        t.calendar,
        localDate(new Date(effect.pausedAt), t.timeZone),
        localDate(new Date(effect.resumedAt), t.timeZone),
      );
      if (paused <= 0) return state;
      const legalDueAt = effect.legal && state.legalDueAt ? later(t, state.legalDueAt, paused) : state.legalDueAt;
      const dueAt = state.dueAt ? earlier(later(t, state.dueAt, paused), legalDueAt) : null;
      return { ...state, dueAt, legalDueAt };
    }
    case 'extend':
      return { ...state, dueAt: state.dueAt ? earlier(later(t, state.dueAt, effect.days), state.legalDueAt) : null };
  }
}

/**
 * 暂定 (rule 3): the due date was counted through a year whose State Council arrangement is not imported. Every
 * day counted for it lies between the acceptance day and the due day (pauses and extensions move it later), so
 * those years decide.
 */
export const dueIsProvisional = (state: Pick<CaseState, 'acceptedAt' | 'dueAt'>, calendar: WorkingCalendar, timeZone: string): boolean =>
  countedProvisionally(state.acceptedAt, state.dueAt, calendar, timeZone);

/**
 * The same for the legal due date (法定办结时间): counted from the same acceptance on the same calendar, and often
 * later than the promised one, so it can reach into a year not imported while the promised date does not.
 */
export const legalDueIsProvisional = (state: Pick<CaseState, 'acceptedAt' | 'legalDueAt'>, calendar: WorkingCalendar, timeZone: string): boolean =>
  countedProvisionally(state.acceptedAt, state.legalDueAt, calendar, timeZone);

function countedProvisionally(acceptedAt: string | null, until: string | null, calendar: WorkingCalendar, timeZone: string): boolean {
  if (until === null) return false;
  const due = localDate(new Date(until), timeZone);
  const from = acceptedAt === null ? due : localDate(new Date(acceptedAt), timeZone);
  return provisionalYearsBetween(calendar, from, due).length > 0;
}

/**
 * A case stored before deadlines were logged carries only its dates, which were counted on imported years alone
 * (an unloaded year was refused then): the log starts from them as they are (stored-state.ts upgrades it so).
 */
export const legacyDeadlineLog = (state: Pick<CaseState, 'dueAt' | 'legalDueAt'>): DeadlineStep[] =>
  state.dueAt === null && state.legalDueAt === null ? [] : [{ effect: { type: 'fixed', dueAt: state.dueAt, legalDueAt: state.legalDueAt }, hours: null, timeZone: null }];

const logOf = (state: CaseState): DeadlineStep[] => state.deadlineLog ?? legacyDeadlineLog(state);

/**
 * Applies a decision's deadline effect, and logs it with the center's office hours and zone it was counted in,
 * so that importing a year later can count every step again (`recomputeDeadlines`).
 */
export function applyDeadline(state: CaseState, effect: DeadlineEffect | null, t: CenterTime): CaseState {
  if (effect === null) return state;
  const next = step(state, effect, t);
  return {
    ...next,
    deadlineLog: [...logOf(state), { effect, hours: t.hours, timeZone: t.timeZone }],
    dueProvisional: dueIsProvisional(next, t.calendar, t.timeZone),
  };
}

/**
 * What a step's event records about the due date it moved: the new one, and the one it replaced, so that a paper
 * quoting both (the 延期告知书's 原承诺于… 现承诺于…) never has to guess the earlier date from older events — a case
 * accepted at registration has none that recorded it. Nothing when the step left the due date as it was.
 */
export function dueDateChange(before: Pick<CaseState, 'dueAt'>, after: Pick<CaseState, 'dueAt'>): { dueAt?: string | null; previousDueAt?: string } {
  if (after.dueAt === before.dueAt) return {};
  return { dueAt: after.dueAt, ...(before.dueAt !== null ? { previousDueAt: before.dueAt } : {}) };
}

/**
 * The deadlines counted again on `calendar` (after a year's arrangement is imported): every logged step in order,
 * each with the office hours and zone it was first counted in. A case without a log is returned unchanged.
 */
export function recomputeDeadlines(state: CaseState, calendar: WorkingCalendar, fallback: { hours: OfficeHours; timeZone: string }): CaseState {
  const log = state.deadlineLog;
  if (!log || log.length === 0) return state;
  let s: CaseState = { ...state, dueAt: null, legalDueAt: null };
  let timeZone = fallback.timeZone;
  for (const entry of log) {
    timeZone = entry.timeZone ?? timeZone;
    s = step(s, entry.effect, { calendar, hours: entry.hours ?? fallback.hours, timeZone });
  }
  return { ...s, deadlineLog: log, dueProvisional: dueIsProvisional(s, calendar, timeZone) };
}
