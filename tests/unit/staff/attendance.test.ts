// 考勤 (issue 12 §4): late and early leave judged against the center's office hours, and a person's month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWeekend } from '../../../src/domain/calendar/calendar.js';
import { judgeSignIn, judgeSignOut, monthAttendance, monthBounds, officeSpan } from '../../../src/domain/staff/attendance.js';

const HOURS = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const weekdays = (d: string) => !isWeekend(d);

describe('judgeSignIn / judgeSignOut', () => {
  it('late exactly when after the first session starts, by that many minutes', () => {
    fc.assert(
      fc.property(hhmm, (t) => {
        const j = judgeSignIn(HOURS, t, true);
        expect(j.late).toBe(minutes(t) > minutes('08:30'));
        expect(j.minutesLate).toBe(Math.max(0, minutes(t) - minutes('08:30')));
      }),
    );
  });
  it('early exactly when before the last session ends', () => {
    fc.assert(
      fc.property(hhmm, (t) => {
        const j = judgeSignOut(HOURS, t, true);
        expect(j.early).toBe(minutes(t) < minutes('17:30'));
        expect(j.minutesEarly).toBe(Math.max(0, minutes('17:30') - minutes(t)));
      }),
    );
  });
  it('later sign-in is never less late; later sign-out never more early (monotone)', () => {
    fc.assert(
      fc.property(hhmm, hhmm, (a, b) => {
        const [x, y] = minutes(a) <= minutes(b) ? [a, b] : [b, a];
        expect(judgeSignIn(HOURS, x, true).minutesLate).toBeLessThanOrEqual(judgeSignIn(HOURS, y, true).minutesLate);
        expect(judgeSignOut(HOURS, x, true).minutesEarly).toBeGreaterThanOrEqual(judgeSignOut(HOURS, y, true).minutesEarly);
      }),
    );
  });
  it('nobody is late or early on a day off, or when no office hours are set', () => {
    fc.assert(
      fc.property(hhmm, (t) => {
        expect(judgeSignIn(HOURS, t, false).late).toBe(false);
        expect(judgeSignOut(HOURS, t, false).early).toBe(false);
        expect(judgeSignIn({ sessions: [] }, t, true).late).toBe(false);
      }),
    );
    expect(officeSpan(HOURS)).toEqual({ start: '08:30', end: '17:30' });
  });
  it('on the boundary: 08:30 is on time, 08:31 late; 17:30 not early, 17:29 early', () => {
    expect(judgeSignIn(HOURS, '08:30', true).late).toBe(false);
    expect(judgeSignIn(HOURS, '08:31', true)).toEqual({ late: true, minutesLate: 1 });
    expect(judgeSignOut(HOURS, '17:30', true).early).toBe(false);
    expect(judgeSignOut(HOURS, '17:29', true)).toEqual({ early: true, minutesEarly: 1 });
  });
});

describe('monthAttendance', () => {
  const month = '2026-12';
  const { first, last } = monthBounds(month);
  const days: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) days.push(d);
  const workdays = days.filter(weekdays);

  it('bounds of a month', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });

  it('every working day before today is attended, on leave, or absent — exactly one of those for absence', () => {
    fc.assert(
      fc.property(
        fc.subarray(days),
        fc.subarray(workdays, { maxLength: 5 }),
        fc.constantFrom(...days, '2027-01-01'),
        (signed, leaveDays, today) => {
          const leaves = leaveDays.map((d) => ({ kind: '事假' as const, fromDate: d, fromHalf: 'am' as const, toDate: d, toHalf: 'pm' as const }));
          const m = monthAttendance({ month, isWorking: weekdays, today, records: signed.map((day) => ({ day, late: false, early: false })), leaves });
          const judged = workdays.filter((d) => d < today);
          const expected = judged.filter((d) => !signed.includes(d) && !leaveDays.includes(d));
          expect(m.absentDates).toEqual(expected);
          expect(m.attendedDays).toBe(signed.length);
          expect(m.leaveDays['事假']).toBe(new Set(leaveDays).size);
        },
      ),
    );
  });

  it('counts late and early, half days of leave by kind, and skips weekends inside a leave', () => {
    const m = monthAttendance({
      month,
      isWorking: weekdays,
      today: '2026-12-12',
      records: [
        { day: '2026-12-01', late: true, early: false },
        { day: '2026-12-02', late: false, early: true },
        { day: '2026-12-03', late: true, early: true },
      ],
      leaves: [
        // Fri pm .. Mon am: 0.5 + 0.5 (the weekend is no leave day)
        { kind: '病假', fromDate: '2026-12-04', fromHalf: 'pm', toDate: '2026-12-07', toHalf: 'am' },
        { kind: '年休假', fromDate: '2026-12-08', fromHalf: 'am', toDate: '2026-12-09', toHalf: 'pm' },
      ],
    });
    expect(m).toMatchObject({ attendedDays: 3, late: 2, early: 2, leaveTotal: 3 });
    expect(m.leaveDays['病假']).toBe(1);
    expect(m.leaveDays['年休假']).toBe(2);
    // Dec 10 and 11 (Thu, Fri): neither sign-in nor leave
    expect(m.absentDates).toEqual(['2026-12-10', '2026-12-11']);
  });
});
