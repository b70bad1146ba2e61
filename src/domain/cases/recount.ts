/**
 * The recounts after a year's official arrangement is imported (DOMAIN.md rule 3), as decisions of the one case
 * pipeline: a case's logged deadline steps, and the limit of each hop it has not yet done (rule 9), are counted
 * again on the calendar as it now stands.
 * The decision names what changes — the dates, the 暂定 mark, whether the due date moved (then the case is listed
 * to its director as 期限已调整 and gets an event saying from what to what) — and the runner writes it like any
 * other step. Nothing here does I/O.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { wallTime, type OfficeHours } from '../calendar/office-hours.js';
import { placementOf, type Decision } from './decision.js';
import { dueIsProvisional, recomputeDeadlines, type CenterTime } from './deadlines.js';
import { HOP_NAMES, recountHopLimit, type StoredHop } from './hops.js';
import type { CaseState, CaseStatus } from './model.js';

/** The step, and the type of the event a case gets when an imported year moved its due date. */
export const DEADLINE_RECOUNTED = 'deadline-recomputed';

/** The statuses whose deadlines still run; a case past them keeps its dates, only its 暂定 mark is re-read. */
const RUNNING: readonly CaseStatus[] = ['submitted', 'awaiting_supplement', 'in_progress', 'paused'];

/**
 * The recount of one case on `calendar`, at the center holding it (`center`: its office hours and zone, for
 * steps logged without them), for an import from `source`. Null when nothing changes. A due date that moved is
 * recorded (an event, and the director's 期限已调整 list); a date that stands but is no longer provisional only
 * loses its 暂定 mark, with no event: nothing the applicant was told has changed.
 */
export function recountDecision(
  state: CaseState,
  calendar: WorkingCalendar,
  center: { hours: OfficeHours; timeZone: string },
  source: string,
): Decision | null {
  const after: CaseState = RUNNING.includes(state.status)
    ? recomputeDeadlines(state, calendar, center)
    : { ...state, dueProvisional: dueIsProvisional(state, calendar, center.timeZone) };
  const wasProvisional = state.dueProvisional ?? false;
  const provisional = after.dueProvisional ?? false;
  if (after.dueAt === state.dueAt && after.legalDueAt === state.legalDueAt && provisional === wasProvisional) return null;

  const moved = state.dueAt !== null && after.dueAt !== null && after.dueAt !== state.dueAt;
  const message = moved
    ? `期限按国务院公布的安排重新计算：原 ${wallTime(state.dueAt!, center.timeZone)}${wasProvisional ? '（暂定）' : ''} 现 ${wallTime(after.dueAt!, center.timeZone)}${provisional ? '（仍为暂定）' : ''}`
    : null;
  return {
    ok: true,
    action: DEADLINE_RECOUNTED,
    from: state.status,
    to: state.status,
    clock: 'none',
    patch: { dueAt: after.dueAt, legalDueAt: after.legalDueAt, dueProvisional: provisional },
    state: after,
    // the dates are already counted: there is no new step to log
    deadline: null,
    placement: placementOf(after),
    hops: [],
    // settle adds the new due date and the one it replaced (dueAt, previousDueAt), as for every step
    event: message === null ? null : { type: DEADLINE_RECOUNTED, from: state.status, to: state.status, data: { message, source, dueProvisional: provisional } },
    register: null,
    dueRecounted: moved,
  };
}

/** The step, and the type of the event a case gets when an imported year moved the limit of one of its hops. */
export const HOP_LIMIT_RECOUNTED = 'hop-limit-recomputed';

/**
 * The recount of one open hop of a case (`hop`, as stored, of `kind`), in the calendar, office hours and zone of the
 * center it starts from (`t`), for an import from `source`. Null when its limit stands (or the hop is done). The
 * case itself does not change; the hop gets its new limit and the case an event saying from what to what, so the
 * violation list and the case's record agree.
 */
export function hopRecountDecision(state: CaseState, hop: StoredHop, t: CenterTime, source: string): Decision | null {
  const next = recountHopLimit(hop, t);
  if (next === null) return null;
  const message = `${HOP_NAMES[hop.kind]}时限按国务院公布的安排重新计算：原 ${wallTime(hop.dueAt, t.timeZone)} 现 ${wallTime(next.dueAt, t.timeZone)}${next.provisional ? '（仍为暂定）' : ''}`;
  return {
    ok: true,
    action: HOP_LIMIT_RECOUNTED,
    from: state.status,
    to: state.status,
    clock: 'none',
    patch: {},
    state,
    deadline: null,
    placement: placementOf(state),
    hops: [{ type: 'move-limit', kind: hop.kind, dueAt: next.dueAt }],
    // not `dueAt`: that key is the case's own due date to the papers (the 延期告知书 reads the last one recorded)
    event: {
      type: HOP_LIMIT_RECOUNTED,
      from: state.status,
      to: state.status,
      data: { message, source, hop: hop.kind, limitBefore: hop.dueAt, limitAfter: next.dueAt, provisional: next.provisional },
    },
    register: null,
    dueRecounted: false,
  };
}
