import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  countWorkingDays,
  daysOfYear,
  isProvisionalYear,
  isWorkingDay,
  provisionalYearsBetween,
} from '../../../src/domain/calendar/calendar.js';
import { importReminder, provisionalYear, statutoryHolidays, withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { domainError, expand, noticeOffDays, officialCalendar } from './support.js';

const official = officialCalendar();
const cal = withProvisionalYears(official);

const provisionalOff = (year: number) => provisionalYear(year).overrides.map((o) => o.date);

describe('statutory holidays of 全国年节及纪念日放假办法 (2024)', () => {
  it.each([2025, 2026])('%i: every day the law names, and every day in lieu, is a day off in the State Council notice', (year) => {
    const notice = noticeOffDays(year);
    expect(provisionalOff(year).filter((d) => !notice.has(d))).toEqual([]);
  });

  it('property: for 2025 and 2026 any statutory day picked is a holiday in the shipped official arrangement', () => {
    const named = [2025, 2026].flatMap((y) => statutoryHolidays(y).flatMap((h) => h.dates.map((date) => ({ date, name: h.name }))));
    fc.assert(
      fc.property(fc.constantFrom(...named), ({ date }) => {
        expect(isWorkingDay(official, date)).toBe(false);
        expect(official.overrides.get(date)?.working).toBe(false); // a holiday of the notice, not just a weekend
      }),
    );
  });

  it('names 13 days a year (元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (year) => {
        const holidays = statutoryHolidays(year);
        expect(holidays.map((h) => [h.name, h.dates.length])).toEqual([
          ['元旦', 1],
          ['春节', 4],
          ['清明节', 1],
          ['劳动节', 2],
          ['端午节', 1],
          ['中秋节', 1],
          ['国庆节', 3],
        ]);
        for (const h of holidays) for (const d of h.dates) expect(d.startsWith(`${year}-`)).toBe(true);
        // the four days of 春节 are consecutive, from 除夕
        const spring = holidays[1]!.dates;
        expect(spring).toEqual(expand(spring[0]!, spring[3]!));
      }),
    );
  });

  it('knows the dates of the coming years (2027 春节 begins on 除夕, Friday 5 February)', () => {
    const of = (year: number) => Object.fromEntries(statutoryHolidays(year).map((h) => [h.name, h.dates]));
    expect(of(2027)).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    expect(of(2028)['春节']![0]).toBe('2028-01-25'); // 除夕 of 戊申年 (正月初一 26 January)
    expect(of(2028)['中秋节']).toEqual(['2028-10-03']);
    expect(of(2030)['春节']![0]).toBe('2030-02-02');
  });

  it('gives a weekday in lieu for each statutory day on a weekend, never a make-up working day', () => {
    const y2027 = provisionalYear(2027).overrides;
    // 春节 2027: 除夕 Fri, 初一 Sat, 初二 Sun, 初三 Mon → Tuesday and Wednesday in lieu
    expect(y2027.filter((o) => o.note.startsWith('春节')).map((o) => o.date)).toEqual(expand('2027-02-05', '2027-02-10'));
    expect(y2027.find((o) => o.date === '2027-02-09')?.note).toBe('春节补假');
    // 国庆 2027: 1 Oct Fri, 2–3 Oct weekend → 4 and 5 October
    expect(y2027.filter((o) => o.note.startsWith('国庆')).map((o) => o.date)).toEqual(expand('2027-10-01', '2027-10-05'));
    expect(y2027.every((o) => !o.working)).toBe(true);
    // 中秋 on the third day of 国庆 (2028) is one day off named after both, with no extra day for the overlap
    expect(provisionalYear(2028).overrides.find((o) => o.date === '2028-10-03')?.note).toBe('国庆节、中秋节');
  });

  describe('does not depend on the time zone of the machine', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('%s', (tz) => {
      const here = JSON.stringify([2026, 2027, 2033].map(provisionalYear));
      process.env.TZ = tz;
      expect(JSON.stringify([2026, 2027, 2033].map(provisionalYear))).toBe(here);
    });
  });
});

describe('a working calendar with provisional years', () => {
  it('keeps the imported years exactly as announced', () => {
    for (const year of [2025, 2026]) expect(daysOfYear(cal, year)).toEqual(daysOfYear(official, year));
    expect(isProvisionalYear(cal, 2026)).toBe(false);
    expect(isProvisionalYear(cal, 2027)).toBe(true);
  });

  it('counts through a year not loaded instead of stopping (rule 3), and says which years were provisional', () => {
    // 25 working days from Tuesday 15 December 2026: 元旦 2027 is off by law
    expect(addWorkingDays(cal, '2026-12-15', 25)).toBe('2027-01-20');
    expect(provisionalYearsBetween(cal, '2026-12-15', '2027-01-20')).toEqual([2027]);
    expect(provisionalYearsBetween(cal, '2026-03-02', '2026-12-31')).toEqual([]);
    expect(isWorkingDay(cal, '2027-02-09')).toBe(false); // 春节补假
    expect(isWorkingDay(cal, '2027-02-20')).toBe(false); // a Saturday: no make-up day is guessed
    // the strict calendar still refuses rather than guesses
    expect(domainError(() => addWorkingDays(official, '2026-12-15', 25)).code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(domainError(() => isWorkingDay(cal, '2100-01-04')).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });

  it('property: adding and counting working days agree across any year end up to 2098', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 70 }), fc.integer({ min: 0, max: 120 }), (offset, n) => {
        const from = addCalendarDays('2026-06-01', offset);
        const due = addWorkingDays(cal, from, n);
        expect(countWorkingDays(cal, from, due)).toBe(n);
        if (n > 0) expect(isWorkingDay(cal, due)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a provisional year has at least as many days off as weekends and the 13 statutory days give', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2099 }), (year) => {
        const days = daysOfYear(cal, year);
        const weekends = days.filter((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())).length;
        const off = days.filter((d) => !d.working).length;
        const statutoryOnWeekdays = statutoryHolidays(year)
          .flatMap((h) => h.dates)
          .filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
        expect(off).toBeGreaterThanOrEqual(weekends + new Set(statutoryOnWeekdays).size);
      }),
      { numRuns: 40 },
    );
  });

  it('an empty calendar with provisional years still counts', () => {
    const none = withProvisionalYears(buildCalendar([], []));
    expect(addWorkingDays(none, '2026-09-30', 1)).toBe('2026-10-06'); // 国庆 1–3 Oct, the weekend, 5 Oct in lieu of Saturday 3 Oct
  });
});

describe('the administrator is reminded to import next year', () => {
  it('from 1 October, until it is loaded', () => {
    expect(importReminder([2025, 2026], '2026-09-30')).toBeNull();
    expect(importReminder([2025, 2026], '2026-10-01')).toMatchObject({ year: 2027 });
    expect(importReminder([2025, 2026], '2026-12-15')!.message).toContain('2027年节假日安排尚未导入');
    expect(importReminder([2025, 2026, 2027], '2026-12-15')).toBeNull();
  });

  it('and at once when the current year itself is missing', () => {
    expect(importReminder([2025, 2026], '2027-01-04')).toMatchObject({ year: 2027 });
    expect(importReminder([2025, 2026], '2027-01-04')!.message).toContain('本年度的办件期限都是按法定节假日推算的暂定日期');
  });
});
