import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';
import { applyDeadline, dueDateChange, dueIsProvisional, legalDueIsProvisional, type CenterTime } from '../../../src/domain/cases/deadlines.js';
import { item, stateIn } from './fixtures.js';
import { after, before, hours } from './year-calendars.js';

const years = officialYears().map((f) => {
  const parsed = parseYearFile(f);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.value;
});
const t: CenterTime = {
  calendar: buildCalendar(years.map((y) => y.year), years.flatMap((y) => y.overrides)),
  hours: { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] },
  timeZone: 'Asia/Shanghai',
};
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('deadlines on the official calendar', () => {
  it('start: due at close of the N-th working day, the legal date likewise, the promise never past the law', () => {
    const s = stateIn('in_progress', { item: item({ promisedDays: 10, legalDays: 20 }) });
    const out = applyDeadline(s, { type: 'start', from: sh('2026-09-25T10:00:00'), promisedDays: 10, legalDays: 20 }, t);
    // 9-28, 9-29, 9-30, then 国庆 10-01…10-07, then 10-08, 10-09, the make-up Saturday 10-10, 10-12 … 10-15
    expect(out.dueAt).toBe(sh('2026-10-15T17:30:00'));
    expect(out.legalDueAt).toBe(sh('2026-10-29T17:30:00'));
    const capped = applyDeadline(s, { type: 'start', from: sh('2026-03-02T09:00:00'), promisedDays: 15, legalDays: 5 }, t);
    expect(capped.dueAt).toBe(capped.legalDueAt);
  });

  it('shift: a pause moves the due date by the working days the clock stood still', () => {
    const s = stateIn('in_progress', { dueAt: sh('2026-03-16T17:30:00'), legalDueAt: sh('2026-03-30T17:30:00') });
    // paused Wednesday 3-04, resumed Tuesday 3-10: Thu, Fri, Mon, Tue = 4 working days
    const moved = applyDeadline(s, { type: 'shift', pausedAt: sh('2026-03-04T10:00:00'), resumedAt: sh('2026-03-10T10:00:00'), legal: true }, t);
    expect(moved.dueAt).toBe(sh('2026-03-20T17:30:00'));
    expect(moved.legalDueAt).toBe(sh('2026-04-03T17:30:00'));
    const promiseOnly = applyDeadline(s, { type: 'shift', pausedAt: sh('2026-03-04T10:00:00'), resumedAt: sh('2026-03-10T10:00:00'), legal: false }, t);
    expect(promiseOnly.legalDueAt).toBe(s.legalDueAt);
    const sameDay = applyDeadline(s, { type: 'shift', pausedAt: sh('2026-03-04T10:00:00'), resumedAt: sh('2026-03-04T16:00:00'), legal: true }, t);
    // no working day stood still: the dates stay (the step is still logged, rule 3: an imported year may count it)
    expect([sameDay.dueAt, sameDay.legalDueAt]).toEqual([s.dueAt, s.legalDueAt]);
  });

  it('extend: approved days are added in working days and never pass the legal date', () => {
    const s = stateIn('in_progress', { dueAt: sh('2026-04-30T17:30:00'), legalDueAt: sh('2026-05-15T17:30:00') });
    expect(applyDeadline(s, { type: 'extend', days: 2 }, t).dueAt).toBe(sh('2026-05-07T17:30:00')); // over 劳动节 5-01…5-05
    expect(applyDeadline(s, { type: 'extend', days: 30 }, t).dueAt).toBe(s.legalDueAt);
  });

  it('no effect changes nothing', () => {
    const s = stateIn('in_progress');
    expect(applyDeadline(s, null, t)).toBe(s);
  });

  it('an event that moved the due date records the new one and the one it replaced (the 延期告知书 quotes both)', () => {
    const s = stateIn('in_progress', { dueAt: sh('2026-04-30T17:30:00'), legalDueAt: sh('2026-05-15T17:30:00') });
    const extended = applyDeadline(s, { type: 'extend', days: 2 }, t);
    expect(dueDateChange(s, extended)).toEqual({ dueAt: sh('2026-05-07T17:30:00'), previousDueAt: sh('2026-04-30T17:30:00') });
    // the first due date has none before it; a step that left it alone records nothing
    const started = applyDeadline(stateIn('in_progress', { dueAt: null, legalDueAt: null }), { type: 'start', from: sh('2026-03-02T09:00:00'), promisedDays: 5, legalDays: null }, t);
    expect(dueDateChange({ dueAt: null }, started)).toEqual({ dueAt: sh('2026-03-09T17:30:00') });
    expect(dueDateChange(s, applyDeadline(s, null, t))).toEqual({});
  });
});

describe('暂定 for the promised and the legal due date (rule 3)', () => {
  const started = (from: string, promisedDays: number, legalDays: number, calendar = before) =>
    applyDeadline(stateIn('in_progress', { acceptedAt: sh(from), dueAt: null, legalDueAt: null }), { type: 'start', from: sh(from), promisedDays, legalDays }, { calendar, hours, timeZone: 'Asia/Shanghai' });

  it('the legal date reaches into 2027 (not imported) while the promised one stays in 2026: only the legal one is 暂定', () => {
    // accepted Friday 20 November 2026: 25 working days end Friday 25 December, 30 end Monday 4 January (元旦 off by law)
    const s = started('2026-11-20T10:00:00', 25, 30);
    expect(s.dueAt).toBe(sh('2026-12-25T17:30:00'));
    expect(s.legalDueAt).toBe(sh('2027-01-04T17:30:00'));
    expect(dueIsProvisional(s, before, 'Asia/Shanghai')).toBe(false);
    expect(legalDueIsProvisional(s, before, 'Asia/Shanghai')).toBe(true);
    // once 2027 is imported the same dates are official
    expect(legalDueIsProvisional(s, after, 'Asia/Shanghai')).toBe(false);
  });

  it('both within imported years, or no legal limit at all: nothing is 暂定', () => {
    const march = started('2026-03-02T09:00:00', 10, 20);
    expect(legalDueIsProvisional(march, before, 'Asia/Shanghai')).toBe(false);
    expect(legalDueIsProvisional({ acceptedAt: sh('2026-12-15T10:00:00'), legalDueAt: null }, before, 'Asia/Shanghai')).toBe(false);
  });

  it('the legal date is never earlier than the promised one, so a 暂定 promise always has a 暂定 legal date', () => {
    const december = started('2026-12-15T10:00:00', 25, 30);
    expect(dueIsProvisional(december, before, 'Asia/Shanghai')).toBe(true);
    expect(legalDueIsProvisional(december, before, 'Asia/Shanghai')).toBe(true);
  });
});
