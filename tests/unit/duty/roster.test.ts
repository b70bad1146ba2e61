// 领导带班值班表 rules (issue 12 §5): the working days of a month by the calendar (调休 make-up days in, holidays out,
// the provisional year after the last imported one), every working day covered exactly once by a leader before
// publishing, and a fair suggested rotation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';
import {
  assertPublishable,
  assertSavable,
  isComplete,
  officeDayText,
  rosterProblems,
  rosterReminderMonth,
  suggestRotation,
  workingDaysOf,
} from '../../../src/domain/duty/roster.js';
import { DomainError } from '../../../src/domain/errors.js';

const parsed = officialYears().map((y) => {
  const r = parseYearFile(y);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
});
const cal = withProvisionalYears(
  buildCalendar(
    parsed.map((y) => y.year),
    parsed.flatMap((y) => y.overrides),
  ),
);

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return null;
};

const monthArb = fc.record({ y: fc.integer({ min: 2025, max: 2028 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
const leadersArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 6 });

describe('working days of a month', () => {
  it('include 调休 make-up days and leave out holidays and weekends (2026-10)', () => {
    const days = workingDaysOf(cal, '2026-10').map((d) => d.date);
    expect(days).toContain('2026-10-10'); // Saturday, 国庆节调休上班
    expect(days).not.toContain('2026-10-01');
    expect(days).not.toContain('2026-10-11');
    expect(workingDaysOf(cal, '2026-10').find((d) => d.date === '2026-10-10')).toMatchObject({ weekday: '星期六', note: '国庆节调休上班', provisional: false });
    expect(workingDaysOf(cal, '2026-09').map((d) => d.date)).toContain('2026-09-20');
  });

  it('run across the year end on the provisional calendar (2027 not imported)', () => {
    const jan = workingDaysOf(cal, '2027-01');
    expect(jan[0]).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(jan.map((d) => d.date)).not.toContain('2027-01-01');
  });

  it('are exactly the days of the month the calendar calls working', () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const days = workingDaysOf(cal, month).map((d) => d.date);
        for (let d = 1; d <= 31; d++) {
          const date = `${month}-${String(d).padStart(2, '0')}`;
          if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime()) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) continue;
          expect(days.includes(date)).toBe(isWorkingDay(cal, date));
        }
      }),
    );
  });

  it('refuse a malformed month', () => {
    expect(codeOf(() => workingDaysOf(cal, '2027-13'))).toBe('INVALID_MONTH');
  });
});

describe('suggested rotation', () => {
  it('covers every working day exactly once, nobody on a non-working day, only leaders, fair within one day', () => {
    fc.assert(
      fc.property(monthArb, leadersArb, fc.option(fc.constantFrom('a', 'b', 'c', 'z')), (month, leaders, last) => {
        const days = workingDaysOf(cal, month).map((d) => d.date);
        const roster = suggestRotation(days, leaders, last);
        const p = rosterProblems(days, roster, leaders);
        expect(isComplete(p)).toBe(true);
        expect(roster.map((a) => a.day)).toEqual(days);
        const counts = leaders.map((l) => roster.filter((a) => a.userId === l).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(codeOf(() => assertPublishable(p))).toBeNull();
      }),
    );
  });

  it('continues after last month’s last leader', () => {
    const days = workingDaysOf(cal, '2026-11').map((d) => d.date);
    expect(suggestRotation(days, ['a', 'b', 'c'], 'b').slice(0, 4).map((a) => a.userId)).toEqual(['c', 'a', 'b', 'c']);
    expect(suggestRotation(days, ['a', 'b', 'c'], null)[0]!.userId).toBe('a');
  });

  it('keeps the days already set and still covers every day', () => {
    fc.assert(
      fc.property(monthArb, leadersArb, fc.array(fc.nat(), { maxLength: 10 }), (month, leaders, picks) => {
        const days = workingDaysOf(cal, month).map((d) => d.date);
        const keep = [...new Map(picks.map((n) => [days[n % days.length]!, leaders[n % leaders.length]!])).entries()].map(([day, userId]) => ({ day, userId }));
        const roster = suggestRotation(days, leaders, null, keep);
        expect(isComplete(rosterProblems(days, roster, leaders))).toBe(true);
        for (const k of keep) expect(roster.find((a) => a.day === k.day)?.userId).toBe(k.userId);
      }),
    );
  });
});

describe('checking a roster', () => {
  it('a roster missing any working day cannot be published, but can be saved as a draft', () => {
    fc.assert(
      fc.property(monthArb, leadersArb, fc.nat(), (month, leaders, n) => {
        const days = workingDaysOf(cal, month).map((d) => d.date);
        const full = suggestRotation(days, leaders);
        const missing = full[n % full.length]!.day;
        const p = rosterProblems(days, full.filter((a) => a.day !== missing), leaders);
        expect(p.uncovered).toEqual([missing]);
        expect(codeOf(() => assertSavable(p))).toBeNull();
        expect(codeOf(() => assertPublishable(p))).toBe('DUTY_DAY_UNCOVERED');
      }),
    );
  });

  it('a day twice, a non-working day or a non-leader is refused even in a draft', () => {
    fc.assert(
      fc.property(monthArb, leadersArb, fc.nat(), (month, leaders, n) => {
        const days = workingDaysOf(cal, month).map((d) => d.date);
        const full = suggestRotation(days, leaders);
        const some = full[n % full.length]!;
        expect(codeOf(() => assertSavable(rosterProblems(days, [...full, some], leaders)))).toBe('DUTY_DAY_TWICE');
        expect(codeOf(() => assertSavable(rosterProblems(days, full.map((a) => (a === some ? { ...a, userId: 'nobody' } : a)), leaders)))).toBe('DUTY_NOT_LEADER');
        const off = `${month}-01` === days[0] ? null : `${month}-01`;
        if (off) expect(codeOf(() => assertSavable(rosterProblems(days, [...full, { day: off, userId: leaders[0]! }], leaders)))).toBe('DUTY_NOT_WORKING_DAY');
      }),
    );
  });
});

describe('reminder and office days', () => {
  it('reminds from the 20th for next month, across the year end', () => {
    expect(rosterReminderMonth('2026-12-19')).toBeNull();
    expect(rosterReminderMonth('2026-12-20')).toBe('2027-01');
    expect(rosterReminderMonth('2026-02-28')).toBe('2026-03');
  });

  it('says the office days as villagers do', () => {
    expect(officeDayText([3])).toBe('每周三');
    expect(officeDayText([4, 1, 4])).toBe('每周一、周四');
    expect(officeDayText([])).toBe('');
  });
});
