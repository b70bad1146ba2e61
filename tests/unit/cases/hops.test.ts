import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWorkingDay, weekday } from '../../../src/domain/calendar/calendar.js';
import type { OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { decide, openCase, type CaseState, type CaseStatus } from '../../../src/domain/cases/index.js';
import { batchDayOfWeek, comingBatchDay, waitingHop, hopDoneAt, hopLimit, isLate, limitWhenSent, mondayOf, nextBatchDay } from '../../../src/domain/cases/hops.js';
import { officialCalendar } from '../calendar/support.js';
import type { ChecklistEntry } from '../../../src/domain/cases/materials.js';
import { NOW, countyItem, ctx, expectOk, item, stateIn } from './fixtures.js';

const ALL: ChecklistEntry[] = [
  { name: '申请表', provided: true },
  { name: '居民身份证', provided: true },
  { name: '居民户口簿', provided: true },
  { name: '结婚证（已婚的提供）', provided: false, notApplicable: true },
];

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

describe('the batch day the agent is told (today, while this week\'s batch has not left)', () => {
  it('is today on a batch day before this week\'s batch is sent, the next batch day after', () => {
    expect(comingBatchDay(cal, '2026-03-02', null)).toBe('2026-03-02');
    expect(comingBatchDay(cal, '2026-03-02', '2026-02-24')).toBe('2026-03-02'); // last week's batch
    expect(comingBatchDay(cal, '2026-03-02', '2026-03-02')).toBe('2026-03-09'); // sent this morning
    expect(comingBatchDay(cal, '2026-03-04', null)).toBe('2026-03-09'); // not a batch day
    expect(comingBatchDay(cal, '2026-02-24', null)).toBe('2026-02-24'); // 春节: this week's batch day is Tuesday
    expect(comingBatchDay(cal, '2026-02-24', '2026-02-16')).toBe('2026-02-24'); // sent on the holiday Monday: counts as this week's
  });

  it('property: it is the next batch day, or today when today is the batch day and nothing was sent this week', () => {
    fc.assert(
      fc.property(dateArb, fc.option(fc.integer({ min: 0, max: 30 })), (today, back) => {
        const lastSent = back === null ? null : addCalendarDays(today, -back);
        const day = comingBatchDay(cal, today, lastSent);
        const batchToday = batchDayOfWeek(cal, mondayOf(today)) === today;
        const sentThisWeek = lastSent !== null && lastSent >= mondayOf(today);
        expect(day).toBe(batchToday && !sentThisWeek ? today : nextBatchDay(cal, today));
        // never later than the limit of a case received today
        expect(day <= nextBatchDay(cal, today)).toBe(true);
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

describe('hops in the Decision: what each step of a case does to its hops', () => {
  const villageRequest = { item: item(), receivingLevel: 'village' as const, channel: 'agent' as const, materials: ALL, proxy: { authorized: true } };
  const atVillage = (status: CaseStatus, patch: Partial<CaseState> = {}) => stateIn(status, { receivingLevel: 'village', holderLevel: 'village', ...patch });
  const hopsOf = (r: ReturnType<typeof decide>) => expectOk(r).hops;

  it('a case waiting at the village opens the village → township hop; forward sends it; the township receive closes it', () => {
    expect(expectOk(openCase(villageRequest, { now: NOW })).hops).toEqual([{ type: 'open', kind: 'village-township', sent: false }]);
    const waiting = atVillage('submitted');
    const sent = expectOk(decide(waiting, 'forward', { urgent: true }, ctx('village', ['agent'])));
    expect(sent.hops).toEqual([{ type: 'send', kind: 'village-township', urgent: true }]);
    expect(hopsOf(decide(sent.state, 'receive', {}, ctx('township')))).toEqual([{ type: 'receive', kind: 'village-township' }]);
  });

  it('a supplement that completes a case at the village starts it waiting for the batch', () => {
    const notified = atVillage('awaiting_supplement', { clock: 'not_started', acceptedAt: null, dueAt: null, legalDueAt: null });
    expect(hopsOf(decide(notified, 'supplement', { materials: ['结婚证（已婚的提供）'] }, ctx('village')))).toEqual([
      { type: 'open', kind: 'village-township', sent: false },
    ]);
  });

  it('an escalated case in progress at the township opens the hop up; a pause in between opens it again (settle keeps the open one)', () => {
    const paused = stateIn('paused', { kind: 'escalated', item: countyItem() });
    const resumed = expectOk(decide(paused, 'resume', {}, ctx()));
    expect(resumed.hops).toEqual([{ type: 'open', kind: 'township-county', sent: false }]);
    const up = expectOk(decide(resumed.state, 'escalate', {}, ctx()));
    expect(up.hops).toEqual([{ type: 'send', kind: 'township-county', urgent: false }]);
    expect(hopsOf(decide(up.state, 'receive', {}, ctx('county')))).toEqual([{ type: 'receive', kind: 'township-county' }]);
    // a step that leaves it waiting opens nothing
    const asked = expectOk(decide(resumed.state, 'request-extension', { reason: '需补充调查', days: 2 }, ctx()));
    expect(asked.hops).toEqual([]);
  });

  it('a village case decided above sends the result back down; the agent hands it over', () => {
    const above = stateIn('in_progress', { receivingLevel: 'village', holderLevel: 'township' });
    const completed = expectOk(decide(above, 'complete', { outcome: 'approved' }, ctx()));
    expect(completed.hops).toEqual([{ type: 'open', kind: 'hand-back', sent: true }]);
    expect(hopsOf(decide(completed.state, 'deliver', { method: 'agent' }, ctx('village', ['agent'])))).toEqual([{ type: 'receive', kind: 'hand-back' }]);
    // finished on the spot at the village: nothing travelled, no hop
    const here = atVillage('in_progress', { item: item({ level: 'village' }) });
    expect(hopsOf(decide(here, 'complete', { outcome: 'approved' }, ctx('village')))).toEqual([]);
  });

  it('a case returned or withdrawn before it was sent drops the hop it was waiting for', () => {
    expect(hopsOf(decide(atVillage('submitted'), 'withdraw', {}, ctx('village')))).toEqual([{ type: 'cancel-unsent' }]);
    expect(hopsOf(decide(atVillage('submitted'), 'return', { reasons: '不符合条件', basis: '第三条' }, ctx('village')))).toEqual([{ type: 'cancel-unsent' }]);
    // a return decided at intake never opens one
    const missingMain = { ...villageRequest, materials: ALL.map((m) => (m.name === '申请表' ? { ...m, provided: false } : m)) };
    expect(expectOk(openCase(missingMain, { now: NOW }, { reasons: '缺少申请表', basis: '办事指南' })).hops).toEqual([]);
  });

  it('waitingHop reads the state alone', () => {
    expect(waitingHop(atVillage('submitted'))).toBe('village-township');
    expect(waitingHop(atVillage('submitted', { transit: { from: 'village', to: 'township', urgent: false, at: '' } }))).toBeNull();
    expect(waitingHop(stateIn('in_progress', { kind: 'escalated' }))).toBe('township-county');
    expect(waitingHop(stateIn('in_progress'))).toBeNull();
  });
});
