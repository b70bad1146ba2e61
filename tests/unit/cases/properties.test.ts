import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORG_LEVELS, isAbove, type OrgLevel } from '../../../src/domain/orgs/tree.js';
import {
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_STATUSES,
  TRANSITIONS,
  allowedActions,
  applyDecision,
  decide,
  isTerminal,
  openCase,
  outstandingMaterials,
  type ActionInput,
  type CaseAction,
  type CaseItemFacts,
  type CaseState,
  type CaseStatus,
  type ClockState,
  type Decision,
} from '../../../src/domain/cases/index.js';
import { waitingHop, type HopKind } from '../../../src/domain/cases/hops.js';
import { NOW, SAMPLE_INPUTS, item as baseItem, stateIn } from './fixtures.js';

const MATERIALS = baseItem().materials.map((m) => m.name);
const DEPARTMENTS = ['甲局', '乙局', '丙局'];
const STEPS = [
  { name: '公示', limitDays: 7, countsTowardLegal: false },
  { name: '现场踏勘', limitDays: 5, countsTowardLegal: true },
];

/** The clock each status allows. */
const CLOCK_BY_STATUS: Record<CaseStatus, readonly ClockState[]> = {
  submitted: ['not_started'],
  awaiting_supplement: ['not_started', 'paused'],
  in_progress: ['running'],
  paused: ['paused'],
  completed: ['stopped'],
  returned: ['stopped'],
  withdrawn: ['stopped'],
  delivered: ['stopped'],
};

const itemArb: fc.Arbitrary<CaseItemFacts> = fc
  .record({
    level: fc.constantFrom<OrgLevel>(...ORG_LEVELS),
    kind: fc.constantFrom<'immediate' | 'promised'>('immediate', 'promised'),
    promisedDays: fc.integer({ min: 0, max: 15 }),
    legalExtra: fc.option(fc.integer({ min: 0, max: 15 })),
    joint: fc.subarray(DEPARTMENTS),
    specialSteps: fc.subarray(STEPS),
    inPersonRequired: fc.boolean(),
    proxyAllowed: fc.boolean(),
    onlineAllowed: fc.boolean(),
    fee: fc.constantFrom(0, 20),
    acceptPick: fc.nat(),
  })
  .map((r) => {
    const notAbove = ORG_LEVELS.filter((l) => !isAbove(l, r.level));
    const acceptLevels = notAbove.filter((_l, i) => ((r.acceptPick >> i) & 1) === 1 || notAbove[i] === r.level);
    return baseItem({
      level: r.level,
      acceptLevels,
      kind: r.kind,
      promisedDays: r.promisedDays,
      legalDays: r.legalExtra === null ? null : r.promisedDays + r.legalExtra,
      joint: r.joint,
      specialSteps: r.specialSteps,
      inPersonRequired: r.inPersonRequired,
      proxyAllowed: r.proxyAllowed,
      onlineAllowed: r.onlineAllowed,
      fee: { amount: r.fee },
    });
  });

/** Random states: new cases from random intakes, and consistent states in any status with a random item. */
const startArb: fc.Arbitrary<CaseState> = fc.oneof(
  fc
    .record({
      item: itemArb,
      pick: fc.nat(),
      channel: fc.constantFrom(...CASE_CHANNELS),
      provided: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      listed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      proxy: fc.boolean(),
    })
    .map((r) => {
      const receivingLevel = r.item.acceptLevels[r.pick % r.item.acceptLevels.length]!;
      const channel = r.channel === 'online' && !r.item.onlineAllowed ? 'window' : r.channel;
      const proxy = r.proxy && r.item.proxyAllowed && !r.item.inPersonRequired ? { authorized: true } : null;
      // every material stated (the intake refuses a checklist that leaves one out): one not "listed" is an
      // attachment that does not apply, or a main material not handed over
      const materials = baseItem().materials.map((m, i) =>
        r.listed[i] ? { name: m.name, provided: r.provided[i]! } : m.main ? { name: m.name, provided: false } : { name: m.name, provided: false, notApplicable: true },
      );
      const opened = openCase({ item: r.item, receivingLevel, channel, materials, proxy }, { now: NOW }, { reasons: '缺主件', basis: '办事指南' });
      if (!opened.ok) throw new Error(`generator produced a refused intake: ${opened.code}`);
      return opened.state;
    }),
  fc.record({ status: fc.constantFrom(...CASE_STATUSES), item: itemArb }).map(({ status, item }) =>
    stateIn(status, {
      item,
      kind: item.joint.length > 0 ? 'joint' : item.kind,
      holderLevel: item.level,
      receivingLevel: item.level,
      activeStep: status === 'paused' ? (item.specialSteps[0] ?? STEPS[0]!) : null,
    }),
  ),
);

/**
 * Start states that travel between the levels too: a case waiting at the village for the township (or decided
 * there by a county item), and an escalated case in progress at the township. startArb alone rarely has them.
 */
const travellingArb: fc.Arbitrary<CaseState> = fc.oneof(
  startArb,
  itemArb
    .filter((item) => item.level !== 'village')
    .map((item) => stateIn('submitted', { item, kind: item.joint.length > 0 ? 'joint' : item.kind, receivingLevel: 'village', holderLevel: 'village' })),
  itemArb
    .filter((item) => item.level === 'county')
    .map((item) => stateIn('in_progress', { item, kind: 'escalated', receivingLevel: 'township', holderLevel: 'township' })),
);

interface Command {
  action: CaseAction;
  pick: number;
  days: number;
  flags: [boolean, boolean, boolean];
  actor: 'holder' | 'receiver' | OrgLevel;
  director: boolean;
  advanceHours: number;
}

const commandArb: fc.Arbitrary<Command> = fc.record({
  action: fc.constantFrom(...CASE_ACTIONS),
  pick: fc.nat(),
  days: fc.integer({ min: 1, max: 12 }),
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  actor: fc.constantFrom<Command['actor']>('holder', 'holder', 'holder', 'receiver', ...ORG_LEVELS),
  director: fc.boolean(),
  advanceHours: fc.integer({ min: 0, max: 120 }),
});

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** A plausible input for the action in this state: sometimes right, sometimes breaking a rule. */
function inputFor(state: CaseState, c: Command, now: Date): ActionInput<CaseAction> {
  const [a, b, d] = c.flags;
  const names = a ? MATERIALS : [...MATERIALS, '不在指南的材料'];
  switch (c.action) {
    case 'notify-supplement':
      return { missing: [at(names, c.pick), at(names, c.pick >> 3)], ...(b ? { defectNote: '材料有缺陷' } : {}) };
    case 'supplement': {
      const outstanding = outstandingMaterials(state);
      return { materials: d && outstanding.length > 0 ? outstanding : [at(names, c.pick)] };
    }
    case 'return':
      return { ...(a ? { reasons: '不符合条件' } : {}), ...(b ? { basis: '有关规定' } : {}) };
    case 'pause':
      return { reason: a ? at(STEPS, c.pick).name : '等领导签字', limitDays: c.days };
    case 'request-extension':
      return { reason: '需要补充调查', days: c.days };
    case 'review':
      return {
        department: a ? at(state.item.joint.length > 0 ? state.item.joint : DEPARTMENTS, c.pick) : '丁局',
        opinion: b ? 'agree' : 'disagree',
        ...(d ? { comment: '意见' } : {}),
      };
    case 'transfer':
      return { toWindowId: `w${c.pick % 3}` };
    case 'complete':
      return {
        outcome: b ? 'approved' : 'denied',
        ...(a ? { reasons: '不符合条件', basis: '有关规定' } : {}),
        ...(d ? { feeCharged: c.pick % 40 } : {}),
      };
    case 'deliver':
      return { method: at(['window', 'mail', 'agent'] as const, c.pick), ...(a ? { at: new Date(now.getTime() - 3600_000).toISOString() } : {}) };
    case 'forward':
      return { urgent: a };
    default:
      return SAMPLE_INPUTS[c.action];
  }
}

function actorFor(state: CaseState, c: Command) {
  const level = c.actor === 'holder' ? state.holderLevel : c.actor === 'receiver' ? (state.transit?.to ?? state.holderLevel) : c.actor;
  return { level, roles: c.director ? ['director', 'clerk'] : ['clerk'] };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** What the service does with `decision.deadline` (calendar days stand in for working days here). */
function withDeadlines(state: CaseState, decision: Decision): CaseState {
  const dl = decision.deadline;
  if (!dl) return state;
  if (dl.type === 'start') {
    return { ...state, dueAt: addDays(dl.from, dl.promisedDays), legalDueAt: dl.legalDays === null ? null : addDays(dl.from, dl.legalDays) };
  }
  if (dl.type === 'extend') return { ...state, dueAt: state.dueAt && addDays(state.dueAt, dl.days) };
  const paused = (Date.parse(dl.resumedAt) - Date.parse(dl.pausedAt)) / 86_400_000;
  return {
    ...state,
    dueAt: state.dueAt && addDays(state.dueAt, paused),
    legalDueAt: dl.legal && state.legalDueAt ? addDays(state.legalDueAt, paused) : state.legalDueAt,
  };
}

function checkInvariants(state: CaseState) {
  expect(CASE_STATUSES).toContain(state.status);
  expect(CLOCK_BY_STATUS[state.status]).toContain(state.clock);
  expect(state.pausedAt !== null).toBe(state.clock === 'paused');
  expect(state.activeStep !== null).toBe(state.status === 'paused');
  if (state.transit !== null) expect(['submitted', 'in_progress']).toContain(state.status);
  if (isTerminal(state.status)) {
    expect(state.clock).not.toBe('running');
    expect(state.pendingExtension).toBeNull();
  }
  if (state.status === 'awaiting_supplement') expect(state.supplementNotice).not.toBeNull();
  if (state.status === 'completed' || state.status === 'delivered') {
    expect(state.outcome).not.toBeNull();
    expect(state.holderLevel).toBe(state.receivingLevel);
  }
  if (state.outcome === 'denied' || state.status === 'returned') {
    expect(state.refusal?.reasons).toBeTruthy();
    expect(state.refusal?.basis).toBeTruthy();
  }
}

function run(start: CaseState, commands: readonly Command[], onStep?: (before: CaseState, c: Command, result: ReturnType<typeof decide>, after: CaseState) => void) {
  let state = start;
  let now = NOW;
  checkInvariants(state);
  for (const c of commands) {
    now = new Date(now.getTime() + c.advanceHours * 3600_000);
    const actor = actorFor(state, c);
    const result = decide(state, c.action, inputFor(state, c, now) as never, { now, actor });
    const before = state;
    if (result.ok) {
      // a successful action is always one the state offers to this actor, with a declared outcome
      expect(allowedActions(state, actor)).toContain(c.action);
      expect(TRANSITIONS[state.status][c.action]!.outcomes).toContainEqual({ to: result.to, clock: result.clock });
      state = withDeadlines(applyDecision(state, result), result);
    }
    onStep?.(before, c, result, state);
    checkInvariants(state);
  }
  return state;
}

const PARAMS = { numRuns: 400 };
const sequences = fc.array(commandArb, { minLength: 1, maxLength: 40 });

describe('properties of the state machine', () => {
  it('random action sequences from random states never leave the status set and keep the clock consistent', () => {
    fc.assert(fc.property(startArb, sequences, (start, commands) => void run(start, commands)), PARAMS);
  });

  it('terminal states accept nothing', () => {
    fc.assert(
      fc.property(startArb, sequences, (start, commands) => {
        const end = run(start, commands);
        if (!isTerminal(end.status)) return;
        expect(allowedActions(end)).toEqual([]);
        for (const action of CASE_ACTIONS) {
          for (const level of ORG_LEVELS) {
            const r = decide(end, action, SAMPLE_INPUTS[action] as never, { now: NOW, actor: { level, roles: ['director'] } });
            expect(r).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED' });
          }
        }
      }),
      PARAMS,
    );
  });

  it('the clock is never running in a terminal state', () => {
    fc.assert(
      fc.property(startArb, sequences, (start, commands) => {
        run(start, commands, (_b, _c, _r, after) => {
          if (isTerminal(after.status)) expect(after.clock).not.toBe('running');
        });
      }),
      PARAMS,
    );
  });

  it('at most one supplement notice ever: once issued it is never replaced', () => {
    fc.assert(
      fc.property(startArb, sequences, (start, commands) => {
        let issued = 0;
        let notice = start.supplementNotice;
        if (notice) issued++;
        run(start, commands, (_before, _c, result, after) => {
          if (result.ok && result.patch.supplementNotice !== undefined) issued++;
          if (notice) expect(after.supplementNotice).toEqual(notice);
          notice ??= after.supplementNotice;
        });
        expect(issued).toBeLessThanOrEqual(1);
      }),
      PARAMS,
    );
  });

  it('a supplement or defect request never asks for a material the guide does not list', () => {
    fc.assert(
      fc.property(startArb, sequences, (start, commands) => {
        const end = run(start, commands);
        const requested = [...(end.supplementNotice?.missing ?? []), ...end.defectRequests.flatMap((d) => d.materials)];
        for (const name of requested) expect(MATERIALS).toContain(name);
      }),
      PARAMS,
    );
  });

  it('a rejected action changes nothing and names a rule', () => {
    fc.assert(
      fc.property(startArb, commandArb, (start, c) => {
        const copy = structuredClone(start);
        const r = decide(start, c.action, inputFor(start, c, NOW) as never, { now: NOW, actor: actorFor(start, c) });
        expect(start).toEqual(copy);
        if (!r.ok) expect(r.code).toMatch(/^[A-Z_]+$/);
      }),
      PARAMS,
    );
  });

  it("every decision names its consequences consistently: the event's from/to and the placement are the state's", () => {
    fc.assert(
      fc.property(travellingArb, sequences, (start, commands) => {
        run(start, commands, (before, c, result, after) => {
          if (!result.ok) return;
          expect(result.event).toMatchObject({ type: c.action, from: before.status, to: after.status });
          expect(result.from).toBe(before.status);
          expect(result.state.status).toBe(result.to);
          expect(result.placement).toEqual({ holder: result.state.holderLevel, transit: result.state.transit?.to ?? null });
          // the decision's state is the table's patch applied, nothing else
          expect(result.state).toEqual({ ...before, ...result.patch, status: result.to, clock: result.state.clock });
        });
      }),
      PARAMS,
    );
  });

  it('hops are opened and closed consistently: one unsent hop while the case waits, sent only from there, none left when it ends', () => {
    const sent = new Set<string>();
    fc.assert(
      fc.property(travellingArb, sequences, (start, commands) => {
        // what the hop rows would be: kind → sent or not (settle keeps an open hop rather than opening a second)
        const hops = new Map<HopKind, { sent: boolean }>();
        const waiting = waitingHop(start);
        if (waiting) hops.set(waiting, { sent: false });
        if (start.transit) hops.set(start.transit.to === 'county' ? 'township-county' : 'village-township', { sent: true });
        run(start, commands, (_before, c, result, after) => {
          if (!result.ok) return;
          for (const change of result.hops) {
            if (change.type === 'open') {
              expect(change.kind === 'hand-back' || change.kind === waitingHop(after)).toBe(true);
              if (!hops.has(change.kind)) hops.set(change.kind, { sent: change.sent });
            } else if (change.type === 'send') {
              expect(c.action).toBe(change.kind === 'village-township' ? 'forward' : 'escalate');
              expect(hops.get(change.kind)).toEqual({ sent: false });
              hops.set(change.kind, { sent: true });
              sent.add(change.kind);
            } else if (change.type === 'receive') {
              if (change.kind !== 'hand-back') expect(hops.get(change.kind)).toEqual({ sent: true });
              hops.delete(change.kind);
            } else {
              expect(['returned', 'withdrawn']).toContain(after.status);
              for (const [kind, hop] of hops) if (!hop.sent) hops.delete(kind);
            }
          }
          const kind = waitingHop(after);
          if (kind) expect(hops.get(kind)).toEqual({ sent: false });
          if (after.transit) expect(hops.get(after.transit.to === 'county' ? 'township-county' : 'village-township')).toEqual({ sent: true });
          // a hop sent up is received with the case (a case withdrawn on its way leaves its hop as it was)
          const onTheWay = [...hops].filter(([k, h]) => h.sent && k !== 'hand-back').map(([k]) => k);
          if (after.status !== 'withdrawn') expect(onTheWay.length).toBe(after.transit ? 1 : 0);
          if (after.status === 'returned' || after.status === 'withdrawn') expect([...hops.values()].filter((h) => !h.sent)).toEqual([]);
        });
      }),
      PARAMS,
    );
    // not vacuous: cases were sent up both ways
    expect([...sent].sort()).toEqual(['township-county', 'village-township']);
  });

  it('intake is a decision of the same shape: from nothing to its first status, with the hop it starts waiting for', () => {
    fc.assert(
      fc.property(startArb, (state) => {
        // startArb's new cases come from openCase; the others stand in for what it could open
        const opened = openCase(
          { item: state.item, receivingLevel: state.receivingLevel, channel: 'window', materials: MATERIALS.map((name) => ({ name, provided: true })) },
          { now: NOW },
        );
        if (!opened.ok) return;
        expect(opened.event).toMatchObject({ type: 'intake', from: null, to: opened.state.status });
        expect(opened.placement).toEqual({ holder: state.receivingLevel, transit: null });
        const kind = waitingHop(opened.state);
        expect(opened.hops).toEqual(kind ? [{ type: 'open', kind, sent: false }] : []);
      }),
      PARAMS,
    );
  });

  it('the sequences reach every status (the generators are not vacuous)', () => {
    const reached = new Set<CaseStatus>();
    fc.assert(
      fc.property(startArb, sequences, (start, commands) => {
        run(start, commands, (_b, _c, _r, after) => void reached.add(after.status));
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
