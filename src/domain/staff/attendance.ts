/**
 * 考勤 (issue 12 §4): a member of staff signs in and out at the console once per working day, on the server's clock.
 * Late: signed in after the start of the center's first office session; early leave: signed out before the end of
 * its last. A month's table per person: days attended, late, early, leave days by kind, and 缺勤 — a working day of
 * the calendar (up to the day before today) with neither a sign-in nor any leave. Pure.
 */
import { addCalendarDays, type IsoDate } from '../calendar/calendar.js';
import type { OfficeHours } from '../calendar/office-hours.js';
import { covers, leaveDays, LEAVE_KINDS, type LeaveKind, type LeavePeriod } from './leave.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** When office hours start and end: the first session's start and the last session's end; null with no sessions. */
export function officeSpan(hours: OfficeHours): { start: string; end: string } | null {
  const sessions = (hours?.sessions ?? []).filter((s) => HH_MM.test(s?.start ?? '') && HH_MM.test(s?.end ?? ''));
  if (sessions.length === 0) return null;
  return { start: sessions[0]!.start, end: sessions[sessions.length - 1]!.end };
}

export interface SignInJudgement {
  late: boolean;
  /** minutes after the start of office hours, 0 when on time */
  minutesLate: number;
}

export interface SignOutJudgement {
  early: boolean;
  /** minutes before the close of office hours, 0 when not early */
  minutesEarly: number;
}

/**
 * A sign-in at `time` ('HH:mm' on the center's wall clock). On a day off (overtime) or with no office hours set,
 * nobody is late.
 */
export function judgeSignIn(hours: OfficeHours, time: string, workingDay: boolean): SignInJudgement {
  const span = officeSpan(hours);
  if (!workingDay || !span) return { late: false, minutesLate: 0 };
  const late = Math.max(0, minutes(time) - minutes(span.start));
  return { late: late > 0, minutesLate: late };
}

/** A sign-out at `time`: before the close of the last session is early leave (on a working day). */
export function judgeSignOut(hours: OfficeHours, time: string, workingDay: boolean): SignOutJudgement {
  const span = officeSpan(hours);
  if (!workingDay || !span) return { early: false, minutesEarly: 0 };
  const early = Math.max(0, minutes(span.end) - minutes(time));
  return { early: early > 0, minutesEarly: early };
}

export interface DayRecord {
  day: IsoDate;
  late: boolean;
  /** signed out before the close; false while not signed out */
  early: boolean;
}

export interface LeaveOfMonth extends LeavePeriod {
  kind: LeaveKind;
}

export interface MonthAttendance {
  /** days with a sign-in (working days or not) */
  attendedDays: number;
  late: number;
  early: number;
  /** working days of leave in the month, half days as 0.5, per kind */
  leaveDays: Record<LeaveKind, number>;
  leaveTotal: number;
  /** working days before `today` with neither a sign-in nor leave */
  absentDays: number;
  absentDates: IsoDate[];
}

/** 'YYYY-MM' → its first and last day. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  const next = addCalendarDays(`${month}-28`, 7).slice(0, 7);
  return { first, last: addCalendarDays(`${next}-01`, -1) };
}

/**
 * One person's month. `records`: their sign-in records (one per day); `leaves`: their approved leaves (any that
 * touch the month); `today`: days from today on are not judged for absence yet.
 */
export function monthAttendance(input: {
  month: string;
  isWorking: (day: IsoDate) => boolean;
  today: IsoDate;
  records: readonly DayRecord[];
  leaves: readonly LeaveOfMonth[];
}): MonthAttendance {
  const { first, last } = monthBounds(input.month);
  const inMonth = input.records.filter((r) => r.day >= first && r.day <= last);
  const signed = new Set(inMonth.map((r) => r.day));
  const byKind = Object.fromEntries(LEAVE_KINDS.map((k) => [k, 0])) as Record<LeaveKind, number>;
  for (const leave of input.leaves) byKind[leave.kind] += leaveDays(input.isWorking, leave, first, last);
  const absentDates: IsoDate[] = [];
  for (let d = first; d <= last && d < input.today; d = addCalendarDays(d, 1)) {
    if (!input.isWorking(d) || signed.has(d)) continue;
    if (input.leaves.some((l) => covers(l, d, 'am') || covers(l, d, 'pm'))) continue;
    absentDates.push(d);
  }
  return {
    attendedDays: signed.size,
    late: inMonth.filter((r) => r.late).length,
    early: inMonth.filter((r) => r.early).length,
    leaveDays: byKind,
    leaveTotal: Object.values(byKind).reduce((a, b) => a + b, 0),
    absentDays: absentDates.length,
    absentDates,
  };
}
