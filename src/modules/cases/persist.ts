import type { CenterTime } from '../../domain/cases/deadlines.js';
import { caseLight, nextLightChange, type Light } from '../../domain/cases/light.js';
import { sixKindLabel, type CaseState } from '../../domain/cases/model.js';
import { readStoredState, toStoredState } from '../../domain/cases/stored-state.js';
import { DomainError } from '../../domain/errors.js';
import { fromBool, fromJson, toJson } from '../../db/portable.js';

/** When a light that could not be worked out (a calendar year missing) is tried again by the sweep. */
const RETRY_MS = 60 * 60_000;

/**
 * The stored light (rule 12) and when it next changes by itself, at `now`. A case write never fails for its
 * light: if the calendar cannot answer (a year not loaded), the light stays unknown and the sweep tries again.
 */
export function storedLight(state: CaseState, now: Date, t: CenterTime): { light: Light | null; light_changes_at: string | null } {
  try {
    const facts = { ...state, pausedDays: state.pausedDays ?? 0 };
    const next = nextLightChange(facts, now, t.calendar, t.hours, t.timeZone);
    return { light: caseLight(facts, now, t.calendar, t.hours, t.timeZone), light_changes_at: next ? next.toISOString() : null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { light: null, light_changes_at: new Date(now.getTime() + RETRY_MS).toISOString() };
  }
}

/**
 * The columns of `cases` projected from the domain state, written with it in the same transaction — every case
 * write goes through here, so the stored light is always that of the state just written, at the write's `now`.
 */
export const caseRowFromState = (state: CaseState, at: { now: Date; time: CenterTime }) => ({
  kind: state.kind,
  six_kind: sixKindLabel(state),
  status: state.status,
  window_id: state.windowId,
  accepted_at: state.acceptedAt,
  due_at: state.dueAt,
  legal_due_at: state.legalDueAt,
  due_provisional: fromBool(state.dueProvisional ?? false),
  paused_at: state.pausedAt,
  outcome: state.outcome,
  result_no: state.resultNo,
  extension_pending: fromBool(state.pendingExtension !== null),
  ...storedLight(state, at.now, at.time),
});

/** The state row to write: always the current schema version (src/domain/cases/stored-state.ts). */
export const stateRow = (caseId: string, state: CaseState) => ({ case_id: caseId, state: toJson(toStoredState(state)) });

/** The state as stored, parsed and upgraded from whatever version it was written in. */
export const stateOf = (row: { state: string }): CaseState => readStoredState(fromJson<unknown>(row.state, null));
