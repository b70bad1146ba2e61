import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  TRANSITIONS,
  allowedActions,
  applyDecision,
  decide,
  type ActionInput,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type DecideContext,
  type TransitionOutcome,
} from '../../../src/domain/cases/index.js';
import { NOW, SAMPLE_INPUTS, countyItem, ctx, expectOk, jointItem, stateIn } from './fixtures.js';

/** The state machine as the product owner reads it. Written by hand so that a change to the table must change this too. */
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, TransitionOutcome[]>>> = {
  submitted: {
    accept: [{ to: 'in_progress', clock: 'start' }],
    'notify-supplement': [{ to: 'awaiting_supplement', clock: 'none' }],
    return: [{ to: 'returned', clock: 'stop' }],
    forward: [{ to: 'submitted', clock: 'none' }],
    receive: [{ to: 'submitted', clock: 'none' }],
    transfer: [{ to: 'submitted', clock: 'none' }],
    withdraw: [{ to: 'withdrawn', clock: 'stop' }],
  },
  awaiting_supplement: {
    'notify-supplement': [{ to: 'awaiting_supplement', clock: 'none' }],
    supplement: [
      { to: 'in_progress', clock: 'start' },
      { to: 'in_progress', clock: 'resume' },
      { to: 'awaiting_supplement', clock: 'none' },
      { to: 'submitted', clock: 'none' },
    ],
    return: [{ to: 'returned', clock: 'stop' }],
    transfer: [{ to: 'awaiting_supplement', clock: 'none' }],
    withdraw: [{ to: 'withdrawn', clock: 'stop' }],
  },
  in_progress: {
    'notify-supplement': [{ to: 'awaiting_supplement', clock: 'pause' }],
    return: [{ to: 'returned', clock: 'stop' }],
    pause: [{ to: 'paused', clock: 'pause' }],
    'request-extension': [{ to: 'in_progress', clock: 'none' }],
    'approve-extension': [{ to: 'in_progress', clock: 'none' }],
    'reject-extension': [{ to: 'in_progress', clock: 'none' }],
    review: [{ to: 'in_progress', clock: 'none' }],
    escalate: [{ to: 'in_progress', clock: 'none' }],
    receive: [{ to: 'in_progress', clock: 'none' }],
    transfer: [{ to: 'in_progress', clock: 'none' }],
    complete: [{ to: 'completed', clock: 'stop' }],
    withdraw: [{ to: 'withdrawn', clock: 'stop' }],
  },
  paused: {
    resume: [{ to: 'in_progress', clock: 'resume' }],
    withdraw: [{ to: 'withdrawn', clock: 'stop' }],
  },
  completed: {
    deliver: [{ to: 'delivered', clock: 'none' }],
  },
  returned: {},
  withdrawn: {},
  delivered: {},
};

interface Scenario<A extends CaseAction = CaseAction> {
  status: CaseStatus;
  action: A;
  expect: TransitionOutcome;
  state: CaseState;
  input: ActionInput<A>;
  ctx?: DecideContext;
}
const s = <A extends CaseAction>(x: Scenario<A>): Scenario => x as unknown as Scenario;

const forwardedFromVillage = { receivingLevel: 'village', holderLevel: 'village', transit: { from: 'village', to: 'township', urgent: false, at: NOW.toISOString() } } as const;

/** One state in which each documented outcome happens. */
const SCENARIOS: Scenario[] = [
  // submitted
  s({ status: 'submitted', action: 'accept', expect: { to: 'in_progress', clock: 'start' }, state: stateIn('submitted'), input: {} }),
  s({ status: 'submitted', action: 'notify-supplement', expect: { to: 'awaiting_supplement', clock: 'none' }, state: stateIn('submitted'), input: { missing: ['结婚证（已婚的提供）'] } }),
  s({ status: 'submitted', action: 'return', expect: { to: 'returned', clock: 'stop' }, state: stateIn('submitted'), input: SAMPLE_INPUTS.return }),
  s({ status: 'submitted', action: 'forward', expect: { to: 'submitted', clock: 'none' }, state: stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village' }), input: { urgent: true }, ctx: ctx('village', ['agent']) }),
  s({ status: 'submitted', action: 'receive', expect: { to: 'submitted', clock: 'none' }, state: stateIn('submitted', forwardedFromVillage), input: {} }),
  s({ status: 'submitted', action: 'transfer', expect: { to: 'submitted', clock: 'none' }, state: stateIn('submitted'), input: { toWindowId: 'w2' } }),
  s({ status: 'submitted', action: 'withdraw', expect: { to: 'withdrawn', clock: 'stop' }, state: stateIn('submitted'), input: {} }),
  // awaiting_supplement
  s({ status: 'awaiting_supplement', action: 'notify-supplement', expect: { to: 'awaiting_supplement', clock: 'none' }, state: stateIn('awaiting_supplement'), input: { missing: ['居民身份证'], defectNote: '身份证已过有效期' } }),
  s({ status: 'awaiting_supplement', action: 'supplement', expect: { to: 'in_progress', clock: 'start' }, state: stateIn('awaiting_supplement'), input: { materials: ['结婚证（已婚的提供）'] } }),
  s({ status: 'awaiting_supplement', action: 'supplement', expect: { to: 'in_progress', clock: 'resume' }, state: stateIn('awaiting_supplement', { clock: 'paused', pausedAt: NOW.toISOString(), acceptedAt: NOW.toISOString() }), input: { materials: ['结婚证（已婚的提供）'] } }),
  s({ status: 'awaiting_supplement', action: 'supplement', expect: { to: 'awaiting_supplement', clock: 'none' }, state: stateIn('awaiting_supplement', { supplementNotice: { missing: ['居民户口簿', '结婚证（已婚的提供）'], defectNote: null, at: NOW.toISOString() }, providedMaterials: ['申请表', '居民身份证'] }), input: { materials: ['居民户口簿'] } }),
  s({ status: 'awaiting_supplement', action: 'supplement', expect: { to: 'submitted', clock: 'none' }, state: stateIn('awaiting_supplement', { receivingLevel: 'village', holderLevel: 'village' }), input: { materials: ['结婚证（已婚的提供）'] }, ctx: ctx('village', ['agent']) }),
  s({ status: 'awaiting_supplement', action: 'return', expect: { to: 'returned', clock: 'stop' }, state: stateIn('awaiting_supplement'), input: SAMPLE_INPUTS.return }),
  s({ status: 'awaiting_supplement', action: 'transfer', expect: { to: 'awaiting_supplement', clock: 'none' }, state: stateIn('awaiting_supplement'), input: { toWindowId: 'w2' } }),
  s({ status: 'awaiting_supplement', action: 'withdraw', expect: { to: 'withdrawn', clock: 'stop' }, state: stateIn('awaiting_supplement'), input: {} }),
  // in_progress
  s({ status: 'in_progress', action: 'notify-supplement', expect: { to: 'awaiting_supplement', clock: 'pause' }, state: stateIn('in_progress'), input: { missing: ['结婚证（已婚的提供）'] } }),
  s({ status: 'in_progress', action: 'return', expect: { to: 'returned', clock: 'stop' }, state: stateIn('in_progress'), input: SAMPLE_INPUTS.return }),
  s({ status: 'in_progress', action: 'pause', expect: { to: 'paused', clock: 'pause' }, state: stateIn('in_progress'), input: { reason: '公示', limitDays: 7 } }),
  s({ status: 'in_progress', action: 'request-extension', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress'), input: { reason: '需补充调查', days: 10 } }),
  s({ status: 'in_progress', action: 'approve-extension', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress', { pendingExtension: { reason: 'x', days: 5, requestedAt: NOW.toISOString() } }), input: {}, ctx: ctx('township', ['director']) }),
  s({ status: 'in_progress', action: 'reject-extension', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress', { pendingExtension: { reason: 'x', days: 5, requestedAt: NOW.toISOString() } }), input: {}, ctx: ctx('township', ['director']) }),
  s({ status: 'in_progress', action: 'review', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress', { kind: 'joint', item: jointItem() }), input: { department: '乡镇农业农村办', opinion: 'agree' } }),
  s({ status: 'in_progress', action: 'escalate', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress', { kind: 'escalated', item: countyItem() }), input: {} }),
  s({ status: 'in_progress', action: 'receive', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress', { kind: 'escalated', item: countyItem(), transit: { from: 'township', to: 'county', urgent: false, at: NOW.toISOString() } }), input: {}, ctx: ctx('county') }),
  s({ status: 'in_progress', action: 'transfer', expect: { to: 'in_progress', clock: 'none' }, state: stateIn('in_progress'), input: { toWindowId: 'w2' } }),
  s({ status: 'in_progress', action: 'complete', expect: { to: 'completed', clock: 'stop' }, state: stateIn('in_progress'), input: { outcome: 'approved', resultNo: '2025-001' } }),
  s({ status: 'in_progress', action: 'withdraw', expect: { to: 'withdrawn', clock: 'stop' }, state: stateIn('in_progress'), input: {} }),
  // paused
  s({ status: 'paused', action: 'resume', expect: { to: 'in_progress', clock: 'resume' }, state: stateIn('paused'), input: {} }),
  s({ status: 'paused', action: 'withdraw', expect: { to: 'withdrawn', clock: 'stop' }, state: stateIn('paused'), input: {} }),
  // completed
  s({ status: 'completed', action: 'deliver', expect: { to: 'delivered', clock: 'none' }, state: stateIn('completed'), input: { method: 'window' } }),
];

const key = (status: CaseStatus, action: CaseAction) => `${status} × ${action}`;

describe('the transition table', () => {
  it('is exactly the documented matrix (status × action → outcomes)', () => {
    const actual = Object.fromEntries(
      CASE_STATUSES.map((status) => [
        status,
        Object.fromEntries(
          CASE_ACTIONS.filter((a) => TRANSITIONS[status][a]).map((a) => [a, [...TRANSITIONS[status][a]!.outcomes]]),
        ),
      ]),
    );
    expect(actual).toEqual(EXPECTED);
  });

  it('has 27 rows over 8 statuses × 17 actions; the terminal statuses have none', () => {
    const rows = CASE_STATUSES.flatMap((st) => CASE_ACTIONS.filter((a) => TRANSITIONS[st][a]));
    expect(rows).toHaveLength(27);
    for (const st of ['returned', 'withdrawn', 'delivered'] as const) expect(Object.keys(TRANSITIONS[st])).toEqual([]);
  });

  it('every documented outcome has a scenario below', () => {
    const covered = new Set(SCENARIOS.map((sc) => `${key(sc.status, sc.action)} → ${sc.expect.to}/${sc.expect.clock}`));
    for (const st of CASE_STATUSES) {
      for (const [action, outcomes] of Object.entries(EXPECTED[st])) {
        for (const o of outcomes) expect(covered).toContain(`${key(st, action as CaseAction)} → ${o.to}/${o.clock}`);
      }
    }
  });
});

describe('allowed pairs produce the documented status and clock effect', () => {
  it.each(SCENARIOS.map((sc) => [`${key(sc.status, sc.action)} → ${sc.expect.to}/${sc.expect.clock}`, sc] as const))('%s', (_name, sc) => {
    expect(sc.state.status).toBe(sc.status);
    const decision = expectOk(decide(sc.state, sc.action, sc.input as never, sc.ctx ?? ctx()));
    expect({ to: decision.to, clock: decision.clock }).toEqual(sc.expect);
    expect(decision.from).toBe(sc.status);
    expect(allowedActions(sc.state)).toContain(sc.action);
    const after = applyDecision(sc.state, decision);
    expect(after.status).toBe(sc.expect.to);
  });
});

describe('every other pair is ACTION_NOT_ALLOWED', () => {
  const forbidden = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.filter((action) => !EXPECTED[status][action]).map((action) => [key(status, action), status, action] as const),
  );

  it('there are 8 × 17 − 27 = 109 of them', () => {
    expect(forbidden).toHaveLength(8 * 17 - 27);
  });

  it.each(forbidden)('%s', (_name, status, action) => {
    const state = stateIn(status);
    const result = decide(state, action, SAMPLE_INPUTS[action] as never, ctx('township', ['director', 'clerk']));
    expect(result).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED' });
    expect(allowedActions(state)).not.toContain(action);
  });

  it('tells the clerk what can be done instead', () => {
    const r = decide(stateIn('awaiting_supplement'), 'complete', SAMPLE_INPUTS.complete, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('待补正');
      expect(r.message).toContain('现在可以办理：');
      expect(r.message).toContain('登记补正材料');
    }
    const t = decide(stateIn('delivered'), 'withdraw', {}, ctx());
    expect(!t.ok && t.message).toContain('办理已经结束');
  });
});

describe('allowedActions', () => {
  it('lists only rows whose state guards pass', () => {
    expect(allowedActions(stateIn('submitted'))).toEqual(['accept', 'notify-supplement', 'return', 'transfer', 'withdraw']);
    expect(allowedActions(stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village' }))).toEqual([
      'notify-supplement',
      'return',
      'forward',
      'transfer',
      'withdraw',
    ]);
    expect(allowedActions(stateIn('in_progress'))).toEqual([
      'notify-supplement',
      'return',
      'pause',
      'request-extension',
      'transfer',
      'complete',
      'withdraw',
    ]);
    for (const st of ['returned', 'withdrawn', 'delivered'] as const) expect(allowedActions(stateIn(st))).toEqual([]);
  });

  it('with an actor, only what this actor may do', () => {
    const pending = stateIn('in_progress', { pendingExtension: { reason: 'x', days: 3, requestedAt: NOW.toISOString() } });
    expect(allowedActions(pending, { level: 'township', roles: ['clerk'] })).not.toContain('approve-extension');
    expect(allowedActions(pending, { level: 'township', roles: ['director'] })).toContain('approve-extension');
    expect(allowedActions(pending, { level: 'county', roles: ['director'] })).toEqual([]);
  });

  it('in transit only receive (by the receiving level) and withdraw', () => {
    const st = stateIn('submitted', forwardedFromVillage);
    expect(allowedActions(st)).toEqual(['receive', 'withdraw']);
    expect(allowedActions(st, { level: 'township', roles: ['clerk'] })).toEqual(['receive']);
    expect(allowedActions(st, { level: 'village', roles: ['agent'] })).toEqual(['withdraw']);
  });
});

describe('what the decisions change', () => {
  it('accept starts the clock and asks for the deadlines', () => {
    const d = expectOk(decide(stateIn('submitted'), 'accept', {}, ctx()));
    expect(d.patch.acceptedAt).toBe(NOW.toISOString());
    expect(d.deadline).toEqual({ type: 'start', from: NOW.toISOString(), promisedDays: 10, legalDays: 20 });
    expect(applyDecision(stateIn('submitted'), d).clock).toBe('running');
  });

  it('resume after a special step shifts dueAt, and legalDueAt only when the step does not count', () => {
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    const notCounting = expectOk(decide(stateIn('paused'), 'resume', {}, ctx('township', ['clerk'], later)));
    expect(notCounting.deadline).toEqual({ type: 'shift', pausedAt: NOW.toISOString(), resumedAt: later.toISOString(), legal: true });
    const counting = stateIn('paused', { activeStep: { name: '现场踏勘', limitDays: 5, countsTowardLegal: true } });
    expect(expectOk(decide(counting, 'resume', {}, ctx())).deadline).toMatchObject({ type: 'shift', legal: false });
    expect(applyDecision(counting, expectOk(decide(counting, 'resume', {}, ctx())))).toMatchObject({ activeStep: null, pausedAt: null, clock: 'running' });
  });

  it('forward and receive record the hop; receive moves the holder', () => {
    const atVillage = stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village' });
    const fwd = applyDecision(atVillage, expectOk(decide(atVillage, 'forward', { urgent: true }, ctx('village', ['agent']))));
    expect(fwd.transit).toEqual({ from: 'village', to: 'township', urgent: true, at: NOW.toISOString() });
    const rcv = applyDecision(fwd, expectOk(decide(fwd, 'receive', {}, ctx('township'))));
    expect(rcv).toMatchObject({ holderLevel: 'township', transit: null, status: 'submitted' });
    expect(allowedActions(rcv)).toContain('accept');
  });

  it('an escalated case goes to the county and its result comes back to the receiving township', () => {
    let st = stateIn('in_progress', { kind: 'escalated', item: countyItem() });
    expect(allowedActions(st)).not.toContain('complete'); // the township cannot decide a county item
    st = applyDecision(st, expectOk(decide(st, 'escalate', {}, ctx())));
    expect(st.transit).toMatchObject({ from: 'township', to: 'county' });
    st = applyDecision(st, expectOk(decide(st, 'receive', {}, ctx('county'))));
    expect(st.holderLevel).toBe('county');
    const done = expectOk(decide(st, 'complete', { outcome: 'approved', resultNo: 'X-1' }, ctx('county')));
    expect(done.patch.holderLevel).toBe('township');
    st = applyDecision(st, done);
    expect(st).toMatchObject({ status: 'completed', clock: 'stopped', holderLevel: 'township', outcome: 'approved', resultNo: 'X-1' });
    st = applyDecision(st, expectOk(decide(st, 'deliver', { method: 'window' }, ctx('township'))));
    expect(st).toMatchObject({ status: 'delivered', delivery: { method: 'window', at: NOW.toISOString() } });
  });

  it('approve-extension adds the days and clears the request', () => {
    const st = stateIn('in_progress', { pendingExtension: { reason: 'x', days: 4, requestedAt: NOW.toISOString() }, extensionDays: 2 });
    const d = expectOk(decide(st, 'approve-extension', {}, ctx('township', ['director'])));
    expect(d.patch).toEqual({ extensionDays: 6, pendingExtension: null });
    expect(d.deadline).toEqual({ type: 'extend', days: 4 });
  });

  it('completion and return close whatever was open', () => {
    const st = stateIn('in_progress', { pendingExtension: { reason: 'x', days: 4, requestedAt: NOW.toISOString() } });
    const after = applyDecision(st, expectOk(decide(st, 'complete', { outcome: 'denied', reasons: '不符合条件', basis: '第三条' }, ctx())));
    expect(after).toMatchObject({ pendingExtension: null, outcome: 'denied', refusal: { reasons: '不符合条件', basis: '第三条' }, clock: 'stopped' });
  });

  it('decide never changes the state it is given', () => {
    const st = stateIn('awaiting_supplement');
    const copy = structuredClone(st);
    decide(st, 'supplement', { materials: ['结婚证（已婚的提供）'] }, ctx());
    decide(st, 'notify-supplement', { missing: ['居民身份证'], defectNote: '过期' }, ctx());
    expect(st).toEqual(copy);
  });
});
