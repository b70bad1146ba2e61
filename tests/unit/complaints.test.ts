// 投诉 state machine, time limits and lights (src/domain/complaints/complaints.ts), on the official 2025–2026 calendar
// and the provisional years after it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, countWorkingDays, isWorkingDay, toEpochDay } from '../../src/domain/calendar/calendar.js';
import { withProvisionalYears } from '../../src/domain/calendar/provisional.js';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  DEFAULT_COMPLAINT_LIMITS,
  TRANSITIONS,
  allowedComplaintActions,
  complaintCaseNo,
  complaintDueDate,
  complaintLight,
  complaintNumber,
  decideComplaint,
  isOpen,
  overdueDays,
  queryCodeFrom,
  reminderDue,
  type ComplaintActor,
  type ComplaintCommand,
  type ComplaintState,
  type ComplaintStatus,
} from '../../src/domain/complaints/complaints.js';
import { ROLES } from '../../src/domain/roles.js';
import { officialCalendar } from './calendar/support.js';

const calendar = withProvisionalYears(officialCalendar());
const limits = DEFAULT_COMPLAINT_LIMITS;
const clerk: ComplaintActor = { userId: 'clerk', roles: ['clerk'], atCenter: true };
const director: ComplaintActor = { userId: 'dir', roles: ['director'], atCenter: true };
const outsider: ComplaintActor = { userId: 'dir2', roles: ['director'], atCenter: false };
const supervisor: ComplaintActor = { userId: 'sup', roles: ['supervisor'], atCenter: false };

const fresh = (receivedOn = '2026-03-02', cls: 'simple' | 'complex' = 'simple'): ComplaintState => ({
  status: 'registered',
  cls,
  receivedOn,
  dueDate: complaintDueDate(calendar, receivedOn, cls, limits),
  extendedDue: null,
  extensionReason: null,
  orgId: 'org',
  version: 1,
});
const ctx = (actor: ComplaintActor = clerk, today = '2026-03-02') => ({ today, calendar, limits, actor, selfId: 'self' });

const COMMANDS: Record<string, ComplaintCommand> = {
  accept: { action: 'accept' },
  investigate: { action: 'investigate', findings: '已向窗口人员核实，情况属实。' },
  handle: { action: 'handle', upheld: true, reasons: '属实' },
  answer: { action: 'answer', feedback: '已整改' },
  visit: { action: 'visit', result: 'satisfied' },
  archive: { action: 'archive' },
  extend: { action: 'extend', reason: '需核实', days: 2 },
  merge: { action: 'merge', main: { id: 'main', status: 'accepted', orgId: 'org', mergedInto: null } },
};

describe('complaint time limits', () => {
  it('simple: the next working day; complex: 5 working days, across weekends', () => {
    expect(fresh('2026-03-02').dueDate).toBe('2026-03-03');
    expect(fresh('2026-03-06').dueDate).toBe('2026-03-09'); // Friday → Monday
    expect(fresh('2026-03-07').dueDate).toBe('2026-03-09'); // Saturday → Monday
    expect(fresh('2026-03-02', 'complex').dueDate).toBe('2026-03-09');
  });

  it('across holidays, make-up working days (调休) and the year end', () => {
    // 2026-01-01..03 off, Sunday 01-04 a make-up working day
    expect(fresh('2025-12-31').dueDate).toBe('2026-01-04');
    // 国庆 10-01..07 off, Saturday 10-10 worked
    expect(fresh('2026-09-30', 'complex').dueDate).toBe('2026-10-13');
    // 中秋 09-25..27 off
    expect(fresh('2026-09-24').dueDate).toBe('2026-09-28');
    // 2026 into 2027 (provisional holidays: 元旦 off)
    expect(fresh('2026-12-31').dueDate).toBe('2027-01-04');
  });

  it('the limit is always a working day after the day of receipt, exactly n working days away (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2027-12-20') }), fc.constantFrom('simple' as const, 'complex' as const), (day, cls) => {
        const received = addCalendarDays('1970-01-01', day);
        const due = complaintDueDate(calendar, received, cls, limits);
        expect(due > received).toBe(true);
        expect(isWorkingDay(calendar, due)).toBe(true);
        expect(countWorkingDays(calendar, received, due)).toBe(cls === 'simple' ? 1 : 5);
      }),
      { numRuns: 400 },
    );
  });
});

describe('complaint lights and reminders', () => {
  it('green before the limit, yellow on it, red after; none once answered or merged', () => {
    const c = fresh('2026-03-02', 'complex'); // due 03-09
    expect(complaintLight(c, '2026-03-06')).toBe('green');
    expect(complaintLight(c, '2026-03-09')).toBe('yellow');
    expect(complaintLight(c, '2026-03-10')).toBe('red');
    expect(complaintLight({ ...c, extendedDue: '2026-03-12' }, '2026-03-10')).toBe('green');
    for (const status of ['answered', 'visited', 'archived', 'merged'] as const) expect(complaintLight({ ...c, status }, '2026-04-01')).toBeNull();
    expect(overdueDays(calendar, c, '2026-03-09')).toBe(0);
    expect(overdueDays(calendar, c, '2026-03-11')).toBe(2);
    expect(overdueDays(calendar, c, '2026-03-16')).toBe(5); // the weekend does not count
  });

  it('a light is red exactly when the day is after the limit, for open complaints (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_STATUSES), fc.integer({ min: -10, max: 10 }), fc.boolean(), (status, offset, extended) => {
        const c = { ...fresh('2026-05-06', 'complex'), status, extendedDue: extended ? '2026-05-20' : null };
        const due = c.extendedDue ?? c.dueDate;
        const today = addCalendarDays(due, offset);
        const light = complaintLight(c, today);
        if (!isOpen(status)) expect(light).toBeNull();
        else expect(light).toBe(offset > 0 ? 'red' : offset === 0 ? 'yellow' : 'green');
        expect(reminderDue({ ...c, remindedAt: null }, today)).toBe(isOpen(status) && offset > 0);
        expect(reminderDue({ ...c, remindedAt: '2026-05-01T00:00:00Z' }, today)).toBe(false);
      }),
    );
  });
});

describe('complaint state machine (TRANSITIONS)', () => {
  it('runs 受理 → 调查 → 处置 → 反馈 → 回访 → 归档', () => {
    let s = fresh();
    const seen: ComplaintStatus[] = [];
    for (const a of ['accept', 'investigate', 'handle', 'answer', 'visit', 'archive']) {
      const d = decideComplaint(s, COMMANDS[a]!, ctx(director));
      if (!d.ok) throw new Error(d.message);
      expect(d.state.version).toBe(s.version + 1);
      s = d.state;
      seen.push(s.status);
    }
    expect(seen).toEqual(['accepted', 'investigated', 'handled', 'answered', 'visited', 'archived']);
    expect(allowedComplaintActions(s, director, '2026-03-02')).toEqual([]);
  });

  it('acceptance as complex counts the limit again from the day of receipt', () => {
    const d = decideComplaint(fresh('2026-03-02'), { action: 'accept', cls: 'complex' }, ctx(clerk, '2026-03-03'));
    expect(d.ok && d.state).toMatchObject({ cls: 'complex', dueDate: '2026-03-09' });
  });

  it('extends once, before expiry, within the limit of days', () => {
    const s = fresh('2026-03-02', 'complex');
    const d = decideComplaint(s, { action: 'extend', reason: '需向县局核实', days: 3 }, ctx(clerk, '2026-03-09'));
    expect(d.ok && d.state).toMatchObject({ extendedDue: '2026-03-12', extensionReason: '需向县局核实', status: 'registered' });
    if (!d.ok) return;
    expect(decideComplaint(d.state, { action: 'extend', reason: '再核实', days: 1 }, ctx(clerk, '2026-03-10'))).toMatchObject({ ok: false, code: 'COMPLAINT_EXTENSION_USED' });
    expect(decideComplaint(s, { action: 'extend', reason: 'x', days: 2 }, ctx(clerk, '2026-03-10'))).toMatchObject({ ok: false, code: 'COMPLAINT_EXTENSION_LATE' });
    expect(decideComplaint(s, { action: 'extend', reason: 'x', days: 11 }, ctx(clerk))).toMatchObject({ ok: false, code: 'COMPLAINT_EXTENSION_DAYS' });
    expect(decideComplaint(s, { action: 'extend', reason: ' ', days: 2 }, ctx(clerk))).toMatchObject({ ok: false, code: 'COMPLAINT_TEXT_REQUIRED' });
  });

  it('takes 调查核实情况 of ten characters at least, counted as characters', () => {
    const s = { ...fresh(), status: 'accepted' as const };
    expect(decideComplaint(s, { action: 'investigate', findings: '九个字的调查核实情' }, ctx(clerk))).toMatchObject({ ok: false, code: 'COMPLAINT_TEXT_REQUIRED' });
    expect(decideComplaint(s, { action: 'investigate', findings: '十个字的调查核实情况' }, ctx(clerk))).toMatchObject({ ok: true });
    expect(decideComplaint(s, { action: 'investigate', findings: '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈' }, ctx(clerk))).toMatchObject({ ok: false });
  });

  it('merges only into another open complaint of the same center', () => {
    const s = fresh();
    const into = (main: Partial<{ id: string; status: ComplaintStatus; orgId: string; mergedInto: string | null }>) =>
      decideComplaint(s, { action: 'merge', main: { id: 'main', status: 'accepted', orgId: 'org', mergedInto: null, ...main } }, ctx());
    expect(into({})).toMatchObject({ ok: true, state: { status: 'merged' } });
    for (const bad of [{ id: 'self' }, { orgId: 'other' }, { status: 'merged' as const }, { mergedInto: 'x' }, { status: 'archived' as const }]) {
      expect(into(bad)).toMatchObject({ ok: false, code: 'COMPLAINT_MERGE_INVALID' });
    }
  });

  it('only the handling center acts; any sequence stays inside the table (fast-check)', () => {
    const actors = [clerk, director, outsider, supervisor, ...ROLES.map((r) => ({ userId: r, roles: [r], atCenter: true }))];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...COMPLAINT_ACTIONS), fc.constantFrom(...actors)), { maxLength: 25 }), (steps) => {
        let s = fresh();
        for (const [action, actor] of steps) {
          const before = s;
          const allowed = allowedComplaintActions(before, actor, '2026-03-02').includes(action);
          const d = decideComplaint(before, COMMANDS[action]!, ctx(actor));
          expect(d.ok).toBe(allowed);
          if (!d.ok) {
            if (!(['director', 'leader', 'clerk'] as string[]).some((r) => actor.roles.includes(r as never)) || !actor.atCenter) expect(d.status).toBe(403);
            continue;
          }
          expect(TRANSITIONS[action].from).toContain(before.status);
          expect(d.state.status).toBe(TRANSITIONS[action].to ?? before.status);
          expect(d.event).toMatchObject({ type: action, from: before.status, to: d.state.status });
          expect(COMPLAINT_STATUSES).toContain(d.state.status);
          s = d.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('complaint numbers and query codes', () => {
  it('reads TS-<center>-<year>-<seq>; the query code has six digits', () => {
    expect(complaintNumber('410899101', 2026, 7)).toBe('TS-410899101-2026-0007');
    expect(queryCodeFrom(() => 42)).toBe('000042');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        expect(queryCodeFrom(() => n)).toMatch(/^\d{6}$/);
      }),
    );
  });
});

describe('the 办件编号 a complaint names', () => {
  it('is none when left empty, else the number as the notice prints it', () => {
    for (const none of [undefined, null, '', '   ']) expect(complaintCaseNo(none)).toBeNull();
    expect(complaintCaseNo(' 410899101－20260302－0001 ')).toBe('410899101-20260302-0001');
    expect(complaintCaseNo('410899101202603020001')).toBe('410899101-20260302-0001');
    expect(complaintCaseNo('abc-123')).toBe('ABC-123');
  });

  it('a number as printed is kept as it is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}-20[0-9]{6}-[0-9]{4}$/), (no) => {
        expect(complaintCaseNo(no)).toBe(no);
      }),
    );
  });
});
