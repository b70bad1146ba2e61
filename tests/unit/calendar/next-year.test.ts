// The years the 工作日历 page offers (src/domain/calendar/next-year.ts): next year from October, provisional until
// imported, in step with the administrator's reminder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarYearChoices, NEXT_YEAR_AWAITED_FROM_MONTH } from '../../../src/domain/calendar/next-year.js';
import { importReminder } from '../../../src/domain/calendar/provisional.js';

describe('the years the calendar page offers', () => {
  it('in December: the imported years, and next year marked provisional while it is not imported', () => {
    expect(calendarYearChoices([2025, 2026], '2026-12-28', 2026)).toEqual([
      { year: 2025, provisional: false },
      { year: 2026, provisional: false },
      { year: 2027, provisional: true },
    ]);
    expect(calendarYearChoices([2025, 2026, 2027], '2026-12-28', 2026).at(-1)).toEqual({ year: 2027, provisional: false });
  });

  it('before October next year is not offered unless imported; this year and the year on screen always are', () => {
    expect(calendarYearChoices([2025, 2026], '2026-09-30', 2026).map((c) => c.year)).toEqual([2025, 2026]);
    expect(calendarYearChoices([2025, 2026], '2026-10-01', 2026).map((c) => c.year)).toEqual([2025, 2026, 2027]);
    expect(calendarYearChoices([2025], '2026-03-02', 2030)).toEqual([
      { year: 2025, provisional: false },
      { year: 2026, provisional: true },
      { year: 2030, provisional: true },
    ]);
  });

  it('property: next year is offered whenever the administrator is reminded of it; in order, each year once', () => {
    const loaded = fc.uniqueArray(fc.integer({ min: 2024, max: 2029 }), { maxLength: 6 });
    const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(loaded, day, fc.integer({ min: 2020, max: 2035 }), (years, today, shown) => {
        const choices = calendarYearChoices(years, today, shown);
        const offered = choices.map((c) => c.year);
        expect(offered).toEqual([...new Set(offered)].sort((a, b) => a - b));
        const thisYear = Number(today.slice(0, 4));
        for (const y of [...years, thisYear, shown]) expect(offered).toContain(y);
        for (const c of choices) expect(c.provisional).toBe(!years.includes(c.year));
        const reminder = importReminder(years, today);
        if (reminder) expect(offered).toContain(reminder.year);
        expect(offered.includes(thisYear + 1)).toBe(years.includes(thisYear + 1) || shown === thisYear + 1 || Number(today.slice(5, 7)) >= NEXT_YEAR_AWAITED_FROM_MONTH);
      }),
      { numRuns: 300 },
    );
  });
});
