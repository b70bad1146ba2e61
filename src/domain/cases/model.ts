/**
 * The case (办件) as plain data: what the transition table reads and what its decisions change.
 * Nothing here does I/O or reads the clock; instants are ISO strings handed in by the caller.
 */
import type { OfficeHours } from '../calendar/office-hours.js';
import { CENTER_SUFFIX, DEFAULT_LEVEL_NAMES, type OrgLevel } from '../orgs/tree.js';
import type { DeadlineEffect } from './transitions.js';

export const CASE_STATUSES = [
  'submitted',
  'awaiting_supplement',
  'in_progress',
  'paused',
  'completed',
  'returned',
  'withdrawn',
  'delivered',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Stored kind (API.md). 补办件 and 退回件 are derived from the state: see `sixKindLabel`. */
export const CASE_KINDS = ['immediate', 'promised', 'joint', 'escalated'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_ACTIONS = [
  'accept',
  'notify-supplement',
  'supplement',
  'return',
  'pause',
  'resume',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'review',
  'escalate',
  'forward',
  'receive',
  'transfer',
  'complete',
  'deliver',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_CHANNELS = ['window', 'agent', 'online', 'kiosk'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** What a transition does to the time-limit clock (DOMAIN.md rule 4). */
export const CLOCK_EFFECTS = ['none', 'start', 'pause', 'resume', 'stop'] as const;
export type ClockEffect = (typeof CLOCK_EFFECTS)[number];

export const CLOCK_STATES = ['not_started', 'running', 'paused', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type Outcome = 'approved' | 'denied';

/** A special procedure (特殊环节) the item declares: the only reason besides supplements to pause the clock. */
export interface SpecialStep {
  name: string;
  /** its own limit in working days */
  limitDays: number;
  /** 是否计入法定办结时限: true = the legal deadline keeps running during the step */
  countsTowardLegal: boolean;
}

/**
 * The facts of the catalog item that the case rules read. A structural subset of the catalog item
 * (the design's catalog.json, shipped as src/modules/demo/catalog.json, plus `specialSteps`), so the service can pass the item as it is.
 */
export interface CaseItemFacts {
  name: string;
  department: string;
  window: string;
  /** the level that decides it */
  level: OrgLevel;
  /** the levels that may receive it */
  acceptLevels: readonly OrgLevel[];
  kind: 'immediate' | 'promised';
  legalDays: number | null;
  promisedDays: number;
  /** departments that review in parallel (联办); empty for ordinary items */
  joint: readonly string[];
  specialSteps: readonly SpecialStep[];
  inPersonRequired: boolean;
  proxyAllowed: boolean;
  onlineAllowed: boolean;
  materials: readonly { name: string; main: boolean }[];
  fee: { amount: number };
}

/** The one-time notice (一次性告知书). A case has at most one. */
export interface SupplementNotice {
  /** every missing or defective material, by its name in the guide */
  missing: string[];
  defectNote: string | null;
  at: string;
}

/** A later request to resubmit a material already on file because it is defective (rule 1's exception). */
export interface DefectRequest {
  materials: string[];
  note: string;
  at: string;
}

/** Forwarded (village → township) or escalated (township → county), not yet received there. */
export interface Transit {
  from: OrgLevel;
  to: OrgLevel;
  urgent: boolean;
  at: string;
}

export interface ActiveStep {
  name: string;
  limitDays: number;
  countsTowardLegal: boolean;
}

export interface PendingExtension {
  reason: string;
  days: number;
  requestedAt: string;
}

export interface JointReview {
  department: string;
  opinion: 'agree' | 'disagree';
  comment: string;
  at: string;
}

export interface Refusal {
  reasons: string;
  basis: string;
}

export interface Delivery {
  method: 'window' | 'mail' | 'agent';
  at: string;
}

export interface CaseState {
  kind: CaseKind;
  status: CaseStatus;
  /** where the applicant came in; results and return notices go back there */
  receivingLevel: OrgLevel;
  /** who has the case now */
  holderLevel: OrgLevel;
  transit: Transit | null;
  windowId: string | null;
  item: CaseItemFacts;
  /** materials on file (at intake and supplied since), by their names in the guide */
  providedMaterials: string[];
  supplementNotice: SupplementNotice | null;
  defectRequests: DefectRequest[];
  clock: ClockState;
  /** when the clock was paused (supplement or special step); null unless clock is 'paused' */
  pausedAt: string | null;
  activeStep: ActiveStep | null;
  /** when the clock started: day D of rule 3 */
  acceptedAt: string | null;
  /** computed by the caller from the calendar (see DeadlineEffect) */
  dueAt: string | null;
  legalDueAt: string | null;
  /**
   * dueAt was counted through a year whose official arrangement is not imported yet (暂定, DOMAIN.md rule 3).
   * Absent on cases stored before it existed: false.
   */
  dueProvisional?: boolean;
  /** every deadline change in order, so importing a year can count them again (src/domain/cases/deadlines.ts) */
  deadlineLog?: DeadlineStep[];
  /** working days of approved extensions so far */
  extensionDays: number;
  /** working days the clock stood still in pauses that have ended (dueAt moved by them; the light leaves them out) */
  pausedDays?: number;
  pendingExtension: PendingExtension | null;
  reviews: JointReview[];
  outcome: Outcome | null;
  resultNo: string | null;
  refusal: Refusal | null;
  delivery: Delivery | null;
  /** when the case was decided (办结); null before, and for cases decided before it was kept (stored-state.ts v3) */
  completedAt: string | null;
  /** null: the applicant came in person; otherwise a proxy case (代理件) */
  proxy: { authorized: boolean } | null;
}

/**
 * One logged deadline change: the transition's DeadlineEffect (or, for a case stored before the log existed, the
 * dates it had then) and the office hours and zone it was counted in (null for those old dates).
 */
export interface DeadlineStep {
  effect: DeadlineEffect | { type: 'fixed'; dueAt: string | null; legalDueAt: string | null };
  hours: OfficeHours | null;
  timeZone: string | null;
}

// The Chinese names live in the one vocabulary (src/domain/vocabulary); re-exported until every importer uses it.
export { ACTION_NAMES } from '../vocabulary/actions.js';
export { KIND_NAMES, SIX_KIND_NAMES } from '../vocabulary/kinds.js';
export { STATUS_NAMES } from '../vocabulary/statuses.js';

/** The six kinds of DOMAIN.md (六件管理). */
export const SIX_KINDS = ['immediate', 'promised', 'supplement', 'returned', 'joint', 'escalated'] as const;
export type SixKind = (typeof SIX_KINDS)[number];

/** 退回件 if returned, 补办件 if a one-time notice was issued, else the stored kind. */
export function sixKindLabel(state: Pick<CaseState, 'kind' | 'status' | 'supplementNotice'>): SixKind {
  if (state.status === 'returned') return 'returned';
  if (state.supplementNotice !== null) return 'supplement';
  return state.kind;
}

/** 村便民服务室 / 乡镇便民服务中心 / 县政务服务中心 (default level names; deployments may rename them in the UI). */
export const centerName = (level: OrgLevel): string => `${DEFAULT_LEVEL_NAMES[level]}${CENTER_SUFFIX[level]}`;
