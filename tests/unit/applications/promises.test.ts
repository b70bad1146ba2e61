// 告知承诺的事后核查 (issue 11 §2): the check is due 20 working days after acceptance on the working calendar (holidays,
// 调休, the year end); a promise is pending, overdue after its last day, or checked — once; untrue needs what was found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkingDays, isWorkingDay } from '../../../src/domain/calendar/calendar.js';
import { decidePromiseCheck, mayCheckPromises, PROMISE_CHECK_WORKING_DAYS, promiseCheckDue, promiseReminderDue, promiseState } from '../../../src/domain/applications/promises.js';
import { officialCalendar } from '../calendar/support.js';

const cal = officialCalendar();
const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));

describe('告知承诺 check deadline', () => {
  it('20 working days: across 国庆 and 调休, and across the year end', () => {
    // Monday 2 March 2026 → Monday 30 March
    expect(promiseCheckDue(cal, '2026-03-02')).toBe('2026-03-30');
    // Wednesday 30 September 2026: 国庆 1–7 October off, Saturday 10 October a make-up working day
    expect(promiseCheckDue(cal, '2026-09-30')).toBe('2026-11-03');
    // a December acceptance runs into January: 元旦 1–3 January off, Sunday 4 January a make-up working day
    expect(promiseCheckDue(cal, '2025-12-15')).toBe('2026-01-13');
  });

  it('property: the last day is a working day with exactly 20 working days after the acceptance up to it', () => {
    fc.assert(
      fc.property(day, (accepted) => {
        const due = promiseCheckDue(cal, accepted);
        expect(isWorkingDay(cal, due)).toBe(true);
        expect(countWorkingDays(cal, accepted, due)).toBe(PROMISE_CHECK_WORKING_DAYS);
      }),
    );
  });
});

describe('告知承诺 state and check', () => {
  it('pending until its last day, overdue after it; a checked one is its result', () => {
    expect(promiseState({ result: null, due: '2026-03-30' }, '2026-03-30')).toBe('pending');
    expect(promiseState({ result: null, due: '2026-03-30' }, '2026-03-31')).toBe('overdue');
    expect(promiseState({ result: 'kept', due: '2026-03-30' }, '2026-04-30')).toBe('kept');
    // accepted before checks had deadlines: never overdue
    expect(promiseState({ result: null, due: null }, '2030-01-01')).toBe('pending');
  });

  it('reminded from three days before the last day on, across the month and year end', () => {
    expect(promiseReminderDue('2026-03-30', '2026-03-26')).toBe(false);
    expect(promiseReminderDue('2026-03-30', '2026-03-27')).toBe(true);
    expect(promiseReminderDue('2026-03-30', '2026-04-15')).toBe(true);
    expect(promiseReminderDue('2027-01-02', '2026-12-30')).toBe(true);
    expect(promiseReminderDue('2027-01-02', '2026-12-29')).toBe(false);
  });

  it('recorded by case staff of the receiving or holding center only', () => {
    const c = { receivingOrgId: 'village', holderOrgId: 'township' };
    expect(mayCheckPromises({ orgId: 'township', roles: ['clerk'] }, c)).toBe(true);
    expect(mayCheckPromises({ orgId: 'village', roles: ['agent'] }, c)).toBe(true);
    expect(mayCheckPromises({ orgId: 'county', roles: ['clerk'] }, c)).toBe(false);
    expect(mayCheckPromises({ orgId: 'township', roles: ['supervisor'] }, c)).toBe(false);
  });

  it('checked once; untrue needs what was found', () => {
    expect(decidePromiseCheck({ result: null }, 'kept', undefined)).toEqual({ ok: true });
    expect(decidePromiseCheck({ result: null }, 'false', '  ')).toMatchObject({ ok: false, code: 'PROMISE_NOTE_REQUIRED', status: 422 });
    expect(decidePromiseCheck({ result: null }, 'false', '结婚证系伪造')).toEqual({ ok: true });
    expect(decidePromiseCheck({ result: 'kept' }, 'false', '改判')).toMatchObject({ ok: false, code: 'PROMISE_CHECKED', status: 409 });
  });
});
