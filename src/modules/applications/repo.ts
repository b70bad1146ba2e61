/** Online applications' tables (migration 0029): applications, their steps and files, and evidence. Only this module names them. */
import { sql } from 'kysely';
import type { ApplicationFilesTable, ApplicationStepsTable, ApplicationsTable, EvidenceTable } from '../../db/schema.js';
import { holderName, holderNumber, holderOf, type Holder } from '../../domain/applications/evidence.js';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type ApplicationRow = ApplicationsTable;
export type ApplicationStepRow = ApplicationStepsTable;
export type ApplicationFileRow = ApplicationFilesTable;
export type EvidenceRow = EvidenceTable;

export const findApplication = (db: Db, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();

export const findByKey = (db: Db, applicantId: string, key: string) =>
  db.selectFrom('applications').selectAll().where('applicant_id', '=', applicantId).where('idempotency_key', '=', key).executeTakeFirst();

export const findByCase = (db: Db, caseId: string) => db.selectFrom('applications').selectAll().where('case_id', '=', caseId).executeTakeFirst();

/** The day's next number over all centers (the unique index refuses a number taken at the same moment). */
export async function nextSeq(db: Db, day: string): Promise<number> {
  const row = await db.selectFrom('applications').select((eb) => eb.fn.max('seq').as('last')).where('day', '=', day).executeTakeFirst();
  return toCount(row?.last ?? 0) + 1;
}

export const insertApplication = (db: Db, row: ApplicationRow) => db.insertInto('applications').values(row).execute();

export type ApplicationPatch = Partial<Omit<ApplicationRow, 'id' | 'application_no' | 'version'>>;

/** Changes the application only if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function updateApplication(db: Db, id: string, expectedVersion: number, patch: ApplicationPatch): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertStep = (db: Db, row: ApplicationStepRow) => db.insertInto('application_steps').values(row).execute();

export const stepsOf = (db: Db, applicationId: string) =>
  db.selectFrom('application_steps').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();

export const insertFiles = async (db: Db, rows: readonly ApplicationFileRow[]) => {
  if (rows.length > 0) await db.insertInto('application_files').values([...rows]).execute();
};

export const filesOfApplication = (db: Db, applicationId: string) =>
  db.selectFrom('application_files').selectAll().where('application_id', '=', applicationId).orderBy('uploaded_at').orderBy('material_name').execute();

export const findFile = (db: Db, applicationId: string, fileId: string) =>
  db.selectFrom('application_files').selectAll().where('application_id', '=', applicationId).where('id', '=', fileId).executeTakeFirst();

export interface ApplicationFilter {
  orgIds?: readonly string[];
  applicantId?: string;
  status?: ApplicationRow['status'];
  /**
   * 否定报备 (0046): to-review — returned at pre-review, not reviewed by the director yet; objections — the director
   * questioned the return (有异议) and the window has not answered yet.
   */
  refusal?: 'to-review' | 'objections';
  limit: number;
  offset: number;
}

function filtered(db: Db, f: ApplicationFilter) {
  let q = db.selectFrom('applications');
  if (f.orgIds) q = q.where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.applicantId) q = q.where('applicant_id', '=', f.applicantId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.refusal === 'to-review') q = q.where('status', '=', 'returned').where('refusal_reviewed_at', 'is', null);
  if (f.refusal === 'objections') q = q.where('refusal_review', '=', 'questioned').where('refusal_answered_at', 'is', null);
  return q;
}

/** A page of applications: the window's queue oldest due first, an applicant's newest first. */
export async function listApplications(db: Db, f: ApplicationFilter): Promise<{ rows: ApplicationRow[]; total: number }> {
  let rows = filtered(db, f).selectAll();
  rows = f.applicantId ? rows.orderBy('created_at', 'desc') : rows.orderBy('pre_review_due_at').orderBy('submitted_at');
  const [page, count] = await Promise.all([
    rows.limit(f.limit).offset(f.offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: page, total: toCount(count.n) };
}

/** The evidence of a real-named person or organization (same kind, number and name: evidence.ts sameHolder). */
export const evidenceOf = (db: Db, holder: Holder) =>
  db
    .selectFrom('evidence')
    .selectAll()
    .where('holder_number', '=', holderNumber(holder.number))
    .where('holder_kind', '=', holder.kind)
    .where('holder_name', '=', holderName(holder.name))
    .orderBy('checked_at', 'desc')
    .execute();

/** The holder of an account's applications: its real-named number and name (null: not real-named yet). */
export const holderOfAccount = (a: { kind: 'person' | 'organization'; name: string; id_number: string | null; credit_code: string | null }): Holder | null => {
  const number = a.kind === 'organization' ? a.credit_code : a.id_number;
  return number ? holderOf({ kind: a.kind, number, name: a.name }) : null;
};

/** The holder an application was made for (the number and name it was made with). */
export const holderOfApplication = (r: Pick<ApplicationRow, 'applicant_kind' | 'applicant_number' | 'applicant_name'>): Holder =>
  holderOf({ kind: r.applicant_kind, number: r.applicant_number, name: r.applicant_name });

/** The evidence rows an application itself wrote (its uploads, its promises). */
export const evidenceOfApplication = (db: Db, applicationId: string) =>
  db.selectFrom('evidence').selectAll().where('application_id', '=', applicationId).orderBy('checked_at').execute();

/** Withdraws what one case kept of these materials (a defect the window found in them). */
export async function withdrawCaseEvidence(db: Db, caseId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('evidence').where('case_id', '=', caseId).where('material_key', 'in', [...keys]).where('level', '=', 'B').execute();
}

/** The columns of a promise's check (0043): empty on every row when written, filled by recordPromiseCheck only. */
type PromiseColumns = 'promise_due' | 'promise_result' | 'promise_note' | 'promise_checked_at' | 'promise_checked_by';
/** A row as written: without the check of a promise. */
export type NewEvidence = Omit<EvidenceRow, PromiseColumns>;
export const insertEvidence = async (db: Db, rows: readonly NewEvidence[]) => {
  if (rows.length > 0) await db.insertInto('evidence').values([...rows]).execute();
};

/** A case's promises (D), oldest first. */
export const promisesOfCase = (db: Db, caseId: string) =>
  db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).where('level', '=', 'D').orderBy('checked_at').orderBy('material_name').execute();

/** At acceptance: the application's promises belong to the case it became, with the last day of their check. */
export async function setPromisesDue(db: Db, applicationId: string, caseId: string, due: string): Promise<void> {
  await db.updateTable('evidence').set({ case_id: caseId, promise_due: due }).where('application_id', '=', applicationId).where('level', '=', 'D').execute();
}

/** Every promise of an accepted application not checked yet, with its last day. */
export const uncheckedPromises = (db: Db) =>
  db
    .selectFrom('evidence')
    .select(['id', 'case_id', 'promise_due'])
    .where('level', '=', 'D')
    .where('promise_result', 'is', null)
    .where('promise_due', 'is not', null)
    .where('case_id', 'is not', null)
    .execute();

/** Records a promise's check once: false when it was checked meanwhile. */
export async function recordPromiseCheck(db: Db, id: string, check: Pick<EvidenceRow, 'promise_result' | 'promise_note' | 'promise_checked_at' | 'promise_checked_by'>): Promise<boolean> {
  const res = await db.updateTable('evidence').set(check).where('id', '=', id).where('level', '=', 'D').where('promise_result', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---- Open311 (issue 11 §5): the applications third parties made, as GET requests reads them

export interface Open311Filter {
  numbers?: readonly string[];
  itemCode?: string;
  from: string;
  to: string;
}

/** Applications made through Open311, submitted within [from, to] (or by number), oldest first. */
export function listOpen311(db: Db, f: Open311Filter) {
  let q = db.selectFrom('applications').selectAll().where('source', '=', 'open311');
  if (f.numbers) q = q.where('application_no', 'in', f.numbers.length > 0 ? [...f.numbers] : ['']);
  else q = q.where('submitted_at', '>=', f.from).where('submitted_at', '<=', f.to);
  if (f.itemCode) q = q.where('item_code', '=', f.itemCode);
  return q.orderBy('submitted_at').orderBy('application_no').limit(10_000).execute();
}

export const findOpen311ByNo = (db: Db, applicationNo: string) =>
  db.selectFrom('applications').selectAll().where('source', '=', 'open311').where('application_no', '=', applicationNo).executeTakeFirst();

/** When each application last changed (its latest step), by id. */
export async function lastStepAt(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('application_steps').select(['application_id', (eb) => eb.fn.max('at').as('at')]).where('application_id', 'in', [...ids]).groupBy('application_id').execute();
  return new Map(rows.map((r) => [r.application_id, String(r.at)]));
}
