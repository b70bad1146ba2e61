import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWorkingDay, weekday } from '../../../src/domain/calendar/calendar.js';
import type { OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import type { CaseState } from '../../../src/domain/cases/model.js';
import { batchDayOfWeek, hopChanges, hopDoneAt, hopLimit, isLate, limitWhenSent, mondayOf, nextBatchDay } from '../../../src/domain/cases/hops.js';
import { officialCalendar } from '../calendar/support.js';

const cal = officialCalendar();
const HOURS: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const t = { calendar: cal, hours: HOURS, timeZone: 'Asia/Shanghai' };
const at = (iso: string) => new Date(iso);

/** Any date from the first Monday of 2025 to mid-December 2026 (every batch day involved is in the loaded years). */
const dateArb = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays('2025-01-06', n));

describe('the weekly batch day (rule 9: Monday, or the next working day when Monday is a holiday)', () => {
  it('is the Monday of an ordinary week', () => {
    expect(batchDayOfWeek(cal, '2026-03-02')).toBe('2026-03-02');
    expect(nextBatchDay(cal, '2026-03-02')).toBe('2026-03-09'); // received on a batch day: waits for the next
    expect(nextBatchDay(cal, '2026-03-04')).toBe('2026-03-09');
    expect(nextBatchDay(cal, '2026-03-08')).toBe('2026-03-09'); // Sunday
  });

  it('moves to the next working day when Monday is a holiday', () => {
    expect(batchDayOfWeek(cal, '2026-02-16')).toBe('2026-02-24'); // 春节 2-15…2-23: the week's first working day is Tuesday 2-24
    expect(nextBatchDay(cal, '2026-02-12')).toBe('2026-02-24');
    expect(batchDayOfWeek(cal, '2025-10-06')).toBe('2025-10-09'); // 国庆中秋 10-01…10-08
    expect(batchDayOfWeek(cal, '2026-06-15')).toBe('2026-06-15');
    expect(batchDayOfWeek(cal, '2025-05-05')).toBe('2025-05-06'); // 劳动节 5-01…5-05
  });

  it('property: the next batch day is a working day after the date, the first of its week, at most three weeks on', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const day = nextBatchDay(cal, date);
        expect(isWorkingDay(cal, day)).toBe(true);
        expect(day > date).toBe(true);
        expect(day <= addCalendarDays(date, 21)).toBe(true);
        // it is the batch day of its own week, or of the week before when that whole week was a holiday
        const monday = mondayOf(day);
        expect([batchDayOfWeek(cal, monday), batchDayOfWeek(cal, addCalendarDays(monday, -7))]).toContain(day);
        expect(weekday(monday)).toBe(1);
      }),
    );
  });

  it('property: every batch day after the date is a batch day of some week, and none is skipped', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const day = nextBatchDay(cal, date);
        // no earlier batch day of any week falls strictly between date and day
        for (let m = mondayOf(date); m <= day; m = addCalendarDays(m, 7)) {
          const b = batchDayOfWeek(cal, m);
          expect(b <= date || b >= day).toBe(true);
        }
      }),
    );
  });
});

describe('hop limits', () => {
  it('village → township: by the close of the next batch day; urgent: the next working day', () => {
    expect(hopLimit('village-township', at('2026-03-04T10:00:00+08:00'), {}, t).toISOString()).toBe('2026-03-09T09:30:00.000Z');
    expect(hopLimit('village-township', at('2026-03-04T10:00:00+08:00'), { urgent: true }, t).toISOString()).toBe('2026-03-05T09:30:00.000Z');
    expect(hopLimit('village-township', at('2026-03-06T16:00:00+08:00'), { urgent: true }, t).toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });

  it('township → county within two working days; the result back to the villager within three', () => {
    expect(hopLimit('township-county', at('2026-03-05T10:00:00+08:00'), {}, t).toISOString()).toBe('2026-03-09T09:30:00.000Z');
    expect(hopLimit('hand-back', at('2026-03-05T10:00:00+08:00'), {}, t).toISOString()).toBe('2026-03-10T09:30:00.000Z');
  });

  it('a hop is late when done after its limit, or still undone once the limit passed', () => {
    const dueAt = '2026-03-09T09:30:00.000Z';
    const up = (sentAt: string | null) => ({ kind: 'village-township' as const, dueAt, sentAt, receivedAt: null });
    expect(isLate(up('2026-03-09T09:00:00.000Z'), at('2026-03-20T00:00:00Z'))).toBe(false);
    expect(isLate(up('2026-03-10T01:00:00.000Z'), at('2026-03-20T00:00:00Z'))).toBe(true);
    expect(isLate(up(null), at('2026-03-09T09:00:00.000Z'))).toBe(false);
    expect(isLate(up(null), at('2026-03-09T10:00:00.000Z'))).toBe(true);
  });

  it('forwarding is done once sent; the hand-back only once the villager has the result', () => {
    const dueAt = '2026-03-09T09:30:00.000Z';
    const sentOnTime = { dueAt, sentAt: '2026-03-09T01:00:00.000Z', receivedAt: '2026-03-12T01:00:00.000Z' };
    expect(hopDoneAt({ kind: 'village-township', ...sentOnTime })).toBe(sentOnTime.sentAt);
    expect(isLate({ kind: 'village-township', ...sentOnTime }, at('2026-03-20T00:00:00Z'))).toBe(false); // received late: the township's matter
    expect(hopDoneAt({ kind: 'hand-back', ...sentOnTime })).toBe(sentOnTime.receivedAt);
    expect(isLate({ kind: 'hand-back', ...sentOnTime }, at('2026-03-20T00:00:00Z'))).toBe(true);
  });

  it('sending as urgent tightens the limit to the next working day after the case was ready, never loosens it', () => {
    const readyTuesday = at('2026-03-03T10:00:00+08:00');
    const batchDue = hopLimit('village-township', readyTuesday, {}, t);
    expect(batchDue.toISOString()).toBe('2026-03-09T09:30:00.000Z');
    expect(limitWhenSent('village-township', readyTuesday, batchDue, true, t).toISOString()).toBe('2026-03-04T09:30:00.000Z');
    expect(limitWhenSent('village-township', readyTuesday, batchDue, false, t)).toBe(batchDue);
    // ready on a Friday, the batch on Monday: urgent means Monday too, not later
    const readyFriday = at('2026-03-06T16:00:00+08:00');
    const mondayDue = hopLimit('village-township', readyFriday, {}, t);
    expect(limitWhenSent('village-township', readyFriday, mondayDue, true, t).toISOString()).toBe(mondayDue.toISOString());
  });
});

describe('hopChanges: what each step of a case does to its hops', () => {
  const base = {
    kind: 'promised', status: 'submitted', receivingLevel: 'village', holderLevel: 'village', transit: null, delivery: null,
  } as unknown as CaseState;
  const s = (patch: Partial<CaseState>): CaseState => ({ ...base, ...patch });

  it('a case waiting at the village opens the village → township hop; forward sends it; the township receive closes it', () => {
    expect(hopChanges(null, base, 'intake')).toEqual([{ type: 'open', kind: 'village-township', sent: false }]);
    const sent = s({ transit: { from: 'village', to: 'township', urgent: true, at: '' } });
    expect(hopChanges(base, sent, 'forward', true)).toEqual([{ type: 'send', kind: 'village-township', urgent: true }]);
    expect(hopChanges(sent, s({ holderLevel: 'township' }), 'receive')).toEqual([{ type: 'receive', kind: 'village-township' }]);
  });

  it('an escalated case in progress at the township opens the hop up once; a pause in between does not open another', () => {
    const atTownship = s({ kind: 'escalated', status: 'in_progress', receivingLevel: 'township', holderLevel: 'township' });
    expect(hopChanges(null, atTownship, 'intake')).toEqual([{ type: 'open', kind: 'township-county', sent: false }]);
    expect(hopChanges(s({ ...atTownship, status: 'paused' }), atTownship, 'resume')).toEqual([{ type: 'open', kind: 'township-county', sent: false }]);
    const up = s({ ...atTownship, transit: { from: 'township', to: 'county', urgent: false, at: '' } });
    expect(hopChanges(atTownship, up, 'escalate')).toEqual([{ type: 'send', kind: 'township-county', urgent: false }]);
    expect(hopChanges(up, s({ ...atTownship, holderLevel: 'county' }), 'receive')).toEqual([{ type: 'receive', kind: 'township-county' }]);
  });

  it('a village case decided above sends the result back down; the agent hands it over', () => {
    const above = s({ status: 'in_progress', holderLevel: 'township' });
    const completed = s({ status: 'completed', holderLevel: 'village' });
    expect(hopChanges(above, completed, 'complete')).toEqual([{ type: 'open', kind: 'hand-back', sent: true }]);
    expect(hopChanges(completed, s({ status: 'delivered', delivery: { method: 'agent', at: '' } }), 'deliver')).toEqual([{ type: 'receive', kind: 'hand-back' }]);
    // finished on the spot at the village: nothing travelled, no hop
    expect(hopChanges(s({ status: 'in_progress' }), completed, 'complete')).toEqual([]);
  });

  it('a case returned or withdrawn before it was sent drops the hop it was waiting for', () => {
    expect(hopChanges(base, s({ status: 'withdrawn' }), 'withdraw')).toEqual([{ type: 'cancel-unsent' }]);
    expect(hopChanges(base, s({ status: 'returned' }), 'return')).toEqual([{ type: 'cancel-unsent' }]);
    // a return decided at intake never opens one
    expect(hopChanges(null, s({ status: 'returned' }), 'intake')).toEqual([{ type: 'cancel-unsent' }]);
  });
});
