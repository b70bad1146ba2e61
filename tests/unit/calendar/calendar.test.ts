import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  countWorkingDays,
  dateTextFrom,
  daysOfYear,
  fromEpochDay,
  isIsoDate,
  isWorkingDay,
  toEpochDay,
  weekday,
  weekdayName,
} from '../../../src/domain/calendar/calendar.js';
import { domainError, officialCalendar } from './support.js';

const cal = officialCalendar();

describe('date arithmetic', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2100-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '2026/01/05', '20260105', '', '0099-01-01']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('converts to and from epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2026-01-01')).toBe(20454);
    expect(fromEpochDay(20454)).toBe('2026-01-01');
    expect(domainError(() => toEpochDay('2026-02-30')).code).toBe('INVALID_DATE');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('knows the weekday', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(0);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekdayName('2026-02-16')).toBe('星期一');
    expect(weekdayName('2026-02-15')).toBe('星期日');
  });

  it('writes a date without its year only within the year of today', () => {
    expect(dateTextFrom('2026-12-31', '2026-12-28')).toBe('12月31日');
    expect(dateTextFrom('2027-01-05', '2026-12-28')).toBe('2027年1月5日');
    expect(dateTextFrom('2026-12-30', '2027-01-04')).toBe('2026年12月30日');
  });
});

/**
 * Around every holiday of both notices: the day before, first and last day off, the day after, and every
 * make-up working day. The weekday column documents (and checks) the reasoning.
 */
const BOUNDARIES: [date: string, weekday: string, working: boolean, why: string][] = [
  // 2025 元旦 1/1
  ['2025-01-01', '三', false, '元旦'],
  ['2025-01-02', '四', true, 'day after'],
  // 2025 春节 1/28–2/4, work 1/26 and 2/8
  ['2025-01-25', '六', false, 'plain weekend'],
  ['2025-01-26', '日', true, '春节调休上班'],
  ['2025-01-27', '一', true, 'day before'],
  ['2025-01-28', '二', false, '春节 first'],
  ['2025-02-01', '六', false, '春节 weekend inside'],
  ['2025-02-04', '二', false, '春节 last'],
  ['2025-02-05', '三', true, 'day after'],
  ['2025-02-08', '六', true, '春节调休上班'],
  ['2025-02-09', '日', false, 'plain weekend'],
  // 2025 清明节 4/4–4/6
  ['2025-04-03', '四', true, 'day before'],
  ['2025-04-04', '五', false, '清明 first'],
  ['2025-04-06', '日', false, '清明 last'],
  ['2025-04-07', '一', true, 'day after'],
  // 2025 劳动节 5/1–5/5, work 4/27
  ['2025-04-27', '日', true, '劳动节调休上班'],
  ['2025-04-30', '三', true, 'day before'],
  ['2025-05-01', '四', false, '劳动节 first'],
  ['2025-05-05', '一', false, '劳动节 last'],
  ['2025-05-06', '二', true, 'day after'],
  // 2025 端午节 5/31–6/2
  ['2025-05-30', '五', true, 'day before'],
  ['2025-05-31', '六', false, '端午 first'],
  ['2025-06-02', '一', false, '端午 last'],
  ['2025-06-03', '二', true, 'day after'],
  // 2025 国庆节、中秋节 10/1–10/8, work 9/28 and 10/11
  ['2025-09-27', '六', false, 'plain weekend'],
  ['2025-09-28', '日', true, '国庆调休上班'],
  ['2025-09-30', '二', true, 'day before'],
  ['2025-10-01', '三', false, '国庆 first'],
  ['2025-10-06', '一', false, '中秋 (inside 国庆)'],
  ['2025-10-08', '三', false, '国庆 last'],
  ['2025-10-09', '四', true, 'day after'],
  ['2025-10-11', '六', true, '国庆调休上班'],
  ['2025-10-12', '日', false, 'plain weekend'],
  ['2025-12-31', '三', true, 'day before 2026 元旦'],
  // 2026 元旦 1/1–1/3, work 1/4
  ['2026-01-01', '四', false, '元旦 first'],
  ['2026-01-02', '五', false, '元旦'],
  ['2026-01-03', '六', false, '元旦 last'],
  ['2026-01-04', '日', true, '元旦调休上班'],
  ['2026-01-05', '一', true, 'day after'],
  // 2026 春节 2/15–2/23, work 2/14 and 2/28
  ['2026-02-13', '五', true, 'day before'],
  ['2026-02-14', '六', true, '春节调休上班'],
  ['2026-02-15', '日', false, '春节 first'],
  ['2026-02-16', '一', false, '春节'],
  ['2026-02-23', '一', false, '春节 last'],
  ['2026-02-24', '二', true, 'day after'],
  ['2026-02-28', '六', true, '春节调休上班'],
  ['2026-03-01', '日', false, 'plain weekend'],
  // 2026 清明节 4/4–4/6
  ['2026-04-03', '五', true, 'day before'],
  ['2026-04-04', '六', false, '清明 first'],
  ['2026-04-06', '一', false, '清明 last'],
  ['2026-04-07', '二', true, 'day after'],
  // 2026 劳动节 5/1–5/5, work 5/9
  ['2026-04-30', '四', true, 'day before'],
  ['2026-05-01', '五', false, '劳动节 first'],
  ['2026-05-05', '二', false, '劳动节 last'],
  ['2026-05-06', '三', true, 'day after'],
  ['2026-05-09', '六', true, '劳动节调休上班'],
  ['2026-05-10', '日', false, 'plain weekend'],
  // 2026 端午节 6/19–6/21
  ['2026-06-18', '四', true, 'day before'],
  ['2026-06-19', '五', false, '端午 first'],
  ['2026-06-21', '日', false, '端午 last'],
  ['2026-06-22', '一', true, 'day after'],
  // 2026 中秋节 9/25–9/27 and 国庆节 10/1–10/7, work 9/20 and 10/10
  ['2026-09-19', '六', false, 'plain weekend'],
  ['2026-09-20', '日', true, '国庆调休上班'],
  ['2026-09-24', '四', true, 'day before 中秋'],
  ['2026-09-25', '五', false, '中秋 first'],
  ['2026-09-27', '日', false, '中秋 last'],
  ['2026-09-28', '一', true, 'day after 中秋'],
  ['2026-09-30', '三', true, 'day before 国庆'],
  ['2026-10-01', '四', false, '国庆 first'],
  ['2026-10-07', '三', false, '国庆 last'],
  ['2026-10-08', '四', true, 'day after 国庆'],
  ['2026-10-10', '六', true, '国庆调休上班'],
  ['2026-10-11', '日', false, 'plain weekend'],
  ['2026-12-31', '四', true, 'last day loaded'],
];

describe('isWorkingDay around every holiday of 2025 and 2026', () => {
  it.each(BOUNDARIES)('%s (星期%s) working=%s — %s', (date, wd, working) => {
    expect(weekdayName(date)).toBe(`星期${wd}`);
    expect(isWorkingDay(cal, date)).toBe(working);
  });
});

/** [from, n, expected]: the n-th working day after `from`, across each holiday. */
const ADDITIONS: [string, number, string][] = [
  ['2024-12-31', 1, '2025-01-02'], // from itself is never looked up, so 2024 need not be loaded
  ['2025-01-24', 1, '2025-01-26'], // Fri → make-up Sunday
  ['2025-01-26', 1, '2025-01-27'],
  ['2025-01-27', 1, '2025-02-05'], // over 春节
  ['2025-02-07', 1, '2025-02-08'], // make-up Saturday
  ['2025-02-08', 1, '2025-02-10'],
  ['2025-04-03', 1, '2025-04-07'], // 清明
  ['2025-04-25', 1, '2025-04-27'],
  ['2025-04-30', 1, '2025-05-06'], // 劳动节
  ['2025-05-30', 1, '2025-06-03'], // 端午
  ['2025-09-26', 1, '2025-09-28'],
  ['2025-09-30', 1, '2025-10-09'], // 国庆中秋
  ['2025-10-09', 2, '2025-10-11'],
  ['2025-12-31', 1, '2026-01-04'], // over 元旦 into a make-up Sunday, across the year boundary
  ['2026-01-04', 1, '2026-01-05'],
  ['2026-02-13', 1, '2026-02-14'], // make-up Saturday
  ['2026-02-14', 1, '2026-02-24'], // over 春节
  ['2026-02-13', 3, '2026-02-25'],
  ['2026-02-27', 1, '2026-02-28'],
  ['2026-02-28', 1, '2026-03-02'],
  ['2026-04-03', 1, '2026-04-07'], // 清明
  ['2026-04-30', 1, '2026-05-06'], // 劳动节
  ['2026-05-08', 1, '2026-05-09'],
  ['2026-05-09', 1, '2026-05-11'],
  ['2026-06-18', 1, '2026-06-22'], // 端午
  ['2026-09-18', 1, '2026-09-20'],
  ['2026-09-24', 1, '2026-09-28'], // 中秋
  ['2026-09-30', 1, '2026-10-08'], // 国庆: 10/8 is a Thursday and a working day
  ['2026-09-24', 5, '2026-10-09'],
  ['2026-10-09', 1, '2026-10-10'],
  ['2026-10-10', 1, '2026-10-12'],
  ['2026-12-30', 1, '2026-12-31'],
  ['2026-02-15', 0, '2026-02-15'], // n = 0 is `from`, even on a holiday
  ['2030-06-01', 0, '2030-06-01'], // … and needs no calendar at all
];

describe('addWorkingDays', () => {
  it.each(ADDITIONS)('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(cal, from, n)).toBe(expected);
    if (n > 0 && from >= '2025-01-01') expect(countWorkingDays(cal, from, expected)).toBe(n);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses n = %s', (n) => {
    const e = domainError(() => addWorkingDays(cal, '2026-03-02', n));
    expect(e.code).toBe('INVALID_WORKING_DAYS');
    expect(e.message).toMatch(/工作日天数须为不小于 0 的整数/);
  });

  it('refuses a malformed date', () => {
    expect(domainError(() => addWorkingDays(cal, '2026-2-3', 1)).code).toBe('INVALID_DATE');
  });
});

describe('countWorkingDays', () => {
  it('counts from < d <= to, negative when reversed, zero for the same day', () => {
    expect(countWorkingDays(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(countWorkingDays(cal, '2026-10-08', '2026-09-30')).toBe(-1);
    expect(countWorkingDays(cal, '2026-10-01', '2026-10-01')).toBe(0);
    expect(countWorkingDays(cal, '2026-10-01', '2026-10-07')).toBe(0);
    expect(countWorkingDays(cal, '2026-10-07', '2026-10-01')).toBe(0); // 0, not -0
    expect(countWorkingDays(cal, '2026-02-13', '2026-02-14')).toBe(1);
  });

  it('February 2026: 20 weekdays − 6 days of 春节 + 2 make-up Saturdays = 16', () => {
    expect(countWorkingDays(cal, '2026-01-31', '2026-02-28')).toBe(16);
  });
});

/**
 * Totals by hand. Both years start and end on the same weekday (365 days = 52 weeks + 1 day), so each has
 * 52 × 5 + 1 = 261 weekdays.
 * 2025: weekdays off 元旦 1 + 春节 6 + 清明 1 + 劳动 3 + 端午 1 + 国庆中秋 6 = 18; make-up 5 → 261 − 18 + 5 = 248.
 * 2026: weekdays off 元旦 2 + 春节 6 + 清明 1 + 劳动 3 + 端午 1 + 中秋 1 + 国庆 5 = 19; make-up 6 → 261 − 19 + 6 = 248.
 * 248 is also 365 − 104 weekend days − 13 statutory holiday days (13 since the 2025 revision), the figure
 * used for annual working days from 2025 on. (Not 250: that was the old figure with 11 holiday days.)
 */
describe('working days in a year', () => {
  it.each([
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, total) => {
    const days = daysOfYear(cal, year);
    expect(days).toHaveLength(365);
    expect(days.filter((d) => d.working)).toHaveLength(total);
    expect(countWorkingDays(cal, `${year - 1}-12-31`, `${year}-12-31`)).toBe(total);
  });
});

describe('daysOfYear', () => {
  const days = new Map(daysOfYear(cal, 2026).map((d) => [d.date, d]));

  it('covers every day in order', () => {
    const list = daysOfYear(cal, 2025);
    expect(list[0]!.date).toBe('2025-01-01');
    expect(list.at(-1)!.date).toBe('2025-12-31');
    list.slice(1).forEach((d, i) => expect(addCalendarDays(list[i]!.date, 1)).toBe(d.date));
  });

  it('notes holidays, make-up days and weekends; plain weekdays have no note', () => {
    expect(days.get('2026-02-15')).toEqual({ date: '2026-02-15', working: false, note: '春节' });
    expect(days.get('2026-02-14')).toEqual({ date: '2026-02-14', working: true, note: '春节调休上班' });
    expect(days.get('2026-03-07')).toEqual({ date: '2026-03-07', working: false, note: '周末' });
    expect(days.get('2026-03-09')).toEqual({ date: '2026-03-09', working: true });
    expect('note' in days.get('2026-03-09')!).toBe(false);
  });

  it('has 366 days in a leap year', () => {
    expect(daysOfYear(buildCalendar([2028], []), 2028)).toHaveLength(366);
  });
});

describe('a year that is not loaded is refused, never guessed', () => {
  const message2027 = '2027年的法定节假日安排尚未导入，无法计算工作日。请系统管理员在“工作日历”中导入该年度安排后再试。';

  it('isWorkingDay', () => {
    const e = domainError(() => isWorkingDay(cal, '2027-01-04'));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.message).toBe(message2027);
    expect(e.details).toEqual({ year: 2027 });
    expect(domainError(() => isWorkingDay(cal, '2024-06-03')).details).toEqual({ year: 2024 });
  });

  it('addWorkingDays running past 2026-12-31', () => {
    const e = domainError(() => addWorkingDays(cal, '2026-12-31', 1));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.message).toBe(message2027);
    expect(domainError(() => addWorkingDays(cal, '2026-12-20', 15)).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });

  it('countWorkingDays over an unloaded day, daysOfYear of an unloaded year', () => {
    expect(domainError(() => countWorkingDays(cal, '2024-12-30', '2025-01-02')).details).toEqual({ year: 2024 });
    expect(domainError(() => daysOfYear(cal, 2027)).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });

  it('an empty calendar knows nothing, not even plain weekdays', () => {
    expect(domainError(() => isWorkingDay(buildCalendar([], []), '2026-03-09')).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});

describe('buildCalendar', () => {
  it('plain Monday–Friday when a loaded year has no overrides', () => {
    const plain = buildCalendar([2027], []);
    expect(isWorkingDay(plain, '2027-01-01')).toBe(true); // a Friday; only the imported file can say otherwise
    expect(isWorkingDay(plain, '2027-01-02')).toBe(false);
  });

  it('refuses contradicting overrides and malformed dates', () => {
    const off = { date: '2026-02-14', working: false, note: '春节' };
    const on = { date: '2026-02-14', working: true, note: '春节调休上班' };
    expect(domainError(() => buildCalendar([2026], [off, on])).code).toBe('CALENDAR_CONFLICT');
    expect(domainError(() => buildCalendar([2026], [{ ...off, date: '2026-02-30' }])).code).toBe('INVALID_DATE');
    expect(() => buildCalendar([2026], [off, off])).not.toThrow();
  });
});
