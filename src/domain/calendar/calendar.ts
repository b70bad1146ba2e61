/**
 * The official working-day calendar (DOMAIN.md rule 3): weekends, public holidays and make-up working days
 * (调休) as announced each year by the State Council. Pure: the calendar and the dates are arguments.
 *
 * Dates are plain 'YYYY-MM-DD' strings and all arithmetic is done on "epoch days" (days since 1970-01-01,
 * via Date.UTC), so nothing here depends on the time zone of the machine it runs on.
 */
import { DomainError } from '../errors.js';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** '3月30日': a date as messages and lists say it, the year understood. */
export const monthDayText = (date: IsoDate): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A day that differs from the plain Monday–Friday rule: a public holiday day or a make-up working day. */
export interface CalendarOverride {
  date: IsoDate;
  working: boolean;
  /** e.g. '春节' for a day off, '春节调休上班' for a make-up working day. */
  note: string;
}

export interface WorkingCalendar {
  /** Years whose arrangement has been imported; any other year is unknown, not "no holidays". */
  readonly years: ReadonlySet<number>;
  readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;
  /**
   * The days off of a year that is NOT in `years`, as the law fixes them (DOMAIN.md rule 3: 暂定), or null when
   * even that cannot be worked out. Absent: such a year is refused (CALENDAR_YEAR_NOT_LOADED) rather than
   * guessed. See provisional.ts; kept as a function so this file needs no lunar calendar.
   */
  readonly provisional?: (year: number) => ReadonlyMap<IsoDate, CalendarOverride> | null;
}

export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Pure date arithmetic

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Is `s` a well-formed date that exists on the calendar (rejects '2026-02-30')? */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls invalid days over into the next month, and maps years 0–99 to 1900–1999: both show here.
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function assertIsoDate(s: IsoDate): void {
  if (typeof s !== 'string' || !isIsoDate(s)) {
    throw new DomainError('INVALID_DATE', `日期“${String(s)}”不正确，请按 YYYY-MM-DD 填写一个真实存在的日期，如 2026-10-09。`, {
      date: s,
    });
  }
}

/** Days since 1970-01-01 (negative before). Throws INVALID_DATE for a malformed or non-existent date. */
export function toEpochDay(date: IsoDate): number {
  assertIsoDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. 1970-01-01 was a Thursday. */
export function weekday(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export const isWeekend = (date: IsoDate): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/** Chinese weekday name as used in the State Council notices and in messages: 星期一 … 星期日. */
export const weekdayName = (date: IsoDate): string => `星期${'日一二三四五六'[weekday(date)]}`;

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/**
 * '1月5日' in the year of `today`, '2027年1月5日' in any other: in December a date in January must not be read as
 * this January.
 */
export const dateTextFrom = (date: IsoDate, today: IsoDate): string =>
  `${yearOf(date) === yearOf(today) ? '' : `${yearOf(date)}年`}${monthDayText(date)}`;

// ---------------------------------------------------------------------------------------------------------
// The calendar

export function buildCalendar(years: Iterable<number>, overrides: Iterable<CalendarOverride>): WorkingCalendar {
  const map = new Map<IsoDate, CalendarOverride>();
  for (const o of overrides) {
    assertIsoDate(o.date);
    const seen = map.get(o.date);
    // Two stored rows saying opposite things about one day is corrupt data, not something to pick from.
    if (seen && seen.working !== o.working) {
      throw new DomainError('CALENDAR_CONFLICT', `工作日历中 ${o.date} 既登记为放假又登记为上班，请系统管理员重新导入该年度安排。`, {
        date: o.date,
      });
    }
    map.set(o.date, { date: o.date, working: o.working, note: o.note });
  }
  return { years: new Set(years), overrides: map };
}

function notLoaded(year: number): DomainError {
  return new DomainError(
    'CALENDAR_YEAR_NOT_LOADED',
    `${year}年的法定节假日安排尚未导入，无法计算工作日。请系统管理员在“工作日历”中导入该年度安排后再试。`,
    { year },
  );
}

/** The overrides that decide the days of `year`: the imported arrangement, else the provisional one, else refuse. */
function overridesOf(cal: WorkingCalendar, year: number): ReadonlyMap<IsoDate, CalendarOverride> {
  if (cal.years.has(year)) return cal.overrides;
  const provisional = cal.provisional?.(year);
  if (!provisional) throw notLoaded(year);
  return provisional;
}

/** Official when the year's arrangement is imported, provisional (暂定) otherwise; a year neither can be throws. */
export function isProvisionalYear(cal: WorkingCalendar, year: number): boolean {
  overridesOf(cal, year);
  return !cal.years.has(year);
}

/**
 * The years between the two dates (inclusive, either order) whose days are only provisional: a date worked out
 * across them may move when the State Council's arrangement is imported.
 */
export function provisionalYearsBetween(cal: WorkingCalendar, a: IsoDate, b: IsoDate): number[] {
  const [lo, hi] = [yearOf(a), yearOf(b)].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let y = lo; y <= hi; y++) if (isProvisionalYear(cal, y)) years.push(y);
  return years;
}

/**
 * An override wins; otherwise Monday–Friday. A year that is not loaded counts on its provisional days off when
 * the calendar has them (rule 3: the service never stops at the year end), and is refused otherwise.
 */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  assertIsoDate(date);
  const override = overridesOf(cal, yearOf(date)).get(date);
  return override ? override.working : !isWeekend(date);
}

/** The n-th working day after `from` (`from` itself is never counted); n = 0 gives `from`. */
export function addWorkingDays(cal: WorkingCalendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new DomainError('INVALID_WORKING_DAYS', `工作日天数须为不小于 0 的整数，收到的是“${String(n)}”。`, { days: n });
  }
  let day = toEpochDay(from);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(cal, fromEpochDay(day))) left -= 1;
  }
  return fromEpochDay(day);
}

/**
 * Working days d with from < d <= to, so that countWorkingDays(c, f, addWorkingDays(c, f, n)) === n;
 * negative when `to` is before `from`.
 */
export function countWorkingDays(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDay(cal, fromEpochDay(day))) count++;
  return count === 0 ? 0 : sign * count; // never -0, which Object.is and some callers tell apart from 0
}

/** Every day of `year` with its status; note is the override's note, or '周末' on an ordinary weekend. */
export function daysOfYear(cal: WorkingCalendar, year: number): CalendarDay[] {
  const overrides = overridesOf(cal, year);
  const days: CalendarDay[] = [];
  const first = toEpochDay(`${String(year).padStart(4, '0')}-01-01`);
  for (let day = first; yearOf(fromEpochDay(day)) === year; day++) {
    const date = fromEpochDay(day);
    const override = overrides.get(date);
    if (override) days.push({ date, working: override.working, note: override.note });
    else if (isWeekend(date)) days.push({ date, working: false, note: '周末' });
    else days.push({ date, working: true });
  }
  return days;
}
