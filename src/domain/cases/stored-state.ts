/**
 * The case state as stored (the `case_states.state` JSON), with a schema version, so that adding a field is safe:
 * every read parses the JSON and upgrades an older version step by step to the current one; every write stores
 * the current version. A new field gets a new version and one upgrade step that fills it for the cases stored
 * before it existed — the rest of the code never meets a state without it.
 *
 * Versions:
 * - 1: the state as stored up to May 2026, without a version field. `dueProvisional` and `deadlineLog` may be
 *      missing (cases stored before rule 3's provisional dates and before deadlines were logged).
 * - 2: `schemaVersion: 2`; `dueProvisional` and `deadlineLog` always present.
 * - 3: `completedAt`, when the case was decided (办结): a delivery cannot be dated before it. Null for cases not yet
 *      decided, and for those decided before version 3 (the rules then fall back to acceptedAt).
 */
import { z } from 'zod';
import { ORG_LEVELS } from '../orgs/tree.js';
import { legacyDeadlineLog } from './deadlines.js';
import { CASE_KINDS, CASE_STATUSES, CLOCK_STATES, type CaseState } from './model.js';

export const CASE_STATE_VERSION = 3 as const;

const instant = z.string();
const level = z.enum(ORG_LEVELS);
const officeHours = z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() }).loose()) }).loose();
const deadlineEffect = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), from: instant, promisedDays: z.number(), legalDays: z.number().nullable() }),
  z.object({ type: z.literal('shift'), pausedAt: instant, resumedAt: instant, legal: z.boolean() }),
  z.object({ type: z.literal('extend'), days: z.number() }),
  z.object({ type: z.literal('fixed'), dueAt: instant.nullable(), legalDueAt: instant.nullable() }),
]);
const deadlineStep = z.object({ effect: deadlineEffect, hours: officeHours.nullable(), timeZone: z.string().nullable() });

/** The catalog item's facts as the case was opened with them; the item may carry more (kept as it is). */
const itemFacts = z
  .object({
    name: z.string(),
    department: z.string(),
    window: z.string(),
    level,
    acceptLevels: z.array(level),
    kind: z.enum(['immediate', 'promised']),
    legalDays: z.number().nullable(),
    promisedDays: z.number(),
    // items snapshotted before joint review and special steps existed have neither: none
    joint: z.array(z.string()).default([]),
    specialSteps: z.array(z.object({ name: z.string(), limitDays: z.number(), countsTowardLegal: z.boolean() }).loose()).default([]),
    inPersonRequired: z.boolean(),
    proxyAllowed: z.boolean(),
    onlineAllowed: z.boolean(),
    materials: z.array(z.object({ name: z.string(), main: z.boolean() }).loose()),
    fee: z.object({ amount: z.number() }).loose(),
  })
  .loose();

const stateV1 = z.object({
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  receivingLevel: level,
  holderLevel: level,
  transit: z.object({ from: level, to: level, urgent: z.boolean(), at: instant }).nullable(),
  windowId: z.string().nullable(),
  item: itemFacts,
  providedMaterials: z.array(z.string()),
  supplementNotice: z.object({ missing: z.array(z.string()), defectNote: z.string().nullable(), at: instant }).nullable(),
  defectRequests: z.array(z.object({ materials: z.array(z.string()), note: z.string(), at: instant })),
  clock: z.enum(CLOCK_STATES),
  pausedAt: instant.nullable(),
  activeStep: z.object({ name: z.string(), limitDays: z.number(), countsTowardLegal: z.boolean() }).nullable(),
  acceptedAt: instant.nullable(),
  dueAt: instant.nullable(),
  legalDueAt: instant.nullable(),
  dueProvisional: z.boolean().optional(),
  deadlineLog: z.array(deadlineStep).optional(),
  extensionDays: z.number(),
  pausedDays: z.number().optional(),
  pendingExtension: z.object({ reason: z.string(), days: z.number(), requestedAt: instant }).nullable(),
  reviews: z.array(
    z.object({ department: z.string(), opinion: z.enum(['agree', 'disagree']), comment: z.string(), at: instant }),
  ),
  outcome: z.enum(['approved', 'denied']).nullable(),
  resultNo: z.string().nullable(),
  refusal: z.object({ reasons: z.string(), basis: z.string() }).nullable(),
  delivery: z.object({ method: z.enum(['window', 'mail', 'agent']), at: instant }).nullable(),
  proxy: z.object({ authorized: z.boolean() }).nullable(),
});

const stateV2 = stateV1.extend({
  schemaVersion: z.literal(2),
  dueProvisional: z.boolean(),
  deadlineLog: z.array(deadlineStep),
});

const stateV3 = stateV2.extend({
  schemaVersion: z.literal(3),
  completedAt: instant.nullable(),
});

type Older = Pick<CaseState, 'dueAt' | 'legalDueAt'> & Partial<Pick<CaseState, 'dueProvisional' | 'deadlineLog' | 'completedAt'>>;

/**
 * Any older version → the current one: the version, and each field a case stored before it lacks, as the rules read
 * it then (1 → 2: dueProvisional, deadlineLog; 2 → 3: completedAt).
 */
export function upgrade<S extends Older>(old: S) {
  return {
    ...old,
    schemaVersion: CASE_STATE_VERSION,
    dueProvisional: old.dueProvisional ?? false,
    deadlineLog: old.deadlineLog ?? legacyDeadlineLog(old),
    completedAt: old.completedAt ?? null,
  };
}

/** The state to store: always the current version. */
export const toStoredState = (state: CaseState): CaseState & { schemaVersion: typeof CASE_STATE_VERSION } => upgrade(state);

export class StoredStateError extends Error {}

/**
 * A stored state read back as the current version. An unknown or newer version, or a state that does not parse, is
 * a fault of the data or of a deployment older than the data — never a clerk's — and is thrown as such.
 */
export function readStoredState(json: unknown): CaseState {
  const version = typeof json === 'object' && json !== null && 'schemaVersion' in json ? (json as { schemaVersion: unknown }).schemaVersion : 1;
  const schema = version === 1 ? stateV1 : version === 2 ? stateV2 : version === 3 ? stateV3 : null;
  if (schema === null) throw new StoredStateError(`stored case state has version ${String(version)}; this program reads up to ${CASE_STATE_VERSION}`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new StoredStateError(`stored case state (version ${String(version)}) does not parse: ${parsed.error.message}`);
  const { schemaVersion: _version, ...state } = upgrade(parsed.data);
  return state as CaseState;
}
