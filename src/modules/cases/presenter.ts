import { caseLight } from '../../domain/cases/light.js';
import { ACTION_NAMES, KIND_NAMES, SIX_KIND_NAMES, STATUS_NAMES, type CaseAction, type CaseKind, type CaseStatus, type SixKind } from '../../domain/cases/model.js';
import { allowedActions } from '../../domain/cases/transitions.js';
import { maskIdNumber, maskPhone } from '../../domain/people/id-number.js';
import type { OrgLevel } from '../../domain/orgs/tree.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import type { CasesTable } from '../../db/schema.js';
import { stateOf } from './persist.js';
import type { CaseRow, listEvents } from './repo.js';

type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export interface Viewer {
  /** may see full ID numbers and phones (staff of the case's own centers) */
  fullPersonalData: boolean;
  /** the level and roles the viewer would act with, for the actions offered */
  actor: { roles: string[]; level: OrgLevel } | null;
  /** the viewer's organisation holds the case or it is on its way to it */
  canAct: boolean;
}

/** A case in a list (ledger, inboxes): the projected columns only, personal data masked. */
export function presentCaseSummary(row: CasesTable, now: Date, t: CenterTime, fullPersonalData = false) {
  const light = caseLight({ status: row.status as CaseStatus, acceptedAt: row.accepted_at, dueAt: row.due_at, pausedAt: row.paused_at }, now, t.calendar, t.hours, t.timeZone);
  return {
    id: row.id,
    caseNo: row.case_no,
    itemCode: row.item_code,
    itemName: row.item_name,
    kind: row.kind as CaseKind,
    kindName: KIND_NAMES[row.kind as CaseKind],
    sixKind: row.six_kind as SixKind,
    sixKindName: SIX_KIND_NAMES[row.six_kind as SixKind],
    status: row.status as CaseStatus,
    statusName: STATUS_NAMES[row.status as CaseStatus],
    channel: row.channel,
    applicant: {
      kind: row.applicant_kind,
      name: row.applicant_name,
      idNumber: fullPersonalData ? row.applicant_id_number : maskIdNumber(row.applicant_id_number),
      phone: fullPersonalData ? row.applicant_phone : maskPhone(row.applicant_phone),
      address: fullPersonalData ? row.applicant_address : null,
    },
    receivingOrgId: row.receiving_org_id,
    holderOrgId: row.holder_org_id,
    transitOrgId: row.transit_org_id,
    windowId: row.window_id,
    firstResponderId: row.first_responder_id,
    acceptedAt: row.accepted_at,
    dueAt: row.due_at,
    legalDueAt: row.legal_due_at,
    light,
    outcome: row.outcome,
    resultNo: row.result_no,
    refusalReview: row.refusal_reviewed_at ? { at: row.refusal_reviewed_at, opinion: row.refusal_review } : null,
    createdAt: row.created_at,
    version: row.version,
  };
}
export type CaseSummary = ReturnType<typeof presentCaseSummary>;

/** A case as API.md spells it, with its rule-relevant state, the actions it offers the viewer and its timeline. */
export function presentCase(row: CaseRow, now: Date, t: CenterTime, viewer: Viewer, events: EventRow[] = []) {
  const state = stateOf(row);
  const actions: CaseAction[] = viewer.canAct && viewer.actor ? allowedActions(state, viewer.actor) : [];
  return {
    ...presentCaseSummary(row, now, t, viewer.fullPersonalData),
    proxy: state.proxy,
    materials: { provided: state.providedMaterials, guide: state.item.materials },
    supplementNotice: state.supplementNotice,
    refusal: state.refusal,
    pendingExtension: state.pendingExtension,
    reviews: state.reviews,
    jointDepartments: state.item.joint,
    specialSteps: state.item.specialSteps,
    activeStep: state.activeStep,
    transit: state.transit,
    delivery: state.delivery,
    allowedActions: actions.map((a) => ({ action: a, name: ACTION_NAMES[a] })),
    events: events.map((e) => ({
      at: e.at,
      type: e.type,
      by: e.by_name ?? '系统',
      fromStatus: e.from_status,
      toStatus: e.to_status,
      data: e.data ? (JSON.parse(e.data) as unknown) : undefined,
    })),
  };
}
export type CaseView = ReturnType<typeof presentCase>;
