import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import type { CaseState } from '../../../src/domain/cases/index.js';
import { workingMinutesBetween } from '../../../src/domain/cases/light.js';
import {
  acceptanceBackdated,
  answerLimit,
  dueAtBefore,
  duration,
  evaluateCase,
  extensionAfterDue,
  feeNotStandard,
  hopHandBack,
  hopTownshipCounty,
  hopVillageTownship,
  immediateSameDay,
  objectionUnanswered,
  occurrenceKey,
  promiseOverrun,
  specialStepOverrun,
  stepLimit,
  supplementBeyondNotice,
  type CaseSnapshot,
  type EvaluationInput,
  type HopFacts,
  type SupervisionEvent,
} from '../../../src/domain/supervision/evaluate.js';
import { checkParams, defaultParams, effectiveParams, RULE_BY_CODE, RULE_CODES, RULES } from '../../../src/domain/supervision/rules.js';
import { decideProblem, explainProblem } from '../../../src/domain/supervision/violations.js';
import { officialCalendar } from '../calendar/support.js';
import { item, stateIn } from '../cases/fixtures.js';

const HOURS: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const time = { calendar: officialCalendar(), hours: HOURS, timeZone: 'Asia/Shanghai' };
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

// Monday 2 March 2026, accepted at 09:00; a promise of 10 working days is due Monday 16 March 17:30
const ACCEPTED = sh('2026-03-02T09:00:00');
const DUE = sh('2026-03-16T17:30:00');

function snapshot(state: CaseState, o: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 'c1',
    caseNo: '柳河-20260302-0001',
    receivingOrgId: 'town',
    holderOrgId: 'town',
    windowId: 'w1',
    windowPersonId: 'u-post-a',
    completedAt: null,
    state,
    refusalReview: null,
    refusalReviewedAt: null,
    refusalAnsweredAt: null,
    ...o,
  };
}
const running = (o: Partial<CaseState> = {}) => stateIn('in_progress', { acceptedAt: ACCEPTED, dueAt: DUE, ...o });
const input = (s: CaseSnapshot, now: string, o: Partial<EvaluationInput> = {}): EvaluationInput => ({ snapshot: s, events: [], hops: [], time, now: new Date(now), ...o });

let seq = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}, o: Partial<SupervisionEvent> = {}): SupervisionEvent => ({
  id: `e${++seq}`,
  seq,
  at,
  type,
  byUserId: 'u-clerk',
  orgId: 'town',
  data,
  ...o,
});

/** minutes around a limit: well before, at, just after, well after */
const offsetArb = fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 });

describe('the shipped rules as data', () => {
  it('number every rule JC-01 … JC-11 once, each with an evaluator, a Chinese name and parameters within their bounds', () => {
    expect(RULES.map((r) => r.number)).toEqual(RULES.map((_, i) => `JC-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULE_CODES.length);
    for (const r of RULES) {
      expect(r.name).toMatch(/[\u4e00-\u9fa5]/);
      for (const p of r.parameters) expect(p.default).toBeGreaterThanOrEqual(p.min);
    }
  });

  it('read stored parameters with defaults for what is missing or broken, and check what an administrator types', () => {
    const rule = RULE_BY_CODE.get('acceptance-backdated')!;
    expect(effectiveParams(rule, { thresholdHours: 16, stray: 1 })).toEqual({ thresholdHours: 16 });
    expect(effectiveParams(rule, { thresholdHours: 'x' })).toEqual(defaultParams(rule));
    expect(checkParams(rule, { thresholdHours: 12 }, { thresholdHours: 8 })).toEqual({ ok: true, params: { thresholdHours: 12 } });
    expect(checkParams(rule, { thresholdHours: 0 }, { thresholdHours: 8 })).toMatchObject({ ok: false, message: expect.stringContaining('1 到 200 之间的整数') });
    expect(checkParams(rule, { x: 1 }, { thresholdHours: 8 })).toMatchObject({ ok: false, message: expect.stringContaining('没有参数“x”') });
    expect(checkParams(RULE_BY_CODE.get('fee-not-standard')!, { x: 1 }, {})).toMatchObject({ ok: false, message: expect.stringContaining('没有可调整的参数') });
  });

  it('say how late in Chinese', () => {
    expect(duration(0.4)).toBe('不到 1 分钟');
    expect(duration(45)).toBe('45 分钟');
    expect(duration(200)).toBe('3 小时 20 分钟');
    expect(duration(2 * 1440 + 190)).toBe('2 天 3 小时');
  });
});

describe('JC-01 承诺件超期', () => {
  it('fires on an open promised case past its due time, with the times in Chinese; silent at the due instant itself', () => {
    expect(promiseOverrun(input(snapshot(running()), DUE), { graceMinutes: 0 })).toEqual([]);
    const [f] = promiseOverrun(input(snapshot(running()), sh('2026-03-17T09:00:00')), { graceMinutes: 0 });
    expect(f).toMatchObject({ ruleCode: 'promise-overrun', occurrence: 'c1', orgId: 'town', personId: 'u-post-a', occurredAt: DUE });
    expect(f!.text).toBe('本件为承诺件，应于 2026-03-16 17:30 前办结，至 2026-03-17 09:00 仍未办结，已超时 15 小时 30 分钟。');
    expect(f!.lines).toContainEqual({ label: '承诺办结时间', value: '2026-03-16 17:30' });
  });

  it('fires on a case completed late (nobody to blame but the record), silent on one completed in time, and on immediate cases', () => {
    const done = (completedAt: string) => snapshot(stateIn('completed', { acceptedAt: ACCEPTED, dueAt: DUE }), { completedAt });
    expect(promiseOverrun(input(done(DUE), sh('2026-04-01T09:00:00')), {})).toEqual([]);
    const [f] = promiseOverrun(input(done(plus(DUE, 60)), sh('2026-04-01T09:00:00')), {});
    expect(f!.text).toContain('实际于 2026-03-16 18:30 办结，超时 1 小时');
    expect(f!.personId).toBe('u-post-a'); // no events read (the sweep): the window's A post
    const withEvent = promiseOverrun(input(done(plus(DUE, 60)), sh('2026-04-01T09:00:00'), { events: [ev('complete', plus(DUE, 60), {}, { byUserId: 'u-completer' })] }), {});
    expect(withEvent[0]!.personId).toBe('u-completer');
    expect(promiseOverrun(input(snapshot(running({ kind: 'immediate' })), sh('2026-04-01T09:00:00')), {})).toEqual([]);
  });

  it('a paused clock is seen at the start of its pause: paused before the due date, it never runs over', () => {
    const paused = running({ status: 'paused', clock: 'paused', pausedAt: sh('2026-03-10T10:00:00'), activeStep: { name: '公示', limitDays: 7, countsTowardLegal: false } });
    expect(promiseOverrun(input(snapshot(paused), sh('2026-04-30T10:00:00')), {})).toEqual([]);
    const lateIn = running({ status: 'awaiting_supplement', clock: 'paused', pausedAt: sh('2026-03-17T10:00:00') });
    expect(promiseOverrun(input(snapshot(lateIn), sh('2026-04-30T10:00:00')), {})[0]!.facts.checkedAt).toBe(sh('2026-03-17T10:00:00'));
  });

  it('property: fires exactly when the time looked at is past the due time plus the grace', () => {
    fc.assert(
      fc.property(offsetArb, fc.integer({ min: 0, max: 120 }), fc.boolean(), (offset, grace, completed) => {
        const seen = plus(DUE, offset);
        const s = completed ? snapshot(stateIn('completed', { acceptedAt: ACCEPTED, dueAt: DUE }), { completedAt: seen }) : snapshot(running());
        const fired = promiseOverrun(input(s, completed ? sh('2026-05-01T09:00:00') : seen), { graceMinutes: grace });
        expect(fired.length).toBe(offset > grace ? 1 : 0);
      }),
    );
  });
});

describe('JC-02 即办件当日未办结', () => {
  const DAY_END = sh('2026-03-02T17:30:00');
  const immediate = (o: Partial<CaseState> = {}) => running({ kind: 'immediate', dueAt: DAY_END, ...o });

  it('fires on an immediate case still open after the close of its day; silent at the close itself and on promised cases', () => {
    expect(immediateSameDay(input(snapshot(immediate()), DAY_END), {})).toEqual([]);
    const [f] = immediateSameDay(input(snapshot(immediate()), plus(DAY_END, 1)), {});
    expect(f).toMatchObject({ ruleCode: 'immediate-same-day', occurredAt: DAY_END });
    expect(f!.text).toBe('本件为即办件，应于 2026-03-02 17:30 前办结，至 2026-03-02 17:31 仍未办结，已超时 1 分钟。');
    expect(immediateSameDay(input(snapshot(running()), sh('2026-04-30T10:00:00')), {})).toEqual([]);
  });

  it('property: a finished immediate case fires exactly when it finished after the close of its day', () => {
    fc.assert(
      fc.property(offsetArb, (offset) => {
        const s = snapshot(stateIn('completed', { kind: 'immediate', acceptedAt: ACCEPTED, dueAt: DAY_END }), { completedAt: plus(DAY_END, offset) });
        expect(immediateSameDay(input(s, sh('2026-04-30T10:00:00')), {}).length).toBe(offset > 0 ? 1 : 0);
      }),
    );
  });
});

describe('JC-03 特殊环节超时', () => {
  const PAUSED = sh('2026-03-03T10:00:00'); // Tuesday
  const LIMIT = sh('2026-03-10T17:30:00'); // 5 working days later, at the close
  const pause = () => ev('pause', PAUSED, { reason: '现场踏勘', limitDays: 5 });

  it('counts the limit in working days to the close of office', () => {
    expect(stepLimit(PAUSED, 5, time)).toBe(LIMIT);
    expect(stepLimit(sh('2026-09-29T10:00:00'), 3, time)).toBe(sh('2026-10-09T17:30:00')); // 9-30, then 国庆 10-01…10-07, 10-08, 10-09
  });

  it('fires on a step resumed after its own limit, silent on one resumed at the limit', () => {
    const s = snapshot(running());
    expect(specialStepOverrun(input(s, sh('2026-04-01T09:00:00'), { events: [pause(), ev('resume', LIMIT)] }), {})).toEqual([]);
    const [f] = specialStepOverrun(input(s, sh('2026-04-01T09:00:00'), { events: [pause(), ev('resume', plus(LIMIT, 16 * 60), {}, { byUserId: 'u-resumer' })] }), {});
    expect(f).toMatchObject({ ruleCode: 'special-step-overrun', occurrence: `c1:${PAUSED}`, personId: 'u-resumer', occurredAt: LIMIT });
    expect(f!.text).toBe('特殊环节“现场踏勘”于 2026-03-03 10:00 开始，时限 5 个工作日（至 2026-03-10 17:30），于 2026-03-11 09:30 才恢复计时，超时 16 小时。');
  });

  it('fires on the step still under way past its limit from the state alone (the sweep), with the same occurrence as from its events', () => {
    const paused = snapshot(running({ status: 'paused', clock: 'paused', pausedAt: PAUSED, activeStep: { name: '现场踏勘', limitDays: 5, countsTowardLegal: true } }));
    expect(specialStepOverrun(input(paused, LIMIT), {})).toEqual([]);
    const fromState = specialStepOverrun(input(paused, plus(LIMIT, 1)), {});
    const fromEvents = specialStepOverrun(input(paused, plus(LIMIT, 1), { events: [pause()] }), {});
    expect(fromState.map(occurrenceKey)).toEqual(fromEvents.map(occurrenceKey));
    expect(fromState[0]!.text).toContain('仍未恢复计时');
  });

  it('property: fires exactly when the step ended after its limit', () => {
    fc.assert(
      fc.property(offsetArb, (offset) => {
        const fired = specialStepOverrun(input(snapshot(running()), sh('2026-05-01T09:00:00'), { events: [pause(), ev('resume', plus(LIMIT, offset))] }), { graceMinutes: 0 });
        expect(fired.length).toBe(offset > 0 ? 1 : 0);
      }),
    );
  });
});

describe('JC-04 一次性告知外再次要求补正', () => {
  const NOTICE = sh('2026-03-02T09:00:00');
  const intake = ev('intake', NOTICE, { kind: 'supplement', missing: ['居民户口簿'] });

  it('fires on a later request for a material the notice did not list, without a recorded defect', () => {
    const later = ev('notify-supplement', sh('2026-03-05T10:00:00'), { missing: ['结婚证（已婚的提供）', '居民户口簿'] }, { byUserId: 'u-asker' });
    const [f] = supplementBeyondNotice(input(snapshot(running()), sh('2026-03-06T10:00:00'), { events: [intake, later] }), {});
    expect(f).toMatchObject({ ruleCode: 'supplement-beyond-notice', occurrence: later.id, personId: 'u-asker', occurredAt: later.at });
    expect(f!.text).toBe('已于 2026-03-02 09:00 出具一次性告知书，又于 2026-03-05 10:00 要求补交告知书未列明的材料：结婚证（已婚的提供），且未登记已交材料的缺陷说明。');
  });

  it('is silent on a recorded defect, on asking again for what the notice listed, and on the notice itself', () => {
    const withDefect = ev('notify-supplement', sh('2026-03-05T10:00:00'), { missing: ['居民身份证'], defectNote: '身份证已过有效期' });
    const listed = ev('notify-supplement', sh('2026-03-05T11:00:00'), { missing: ['居民户口簿'] });
    expect(supplementBeyondNotice(input(snapshot(running()), NOTICE, { events: [intake, withDefect, listed] }), {})).toEqual([]);
    const first = ev('notify-supplement', NOTICE, { missing: ['居民户口簿'] });
    expect(supplementBeyondNotice(input(snapshot(running()), NOTICE, { events: [ev('intake', NOTICE, { kind: 'promised', missing: [] }), first] }), {})).toEqual([]);
    // the notice issued by the first request: a second one beyond it fires
    const second = ev('notify-supplement', sh('2026-03-06T10:00:00'), { missing: ['申请表'], defectNote: ' ' });
    expect(supplementBeyondNotice(input(snapshot(running()), NOTICE, { events: [first, second] }), {})).toHaveLength(1);
  });
});

describe('JC-05 … JC-07 hops', () => {
  const READY = sh('2026-03-02T09:00:00');
  const HOP_DUE = sh('2026-03-09T17:30:00');
  const hop = (kind: HopFacts['kind'], o: Partial<HopFacts> = {}): HopFacts => ({
    id: `h-${kind}`,
    kind,
    fromOrgId: kind === 'hand-back' ? 'town' : kind === 'village-township' ? 'village' : 'town',
    toOrgId: kind === 'hand-back' ? 'village' : kind === 'village-township' ? 'town' : 'county',
    urgent: false,
    readyAt: READY,
    dueAt: HOP_DUE,
    sentAt: null,
    sentBy: null,
    receivedAt: null,
    receivedBy: null,
    ...o,
  });

  it('fire on a hop sent after its limit (the sender\'s center and person), silent on one sent at the limit', () => {
    const s = snapshot(running());
    expect(hopVillageTownship(input(s, sh('2026-04-01T09:00:00'), { hops: [hop('village-township', { sentAt: HOP_DUE, sentBy: 'u-agent' })] }), {})).toEqual([]);
    const [f] = hopVillageTownship(input(s, sh('2026-04-01T09:00:00'), { hops: [hop('village-township', { sentAt: plus(HOP_DUE, 15 * 60 + 30), sentBy: 'u-agent' })] }), {});
    expect(f).toMatchObject({ ruleCode: 'hop-village-township', orgId: 'village', personId: 'u-agent', occurrence: 'h-village-township' });
    expect(f!.text).toBe('村级转报乡镇应于 2026-03-09 17:30 前报送，实际于 2026-03-10 09:00 报送，超时 15 小时 30 分钟。');
    const [up] = hopTownshipCounty(input(s, plus(HOP_DUE, 1), { hops: [hop('township-county')] }), {});
    expect(up).toMatchObject({ ruleCode: 'hop-township-county', orgId: 'town', personId: null });
    expect(up!.text).toContain('仍未上报');
  });

  it('the hand-back is the village\'s duty, done when the villager has the result; other kinds are not its business', () => {
    const s = snapshot(stateIn('completed'));
    const back = hop('hand-back', { sentAt: READY, receivedAt: plus(HOP_DUE, 60), receivedBy: 'u-agent' });
    const [f] = hopHandBack(input(s, sh('2026-04-01T09:00:00'), { hops: [back, hop('village-township', { sentAt: plus(HOP_DUE, 60) })] }), {});
    expect(f).toMatchObject({ ruleCode: 'hop-hand-back', orgId: 'village', personId: 'u-agent' });
    expect(f!.text).toContain('结果回复群众应于 2026-03-09 17:30 前回复交付，实际于 2026-03-09 18:30 回复交付');
  });

  it('property: open or done, a hop fires exactly when it was done (or is looked at) after its limit plus the grace; the occurrence is the hop', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(['village-township', 'township-county', 'hand-back'] as const)), offsetArb, fc.boolean(), fc.integer({ min: 0, max: 60 }), (kind, offset, done, grace) => {
        const when = plus(HOP_DUE, offset);
        const h = hop(kind, done ? (kind === 'hand-back' ? { sentAt: READY, receivedAt: when } : { sentAt: when }) : {});
        const rule = { 'village-township': hopVillageTownship, 'township-county': hopTownshipCounty, 'hand-back': hopHandBack }[kind];
        const fired = rule(input(snapshot(running()), done ? sh('2026-05-01T09:00:00') : when, { hops: [h] }), { graceMinutes: grace });
        expect(fired.map((f) => f.occurrence)).toEqual(offset > grace ? [h.id] : []);
      }),
    );
  });
});

describe('JC-08 收费与法定标准不符', () => {
  const feeState = (amount: number, o: Partial<CaseState> = {}) => running({ item: item({ fee: { amount } }), ...o });
  const complete = (data: Record<string, unknown>, o: Partial<SupervisionEvent> = {}) => ev('complete', sh('2026-03-05T10:00:00'), { outcome: 'approved', ...data }, o);

  it('is silent on the legal fee with its receipt, and on a waiver recorded as 0', () => {
    for (const data of [{ feeCharged: 20, receiptNo: 'PJ-1' }, { feeCharged: 0 }, {}]) {
      expect(feeNotStandard(input(snapshot(feeState(20)), sh('2026-03-05T10:00:00'), { events: [complete(data)] }), {})).toEqual([]);
    }
  });

  it('fires on a fee other than the standard, on a free item charged, without a receipt, and at a village room', () => {
    const fire = (s: CaseState, data: Record<string, unknown>, o: Partial<CaseSnapshot> = {}, e: Partial<SupervisionEvent> = {}) =>
      feeNotStandard(input(snapshot(s, o), sh('2026-03-05T10:00:00'), { events: [complete(data, e)] }), {}).map((f) => f.text);
    expect(fire(feeState(20), { feeCharged: 10, receiptNo: 'PJ-1' })).toEqual(['办结时登记收费 10 元，与法定标准 20 元不符。']);
    expect(fire(feeState(0), { feeCharged: 5, receiptNo: 'PJ-1' })).toEqual(['办结时登记收费 5 元，该事项不收费。']);
    expect(fire(feeState(20), { feeCharged: 20 })).toEqual(['办结时登记收费 20 元，未登记收费票据号码。']);
    expect(fire(feeState(20, { receivingLevel: 'village' }), { feeCharged: 20, receiptNo: 'PJ-1' }, { receivingOrgId: 'village' }, { orgId: 'village' })).toEqual([
      '办结时登记收费 20 元，村便民服务室不得收费。',
    ]);
  });

  it('property: with a receipt at a township, fires exactly when a positive fee differs from the standard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (standard, charged) => {
        const fired = feeNotStandard(input(snapshot(feeState(standard)), sh('2026-03-05T10:00:00'), { events: [complete({ feeCharged: charged, receiptNo: 'PJ-1' })] }), {});
        expect(fired.length).toBe(charged > 0 && charged !== standard ? 1 : 0);
      }),
    );
  });
});

describe('JC-09 到期后申请延期', () => {
  it('reads the due date in force at the time from the events, or the case', () => {
    const events = [ev('intake', ACCEPTED), ev('request-extension', sh('2026-03-10T10:00:00')), ev('approve-extension', sh('2026-03-10T11:00:00'), { dueAt: sh('2026-03-23T17:30:00'), previousDueAt: DUE })];
    expect(dueAtBefore(events, 1, sh('2026-03-23T17:30:00'))).toBe(DUE);
    expect(dueAtBefore([ev('accept', ACCEPTED, { dueAt: DUE }), ev('request-extension', DUE)], 1, null)).toBe(DUE);
    expect(dueAtBefore([ev('request-extension', DUE)], 0, DUE)).toBe(DUE);
  });

  it('fires on a request after the due date, silent on one at the due instant', () => {
    const s = snapshot(running());
    expect(extensionAfterDue(input(s, DUE, { events: [ev('request-extension', DUE, { days: 5 })] }), {})).toEqual([]);
    const [f] = extensionAfterDue(input(s, DUE, { events: [ev('request-extension', plus(DUE, 16 * 60), { days: 5 }, { byUserId: 'u-late' })] }), {});
    expect(f).toMatchObject({ ruleCode: 'extension-after-due', personId: 'u-late' });
    expect(f!.text).toBe('本件应于 2026-03-16 17:30 前办结，却于 2026-03-17 09:30 到期之后才申请延期，晚了 16 小时。');
  });

  it('property: fires exactly when the request came after the due date in force', () => {
    fc.assert(
      fc.property(offsetArb, (offset) => {
        const events = [ev('accept', ACCEPTED, { dueAt: DUE }), ev('request-extension', plus(DUE, offset), { days: 3 })];
        expect(extensionAfterDue(input(snapshot(running()), DUE, { events }), {}).length).toBe(offset > 0 ? 1 : 0);
      }),
    );
  });
});

describe('JC-10 受理登记明显晚于收件', () => {
  const RECEIVED = sh('2026-03-02T10:00:00'); // Monday

  it('fires on an acceptance more office hours than the threshold after the case arrived, silent at the threshold', () => {
    // 8 office hours after Monday 10:00: 10:00–12:00 (2 h), 14:30–17:30 (3 h), Tuesday 08:30–11:30 (3 h)
    const atThreshold = sh('2026-03-03T11:30:00');
    expect(workingMinutesBetween(time.calendar, new Date(RECEIVED), new Date(atThreshold), HOURS, time.timeZone)).toBe(480);
    const events = (acceptAt: string) => [ev('intake', sh('2026-02-27T09:00:00')), ev('receive', RECEIVED), ev('accept', acceptAt, {}, { byUserId: 'u-acceptor' })];
    expect(acceptanceBackdated(input(snapshot(running()), atThreshold, { events: events(atThreshold) }), { thresholdHours: 8 })).toEqual([]);
    const [f] = acceptanceBackdated(input(snapshot(running()), atThreshold, { events: events(plus(atThreshold, 1)) }), { thresholdHours: 8 });
    expect(f).toMatchObject({ ruleCode: 'acceptance-backdated', personId: 'u-acceptor' });
    expect(f!.text).toBe('本件于 2026-03-02 10:00 接收转报（上报）的办件，于 2026-03-03 11:31 才登记受理，相隔办公时间 8.0 小时，超过 8 小时；受理时间不能反映群众实际办事的时间。');
  });

  it('counts office hours only: received Friday at 17:00 and accepted Monday at 10:00 is two hours; measured from the intake when nothing was received', () => {
    const events = [ev('intake', sh('2026-03-06T17:00:00')), ev('accept', sh('2026-03-09T10:00:00'))];
    expect(acceptanceBackdated(input(snapshot(running()), sh('2026-03-09T10:00:00'), { events }), { thresholdHours: 1 })[0]!.lines).toContainEqual({ label: '相隔办公时间', value: '2.0 小时' });
    expect(acceptanceBackdated(input(snapshot(running()), sh('2026-03-09T10:00:00'), { events }), { thresholdHours: 2 })).toEqual([]);
  });

  it('property: accepting later never turns a firing silent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 60 }), fc.integer({ min: 0, max: 24 * 60 }), fc.integer({ min: 1, max: 24 }), (a, extra, hours) => {
        const fires = (acceptAt: string) =>
          acceptanceBackdated(input(snapshot(running()), acceptAt, { events: [ev('intake', RECEIVED), ev('accept', acceptAt)] }), { thresholdHours: hours }).length;
        const first = plus(RECEIVED, a);
        if (fires(first) === 1) expect(fires(plus(first, extra))).toBe(1);
      }),
    );
  });
});

describe('JC-11 否定报备异议逾期未答复', () => {
  const REVIEWED = sh('2026-03-02T10:00:00');
  const LIMIT = sh('2026-03-05T17:30:00'); // 3 working days, at the close
  const questioned = (o: Partial<CaseSnapshot> = {}) =>
    snapshot(stateIn('returned'), { refusalReview: 'questioned', refusalReviewedAt: REVIEWED, receivingOrgId: 'town', ...o });

  it('fires on an objection unanswered past its limit (the receiving center), silent at the limit and on an upheld refusal', () => {
    expect(answerLimit(REVIEWED, 3, time)).toBe(LIMIT);
    expect(objectionUnanswered(input(questioned(), LIMIT), { answerDays: 3 })).toEqual([]);
    const [f] = objectionUnanswered(input(questioned(), plus(LIMIT, 1)), { answerDays: 3 });
    expect(f).toMatchObject({ ruleCode: 'objection-unanswered', orgId: 'town', occurrence: `c1:${REVIEWED}` });
    expect(f!.text).toBe('中心主任于 2026-03-02 10:00 对本件的否定报备提出异议，窗口应于 2026-03-05 17:30 前答复，至 2026-03-05 17:31 仍未答复。');
    expect(objectionUnanswered(input(questioned({ refusalReview: 'upheld' }), sh('2026-04-01T10:00:00')), { answerDays: 3 })).toEqual([]);
  });

  it('property: fires exactly when answered (or looked at, unanswered) after the limit', () => {
    fc.assert(
      fc.property(offsetArb, fc.boolean(), (offset, answered) => {
        const when = plus(LIMIT, offset);
        const s = questioned(answered ? { refusalAnsweredAt: when } : {});
        expect(objectionUnanswered(input(s, answered ? sh('2026-05-01T10:00:00') : when), { answerDays: 3 }).length).toBe(offset > 0 ? 1 : 0);
      }),
    );
  });
});

describe('every rule together', () => {
  const everything = RULES.map((r) => ({ code: r.code, params: defaultParams(r) }));

  it('stays silent on a clean history: accepted, completed in time with the legal fee, delivered', () => {
    const events = [
      ev('intake', ACCEPTED, { kind: 'promised', missing: [] }),
      ev('pause', sh('2026-03-03T10:00:00'), { reason: '公示', limitDays: 7 }),
      ev('resume', sh('2026-03-09T10:00:00'), { dueAt: sh('2026-03-20T17:30:00') }),
      ev('complete', sh('2026-03-12T10:00:00'), { outcome: 'approved', feeCharged: 0 }),
    ];
    const s = snapshot(stateIn('completed', { acceptedAt: ACCEPTED, dueAt: sh('2026-03-20T17:30:00') }), { completedAt: sh('2026-03-12T10:00:00') });
    expect(evaluateCase(input(s, sh('2026-06-01T10:00:00'), { events }), everything)).toEqual([]);
  });

  it('evaluating again finds the same occurrences: the keys are stable', () => {
    const s = snapshot(running());
    const now = sh('2026-04-01T10:00:00');
    const a = evaluateCase(input(s, now), everything).map(occurrenceKey);
    const b = evaluateCase(input(s, plus(now, 600)), everything).map(occurrenceKey);
    expect(a).toEqual(['promise-overrun:c1']);
    expect(b).toEqual(a);
  });
});

describe('a violation\'s life', () => {
  const actor = { orgId: 'town', roles: ['clerk'] as const };
  it('the responsible center explains an open one once, with a reason', () => {
    expect(explainProblem({ status: 'open', orgId: 'town' }, { ...actor, roles: [...actor.roles] }, '村委会延误')).toBeNull();
    expect(explainProblem({ status: 'open', orgId: 'other' }, { ...actor, roles: [...actor.roles] }, '说明')?.code).toBe('NOT_RESPONSIBLE_CENTER');
    expect(explainProblem({ status: 'explained', orgId: 'town' }, { ...actor, roles: [...actor.roles] }, '再说明')?.message).toContain('不能重复说明');
    expect(explainProblem({ status: 'open', orgId: 'town' }, { ...actor, roles: [...actor.roles] }, '  ')?.code).toBe('REASON_REQUIRED');
  });
  it('a supervisor decides an open or explained one once, with a reason', () => {
    expect(decideProblem({ status: 'explained' }, '属实')).toBeNull();
    expect(decideProblem({ status: 'open' }, '属实')).toBeNull();
    expect(decideProblem({ status: 'confirmed' }, '改判')?.code).toBe('VIOLATION_DECIDED');
    expect(decideProblem({ status: 'explained' }, '')?.code).toBe('REASON_REQUIRED');
  });
});
