/**
 * Turns a decision's DeadlineEffect into due instants (DOMAIN.md rule 3 and 4): the state machine says what
 * happens to the time limit, this file counts it on the official calendar and the center's office hours.
 */
import { addWorkingDays, countWorkingDays, type WorkingCalendar } from '../calendar/calendar.js';
import { closingTime, dueInstant, localDate, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import type { CaseState } from './model.js';
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

export function applyDeadline(state: CaseState, effect: DeadlineEffect | null, t: CenterTime): CaseState {
  if (effect === null) return state;
  switch (effect.type) {
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
