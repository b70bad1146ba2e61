/**
 * The supervision light of an open case (DOMAIN.md rule 12). Pure: `now`, the calendar and the office hours are
 * arguments.
 *
 * - An immediate case (即办件) is green for its first 30 minutes after acceptance (the hall's target), yellow
 *   from then until the end of that working day (its dueAt, the close of office), red after.
 * - A promised case (承诺件, and joint and escalated ones) is yellow when at most one working day of office time
 *   is left, or at most 20 % of its time; red when overdue (past dueAt; dueAt itself is still in time).
 * - Paused time does not count: while the clock is paused (supplements, special steps) the light is read at
 *   the start of the pause and does not age; after a resume the caller has shifted dueAt by the working days
 *   the clock stood still (deadlines.ts) and recorded them in `pausedDays`, so "its time" stays the time the
 *   case was given (promise plus approved extensions), not the calendar span that includes the pause.
 *
 * Time left and "its time" are WORKING time: the minutes of the center's office sessions on working days of the
 * official calendar. A week of National Day holidays before the due date adds nothing to the time left.
 *
 * The light is stored with the case and kept current by a sweep (src/modules/cases/sweep-lights.ts); for that
 * `nextLightChange` says when the light will next change if nothing happens to the case.
 */
import { fromEpochDay, isWorkingDay, toEpochDay, type WorkingCalendar } from '../calendar/calendar.js';
import { localDate, validateOfficeHours, zonedInstant, type OfficeHours } from '../calendar/office-hours.js';
import { DomainError } from '../errors.js';
import type { CaseKind, CaseStatus } from './model.js';

export type Light = 'green' | 'yellow' | 'red';
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];

/** An immediate case is green this long after acceptance (目标 30 分钟办结). */
export const IMMEDIATE_GREEN_MINUTES = 30;

/** The facts the light reads; a CaseState fits, and so does a row with Date columns. */
export interface LightFacts {
  kind: CaseKind;
  status: CaseStatus;
  acceptedAt: string | Date | null;
  dueAt: string | Date | null;
  /** set while the clock is paused */
  pausedAt: string | Date | null;
  /** working days the clock stood still in earlier pauses (dueAt was moved by them); 0 when never paused */
  pausedDays?: number | undefined;
}

/** The clock has stopped for good: finished, or out of the center's hands. */
const NOT_OPEN: readonly CaseStatus[] = ['completed', 'delivered', 'returned', 'withdrawn'];

/** yellow once time left ≤ 1/5 of its time, compared in integers so that no rounding decides a boundary */
const LEFT_SHARE = 5;

const MINUTE_MS = 60_000;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One working day of office time, in ms. */
const dayMs = (hours: OfficeHours): number =>
  hours.sessions.reduce((sum, s) => sum + (minutesOf(s.end) - minutesOf(s.start)) * MINUTE_MS, 0);

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

/** What both the light and its next change read: the instants, and the clock the case is seen at. */
function readFacts(facts: LightFacts, now: Date) {
  const dueAt = instant(facts.dueAt, '办结时限');
  if (NOT_OPEN.includes(facts.status) || dueAt === null) return null;
  const acceptedAt = instant(facts.acceptedAt, '受理时间');
  const pausedAt = instant(facts.pausedAt, '暂停时间');
  // A paused case is seen at the start of its pause. A pause later than now (clocks of two machines disagree)
  // is read as now.
  const clock = pausedAt && pausedAt.getTime() < now.getTime() ? pausedAt : now;
  // Seen before its acceptance instant: as if just accepted.
  const since = acceptedAt && acceptedAt.getTime() > clock.getTime() ? acceptedAt : clock;
  return { dueAt, acceptedAt, pausedAt, clock, since };
}

/**
 * The time left at which a promised case turns yellow: one working day, or 1/5 of its time when that is more.
 * Its time is the working time from acceptance to dueAt less the working days the clock stood still.
 */
function yellowThreshold(facts: LightFacts, acceptedAt: Date | null, dueAt: Date, cal: WorkingCalendar, hours: OfficeHours, timeZone: string): number {
  const oneDay = dayMs(hours);
  // Without an acceptance instant (never in a well-formed case) only the one-day rule can apply.
  if (acceptedAt === null) return oneDay;
  const itsTime = Math.max(0, workingMs(cal, acceptedAt, dueAt, hours, timeZone) - (facts.pausedDays ?? 0) * oneDay);
  return Math.max(oneDay, Math.floor(itsTime / LEFT_SHARE));
}

/** The light of a case at `now`; null when the case is not open or its clock has not started (no dueAt). */
export function caseLight(
  facts: LightFacts,
  now: Date,
  cal: WorkingCalendar,
  hours: OfficeHours,
  timeZone: string,
): Light | null {
  const read = readFacts(facts, now);
  if (read === null) return null;
  const { dueAt, acceptedAt, clock, since } = read;
  if (clock.getTime() > dueAt.getTime()) return 'red';
  if (facts.kind === 'immediate') {
    const from = acceptedAt ?? since;
    return since.getTime() - from.getTime() < IMMEDIATE_GREEN_MINUTES * MINUTE_MS ? 'green' : 'yellow';
  }
  const left = workingMs(cal, since, dueAt, hours, timeZone);
  return left <= yellowThreshold(facts, acceptedAt, dueAt, cal, hours, timeZone) ? 'yellow' : 'green';
}

/**
 * The earliest instant from which at most `threshold` ms of office time are left before `dueAt`: walking back
 * from dueAt through the office sessions. Where the threshold is used up exactly at the start of a session,
 * the answer is the close of the session before (nothing counts in between). Null if not reached after `floor`.
 */
function leftReachedAt(cal: WorkingCalendar, dueAt: Date, threshold: number, floor: Date, hours: OfficeHours, timeZone: string): Date | null {
  if (threshold <= 0) return dueAt;
  let acc = 0;
  const lastDay = toEpochDay(localDate(dueAt, timeZone));
  const firstDay = toEpochDay(localDate(floor, timeZone)) - 1;
  for (let day = lastDay; day >= firstDay; day--) {
    const date = fromEpochDay(day);
    if (!isWorkingDay(cal, date)) continue;
    for (let i = hours.sessions.length - 1; i >= 0; i--) {
      const s = hours.sessions[i]!;
      const start = zonedInstant(date, s.start, timeZone).getTime();
      const end = Math.min(zonedInstant(date, s.end, timeZone).getTime(), dueAt.getTime());
      if (end <= start) continue;
      const len = end - start;
      if (acc + len > threshold) return new Date(end - (threshold - acc));
      acc += len;
    }
  }
  return null;
}

/**
 * When the light of the case will next change if nothing is done to it; null when it will not change by
 * itself (red, paused, closed, or no clock). At that instant `caseLight` gives the next colour.
 */
export function nextLightChange(
  facts: LightFacts,
  now: Date,
  cal: WorkingCalendar,
  hours: OfficeHours,
  timeZone: string,
): Date | null {
  const light = caseLight(facts, now, cal, hours, timeZone);
  const read = readFacts(facts, now);
  if (light === null || light === 'red' || read === null) return null;
  const { dueAt, acceptedAt, pausedAt, clock, since } = read;
  // A paused case is seen at the start of its pause: once now has reached it, nothing changes any more.
  if (pausedAt !== null && clock.getTime() === pausedAt.getTime()) return null;
  const red = new Date(dueAt.getTime() + 1);
  let next: Date | null;
  if (light === 'yellow') next = red;
  else if (facts.kind === 'immediate') {
    const from = acceptedAt ?? since;
    next = new Date(Math.min(from.getTime() + IMMEDIATE_GREEN_MINUTES * MINUTE_MS, red.getTime()));
  } else {
    next = leftReachedAt(cal, dueAt, yellowThreshold(facts, acceptedAt, dueAt, cal, hours, timeZone), since, hours, timeZone);
  }
  // Seen before its acceptance instant, nothing changes before it either.
  if (next !== null && next.getTime() < since.getTime()) next = since;
  // A pause due to begin before the change freezes the light first.
  if (next !== null && pausedAt !== null && next.getTime() > pausedAt.getTime()) return null;
  return next;
}
