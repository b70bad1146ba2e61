/**
 * 领导带班值班表 (issue 12 §5; DOMAIN.md "Hall operations"): one leader on duty for every working day of the month, by
 * the working-day calendar (调休 make-up days are working days; a year not yet imported counts on its provisional
 * days off). Pure: the calendar, the leaders and the assignments are arguments.
 */
import { addCalendarDays, isProvisionalYear, isWorkingDay, monthDayText, weekdayName, type WorkingCalendar } from '../calendar/calendar.js';
import { MONTH_PATTERN } from '../calendar/months.js';
import { DomainError } from '../errors.js';

export interface RosterDay {
  date: string;
  weekday: string;
  /** the calendar's note when the day is an override, e.g. '春节调休上班' */
  note: string | null;
  /** the year's arrangement is not imported yet: the day is 暂定 */
  provisional: boolean;
}

export interface Assignment {
  day: string;
  userId: string;
}

/** The working days of `month` ('YYYY-MM') in order. */
export function workingDaysOf(cal: WorkingCalendar, month: string): RosterDay[] {
  if (!MONTH_PATTERN.test(month)) throw new DomainError('INVALID_MONTH', '月份请按 YYYY-MM 填写，如 2027-01');
  const days: RosterDay[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addCalendarDays(d, 1)) {
    if (!isWorkingDay(cal, d)) continue;
    const year = Number(d.slice(0, 4));
    const provisional = isProvisionalYear(cal, year);
    const override = cal.years.has(year) ? cal.overrides.get(d) : cal.provisional?.(year)?.get(d);
    days.push({ date: d, weekday: weekdayName(d), note: override?.note ?? null, provisional });
  }
  return days;
}

export interface RosterProblems {
  /** working days without a leader */
  uncovered: string[];
  /** days given more than one leader */
  doubled: string[];
  /** days that are not working days of the month */
  notWorking: string[];
  /** assignments to someone who is not a leader of the center */
  notLeader: Assignment[];
}

/** What is wrong with `assignments` for these working days and leaders; all lists empty: a complete roster. */
export function rosterProblems(workingDays: readonly string[], assignments: readonly Assignment[], leaderIds: readonly string[]): RosterProblems {
  const working = new Set(workingDays);
  const leaders = new Set(leaderIds);
  const count = new Map<string, number>();
  for (const a of assignments) count.set(a.day, (count.get(a.day) ?? 0) + 1);
  return {
    uncovered: workingDays.filter((d) => !count.has(d)),
    doubled: [...count].filter(([, n]) => n > 1).map(([d]) => d).sort(),
    notWorking: [...new Set(assignments.filter((a) => !working.has(a.day)).map((a) => a.day))].sort(),
    notLeader: assignments.filter((a) => !leaders.has(a.userId)),
  };
}

export const isComplete = (p: RosterProblems) => p.uncovered.length + p.doubled.length + p.notWorking.length + p.notLeader.length === 0;

const list = (days: readonly string[]) => (days.length > 5 ? `${days.slice(0, 5).map(monthDayText).join('、')}等 ${days.length} 天` : days.map(monthDayText).join('、'));

/** Refuses a draft that may not be saved: a non-working day, a day twice, or someone who is not a leader. */
export function assertSavable(p: RosterProblems): void {
  if (p.notWorking.length > 0) {
    throw new DomainError('DUTY_NOT_WORKING_DAY', `${list(p.notWorking)}不是工作日，不排带班领导，请去掉后再保存。`, { days: p.notWorking });
  }
  if (p.doubled.length > 0) {
    throw new DomainError('DUTY_DAY_TWICE', `${list(p.doubled)}排了不止一位带班领导，每个工作日只排一位。`, { days: p.doubled });
  }
  if (p.notLeader.length > 0) {
    throw new DomainError('DUTY_NOT_LEADER', '值班表里有不是本中心带班领导或中心主任的人员，请改排本中心的带班领导。', { days: p.notLeader.map((a) => a.day) });
  }
}

/** Refuses to publish a roster that does not cover every working day exactly once. */
export function assertPublishable(p: RosterProblems): void {
  assertSavable(p);
  if (p.uncovered.length > 0) {
    throw new DomainError('DUTY_DAY_UNCOVERED', `${list(p.uncovered)}还没有排带班领导，每个工作日都排好后才能发布。`, { days: p.uncovered });
  }
}

/**
 * A fair rotation: the leaders in turn over the working days, so nobody has more than one day more than another.
 * It continues after `lastLeaderId` (who was on duty last, e.g. at the end of the month before) so the rotation
 * does not restart at the first leader every month. Days already in `keep` stay as they are and count as turns.
 */
export function suggestRotation(workingDays: readonly string[], leaderIds: readonly string[], lastLeaderId?: string | null, keep: readonly Assignment[] = []): Assignment[] {
  if (leaderIds.length === 0) return [...keep].filter((a) => workingDays.includes(a.day));
  const kept = new Map(keep.filter((a) => workingDays.includes(a.day)).map((a) => [a.day, a.userId]));
  const turns = new Map(leaderIds.map((id) => [id, 0]));
  for (const id of kept.values()) if (turns.has(id)) turns.set(id, turns.get(id)! + 1);
  let next = lastLeaderId && leaderIds.includes(lastLeaderId) ? (leaderIds.indexOf(lastLeaderId) + 1) % leaderIds.length : 0;
  const out: Assignment[] = [];
  for (const day of workingDays) {
    const held = kept.get(day);
    if (held) {
      out.push({ day, userId: held });
      continue;
    }
    // the one with fewest turns, in rotation order from `next`
    let best = -1;
    for (let i = 0; i < leaderIds.length; i++) {
      const idx = (next + i) % leaderIds.length;
      if (best === -1 || turns.get(leaderIds[idx]!)! < turns.get(leaderIds[best]!)!) best = idx;
    }
    const id = leaderIds[best]!;
    turns.set(id, turns.get(id)! + 1);
    out.push({ day, userId: id });
    next = (best + 1) % leaderIds.length;
  }
  return out;
}

/** The day the director starts being reminded to publish next month's roster. */
export const REMIND_FROM_DAY = 20;

/** Next month of the local date `today` when a reminder is due (on or after the 20th), else null. */
export function rosterReminderMonth(today: string): string | null {
  if (Number(today.slice(8, 10)) < REMIND_FROM_DAY) return null;
  return addCalendarDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7);
}

// ---- village office days

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** '每周三' / '每周一、周四' for ISO weekdays (1 Monday .. 7 Sunday); '' for none. */
export function officeDayText(weekdays: readonly number[]): string {
  const sorted = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  return sorted.length === 0 ? '' : `每${sorted.map((d) => WEEKDAY_NAMES[d]).join('、')}`;
}
