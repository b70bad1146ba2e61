import { sixKindLabel, type CaseState } from '../../domain/cases/model.js';
import { fromBool, fromJson, toJson } from '../../db/portable.js';

/** The columns of `cases` projected from the domain state, written with it in the same transaction. */
export const caseRowFromState = (state: CaseState) => ({
  kind: state.kind,
  six_kind: sixKindLabel(state),
  status: state.status,
  window_id: state.windowId,
  accepted_at: state.acceptedAt,
  due_at: state.dueAt,
  legal_due_at: state.legalDueAt,
  paused_at: state.pausedAt,
  outcome: state.outcome,
  result_no: state.resultNo,
  extension_pending: fromBool(state.pendingExtension !== null),
});

export const stateRow = (caseId: string, state: CaseState) => ({ case_id: caseId, state: toJson(state) });

export const stateOf = (row: { state: string }): CaseState => fromJson<CaseState>(row.state, null as never);
