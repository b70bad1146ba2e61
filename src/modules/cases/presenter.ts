import type { Light } from '../../domain/cases/light.js';
import { ACTION_NAMES, KIND_NAMES, SIX_KIND_NAMES, STATUS_NAMES, type CaseAction, type CaseChannel, type CaseKind, type CaseState, type CaseStatus, type Outcome, type SixKind } from '../../domain/cases/model.js';
import { REFUSAL_ANSWER_EVENT } from '../../domain/cases/refusal-review.js';
import { outstandingMaterials } from '../../domain/cases/rules.js';
import { allowedActions } from '../../domain/cases/transitions.js';
import { maskIdNumber, maskPhone } from '../../domain/people/id-number.js';
import type { OrgLevel } from '../../domain/orgs/tree.js';
import { legalDueIsProvisional, type CenterTime } from '../../domain/cases/deadlines.js';
import type { CasesTable } from '../../db/schema.js';
import { toBool } from '../../db/portable.js';
import { stateOf } from './persist.js';
import type { CaseEventRow as EventRow } from '../events/repo.js';
import type { CaseRow } from './repo.js';


export interface Viewer {
  /** may see full ID numbers and phones (staff of the case's own centers) */
  fullPersonalData: boolean;
  /** the level and roles the viewer would act with, for the actions offered */
  actor: { roles: string[]; level: OrgLevel } | null;
  /** the viewer's organisation holds the case or it is on its way to it */
  canAct: boolean;
}

/**
 * A case in a list (ledger, inboxes): the projected columns only, personal data masked. The light is the stored
 * one (rule 12: set with every write, kept current by the sweep), the same that lists filter and count by; so a
 * row needs neither the clock nor its center's calendar (reading those cost a ledger page two more queries).
 */
export function presentCaseSummary(row: CasesTable, fullPersonalData = false) {
  const light: Light | null = row.light;
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
    channel: row.channel as CaseChannel,
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
    /** 暂定 (API.md v1): counted through a year whose official arrangement is not imported yet */
    dueProvisional: toBool(row.due_provisional),
    dueRecomputedAt: row.due_recomputed_at,
    legalDueAt: row.legal_due_at,
    light,
    outcome: row.outcome as Outcome | null,
    resultNo: row.result_no,
    refusalReview: row.refusal_reviewed_at
      ? { at: row.refusal_reviewed_at, opinion: row.refusal_review, answeredAt: row.refusal_answered_at }
      : null,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    version: row.version,
  };
}
export type CaseSummary = ReturnType<typeof presentCaseSummary>;

const eventData = (e: EventRow): Record<string, unknown> => (e.data ? (JSON.parse(e.data) as Record<string, unknown>) : {});

/**
 * The director's objection (有异议) to a refusal and the window's answer, read from the case's events: the task
 * of the window's work list and what the director sees once it is answered.
 */
function refusalObjection(events: EventRow[]) {
  const review = events.findLast((e) => e.type === 'refusal-review');
  if (!review || eventData(review).opinion !== 'questioned') return null;
  const answer = events.findLast((e) => e.type === REFUSAL_ANSWER_EVENT && e.seq > review.seq);
  return {
    comment: String(eventData(review).comment ?? ''),
    at: review.at,
    by: review.by_name ?? '',
    /** who raised it: that person cannot also answer it */
    byUserId: review.by_user_id,
    answer: answer ? { text: String(eventData(answer).answer ?? ''), at: answer.at, by: answer.by_name ?? '' } : null,
  };
}


/**
 * A case as API.md spells it, with its rule-relevant state, the actions it offers the viewer and its timeline. `state`:
 * the state the caller has just written, when it has it (the intake), instead of parsing the stored one again.
 */
export function presentCase(row: CaseRow, now: Date, t: CenterTime, viewer: Viewer, events: EventRow[] = [], state: CaseState = stateOf(row)) {
  const actions: CaseAction[] = viewer.canAct && viewer.actor ? allowedActions(state, viewer.actor) : [];
  return {
    ...presentCaseSummary(row, viewer.fullPersonalData),
    // worked out on the calendar as it is now, not stored: no list filters by it, and importing the year clears it
    legalDueProvisional: legalDueIsProvisional({ acceptedAt: row.accepted_at, legalDueAt: row.legal_due_at }, t.calendar, t.timeZone),
    proxy: state.proxy,
    materials: { provided: state.providedMaterials, guide: state.item.materials },
    supplementNotice: state.supplementNotice,
    defectRequests: state.defectRequests,
    /** requested (one-time notice and recorded defects) and not (again) on file: what 补正 still waits for */
    outstandingMaterials: outstandingMaterials(state),
    refusal: state.refusal,
    refusalObjection: refusalObjection(events),
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
      // the center that acted: the issuer of the paper recording it (rule 10)
      orgId: e.org_id,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      data: e.data ? (JSON.parse(e.data) as unknown) : undefined,
    })),
  };
}
export type CaseView = ReturnType<typeof presentCase>;
