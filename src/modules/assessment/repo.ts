/** The assessment module's tables (migration 0037). */
import { sql, type Insertable } from 'kysely';
import type { AssessmentAppealsTable, AssessmentItemsTable, AssessmentMonthsTable, AssessmentResultsTable, AssessmentRulesTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type RuleRow = AssessmentRulesTable;
export type MonthRow = AssessmentMonthsTable;
export type ItemRow = AssessmentItemsTable;
export type AppealRow = AssessmentAppealsTable;

// ---- rules
export const listRules = (db: Db) => db.selectFrom('assessment_rules').selectAll().orderBy('sort').orderBy('code').execute();
export const findRule = (db: Db, code: string) => db.selectFrom('assessment_rules').selectAll().where('code', '=', code).executeTakeFirst();
export async function updateRule(db: Db, code: string, expectedVersion: number, patch: Partial<Pick<RuleRow, 'points' | 'max_points' | 'cap' | 'enabled' | 'updated_by' | 'updated_at'>>): Promise<boolean> {
  const r = await db.updateTable('assessment_rules').set({ ...patch, version: sql<number>`version + 1` }).where('code', '=', code).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- months
export const findMonth = (db: Db, orgId: string, month: string) =>
  db.selectFrom('assessment_months').selectAll().where('org_id', '=', orgId).where('month', '=', month).executeTakeFirst();
export const monthsOf = (db: Db, orgIds: readonly string[], month: string) =>
  orgIds.length === 0 ? Promise.resolve([] as MonthRow[]) : db.selectFrom('assessment_months').selectAll().where('org_id', 'in', [...orgIds]).where('month', '=', month).execute();
/** Inserts the month if it is not there yet (a race with another writer is harmless). */
export const ensureMonth = (db: Db, row: MonthRow) =>
  db.insertInto('assessment_months').values(row).onConflict((oc) => oc.columns(['org_id', 'month']).doNothing()).execute();
export async function touchMonth(db: Db, id: string, expectedVersion: number | null, patch: Partial<Pick<MonthRow, 'status' | 'computed_at' | 'closed_at' | 'closed_by' | 'updated_at'>>, onlyOpen = true): Promise<boolean> {
  let q = db.updateTable('assessment_months').set({ ...patch, version: sql<number>`version + 1` }).where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  if (onlyOpen) q = q.where('status', '=', 'open');
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

// ---- items
export const itemsOf = (db: Db, orgId: string, month: string) =>
  db.selectFrom('assessment_items').selectAll().where('org_id', '=', orgId).where('month', '=', month).orderBy('occurred_at').orderBy('id').execute();
export const findItem = (db: Db, id: string) => db.selectFrom('assessment_items').selectAll().where('id', '=', id).executeTakeFirst();
export const findItemByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('assessment_items').selectAll().where('created_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
export const insertItem = (db: Db, row: ItemRow) => db.insertInto('assessment_items').values(row).execute();
/** An automatic item, once: an item of the same source and subject kind already stored is left as it is. */
export async function insertAutoItem(db: Db, row: Insertable<ItemRow>): Promise<boolean> {
  const r = await db.insertInto('assessment_items').values(row).onConflict((oc) => oc.columns(['source_key', 'subject_kind']).doNothing()).returning('id').execute();
  return r.length > 0;
}
export const autoItemsOfMonths = (db: Db, orgIds: readonly string[], month: string) =>
  orgIds.length === 0
    ? Promise.resolve([] as ItemRow[])
    : db.selectFrom('assessment_items').selectAll().where('org_id', 'in', [...orgIds]).where('month', '=', month).where('origin', '=', 'auto').execute();
export async function setItemStatus(db: Db, id: string, expectedVersion: number | null, status: ItemRow['status'], at: string): Promise<boolean> {
  let q = db.updateTable('assessment_items').set({ status, updated_at: at, version: sql<number>`version + 1` }).where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

// ---- appeals
export const appealsOf = (db: Db, orgId: string, month: string) =>
  db.selectFrom('assessment_appeals').selectAll().where('org_id', '=', orgId).where('month', '=', month).orderBy('created_at').execute();
export const findAppeal = (db: Db, id: string) => db.selectFrom('assessment_appeals').selectAll().where('id', '=', id).executeTakeFirst();
export const findAppealOfItem = (db: Db, itemId: string) => db.selectFrom('assessment_appeals').selectAll().where('item_id', '=', itemId).executeTakeFirst();
export const insertAppeal = (db: Db, row: AppealRow) => db.insertInto('assessment_appeals').values(row).execute();
export async function decideAppealRow(db: Db, id: string, expectedVersion: number, patch: Pick<AppealRow, 'status' | 'decided_by' | 'decided_at' | 'decision_reason' | 'updated_at'>): Promise<boolean> {
  const r = await db
    .updateTable('assessment_appeals')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export async function pendingAppealCount(db: Db, orgId: string, month: string): Promise<number> {
  const r = await db.selectFrom('assessment_appeals').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('month', '=', month).where('status', '=', 'pending').executeTakeFirst();
  return Number(r?.n ?? 0);
}

// ---- chiefs
export const chiefsOf = (db: Db, windowIds: readonly string[]) =>
  windowIds.length === 0 ? Promise.resolve([]) : db.selectFrom('assessment_chiefs').selectAll().where('window_id', 'in', [...windowIds]).execute();
export async function setChief(db: Db, windowId: string, userId: string | null, by: string, at: string): Promise<void> {
  await db.deleteFrom('assessment_chiefs').where('window_id', '=', windowId).execute();
  if (userId) await db.insertInto('assessment_chiefs').values({ window_id: windowId, user_id: userId, updated_by: by, updated_at: at }).execute();
}

// ---- results
export async function replaceResults(db: Db, orgId: string, month: string, rows: readonly AssessmentResultsTable[]): Promise<void> {
  await db.deleteFrom('assessment_results').where('org_id', '=', orgId).where('month', '=', month).execute();
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('assessment_results').values(rows.slice(i, i + 100)).execute();
}
export const resultsOf = (db: Db, orgId: string, month: string) =>
  db.selectFrom('assessment_results').selectAll().where('org_id', '=', orgId).where('month', '=', month).execute();
