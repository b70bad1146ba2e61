import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  caseKindFor,
  decideIntake,
  openCase,
  sixKindLabel,
  SIX_KIND_NAMES,
  type IntakeRequest,
} from '../../../src/domain/cases/index.js';
import type { ChecklistEntry } from '../../../src/domain/cases/materials.js';
import { NOW, countyItem, item, jointItem } from './fixtures.js';

/** The fixture guide's checklist, every material stated: complete, the marriage certificate not applicable. */
const ALL: ChecklistEntry[] = [
  { name: '申请表', provided: true },
  { name: '居民身份证', provided: true },
  { name: '居民户口簿', provided: true },
  { name: '结婚证（已婚的提供）', provided: false, notApplicable: true },
];
/** ALL with these materials stated otherwise. */
const except = (...changed: ChecklistEntry[]): ChecklistEntry[] => ALL.map((m) => changed.find((c) => c.name === m.name) ?? m);

const request = (overrides: Partial<IntakeRequest> = {}): IntakeRequest => ({
  item: item(),
  receivingLevel: 'township',
  channel: 'window',
  materials: ALL,
  ...overrides,
});

const immediateItem = () => item({ kind: 'immediate', promisedDays: 0, legalDays: null, specialSteps: [] });

describe('decideIntake: the six kinds', () => {
  it('即办件: immediate item, complete, accepted on the spot at a window', () => {
    const d = decideIntake(request({ item: immediateItem() }));
    expect(d).toMatchObject({ ok: true, outcome: 'accept', kind: 'immediate', status: 'in_progress', clock: 'start' });
  });

  it('承诺件: promised item, complete', () => {
    expect(decideIntake(request())).toMatchObject({ ok: true, outcome: 'accept', kind: 'promised', status: 'in_progress' });
  });

  it('补办件: main materials present, attachments missing → one notice listing all of them', () => {
    const d = decideIntake(
      request({
        materials: [
          { name: '申请表', provided: true },
          { name: '居民身份证', provided: true },
          { name: '居民户口簿', provided: false },
          { name: '结婚证（已婚的提供）', provided: false },
        ],
      }),
    );
    expect(d).toMatchObject({
      ok: true,
      outcome: 'supplement',
      status: 'awaiting_supplement',
      kind: 'promised',
      missing: ['居民户口簿', '结婚证（已婚的提供）'],
    });
  });

  it('退回件: a main material missing → a return candidate; reasons are the clerk’s to write', () => {
    const d = decideIntake(
      request({
        materials: except({ name: '居民身份证', provided: false }, { name: '居民户口簿', provided: false }),
      }),
    );
    expect(d).toMatchObject({ ok: true, outcome: 'return', status: 'returned', missingMain: ['居民身份证'], missing: ['居民身份证', '居民户口簿'] });
    expect(d.ok && d.message).toContain('请写明退回理由和依据');
  });

  it('联办件: the item has joint departments', () => {
    expect(decideIntake(request({ item: jointItem() }))).toMatchObject({ ok: true, outcome: 'accept', kind: 'joint' });
  });

  it('上报件: a county item received at the township (accepted there with a forwarding promise)', () => {
    const d = decideIntake(request({ item: countyItem() }));
    expect(d).toMatchObject({ ok: true, outcome: 'accept', kind: 'escalated', status: 'in_progress', clock: 'start' });
    expect(d.ok && d.message).toContain('上报件通知书');
  });
});

describe('decideIntake: status by channel and level', () => {
  it('the agent channel registers the case to be forwarded; the clock does not start', () => {
    const d = decideIntake(request({ receivingLevel: 'village', channel: 'agent', proxy: { authorized: true } }));
    expect(d).toMatchObject({ ok: true, outcome: 'accept', kind: 'promised', status: 'submitted', clock: 'none' });
    expect(d.ok && d.message).toContain('转报');
  });

  it('kiosk is received, then accepted by a clerk; online is accepted by the pre-review that opens it', () => {
    expect(decideIntake(request({ channel: 'kiosk' }))).toMatchObject({ status: 'submitted', clock: 'none' });
    expect(decideIntake(request({ channel: 'online' }))).toMatchObject({ status: 'in_progress', clock: 'start', message: '网上申请预审通过，材料齐全，已受理。' });
  });

  it('a village item is accepted at the village window', () => {
    const villageItem = item({ level: 'village', acceptLevels: ['village'], kind: 'immediate' });
    expect(decideIntake(request({ item: villageItem, receivingLevel: 'village' }))).toMatchObject({ status: 'in_progress', kind: 'immediate' });
  });

  it('kinds: escalated beats joint beats immediate; a township item from a village is not escalated', () => {
    expect(caseKindFor(countyItem({ joint: ['县民政局'] }), 'township')).toBe('escalated');
    expect(caseKindFor(countyItem({ joint: ['县民政局'] }), 'county')).toBe('joint');
    expect(caseKindFor(countyItem({ kind: 'immediate' }), 'village')).toBe('escalated');
    expect(caseKindFor(countyItem({ kind: 'immediate' }), 'county')).toBe('immediate');
    expect(caseKindFor(item(), 'village')).toBe('promised');
    expect(caseKindFor(jointItem(), 'township')).toBe('joint');
  });

  it('an attachment stated not applicable is not missing; one stated not handed over is', () => {
    expect(decideIntake(request())).toMatchObject({ outcome: 'accept' });
    expect(decideIntake(request({ materials: except({ name: '结婚证（已婚的提供）', provided: false }) }))).toMatchObject({
      outcome: 'supplement',
      missing: ['结婚证（已婚的提供）'],
    });
    expect(decideIntake(request({ materials: except({ name: '申请表', provided: false }) }))).toMatchObject({ outcome: 'return', missingMain: ['申请表'] });
  });
});

describe('decideIntake: refusals', () => {
  const marriage = item({ name: '结婚登记', level: 'county', acceptLevels: ['county'], window: '婚姻收养登记窗口', inPersonRequired: true, proxyAllowed: false });

  it('IN_PERSON_REQUIRED: where the applicant can apply in person, they are told to register as 本人办理 here', () => {
    const d = decideIntake(request({ item: marriage, receivingLevel: 'county', proxy: { authorized: true } }));
    expect(d).toMatchObject({ ok: false, code: 'IN_PERSON_REQUIRED' });
    expect(!d.ok && d.message).toBe(
      '“结婚登记”必须由申请人本人到场办理，不能代办。申请人本人就在县政务服务中心的，请把办理方式选为“申请人本人办理”后登记，可以协助填写；本人没有来的，请告知群众本人来办。',
    );
    expect(decideIntake(request({ item: marriage, receivingLevel: 'county' }))).toMatchObject({ ok: true });
  });

  it('IN_PERSON_REQUIRED below the levels allowed: the message names the place from data, not the room the villager is in', () => {
    const venue = { level: 'county' as const, centerName: '清河县政务服务中心', window: '婚姻收养登记窗口', address: '清河县人民路 88 号', phone: '0371-6688 1234', hours: { sessions: [{ start: '08:30', end: '12:00' }] } };
    const d = decideIntake(request({ item: marriage, receivingLevel: 'village', channel: 'agent', proxy: { authorized: true }, venue }));
    expect(!d.ok && d.message).toBe(
      '“结婚登记”必须由申请人本人到场办理，不能代办，村便民服务室也不能收件。请告知群众本人携带材料到清河县政务服务中心婚姻收养登记窗口（地址：清河县人民路 88 号；办公时间：工作日 08:30–12:00；电话：0371-6688 1234）办理；可以先帮助准备材料。',
    );
    expect(d).toMatchObject({ details: { venue } });
  });

  it('PROXY_NOT_ALLOWED', () => {
    const noProxy = item({ proxyAllowed: false });
    expect(decideIntake(request({ item: noProxy, proxy: { authorized: true } }))).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' });
    expect(decideIntake(request({ item: noProxy }))).toMatchObject({ ok: true });
  });

  it('without a signed authorisation the case is received as help only (帮办), marked so', () => {
    expect(decideIntake(request({ proxy: { authorized: false } }))).toMatchObject({ ok: true });
    const o = openCase(request({ receivingLevel: 'village', channel: 'agent', proxy: { authorized: false } }), { now: NOW });
    expect(o).toMatchObject({ ok: true, state: { status: 'submitted', proxy: { authorized: false } } });
  });

  it('a village agent finishes the village own immediate items on the spot, and only those', () => {
    const villageItem = item({ level: 'village', kind: 'immediate', acceptLevels: ['village'] });
    const here = openCase(request({ item: villageItem, receivingLevel: 'village', channel: 'agent', proxy: { authorized: true } }), { now: NOW });
    expect(here).toMatchObject({ ok: true, state: { status: 'in_progress', clock: 'running', holderLevel: 'village' } });
    const above = openCase(request({ receivingLevel: 'village', channel: 'agent', proxy: { authorized: true } }), { now: NOW });
    expect(above).toMatchObject({ ok: true, state: { status: 'submitted', clock: 'not_started' } });
  });

  it('NOT_RECEIVABLE_HERE: only at the levels the item names', () => {
    const d = decideIntake(request({ item: item({ acceptLevels: ['township'] }), receivingLevel: 'village', channel: 'agent' }));
    expect(d).toMatchObject({ ok: false, code: 'NOT_RECEIVABLE_HERE' });
    expect(!d.ok && d.message).toContain('乡镇便民服务中心');
  });

  it('ONLINE_NOT_ALLOWED', () => {
    expect(decideIntake(request({ item: item({ onlineAllowed: false }), channel: 'online' }))).toMatchObject({ ok: false, code: 'ONLINE_NOT_ALLOWED' });
  });

  it('MATERIAL_NOT_IN_GUIDE: the guide is the only source of materials', () => {
    const d = decideIntake(request({ materials: [...ALL, { name: '无犯罪记录证明', provided: true }] }));
    expect(d).toMatchObject({ ok: false, code: 'MATERIAL_NOT_IN_GUIDE', details: { materials: ['无犯罪记录证明'] } });
  });

  // 老年人优待证 sent with only 居民身份证 was 材料齐全，当场受理 although the guide also asks for a photo
  const elderCard = item({ kind: 'immediate', promisedDays: 0, legalDays: null, materials: [{ name: '居民身份证', main: true }, { name: '近期一寸免冠照片', main: false }] });

  it('MATERIALS_NOT_CHECKED: a material of the guide left off the checklist is not taken as handed over', () => {
    const d = decideIntake(request({ item: elderCard, materials: [{ name: '居民身份证', provided: true }] }));
    expect(d).toEqual({
      ok: false,
      code: 'MATERIALS_NOT_CHECKED',
      message: '请逐项核对材料：近期一寸免冠照片 未登记是否提交。办事指南中的每项材料都要登记一次：已提交、未提交，或附件对该申请人不适用。',
      details: { notStated: ['近期一寸免冠照片'], twice: [], mainNotApplicable: [], contradictory: [] },
    });
    // stated either way, it is read as stated
    const photo = (entry: Partial<ChecklistEntry>) => decideIntake(request({ item: elderCard, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true, ...entry }] }));
    expect(photo({})).toMatchObject({ ok: true, outcome: 'accept', message: '材料齐全，当场受理。' });
    expect(photo({ provided: false })).toMatchObject({ ok: true, outcome: 'supplement', missing: ['近期一寸免冠照片'] });
    expect(photo({ provided: false, notApplicable: true })).toMatchObject({ ok: true, outcome: 'accept' });
    // nothing stated at all names every material
    expect(decideIntake(request({ materials: [] }))).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', details: { notStated: ['申请表', '居民身份证', '居民户口簿', '结婚证（已婚的提供）'] } });
  });

  it('MATERIALS_NOT_CHECKED: a material stated twice, a main one not applicable, or handed over and not applicable at once', () => {
    const twice = decideIntake(request({ materials: [...ALL, { name: '居民户口簿', provided: false }] }));
    expect(twice).toMatchObject({ ok: false, code: 'MATERIALS_NOT_CHECKED', details: { notStated: [], twice: ['居民户口簿'] } });
    expect(!twice.ok && twice.message).toContain('居民户口簿 登记了不止一次');
    // the same answer twice is still two answers: the clerk's list is wrong somewhere
    expect(decideIntake(request({ materials: [...ALL, { name: '申请表', provided: true }] }))).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', details: { twice: ['申请表'] } });

    const main = decideIntake(request({ materials: except({ name: '居民身份证', provided: false, notApplicable: true }) }));
    expect(main).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', details: { mainNotApplicable: ['居民身份证'] } });
    expect(!main.ok && main.message).toContain('居民身份证 是主件，不能登记为不适用');

    const both = decideIntake(request({ materials: except({ name: '居民户口簿', provided: true, notApplicable: true }) }));
    expect(both).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', details: { contradictory: ['居民户口簿'] } });

    // everything wrong at once: one message lists it all, in the guide's order
    const all = decideIntake(request({ materials: [{ name: '居民身份证', provided: true, notApplicable: true }, { name: '居民身份证', provided: true }, { name: '居民户口簿', provided: false }] }));
    expect(!all.ok && all.message).toBe(
      '请逐项核对材料：申请表、结婚证（已婚的提供） 未登记是否提交；居民身份证 登记了不止一次；居民身份证 是主件，不能登记为不适用；居民身份证 既登记已提交又登记不适用。办事指南中的每项材料都要登记一次：已提交、未提交，或附件对该申请人不适用。',
    );
  });

  it('property: a case is opened only from a checklist stating every material of the guide once, and reads each as stated', () => {
    const guide = item().materials;
    const entryArb = fc.record({ name: fc.constantFrom(...guide.map((m) => m.name)), provided: fc.boolean(), notApplicable: fc.option(fc.boolean(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 7 }), fc.constantFrom('window', 'agent', 'kiosk') as fc.Arbitrary<'window' | 'agent' | 'kiosk'>, (materials, channel) => {
        const d = decideIntake(request({ materials, channel, receivingLevel: channel === 'agent' ? 'village' : 'township', proxy: channel === 'agent' ? { authorized: true } : null }));
        const stated = (name: string) => materials.filter((m) => m.name === name);
        const wellStated = guide.every((g) => {
          const s = stated(g.name);
          return s.length === 1 && !(s[0]!.notApplicable && (g.main || s[0]!.provided));
        });
        if (!wellStated) {
          expect(d).toMatchObject({ ok: false, code: 'MATERIALS_NOT_CHECKED' });
          return;
        }
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        // on file exactly what was stated handed over; missing exactly what was stated not handed over and applies
        expect(d.provided).toEqual(materials.filter((m) => m.provided).map((m) => m.name));
        const missing = guide.filter((g) => !stated(g.name)[0]!.provided && !stated(g.name)[0]!.notApplicable).map((g) => g.name);
        expect(d.outcome === 'accept' ? [] : d.missing).toEqual(missing);
        expect(d.outcome === 'accept').toBe(missing.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('openCase: the first state', () => {
  it('accepted on the spot: clock running, deadlines to compute', () => {
    const o = openCase(request(), { now: NOW });
    expect(o).toMatchObject({
      ok: true,
      state: { status: 'in_progress', clock: 'running', acceptedAt: NOW.toISOString(), holderLevel: 'township', supplementNotice: null },
      deadline: { type: 'start', from: NOW.toISOString(), promisedDays: 10, legalDays: 20 },
    });
  });

  it('补办件 carries its one-time notice and no clock', () => {
    const o = openCase(request({ materials: except({ name: '居民户口簿', provided: false }) }), { now: NOW });
    expect(o).toMatchObject({
      ok: true,
      state: { status: 'awaiting_supplement', clock: 'not_started', supplementNotice: { missing: ['居民户口簿'], defectNote: null } },
      deadline: null,
    });
    if (o.ok) {
      expect(sixKindLabel(o.state)).toBe('supplement');
      expect(SIX_KIND_NAMES[sixKindLabel(o.state)]).toBe('补办件');
      expect(allowedActions(o.state)).toEqual(['notify-supplement', 'supplement', 'return', 'transfer', 'withdraw']);
    }
  });

  it('退回件 needs the clerk’s reasons and basis (rule 2)', () => {
    const missingMain = request({ materials: except({ name: '申请表', provided: false }) });
    expect(openCase(missingMain, { now: NOW })).toMatchObject({ ok: false, code: 'REFUSAL_REASONS_REQUIRED' });
    const o = openCase(missingMain, { now: NOW }, { reasons: '缺少申请表', basis: '办事指南申报材料第1项' });
    expect(o).toMatchObject({ ok: true, state: { status: 'returned', clock: 'stopped', refusal: { reasons: '缺少申请表' } } });
    if (o.ok) {
      expect(sixKindLabel(o.state)).toBe('returned');
      expect(allowedActions(o.state)).toEqual([]);
    }
  });

  it('an agent’s case waits at the village to be forwarded, proxy recorded', () => {
    const o = openCase(request({ receivingLevel: 'village', channel: 'agent', proxy: { authorized: true } }), { now: NOW });
    expect(o).toMatchObject({ ok: true, state: { status: 'submitted', clock: 'not_started', holderLevel: 'village', proxy: { authorized: true } } });
    if (o.ok) expect(allowedActions(o.state)).toContain('forward');
  });

  it('rejections pass through', () => {
    expect(openCase(request({ item: item({ inPersonRequired: true }), proxy: { authorized: true } }), { now: NOW })).toMatchObject({ ok: false, code: 'IN_PERSON_REQUIRED' });
  });
});

describe('sixKindLabel', () => {
  it('returned beats supplement beats the stored kind', () => {
    const notice = { missing: ['x'], defectNote: null, at: NOW.toISOString() };
    expect(sixKindLabel({ kind: 'joint', status: 'returned', supplementNotice: notice })).toBe('returned');
    expect(sixKindLabel({ kind: 'joint', status: 'in_progress', supplementNotice: notice })).toBe('supplement');
    expect(sixKindLabel({ kind: 'escalated', status: 'in_progress', supplementNotice: null })).toBe('escalated');
    expect(SIX_KIND_NAMES).toEqual({
      immediate: '即办件',
      promised: '承诺件',
      supplement: '补办件',
      returned: '退回件',
      joint: '联办件',
      escalated: '上报件',
    });
  });
});
