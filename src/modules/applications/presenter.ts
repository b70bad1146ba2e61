/** Applications as the contract shows them (src/domain/contract/applications.ts), for the applicant or the window. */
import {
  APPLICATION_ACTION_NAMES,
  APPLICATION_STATUS_NAMES,
  allowedApplicationActions,
  awaitedMaterials,
  preReviewLight,
  type ApplicationAction,
  type ApplicationParty,
  type ApplicationState,
  type MissingMaterial,
} from '../../domain/applications/application.js';
import { TRUST_LEVEL_NAMES, materialKey, onFile, type Evidence } from '../../domain/applications/evidence.js';
import { isRefusedApplication } from '../../domain/applications/refusal-review.js';
import type { ApplicationDetail, ApplicationView } from '../../domain/contract/applications.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { applicationSourceOf, submittedVia } from '../../domain/open311/source.js';
import { maskName, maskNumber } from '../../domain/people/applicant-account.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { fromJson } from '../../db/portable.js';
import type { ApplicationFileRow, ApplicationRow, ApplicationStepRow, EvidenceRow } from './repo.js';

/** What a person is shown of a material on file: its level in words and how long it holds. */
export const onFileView = (e: Evidence) => ({ level: e.level, levelName: TRUST_LEVEL_NAMES[e.level], validUntil: e.validUntil, checkedAt: e.checkedAt });

export const toEvidence = (r: EvidenceRow): Evidence => ({ id: r.id, materialName: r.material_name, level: r.level, validUntil: r.valid_until, checkedAt: r.checked_at });

/** The domain's state of a stored application (the history as far as the decisions need it). */
export function stateOf(row: ApplicationRow, steps: readonly ApplicationStepRow[]): ApplicationState {
  return {
    status: row.status,
    submittedAt: row.submitted_at,
    preReviewDueAt: row.pre_review_due_at,
    noticed: fromJson<string[]>(row.noticed, []),
    version: row.version,
    history: steps.map((s) => ({
      action: s.action as ApplicationAction,
      at: s.at,
      by: s.by_user_id,
      from: s.from_status as ApplicationState['status'] | null,
      to: s.to_status as ApplicationState['status'],
      text: s.text,
      materials: fromJson<readonly MissingMaterial[] | readonly string[]>(s.materials, []),
    })),
  };
}

/** Who looks: the applicant sees their own details; the window sees the full number it must check. */
export type Viewer = { party: ApplicationParty; timeZone: string; now: Date };

/** The refusal register's entry of a returned application as staff see it (the applicant never does). */
function refusalReviewOf(row: ApplicationRow, people: ReadonlyMap<string, string> | undefined): ApplicationView['refusalReview'] {
  if (!isRefusedApplication(row.status)) return null;
  const name = (id: string | null | undefined) => (id ? (people?.get(id) ?? null) : null);
  return {
    awaitingReview: !row.refusal_reviewed_at,
    review:
      row.refusal_reviewed_at && row.refusal_review
        ? {
            opinion: row.refusal_review,
            comment: row.refusal_comment ?? null,
            at: row.refusal_reviewed_at,
            by: name(row.refusal_reviewed_by),
            byUserId: row.refusal_reviewed_by ?? null,
            answer: row.refusal_answered_at ? { text: row.refusal_answer ?? '', at: row.refusal_answered_at, by: name(row.refusal_answered_by) } : null,
          }
        : null,
  };
}

export function presentApplication(
  row: ApplicationRow,
  names: { orgName: string; caseNo: string | null; people?: ReadonlyMap<string, string>; /** the Open311 api_key's holder */ platform?: string | null },
  viewer: Viewer,
): ApplicationView {
  const staff = viewer.party === 'window';
  return {
    id: row.id,
    applicationNo: row.application_no,
    source: applicationSourceOf(row.source, names.platform),
    status: row.status,
    statusName: APPLICATION_STATUS_NAMES[row.status],
    itemCode: row.item_code,
    itemName: row.item_name,
    orgId: row.org_id,
    orgName: names.orgName,
    applicant: {
      kind: row.applicant_kind,
      name: staff ? row.applicant_name : maskName(row.applicant_name, row.applicant_kind),
      number: staff ? row.applicant_number : maskNumber(row.applicant_number),
      phone: staff ? row.applicant_phone : maskPhone(row.applicant_phone),
      address: row.applicant_address,
    },
    description: row.description,
    submittedAt: row.submitted_at,
    preReviewDueAt: row.pre_review_due_at,
    light: preReviewLight({ status: row.status, preReviewDueAt: row.pre_review_due_at }, viewer.now, viewer.timeZone),
    caseId: row.case_id,
    caseNo: names.caseNo,
    version: row.version,
    allowedActions: allowedApplicationActions(row.status, viewer.party),
    refusalReview: staff ? refusalReviewOf(row, names.people) : null,
  };
}

export function presentDetail(
  row: ApplicationRow,
  names: { orgName: string; caseNo: string | null; people: ReadonlyMap<string, string>; platform?: string | null },
  parts: {
    guide: readonly { name: string; main: boolean }[];
    steps: readonly ApplicationStepRow[];
    files: readonly ApplicationFileRow[];
    evidence: readonly EvidenceRow[];
    /** materials promised (告知承诺, level D) with this application */
    promised?: readonly string[];
  },
  viewer: Viewer,
): ApplicationDetail {
  const base = presentApplication(row, names, viewer);
  const state = stateOf(row, parts.steps);
  const kept = onFile(parts.guide, parts.evidence.map(toEvidence), localDate(viewer.now, viewer.timeZone));
  const fileUrl = (f: ApplicationFileRow) => `${viewer.party === 'window' ? '/api/applications' : '/api/public/applications'}/${row.id}/files/${f.id}`;
  const awaiting = awaitedMaterials(state);
  return {
    ...base,
    materials: parts.guide.map((m) => {
      const files = parts.files.filter((f) => materialKey(f.material_name) === materialKey(m.name));
      const e = kept.get(m.name);
      const promised = (parts.promised ?? []).some((p) => materialKey(p) === materialKey(m.name));
      return {
        name: m.name,
        main: m.main,
        state: files.length > 0 ? 'uploaded' : e ? 'on_file' : promised ? 'promised' : 'missing',
        files: files.map((f) => ({ id: f.id, type: f.type, size: f.size, originalName: f.original_name, uploadedAt: f.uploaded_at, url: fileUrl(f) })),
        onFile: e ? onFileView(e) : null,
        awaitingSupplement: awaiting.has(materialKey(m.name)),
      };
    }),
    steps: state.history.map((s) => ({
      action: s.action,
      actionName: APPLICATION_ACTION_NAMES[s.action],
      at: s.at,
      byName: s.by ? (names.people.get(s.by) ?? null) : null,
      text: s.text,
      materials: (s.materials as readonly (string | MissingMaterial)[]).map((m) => (typeof m === 'string' ? { material: m, reason: null } : { material: m.material, reason: m.reason })),
      // the first submission of an Open311 application was the platform's, not the applicant's own (resubmissions are theirs)
      via: s.action === 'submit' && base.source.kind === 'open311' ? submittedVia(base.source.platform) : null,
    })),
  };
}
