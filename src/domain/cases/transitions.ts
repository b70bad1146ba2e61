/**
 * The case state machine: ONE table, status × action → outcome (next status and clock effect), guards and the
 * change it makes — including what it does to the case's hops between the levels. `decide` reads only this table
 * and returns a Decision naming every consequence (decision.ts); `allowedActions` asks the same rows. A missing row
 * means the action is not allowed in that status (ACTION_NOT_ALLOWED); the terminal statuses have no rows at all.
 */
import type { ActionInput } from './action-inputs.js';
import { decisionOf, type CasePatch, type Decision } from './decision.js';
import type { HopChange } from './hops.js';
import { localDate } from '../calendar/office-hours.js';
import {
  ACTION_NAMES,
  CASE_ACTIONS,
  centerName,
  STATUS_NAMES,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type ClockEffect,
  type ClockState,
} from './model.js';
import { isTerminal } from './terminal.js';
import {
  acceptableHere,
  atVillage,
  beforeDue,
  canAcceptAt,
  decidingLevel,
  escalatable,
  extensible,
  hasSpecialSteps,
  hasTransit,
  jointItem,
  jointReview,
  jointReviewsComplete,
  legalFee,
  list,
  materialsInGuide,
  needsHigherLevel,
  noDisagreement,
  noPendingExtension,
  notInTransit,
  oneTimeNotice,
  outstandingMaterials,
  pendingExtension,
  reject,
  specialStep,
  supplementRequested,
  withinLegalLimit,
  writtenRefusal,
  type DecideContext,
  type Rejection,
  type StateGuard,
} from './rules.js';

export interface TransitionOutcome {
  to: CaseStatus;
  clock: ClockEffect;
}

/**
 * What the caller must do to the deadlines (it owns the working-day calendar, rule 3):
 * - start:  dueAt = `promisedDays` working days after `from`; legalDueAt likewise with `legalDays` (if any).
 * - shift:  the clock was paused from `pausedAt` to `resumedAt`: move dueAt by the working days in between;
 *           move legalDueAt too when `legal` (a supplement, or a special step that does not count toward the
 *           legal limit). dueAt never moves past legalDueAt.
 * - extend: dueAt = `days` working days later (an approved extension).
 */
export type DeadlineEffect =
  | { type: 'start'; from: string; promisedDays: number; legalDays: number | null }
  | { type: 'shift'; pausedAt: string; resumedAt: string; legal: boolean }
  | { type: 'extend'; days: number };

type InputCheck<A extends CaseAction> = (state: CaseState, input: ActionInput<A>, ctx: DecideContext) => Rejection | null;

interface Effect {
  to?: CaseStatus;
  clock?: ClockEffect;
  patch?: CasePatch;
  deadline?: DeadlineEffect;
  /** what the row does to the case's hops besides opening one when the case starts waiting (decision.ts) */
  hops?: HopChange[];
}

export interface Transition<A extends CaseAction> {
  /** every result this row can produce; the first is the usual one and the default of `effect` */
  outcomes: readonly [TransitionOutcome, ...TransitionOutcome[]];
  /** who acts: the level holding the case, or the level it was forwarded/escalated to */
  by: 'holder' | 'receiver';
  /** a role the actor must have besides being at the right level */
  role?: 'director';
  /** rules that read the state only (they also decide `allowedActions`) */
  guards?: readonly StateGuard[];
  /** rules that read the input, the actor or the time */
  checks?: readonly InputCheck<A>[];
  effect?: (state: CaseState, input: ActionInput<A>, ctx: DecideContext) => Effect;
}

export type TransitionTable = { readonly [S in CaseStatus]: { readonly [A in CaseAction]?: Transition<A> } };

// ------------------------------------------------------------------------------------ shared effects

const iso = (d: Date) => d.toISOString();
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const without = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/** Deadlines to set when the clock starts at `now`: day D of rule 3. */
export const startDeadline = (item: CaseState['item'], now: Date): DeadlineEffect => ({
  type: 'start',
  from: iso(now),
  promisedDays: item.promisedDays,
  legalDays: item.legalDays,
});

const start = (s: CaseState, ctx: DecideContext) => ({
  patch: { acceptedAt: iso(ctx.now) },
  deadline: startDeadline(s.item, ctx.now),
});

/** A case returned or withdrawn before it was sent: the hop it was waiting for never happens. */
const cancelUnsent: HopChange = { type: 'cancel-unsent' };

/** Whatever was open ends with the case (pause, pending extension, transit). */
/**
 * A 证照 issued today is valid until a later day: a date before today is a slip of the keyboard (2016 for 2026), and
 * such a result would silently not be kept as the applicant's evidence for later cases.
 */
const validUntilAhead = (_s: CaseState, input: ActionInput<'complete'>, ctx: DecideContext): Rejection | null => {
  if (input.resultValidUntil === undefined) return null;
  const today = localDate(ctx.now, ctx.timeZone ?? 'Asia/Shanghai');
  return input.resultValidUntil < today
    ? reject('RESULT_VALIDITY_PAST', `证照有效期至 ${input.resultValidUntil} 早于今天（${today}），请核对结果文书上的有效期。`)
    : null;
};

const closing: CasePatch = { pausedAt: null, activeStep: null, pendingExtension: null, transit: null };

const refuse = (s: CaseState, input: { reasons?: string | undefined; basis?: string | undefined }): CasePatch => ({
  ...closing,
  refusal: { reasons: input.reasons?.trim() ?? '', basis: input.basis?.trim() ?? '' },
  // the return notice goes back to where the applicant came in
  holderLevel: s.receivingLevel,
});

/** The one-time notice, or (after it) a recorded defect in materials on file. Defective ones are no longer on file. */
const notify = (s: CaseState, input: ActionInput<'notify-supplement'>, ctx: DecideContext): CasePatch => {
  const named = [...new Set(input.missing)];
  const note = input.defectNote?.trim() || null;
  const providedMaterials = without(s.providedMaterials, named);
  return s.supplementNotice === null
    ? { supplementNotice: { missing: named, defectNote: note, at: iso(ctx.now) }, providedMaterials }
    : { defectRequests: [...s.defectRequests, { materials: named, note: note ?? '', at: iso(ctx.now) }], providedMaterials };
};

const notifyChecks: readonly InputCheck<'notify-supplement'>[] = [
  (s, input) => materialsInGuide(s.item, input.missing),
  (s, input) => oneTimeNotice(s, input),
];

const returnRow: Transition<'return'> = {
  outcomes: [{ to: 'returned', clock: 'stop' }],
  by: 'holder',
  guards: [notInTransit],
  checks: [(_s, input) => writtenRefusal(input, '退回')],
  effect: (s, input) => ({ patch: refuse(s, input), hops: [cancelUnsent] }),
};

const withdrawRow: Transition<'withdraw'> = {
  outcomes: [{ to: 'withdrawn', clock: 'stop' }],
  by: 'holder',
  effect: () => ({ patch: closing, hops: [cancelUnsent] }),
};

/** Transfer to another window (首问负责: recorded, the first responder keeps seeing it); the status stays. */
const transferIn = (status: CaseStatus): Transition<'transfer'> => ({
  outcomes: [{ to: status, clock: 'none' }],
  by: 'holder',
  guards: [notInTransit],
  checks: [
    (s, input) => (s.windowId === input.toWindowId ? reject('SAME_WINDOW', '本件已经在这个窗口，不需要转交。请选择要转交的窗口。') : null),
  ],
  effect: (_s, input) => ({ patch: { windowId: input.toWindowId } }),
});

const receiveRow = (to: CaseStatus): Transition<'receive'> => ({
  outcomes: [{ to, clock: 'none' }],
  by: 'receiver',
  guards: [hasTransit],
  effect: (s) => ({
    patch: { holderLevel: s.transit!.to, transit: null },
    hops: [{ type: 'receive', kind: s.transit!.to === 'county' ? 'township-county' : 'village-township' }],
  }),
});

// ----------------------------------------------------------------------------------------- the table

export const TRANSITIONS: TransitionTable = {
  submitted: {
    accept: {
      outcomes: [{ to: 'in_progress', clock: 'start' }],
      by: 'holder',
      guards: [notInTransit, acceptableHere],
      effect: (s, _input, ctx) => start(s, ctx),
    },
    'notify-supplement': {
      outcomes: [{ to: 'awaiting_supplement', clock: 'none' }],
      by: 'holder',
      guards: [notInTransit],
      checks: notifyChecks,
      effect: (s, input, ctx) => ({ patch: notify(s, input, ctx) }),
    },
    return: returnRow,
    forward: {
      outcomes: [{ to: 'submitted', clock: 'none' }],
      by: 'holder',
      guards: [notInTransit, atVillage, needsHigherLevel],
      effect: (_s, input, ctx) => ({
        patch: { transit: { from: 'village', to: 'township', urgent: input.urgent ?? false, at: iso(ctx.now) } },
        hops: [{ type: 'send', kind: 'village-township', urgent: input.urgent ?? false }],
      }),
    },
    receive: receiveRow('submitted'),
    transfer: transferIn('submitted'),
    withdraw: withdrawRow,
  },

  awaiting_supplement: {
    // only a recorded defect in a material on file: the one-time notice exists already
    'notify-supplement': {
      outcomes: [{ to: 'awaiting_supplement', clock: 'none' }],
      by: 'holder',
      checks: notifyChecks,
      effect: (s, input, ctx) => ({ patch: notify(s, input, ctx) }),
    },
    supplement: {
      outcomes: [
        { to: 'in_progress', clock: 'start' }, // complete, clock not started yet (补办件)
        { to: 'in_progress', clock: 'resume' }, // complete, the notice paused a running clock
        { to: 'awaiting_supplement', clock: 'none' }, // still missing some
        { to: 'submitted', clock: 'none' }, // complete at a village: to be forwarded, accepted above
      ],
      by: 'holder',
      checks: [(s, input) => materialsInGuide(s.item, input.materials), supplementRequested],
      effect: (s, input, ctx) => {
        const providedMaterials = union(s.providedMaterials, input.materials);
        const after = { ...s, providedMaterials };
        if (outstandingMaterials(after).length > 0) {
          return { to: 'awaiting_supplement', clock: 'none', patch: { providedMaterials } };
        }
        if (s.clock === 'paused') {
          return {
            to: 'in_progress',
            clock: 'resume',
            patch: { providedMaterials, pausedAt: null },
            deadline: { type: 'shift', pausedAt: s.pausedAt ?? iso(ctx.now), resumedAt: iso(ctx.now), legal: true },
          };
        }
        if (!canAcceptAt(s.item, s.holderLevel)) return { to: 'submitted', clock: 'none', patch: { providedMaterials } };
        const started = start(s, ctx);
        return { to: 'in_progress', clock: 'start', patch: { ...started.patch, providedMaterials }, deadline: started.deadline };
      },
    },
    return: returnRow,
    transfer: transferIn('awaiting_supplement'),
    withdraw: withdrawRow,
  },

  in_progress: {
    'notify-supplement': {
      outcomes: [{ to: 'awaiting_supplement', clock: 'pause' }],
      by: 'holder',
      guards: [notInTransit],
      checks: notifyChecks,
      effect: (s, input, ctx) => ({ patch: { ...notify(s, input, ctx), pausedAt: iso(ctx.now) } }),
    },
    return: returnRow,
    pause: {
      outcomes: [{ to: 'paused', clock: 'pause' }],
      by: 'holder',
      guards: [notInTransit, hasSpecialSteps],
      checks: [specialStep],
      effect: (s, input, ctx) => {
        const step = s.item.specialSteps.find((st) => st.name === input.reason.trim())!;
        return {
          patch: {
            activeStep: { name: step.name, limitDays: input.limitDays, countsTowardLegal: step.countsTowardLegal },
            pausedAt: iso(ctx.now),
          },
        };
      },
    },
    'request-extension': {
      outcomes: [{ to: 'in_progress', clock: 'none' }],
      by: 'holder',
      guards: [notInTransit, noPendingExtension, extensible],
      checks: [(s, _input, ctx) => beforeDue(s, ctx.now), (s, input) => withinLegalLimit(s, input.days)],
      effect: (_s, input, ctx) => ({
        patch: { pendingExtension: { reason: input.reason.trim(), days: input.days, requestedAt: iso(ctx.now) } },
      }),
    },
    'approve-extension': {
      outcomes: [{ to: 'in_progress', clock: 'none' }],
      by: 'holder',
      role: 'director',
      guards: [notInTransit, pendingExtension],
      // rule 5: approved before the due date
      checks: [(s, _input, ctx) => beforeDue(s, ctx.now)],
      effect: (s) => ({
        patch: { extensionDays: s.extensionDays + s.pendingExtension!.days, pendingExtension: null },
        deadline: { type: 'extend', days: s.pendingExtension!.days },
      }),
    },
    'reject-extension': {
      outcomes: [{ to: 'in_progress', clock: 'none' }],
      by: 'holder',
      role: 'director',
      guards: [notInTransit, pendingExtension],
      effect: () => ({ patch: { pendingExtension: null } }),
    },
    review: {
      outcomes: [{ to: 'in_progress', clock: 'none' }],
      by: 'holder',
      guards: [notInTransit, jointItem],
      checks: [jointReview],
      effect: (s, input, ctx) => ({
        patch: {
          reviews: [
            ...s.reviews,
            { department: input.department, opinion: input.opinion, comment: input.comment?.trim() ?? '', at: iso(ctx.now) },
          ],
        },
      }),
    },
    escalate: {
      outcomes: [{ to: 'in_progress', clock: 'none' }],
      by: 'holder',
      guards: [notInTransit, escalatable],
      effect: (_s, _input, ctx) => ({
        patch: { transit: { from: 'township', to: 'county', urgent: false, at: iso(ctx.now) } },
        hops: [{ type: 'send', kind: 'township-county', urgent: false }],
      }),
    },
    receive: receiveRow('in_progress'),
    transfer: transferIn('in_progress'),
    complete: {
      outcomes: [{ to: 'completed', clock: 'stop' }],
      by: 'holder',
      guards: [notInTransit, decidingLevel, jointReviewsComplete],
      checks: [noDisagreement, (_s, input) => (input.outcome === 'denied' ? writtenRefusal(input, '不予批准') : null), legalFee, validUntilAhead],
      effect: (s, input, ctx) => ({
        patch: {
          ...closing,
          outcome: input.outcome,
          completedAt: iso(ctx.now),
          resultNo: input.resultNo?.trim() || null,
          refusal: input.outcome === 'denied' ? { reasons: input.reasons!.trim(), basis: input.basis!.trim() } : null,
          // the result goes back to where the applicant came in (上报件: the township that carries it through)
          holderLevel: s.receivingLevel,
        },
        // a village case decided above: the result is on its way back down to the villager (rule 9)
        hops: s.receivingLevel === 'village' && s.holderLevel !== 'village' ? [{ type: 'open', kind: 'hand-back', sent: true }] : [],
      }),
    },
    withdraw: withdrawRow,
  },

  paused: {
    resume: {
      outcomes: [{ to: 'in_progress', clock: 'resume' }],
      by: 'holder',
      effect: (s, _input, ctx) => ({
        patch: { activeStep: null, pausedAt: null },
        deadline: {
          type: 'shift',
          pausedAt: s.pausedAt ?? iso(ctx.now),
          resumedAt: iso(ctx.now),
          legal: !(s.activeStep?.countsTowardLegal ?? false),
        },
      }),
    },
    withdraw: withdrawRow,
  },

  completed: {
    deliver: {
      outcomes: [{ to: 'delivered', clock: 'none' }],
      by: 'holder',
      checks: [
        (_s, input, ctx) =>
          input.at !== undefined && Date.parse(input.at) > ctx.now.getTime()
            ? reject('DELIVERY_TIME_INVALID', '送达时间不能晚于现在，请填写群众实际收到结果的时间。')
            : null,
        // a hand-back dated before the decision would also hide a late reply to the villager (JC-07)
        (s, input) => {
          const decided = s.completedAt ?? s.acceptedAt;
          return input.at !== undefined && decided !== null && Date.parse(input.at) < Date.parse(decided)
            ? reject('DELIVERY_TIME_INVALID', '送达时间不能早于办结时间，请填写群众实际收到结果的时间。')
            : null;
        },
      ],
      effect: (s, input, ctx) => ({
        patch: { delivery: { method: input.method, at: input.at ? iso(new Date(input.at)) : iso(ctx.now) } },
        // the agent handed the villager the result: the hand-back hop is done
        hops: s.receivingLevel === 'village' ? [{ type: 'receive', kind: 'hand-back' }] : [],
      }),
    },
  },

  returned: {},
  withdrawn: {},
  delivered: {},
};

// ------------------------------------------------------------------------------------------ queries

const rowOf = <A extends CaseAction>(status: CaseStatus, action: A): Transition<A> | undefined =>
  TRANSITIONS[status][action] as Transition<A> | undefined;

const firstRejection = (guards: readonly StateGuard[] | undefined, state: CaseState): Rejection | null => {
  for (const guard of guards ?? []) {
    const r = guard(state);
    if (r) return r;
  }
  return null;
};

const actorRejection = (
  action: CaseAction,
  row: Transition<CaseAction>,
  state: CaseState,
  actor: DecideContext['actor'],
): Rejection | null => {
  if (row.by === 'receiver') {
    const to = state.transit?.to;
    if (to !== undefined && actor.level !== to) {
      return reject('NOT_RECEIVING_LEVEL', `本件是报送${centerName(to)}的，请由${centerName(to)}接收。`);
    }
  } else if (actor.level !== state.holderLevel) {
    return reject(
      'NOT_CASE_HOLDER',
      `本件目前由${centerName(state.holderLevel)}办理，${centerName(actor.level)}不能对它“${ACTION_NAMES[action]}”。请联系${centerName(state.holderLevel)}办理。`,
    );
  }
  if (row.role === 'director' && !actor.roles.includes('director')) {
    return reject('DIRECTOR_APPROVAL_REQUIRED', '延期须由中心主任（副主任）审批，您没有审批权限。请提交中心主任处理。');
  }
  return null;
};

/**
 * Actions the case offers now: the row exists and its state-only guards pass. With an actor, also only those
 * this actor may take (right level, director where needed); input checks are not run.
 */
export function allowedActions(state: CaseState, actor?: DecideContext['actor']): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const row = rowOf(state.status, action) as Transition<CaseAction> | undefined;
    if (!row || firstRejection(row.guards, state)) return false;
    return actor === undefined || actorRejection(action, row, state, actor) === null;
  });
}

const notAllowed = (state: CaseState, action: CaseAction): Rejection => {
  const now = allowedActions(state).map((a) => ACTION_NAMES[a]);
  const status = STATUS_NAMES[state.status];
  return reject(
    'ACTION_NOT_ALLOWED',
    isTerminal(state.status)
      ? `本件${status}，办理已经结束，不能再“${ACTION_NAMES[action]}”。如群众仍需办理，请重新登记新的办件。`
      : `本件当前状态是“${status}”，不能“${ACTION_NAMES[action]}”。${now.length > 0 ? `现在可以办理：${list(now)}。` : ''}`,
    { caseStatus: state.status, action },
  );
};

/**
 * Decide one action: a rejection naming the rule, or the Decision with every consequence (decision.ts). Pure: the
 * time is `ctx.now`, and nothing is changed; `settle` counts the deadlines and names the organisations.
 */
export function decide<A extends CaseAction>(
  state: CaseState,
  action: A,
  input: ActionInput<A>,
  ctx: DecideContext,
): Decision | Rejection {
  const row = rowOf(state.status, action);
  if (!row) return notAllowed(state, action);
  const guarded = firstRejection(row.guards, state);
  if (guarded) return guarded;
  const byActor = actorRejection(action, row as Transition<CaseAction>, state, ctx.actor);
  if (byActor) return byActor;
  for (const check of row.checks ?? []) {
    const r = check(state, input, ctx);
    if (r) return r;
  }
  const effect = row.effect?.(state, input, ctx) ?? {};
  const [usual] = row.outcomes;
  const to = effect.to ?? usual.to;
  const clock = effect.clock ?? usual.clock;
  if (!row.outcomes.some((o) => o.to === to && o.clock === clock)) {
    // a programming error in this file, never a user's
    throw new Error(`transition ${state.status} × ${action} produced ${to}/${clock}, which its row does not declare`);
  }
  const patch = effect.patch ?? {};
  return decisionOf(state, {
    action,
    to,
    clock,
    patch,
    state: { ...state, ...patch, status: to, clock: nextClock(state.clock, clock) },
    deadline: effect.deadline ?? null,
    hops: effect.hops ?? [],
    data: { ...(input as object) },
  });
}

const CLOCK_AFTER: Record<Exclude<ClockEffect, 'none'>, { from: readonly ClockState[]; to: ClockState }> = {
  start: { from: ['not_started'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  stop: { from: ['not_started', 'running', 'paused'], to: 'stopped' },
};

export function nextClock(clock: ClockState, effect: ClockEffect): ClockState {
  if (effect === 'none') return clock;
  const rule = CLOCK_AFTER[effect];
  if (!rule.from.includes(clock)) throw new Error(`clock effect ${effect} cannot apply to a ${clock} clock`);
  return rule.to;
}

/** The state after a decision, before its deadline effect is counted (settle.ts does that on the calendar). */
export const applyDecision = (_state: CaseState, decision: Decision): CaseState => decision.state;
