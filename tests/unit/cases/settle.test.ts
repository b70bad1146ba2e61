import { describe, expect, it } from 'vitest';
import type { OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { applyDeadline } from '../../../src/domain/cases/deadlines.js';
import { hopLimit, limitWhenSent } from '../../../src/domain/cases/hops.js';
import { decide, openCase, type CaseState } from '../../../src/domain/cases/index.js';
import { settle, type CaseSite, type Center } from '../../../src/domain/cases/settle.js';
import { officialCalendar } from '../calendar/support.js';
import { NOW, countyItem, ctx, expectOk, item, stateIn } from './fixtures.js';

const calendar = officialCalendar();
const DAY: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const SHORT: OfficeHours = { sessions: [{ start: '09:00', end: '11:00' }] };
const village: Center = { id: 'v', level: 'village', hours: SHORT, timeZone: 'Asia/Shanghai' };
const township: Center = { id: 't', level: 'township', hours: DAY, timeZone: 'Asia/Shanghai' };
const county: Center = { id: 'c', level: 'county', hours: DAY, timeZone: 'Asia/Shanghai' };
const timeOf = (c: Center) => ({ calendar, hours: c.hours, timeZone: c.timeZone });

const site = (over: Partial<CaseSite> = {}): CaseSite => ({ calendar, chain: [village, township, county], holder: village, transit: null, openHops: [], ...over });
const atVillage = (patch: Partial<CaseState> = {}) => stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village', ...patch });
const waitingHop = { id: 'h1', kind: 'village-township' as const, readyAt: NOW.toISOString(), dueAt: '2025-03-10T09:30:00.000Z', toOrgId: 't' };

describe('settle: a decision counted where the case is, with the organisations named', () => {
  it('intake at the village: the case is held there and its hop to the township is opened with the village batch limit', () => {
    const opened = expectOk(
      openCase({ item: item(), receivingLevel: 'village', channel: 'agent', materials: item().materials.map((m) => ({ name: m.name, provided: true })) }, { now: NOW }),
    );
    const s = settle(null, opened, site(), { now: NOW });
    expect(s).toMatchObject({ holderOrgId: 'v', transitOrgId: null, completedAt: null, register: null });
    expect(s.event).toEqual(opened.event);
    expect(s.hops).toEqual([
      {
        type: 'insert',
        kind: 'village-township',
        fromOrgId: 'v',
        toOrgId: 't',
        materials: opened.state.providedMaterials,
        readyAt: NOW.toISOString(),
        dueAt: hopLimit('village-township', NOW, {}, timeOf(village)).toISOString(),
        sent: false,
      },
    ]);
  });

  it('a hop already open is kept, not opened twice', () => {
    const opened = expectOk(
      openCase({ item: item(), receivingLevel: 'village', channel: 'agent', materials: item().materials.map((m) => ({ name: m.name, provided: true })) }, { now: NOW }),
    );
    expect(settle(null, opened, site({ openHops: [waitingHop] }), { now: NOW }).hops).toEqual([]);
  });

  it('forward in a batch: on its way to the township, the open hop sent with the batch and the urgent limit', () => {
    const before = atVillage();
    const d = expectOk(decide(before, 'forward', { urgent: true }, ctx('village', ['agent'])));
    const s = settle(before, d, site({ openHops: [waitingHop] }), { now: NOW, batchId: 'b1' });
    expect(s).toMatchObject({ holderOrgId: 'v', transitOrgId: 't' });
    expect(s.event).toEqual({ type: 'forward', from: 'submitted', to: 'submitted', data: { urgent: true, batchId: 'b1' } });
    expect(s.hops).toEqual([
      {
        type: 'send',
        id: 'h1',
        urgent: true,
        batchId: 'b1',
        materials: before.providedMaterials,
        toOrgId: 't',
        dueAt: limitWhenSent('village-township', NOW, new Date(waitingHop.dueAt), true, timeOf(village)).toISOString(),
      },
    ]);
  });

  it('receive: the township holds it, the hop is received, and its light is counted in the township hours', () => {
    const before = atVillage({ transit: { from: 'village', to: 'township', urgent: false, at: NOW.toISOString() } });
    const d = expectOk(decide(before, 'receive', {}, ctx('township')));
    const s = settle(before, d, site({ transit: township, openHops: [{ ...waitingHop }] }), { now: NOW });
    expect(s).toMatchObject({ holderOrgId: 't', transitOrgId: null, lightTime: timeOf(township) });
    expect(s.hops).toEqual([{ type: 'receive', id: 'h1' }]);
  });

  it('changing hands places the case at the new holder\'s window for its item, or at none where it has none', () => {
    const before = atVillage({ windowId: null, transit: { from: 'village', to: 'township', urgent: false, at: NOW.toISOString() } });
    const received = expectOk(decide(before, 'receive', {}, ctx('township')));
    const windows = { t: 'w-township', c: 'w-county' };
    expect(settle(before, received, site({ transit: township, itemWindows: windows }), { now: NOW }).state.windowId).toBe('w-township');
    // decided at the township, the result goes back to the village, which has no window for it
    const decided = stateIn('in_progress', { receivingLevel: 'village', holderLevel: 'township', windowId: 'w-township' });
    const back = expectOk(decide(decided, 'complete', { outcome: 'approved' }, ctx()));
    expect(settle(decided, back, site({ holder: township, itemWindows: windows }), { now: NOW }).state.windowId).toBeNull();
    // a step that keeps the case where it is keeps its window (a transfer between windows stays the clerk's choice)
    const accepted = expectOk(decide(stateIn('submitted', { windowId: 'w-other' }), 'accept', {}, ctx()));
    expect(settle(stateIn('submitted', { windowId: 'w-other' }), accepted, site({ holder: township, itemWindows: windows }), { now: NOW }).state.windowId).toBe('w-other');
  });

  it('accept counts the deadline in the holder hours and records the new due date on the event', () => {
    const before = stateIn('submitted');
    const d = expectOk(decide(before, 'accept', {}, ctx()));
    const s = settle(before, d, site({ holder: township }), { now: NOW });
    const counted = applyDeadline(d.state, d.deadline, timeOf(township));
    expect(s.state).toEqual(counted);
    expect(s.event?.data).toEqual({ dueAt: counted.dueAt });
    expect(s.holderOrgId).toBe('t');
  });

  it('complete above for a village case: back to the village, the hand-back opened and already sent, the completion time set', () => {
    const before = stateIn('in_progress', { receivingLevel: 'village', holderLevel: 'township' });
    const d = expectOk(decide(before, 'complete', { outcome: 'approved' }, ctx()));
    const s = settle(before, d, site({ holder: township }), { now: NOW });
    expect(s).toMatchObject({ holderOrgId: 'v', transitOrgId: null, completedAt: NOW.toISOString(), lightTime: timeOf(village) });
    expect(s.hops).toEqual([
      {
        type: 'insert',
        kind: 'hand-back',
        fromOrgId: 't',
        toOrgId: 'v',
        materials: [],
        readyAt: NOW.toISOString(),
        dueAt: hopLimit('hand-back', NOW, {}, timeOf(township)).toISOString(),
        sent: true,
      },
    ]);
  });

  it('escalate: on its way to the county', () => {
    const before = stateIn('in_progress', { kind: 'escalated', item: countyItem() });
    const d = expectOk(decide(before, 'escalate', {}, ctx()));
    const up = { id: 'h2', kind: 'township-county' as const, readyAt: NOW.toISOString(), dueAt: '2025-03-06T09:30:00.000Z', toOrgId: 'c' };
    const s = settle(before, d, site({ chain: [township, county], holder: township, openHops: [up] }), { now: NOW });
    expect(s).toMatchObject({ holderOrgId: 't', transitOrgId: 'c' });
    expect(s.hops).toMatchObject([{ type: 'send', id: 'h2', toOrgId: 'c', dueAt: up.dueAt }]);
  });

  it('withdraw drops the unsent hops', () => {
    const before = atVillage();
    const d = expectOk(decide(before, 'withdraw', {}, ctx('village')));
    expect(settle(before, d, site({ openHops: [waitingHop] }), { now: NOW }).hops).toEqual([{ type: 'delete-unsent' }]);
  });
});
