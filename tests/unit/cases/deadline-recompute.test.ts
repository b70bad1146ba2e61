import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeadline, dueIsProvisional, recomputeDeadlines, type CenterTime } from '../../../src/domain/cases/deadlines.js';
import type { DeadlineEffect } from '../../../src/domain/cases/transitions.js';
import { item, stateIn } from './fixtures.js';
import { after, before, hours } from './year-calendars.js';

const t: CenterTime = { calendar: before, hours, timeZone: 'Asia/Shanghai' };
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

const started = (from: string, days = 25) => {
  const s = stateIn('in_progress', { item: item({ promisedDays: days, legalDays: 30 }), acceptedAt: sh(from), dueAt: null, legalDueAt: null });
  return applyDeadline(s, { type: 'start', from: sh(from), promisedDays: days, legalDays: 30 }, t);
};

describe('deadlines across the year end (rule 3)', () => {
  it('a due date counted into a year not imported is provisional; one within imported years is not', () => {
    const december = started('2026-12-15T10:00:00');
    expect(december.dueAt).toBe(sh('2027-01-20T17:30:00'));
    expect(december.dueProvisional).toBe(true);
    const march = started('2026-03-02T09:00:00');
    expect(march.dueProvisional).toBe(false);
  });

  it('logs every step with the office hours it was counted in, and an imported year counts them all again', () => {
    let s = started('2026-12-15T10:00:00');
    // paused over 元旦 (Thursday 31 Dec to Tuesday 5 Jan: Thu, Mon, Tue stood still), then extended by 2 days
    s = applyDeadline(s, { type: 'shift', pausedAt: sh('2026-12-30T10:00:00'), resumedAt: sh('2027-01-05T10:00:00'), legal: true }, t);
    s = applyDeadline(s, { type: 'extend', days: 2 }, t);
    expect(s.deadlineLog).toHaveLength(3);
    expect(s.deadlineLog![0]).toMatchObject({ hours, timeZone: 'Asia/Shanghai' });
    expect(s.dueAt).toBe(sh('2027-01-27T17:30:00'));

    const official = recomputeDeadlines(s, after, { hours, timeZone: 'Asia/Shanghai' });
    // the make-up Saturday 9 January counts: one working day earlier
    expect(official.dueAt).toBe(sh('2027-01-26T17:30:00'));
    expect(official.dueProvisional).toBe(false);
    // counting again on the same calendar changes nothing
    expect(recomputeDeadlines(s, before, { hours, timeZone: 'Asia/Shanghai' })).toEqual(s);
  });

  it('property: counted again on the calendar it was counted on, any sequence of steps gives the same dates', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('extend' as const), days: fc.integer({ min: 1, max: 10 }) }),
      fc.record({ pause: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 0, max: 15 }), legal: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(step, { maxLength: 4 }), (offset, steps) => {
        const from = new Date(Date.parse(sh('2026-11-02T10:00:00')) + offset * 86_400_000).toISOString();
        let s = applyDeadline(stateIn('in_progress', { acceptedAt: from, dueAt: null, legalDueAt: null }), { type: 'start', from, promisedDays: 20, legalDays: 40 }, t);
        for (const st of steps) {
          const effect: DeadlineEffect =
            'type' in st
              ? st
              : {
                  type: 'shift',
                  pausedAt: new Date(Date.parse(from) + st.pause * 86_400_000).toISOString(),
                  resumedAt: new Date(Date.parse(from) + (st.pause + st.length) * 86_400_000).toISOString(),
                  legal: st.legal,
                };
          s = applyDeadline(s, effect, t);
        }
        const again = recomputeDeadlines(s, before, { hours, timeZone: 'Asia/Shanghai' });
        expect([again.dueAt, again.legalDueAt, again.dueProvisional]).toEqual([s.dueAt, s.legalDueAt, s.dueProvisional]);
        expect(again.dueProvisional).toBe(dueIsProvisional(again, before, 'Asia/Shanghai'));
      }),
      { numRuns: 150 },
    );
  });

  it('a case stored before the log existed keeps its dates, and its later steps build on them', () => {
    const legacy = stateIn('in_progress', { acceptedAt: sh('2026-03-02T09:00:00'), dueAt: sh('2026-03-16T17:30:00'), legalDueAt: sh('2026-03-30T17:30:00') });
    expect(recomputeDeadlines(legacy, after, { hours, timeZone: 'Asia/Shanghai' })).toBe(legacy);
    const extended = applyDeadline(legacy, { type: 'extend', days: 2 }, t);
    expect(extended.deadlineLog!.map((e) => e.effect.type)).toEqual(['fixed', 'extend']);
    expect(recomputeDeadlines(extended, after, { hours, timeZone: 'Asia/Shanghai' }).dueAt).toBe(sh('2026-03-18T17:30:00'));
  });
});
