/**
 * A decision about a case names ALL its consequences (ARCHITECTURE.md "One case pipeline"): the next state, the
 * clock and deadline effect, where the case is between the levels, what happens to its hops, the event to record
 * and any change to the refusal register. Intake, every action of the transition table and each step of the
 * refusal register produce this one shape; `settle` (settle.ts) counts it on the calendar and names the
 * organisations, and one runner writes it. Nothing here does I/O.
 */
import type { OrgLevel } from '../orgs/tree.js';
import { waitingHop, type HopChange } from './hops.js';
import type { CaseAction, CaseState, CaseStatus, ClockEffect } from './model.js';
import type { RefusalOpinion } from './refusal-review.js';
import type { DeadlineEffect } from './transitions.js';

/**
 * What was decided: an action of the table, the intake, a step of the refusal register (否定报备), or the
 * deadlines or an open hop's limit counted again after a year's arrangement was imported (recount.ts).
 */
export type CaseStep = CaseAction | 'intake' | 'refusal-review' | 'refusal-answer' | 'deadline-recomputed' | 'hop-limit-recomputed';

/** Everything an action may change besides status and clock. */
export type CasePatch = Partial<Omit<CaseState, 'status' | 'clock' | 'kind' | 'item' | 'receivingLevel'>>;

/** Which level holds the case after the step, and which level it is on its way to (forwarded or escalated). */
export interface Placement {
  holder: OrgLevel;
  transit: OrgLevel | null;
}

/** The event row the step writes (its type, the status before and after, and what it records). */
export interface CaseEventRecord {
  type: CaseStep;
  from: CaseStatus | null;
  to: CaseStatus;
  data: Record<string, unknown>;
}

/** A step of the refusal register: the director's review, or the window's answer to an objection. */
export interface RegisterChange {
  reviewedAt?: string;
  review?: RefusalOpinion;
  answeredAt?: string;
}

export interface Decision {
  ok: true;
  action: CaseStep;
  /** null at intake: the case did not exist */
  from: CaseStatus | null;
  to: CaseStatus;
  clock: ClockEffect;
  /** what the step changed besides status and clock (empty at intake, where `state` is all new) */
  patch: CasePatch;
  /** the state after the step; its due dates are counted from `deadline` by `settle` */
  state: CaseState;
  deadline: DeadlineEffect | null;
  placement: Placement;
  hops: HopChange[];
  /** null: the step changed what is stored but there is nothing to record (a 暂定 mark an import made official) */
  event: CaseEventRecord | null;
  register: RegisterChange | null;
  /** the due date moved on a newly imported year: the case is listed to its director as 期限已调整 */
  dueRecounted: boolean;
}

export const placementOf = (state: Pick<CaseState, 'holderLevel' | 'transit'>): Placement => ({
  holder: state.holderLevel,
  transit: state.transit?.to ?? null,
});

/**
 * The hop a step opens: a case that starts waiting to go up (at the village to be forwarded, or an escalated case
 * at the township to be sent to the county) starts that hop's clock. A pause or supplement in between makes it
 * start waiting again; the hop already open is kept (settle.ts).
 */
export function openedHops(before: CaseState | null, after: CaseState): HopChange[] {
  const kind = waitingHop(after);
  return kind !== null && (before === null || waitingHop(before) !== kind) ? [{ type: 'open', kind, sent: false }] : [];
}

/** The decision of one step, from the state before (null at intake) and what the step does. */
export function decisionOf(
  before: CaseState | null,
  step: {
    action: CaseStep;
    to: CaseStatus;
    clock: ClockEffect;
    state: CaseState;
    patch?: CasePatch;
    deadline?: DeadlineEffect | null;
    hops?: readonly HopChange[];
    data: Record<string, unknown>;
    register?: RegisterChange | null;
  },
): Decision {
  const from = before?.status ?? null;
  return {
    ok: true,
    action: step.action,
    from,
    to: step.to,
    clock: step.clock,
    patch: step.patch ?? {},
    state: step.state,
    deadline: step.deadline ?? null,
    placement: placementOf(step.state),
    hops: [...openedHops(before, step.state), ...(step.hops ?? [])],
    event: { type: step.action, from, to: step.to, data: step.data },
    register: step.register ?? null,
    dueRecounted: false,
  };
}
