/**
 * The supervision light of an open case (DOMAIN.md "Electronic supervision"): green, yellow (at most one working
 * day left, or 80 % of its time used), red (overdue). Pure: `now`, the calendar and the office hours are arguments.
 *
 * Time left and time used are WORKING time: the minutes of the center's office sessions on working days of the
 * official calendar. A week of National Day holidays before the due date adds nothing to the time left.
 *
 * - red:    the clock instant is past dueAt (dueAt itself, the close of office, is still in time).
 * - yellow: working time left ≤ one full working day of office hours (from the close of the day before the due
 *           day on), OR working time used since acceptance ≥ 80 % of the working time from acceptance to dueAt.
 * - green:  otherwise.
 * An immediate case (due at the close of its acceptance day) therefore is yellow from the moment it is accepted:
 * it never has more than one working day, and yellow is exactly what a supervisor should see — "finish today".
 *
 * The clock instant is `now`, or while the clock is paused (supplements, special steps) the start of the pause:
 * a paused case does not age. On resume the caller shifts dueAt (deadlines.ts), and the light moves on from there.
 */
import { fromEpochDay, isWorkingDay, toEpochDay, type WorkingCalendar } from '../calendar/calendar.js';
import { localDate, validateOfficeHours, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import { DomainError } from '../errors.js';
import type { CaseStatus } from './model.js';

export type Light = 'green' | 'yellow' | 'red';

export const LIGHT_NAMES: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** The facts the light reads; a CaseState fits, and so does a row with Date columns. */
export interface LightFacts {
  status: CaseStatus;
  acceptedAt: string | Date | null;
  dueAt: string | Date | null;
  /** set while the clock is paused */
  pausedAt: string | Date | null;
}

/** The clock has stopped for good: finished, or out of the center's hands. */
const NOT_OPEN: readonly CaseStatus[] = ['completed', 'delivered', 'returned', 'withdrawn'];

/** yellow once used / total ≥ 4 / 5, compared in integers so that no rounding decides a boundary */
const USED_NUMERATOR = 4;
const USED_DENOMINATOR = 5;

const MINUTE_MS = 60_000;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Working time in ms between two instants. Everything is measured on the wall clock of the center's zone
 * (the office sessions are wall-clock times): each end is turned into its local date and its offset from
 * local midnight once, days strictly between contribute a whole working day without further time-zone work.
 * That makes the sum exactly additive, and cheap enough for a dashboard of thousands of cases.
 */
function workingMs(cal: WorkingCalendar, from: Date, to: Date, hours: OfficeHours, timeZone: string): number {
  validateOfficeHours(hours);
  if (to.getTime() <= from.getTime()) return 0;
  const sessions = hours.sessions.map((s) => [minutesOf(s.start) * MINUTE_MS, minutesOf(s.end) * MINUTE_MS] as const);
  const firstDate = localDate(from, timeZone);
  const lastDate = localDate(to, timeZone);
  const sinceMidnight = (instant: Date, date: string) => instant.getTime() - zonedInstant(date, '00:00', timeZone).getTime();
  const fromMs = sinceMidnight(from, firstDate);
  const toMs = sinceMidnight(to, lastDate);
  const first = toEpochDay(firstDate);
  const last = toEpochDay(lastDate);

  let total = 0;
  for (let day = first; day <= last; day++) {
    if (!isWorkingDay(cal, fromEpochDay(day))) continue;
    const lo = day === first ? fromMs : -Infinity;
    const hi = day === last ? toMs : Infinity;
    for (const [start, end] of sessions) total += Math.max(0, Math.min(end, hi) - Math.max(start, lo));
  }
  return total;
}

/**
 * Minutes of office sessions on working days between `from` and `to` (0 if `to` <= `from`); fractional when
 * the instants are not on whole minutes. Throws CALENDAR_YEAR_NOT_LOADED for a year without an arrangement.
 */
export function workingMinutesBetween(
  cal: WorkingCalendar,
  from: Date,
  to: Date,
  hours: OfficeHours,
  timeZone: string,
): number {
  return workingMs(cal, from, to, hours, timeZone) / MINUTE_MS;
}

function instant(value: string | Date | null, field: string): Date | null {
  if (value === null) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DomainError('INVALID_INSTANT', `办件的${field}不正确。`, { [field]: String(value) });
  return d;
}

/** The light of a case at `now`; null when the case is not open or its clock has not started (no dueAt). */
export function caseLight(
  facts: LightFacts,
  now: Date,
  cal: WorkingCalendar,
  hours: OfficeHours,
  timeZone: string,
): Light | null {
  const dueAt = instant(facts.dueAt, '办结时限');
  if (NOT_OPEN.includes(facts.status) || dueAt === null) return null;
  const acceptedAt = instant(facts.acceptedAt, '受理时间');
  const pausedAt = instant(facts.pausedAt, '暂停时间');

  const clock = pausedAt && pausedAt.getTime() < now.getTime() ? pausedAt : now;
  if (clock.getTime() > dueAt.getTime()) return 'red';

  // Seen before its acceptance instant (clocks of two machines disagree): as if just accepted.
  const since = acceptedAt && acceptedAt.getTime() > clock.getTime() ? acceptedAt : clock;
  const left = workingMs(cal, since, dueAt, hours, timeZone);
  const oneDay = hours.sessions.reduce((sum, s) => sum + (minutesOf(s.end) - minutesOf(s.start)) * MINUTE_MS, 0);
  if (left <= oneDay) return 'yellow';

  // Without an acceptance instant (never in a well-formed case) only the first rule can apply.
  if (acceptedAt === null) return 'green';
  const used = workingMs(cal, acceptedAt, since, hours, timeZone);
  const total = used + left; // additive: acceptance → since → due
  return used * USED_DENOMINATOR >= total * USED_NUMERATOR ? 'yellow' : 'green';
}
