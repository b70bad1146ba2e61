/**
 * 请假 (issue 12 §4): kinds, periods in half days, overlap and the days a leave takes on the working calendar. A
 * period runs from the morning (am) or afternoon (pm) of its first day to the noon (am) or close (pm) of its last.
 * Pure.
 */
import { addCalendarDays, monthDayText, toEpochDay, type IsoDate } from '../calendar/calendar.js';
import { zonedInstant } from '../calendar/office-hours.js';
import type { Whereabouts } from '../transparency/whereabouts.js';

export const LEAVE_KINDS = ['事假', '病假', '年休假', '婚假', '产假', '丧假', '调休', '公出'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const LEAVE_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_NAMES: Record<LeaveStatus, string> = { pending: '待审批', approved: '已批准', refused: '未批准', cancelled: '已撤回' };

export type Half = 'am' | 'pm';

export interface LeavePeriod {
  fromDate: IsoDate;
  /** am: from the morning of the first day; pm: from its afternoon */
  fromHalf: Half;
  toDate: IsoDate;
  /** am: until noon of the last day; pm: until its close */
  toHalf: Half;
}

/** The longest leave filed at once (产假 is 158 days and more in many provinces: a year is ample). */
export const MAX_LEAVE_DAYS = 366;

/** Half-day slots: two per calendar day, am then pm. */
const slot = (date: IsoDate, half: Half): number => toEpochDay(date) * 2 + (half === 'pm' ? 1 : 0);
export const firstSlot = (p: LeavePeriod): number => slot(p.fromDate, p.fromHalf);
export const lastSlot = (p: LeavePeriod): number => slot(p.toDate, p.toHalf);

/** What is wrong with a period, in words for the person filing it; null when it is fine. */
export function periodProblem(p: LeavePeriod): string | null {
  if (p.toDate < p.fromDate) return `结束日期 ${p.toDate} 早于开始日期 ${p.fromDate}，请检查请假日期。`;
  if (lastSlot(p) < firstSlot(p)) return '同一天请假时，不能从下午开始、到上午结束，请检查上午/下午的选择。';
  if (toEpochDay(p.toDate) - toEpochDay(p.fromDate) + 1 > MAX_LEAVE_DAYS) return `一次请假不超过 ${MAX_LEAVE_DAYS} 天，请分段申请。`;
  return null;
}

/** Whether two periods share a half day. */
export const overlaps = (a: LeavePeriod, b: LeavePeriod): boolean => firstSlot(a) <= lastSlot(b) && firstSlot(b) <= lastSlot(a);

/** Whether the period covers the given half of `date`. */
export const covers = (p: LeavePeriod, date: IsoDate, half: Half): boolean => {
  const s = slot(date, half);
  return firstSlot(p) <= s && s <= lastSlot(p);
};

/**
 * Days the leave takes on working days (half days as 0.5), optionally only those within [from, to] (a month):
 * weekends and holidays inside a leave are not leave days.
 */
export function leaveDays(isWorking: (date: IsoDate) => boolean, p: LeavePeriod, from: IsoDate = p.fromDate, to: IsoDate = p.toDate): number {
  let halves = 0;
  const start = from > p.fromDate ? from : p.fromDate;
  const end = to < p.toDate ? to : p.toDate;
  for (let d = start; d <= end; d = addCalendarDays(d, 1)) {
    if (!isWorking(d)) continue;
    if (covers(p, d, 'am')) halves++;
    if (covers(p, d, 'pm')) halves++;
  }
  return halves / 2;
}

/** The instants a leave starts and ends in the center's zone: 00:00 or 12:00 of the first day, 12:00 or 24:00 of the last. */
export function leaveInstants(p: LeavePeriod, timeZone: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: zonedInstant(p.fromDate, p.fromHalf === 'pm' ? '12:00' : '00:00', timeZone),
    endsAt: p.toHalf === 'am' ? zonedInstant(p.toDate, '12:00', timeZone) : zonedInstant(addCalendarDays(p.toDate, 1), '00:00', timeZone),
  };
}

/** Where a person on an approved leave is: 公出 (official business away) is 出差, every other kind 请假. */
export const whereaboutsOfLeave = (kind: LeaveKind): Whereabouts => (kind === '公出' ? '出差' : '请假');

/** '12月7日上午 至 12月9日' — how a period reads in lists and notes. */
export function periodText(p: LeavePeriod): string {
  const from = `${monthDayText(p.fromDate)}${p.fromHalf === 'pm' ? '下午' : ''}`;
  const to = `${monthDayText(p.toDate)}${p.toHalf === 'am' ? '上午' : ''}`;
  if (p.fromDate === p.toDate) return p.fromHalf === p.toHalf ? `${monthDayText(p.fromDate)}${p.fromHalf === 'am' ? '上午' : '下午'}` : monthDayText(p.fromDate);
  return `${from} 至 ${to}`;
}
