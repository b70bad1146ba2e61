import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  countWorkingDays,
  fromEpochDay,
  isWorkingDay,
  toEpochDay,
  weekday,
} from '../../../src/domain/calendar/calendar.js';
import { noticeMakeupDays, noticeOffDays, officialCalendar } from './support.js';

const cal = officialCalendar();
const RUNS = { numRuns: 500 };

const dateBetween = (from: string, to: string) => fc.integer({ min: toEpochDay(from), max: toEpochDay(to) }).map(fromEpochDay);
/** Any loaded date. */
const anyDate = dateBetween('2025-01-01', '2026-12-31');
/** Start dates from which 100 working days still end inside 2026 (July–December 2026 has well over 100). */
const startDate = dateBetween('2025-01-01', '2026-06-30');
const n = fc.integer({ min: 0, max: 100 });

const offDays = new Set([...noticeOffDays(2025), ...noticeOffDays(2026)]);
const makeupDays = new Set([...noticeMakeupDays(2025), ...noticeMakeupDays(2026)]);

describe('working-day arithmetic, properties over 2025–2026', () => {
  it('isWorkingDay = (Monday–Friday and not a holiday) or a make-up day, per the notices', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const monToFri = weekday(d) >= 1 && weekday(d) <= 5;
        expect(isWorkingDay(cal, d)).toBe((monToFri && !offDays.has(d)) || makeupDays.has(d));
      }),
      RUNS,
    );
  });

  it('the result of addWorkingDays (n > 0) is a working day strictly after from', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 100 }), (d, k) => {
        const r = addWorkingDays(cal, d, k);
        expect(r > d).toBe(true);
        expect(isWorkingDay(cal, r)).toBe(true);
      }),
      RUNS,
    );
  });

  it('addWorkingDays(d, 1) is the first working day after d: nothing in between works', () => {
    fc.assert(
      fc.property(startDate, (d) => {
        const r = addWorkingDays(cal, d, 1);
        for (let x = addCalendarDays(d, 1); x < r; x = addCalendarDays(x, 1)) expect(isWorkingDay(cal, x)).toBe(false);
      }),
      RUNS,
    );
  });

  it('round trip: countWorkingDays(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(startDate, n, (d, k) => {
        expect(countWorkingDays(cal, d, addWorkingDays(cal, d, k))).toBe(k);
      }),
      RUNS,
    );
  });

  it('strictly monotonic in n', () => {
    fc.assert(
      fc.property(startDate, n, n, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(cal, d, lo) < addWorkingDays(cal, d, hi)).toBe(true);
      }),
      RUNS,
    );
  });

  it('add(add(d, a), b) = add(d, a + b)', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (d, a, b) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, d, a), b)).toBe(addWorkingDays(cal, d, a + b));
      }),
      RUNS,
    );
  });

  it('countWorkingDays is antisymmetric and additive', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(countWorkingDays(cal, a, b) + countWorkingDays(cal, b, a)).toBe(0);
        expect(countWorkingDays(cal, a, b) + countWorkingDays(cal, b, c)).toBe(countWorkingDays(cal, a, c));
      }),
      { numRuns: 200 },
    );
  });

  it('weekday agrees with Date#getUTCDay, whatever the machine time zone', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', '2100-12-31'), (d) => {
        expect(weekday(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(fromEpochDay(toEpochDay(d))).toBe(d);
      }),
      RUNS,
    );
  });
});
