// 标准化建设 rounds (issue 13 §4): the round's and the gap's state machines are one table each — any sequence of
// actions either follows the table or is refused with 409 and the state untouched; a round is closed exactly when it
// has been inspected and no gap is left unconfirmed. Overdue: open past its deadline day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  checkedDueDate,
  decideGap,
  decideRound,
  GAP_REMINDER_DAYS,
  GAP_STATUSES,
  GAP_TABLE,
  gapReminder,
  isGapOverdue,
  rectifiedLate,
  ROUND_ACTIONS,
  ROUND_STATUSES,
  ROUND_TABLE,
  type GapStatus,
  type Party,
  type RoundAction,
  type RoundStatus,
} from '../../../src/domain/standards/rounds.js';

describe('the round', () => {
  it('follows the seeds’ order: self-assessment, submit, inspect, rectify, confirm', () => {
    expect(decideRound('draft', 'answer', 'center')).toBe('draft');
    expect(decideRound('draft', 'submit', 'center')).toBe('submitted');
    expect(decideRound('submitted', 'return', 'county')).toBe('draft');
    expect(decideRound('submitted', 'inspect', 'county', 2)).toBe('rectifying');
    expect(decideRound('submitted', 'inspect', 'county', 0)).toBe('closed');
    expect(decideRound('rectifying', 'confirm', 'county', 1)).toBe('rectifying');
    expect(decideRound('rectifying', 'confirm', 'county', 0)).toBe('closed');
  });

  it('refuses, in Chinese with what is possible now, anything the table has no row for', () => {
    expect(() => decideRound('submitted', 'answer', 'center')).toThrow('不能填写自评：自评已提交，正等县级检查。');
    expect(() => decideRound('draft', 'inspect', 'county')).toThrow(DomainError);
    expect(() => decideRound('draft', 'submit', 'county')).toThrow();
    expect(() => decideRound('closed', 'photo', 'center')).toThrow('本轮检查已完成');
    try {
      decideRound('rectifying', 'submit', 'center');
    } catch (error) {
      expect((error as DomainError).status).toBe(409);
      expect((error as DomainError).message).toContain('现在可以：上传照片、登记整改情况');
    }
  });

  it('any sequence of actions: the state only moves along the table; closed only after inspection with no gap left', () => {
    const arbStep = fc.record({ action: fc.constantFrom(...ROUND_ACTIONS), party: fc.constantFrom<Party>('center', 'county'), open: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 30 }), (steps) => {
        let status: RoundStatus = 'draft';
        let inspected = false;
        for (const step of steps) {
          const row = ROUND_TABLE.find((r) => r.from === status && r.action === step.action && r.by === step.party);
          let next: RoundStatus;
          try {
            next = decideRound(status, step.action as RoundAction, step.party, step.open);
          } catch (error) {
            expect(row).toBeUndefined();
            expect((error as DomainError).status).toBe(409);
            continue;
          }
          expect(row).toBeDefined();
          if (step.action === 'inspect') inspected = true;
          if (next === 'closed') expect(inspected && step.open === 0).toBe(true);
          expect(ROUND_STATUSES).toContain(next);
          status = next;
        }
        // nothing leaves 'closed'
        for (const action of ROUND_ACTIONS) for (const party of ['center', 'county'] as const) expect(() => decideRound('closed', action, party)).toThrow();
      }),
    );
  });

  it('the center never inspects or confirms; the county never answers or submits', () => {
    for (const row of ROUND_TABLE) {
      if (['inspect', 'confirm', 'return', 'reopen'].includes(row.action)) expect(row.by).toBe('county');
      if (['answer', 'submit', 'rectify', 'photo'].includes(row.action)) expect(row.by).toBe('center');
    }
  });
});

describe('gaps', () => {
  it('open → rectified → confirmed, or sent back to open', () => {
    expect(decideGap('open', 'rectify', 'center')).toBe('rectified');
    expect(decideGap('rectified', 'reopen', 'county')).toBe('open');
    expect(decideGap('rectified', 'confirm', 'county')).toBe('confirmed');
    expect(() => decideGap('open', 'confirm', 'county')).toThrow('该项还没有登记整改情况');
    expect(() => decideGap('confirmed', 'rectify', 'center')).toThrow('该项整改已确认');
    expect(() => decideGap('rectified', 'confirm', 'center')).toThrow();
  });

  it('any sequence: confirmed is final and only reached from rectified', () => {
    const arbStep = fc.record({ action: fc.constantFrom<'rectify' | 'confirm' | 'reopen'>('rectify', 'confirm', 'reopen'), party: fc.constantFrom<Party>('center', 'county') });
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 20 }), (steps) => {
        let status: GapStatus = 'open';
        for (const step of steps) {
          const before = status;
          try {
            status = decideGap(status, step.action, step.party);
          } catch {
            expect(GAP_TABLE.some((r) => r.from === before && r.action === step.action && r.by === step.party)).toBe(false);
            continue;
          }
          if (status === 'confirmed') expect(before).toBe('rectified');
          if (before === 'confirmed') throw new Error('left confirmed');
        }
      }),
    );
  });

  it('overdue: still open after the deadline day; rectified or confirmed never; late rectification is marked', () => {
    expect(isGapOverdue({ status: 'open', dueDate: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(isGapOverdue({ status: 'open', dueDate: '2026-11-24' }, '2026-11-25')).toBe(true);
    expect(isGapOverdue({ status: 'rectified', dueDate: '2026-11-24' }, '2026-12-25')).toBe(false);
    expect(rectifiedLate({ dueDate: '2026-11-24', rectifiedOn: '2026-11-25' })).toBe(true);
    expect(rectifiedLate({ dueDate: '2026-11-24', rectifiedOn: null })).toBe(false);
    const arbDay = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(arbDay, arbDay, fc.constantFrom<GapStatus>('open', 'rectified', 'confirmed'), (due, today, status) => {
        expect(isGapOverdue({ status, dueDate: due }, today)).toBe(status === 'open' && today > due);
      }),
    );
  });

  it('a deadline is a date not before the inspection', () => {
    expect(checkedDueDate('2026-11-30', '2026-11-10')).toBe('2026-11-30');
    expect(() => checkedDueDate('2026-11-09', '2026-11-10')).toThrow('早于检查日期');
    expect(() => checkedDueDate('30/11/2026', '2026-11-10')).toThrow('YYYY-MM-DD');
  });
});

describe('整改提醒', () => {
  it('reminds from three days before the nearest deadline, daily while anything is open; counts the overdue', () => {
    const gaps = [
      { status: 'open' as const, dueDate: '2026-11-24' },
      { status: 'open' as const, dueDate: '2026-11-30' },
      { status: 'rectified' as const, dueDate: '2026-11-12' },
    ];
    expect(gapReminder(gaps, '2026-11-20')).toBeNull();
    expect(gapReminder(gaps, '2026-11-21')).toEqual({ open: 2, overdue: 0, nearestDue: '2026-11-24' });
    expect(gapReminder(gaps, '2026-11-25')).toEqual({ open: 2, overdue: 1, nearestDue: '2026-11-24' });
    // across the year end
    expect(gapReminder([{ status: 'open', dueDate: '2027-01-02' }], '2026-12-30')).toEqual({ open: 1, overdue: 0, nearestDue: '2027-01-02' });
    expect(gapReminder([{ status: 'rectified', dueDate: '2026-11-24' }, { status: 'confirmed', dueDate: '2026-11-01' }], '2026-12-01')).toBeNull();
  });

  it('property: a reminder exactly when an open gap is due within the reminder days or overdue', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const gap = fc.record({ status: fc.constantFrom(...GAP_STATUSES), dueDate: day });
    fc.assert(
      fc.property(fc.array(gap, { maxLength: 6 }), day, (gaps, today) => {
        const reminder = gapReminder(gaps, today);
        const soon = (d: string) => (Date.parse(d) - Date.parse(today)) / 86_400_000 <= GAP_REMINDER_DAYS;
        expect(reminder !== null).toBe(gaps.some((g) => g.status === 'open' && soon(g.dueDate)));
        if (reminder) expect(reminder.overdue).toBe(gaps.filter((g) => isGapOverdue(g, today)).length);
      }),
    );
  });
});
