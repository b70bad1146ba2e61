/** The SQL of 差评整改工单 and 申诉复核 (tables of migration 0022; ratings of 0021 for the appeal's exclusion). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { RatingAppealsTable, RatingWorkOrdersTable, RatingWorkOrderStepsTable, RatingsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type WorkOrderRow = Selectable<RatingWorkOrdersTable>;
export type WorkOrderStepRow = Selectable<RatingWorkOrderStepsTable>;
export type AppealRow = Selectable<RatingAppealsTable>;
export type RatingRow = Selectable<RatingsTable>;

export const findWorkOrder = (db: Db, id: string) => db.selectFrom('rating_work_orders').selectAll().where('id', '=', id).executeTakeFirst();
export const findWorkOrderByRating = (db: Db, ratingId: string) =>
  db.selectFrom('rating_work_orders').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const insertWorkOrder = (db: Db, row: Insertable<RatingWorkOrdersTable>) =>
  db.insertInto('rating_work_orders').values(row).onConflict((oc) => oc.column('rating_id').doNothing()).executeTakeFirst();

/** Changes a work order at the version the caller read; false when someone else changed it first. */
export async function updateWorkOrder(db: Db, id: string, expectedVersion: number, patch: Updateable<RatingWorkOrdersTable>): Promise<boolean> {
  const r = await db.updateTable('rating_work_orders').set({ ...patch, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The next number of the center's year, taken by one upsert (the row lock serialises two at the same moment). */
export async function nextWorkOrderSeq(db: Db, orgId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('rating_work_order_sequences')
    .values({ org_id: orgId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('rating_work_order_sequences.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export const workOrderSteps = (db: Db, id: string) =>
  db.selectFrom('rating_work_order_steps').selectAll().where('work_order_id', '=', id).orderBy('seq').execute();
export const insertWorkOrderStep = (db: Db, row: Insertable<RatingWorkOrderStepsTable>) => db.insertInto('rating_work_order_steps').values(row).execute();

export interface WorkOrderFilter {
  orgIds: readonly string[];
  status?: string | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  now: string;
}

function filtered(db: Db, f: WorkOrderFilter) {
  let q = db.selectFrom('rating_work_orders').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  // the light is the clock of the step owed now against `now` (the due instant itself is still in time)
  if (f.light === 'red') q = q.where('due_at', '<', f.now);
  if (f.light === 'yellow') q = q.where('due_at', '>=', f.now).where('yellow_at', '<=', f.now);
  if (f.light === 'green') q = q.where('yellow_at', '>', f.now);
  return q;
}

export async function listWorkOrders(db: Db, f: WorkOrderFilter, page: { offset: number; limit: number }) {
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll().orderBy('opened_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const workOrdersByRatings = (db: Db, ratingIds: readonly string[]) =>
  ratingIds.length === 0 ? Promise.resolve([]) : db.selectFrom('rating_work_orders').selectAll().where('rating_id', 'in', [...ratingIds]).execute();

/** The work orders of one case, oldest first (立卷归档 asks whether any is still open). */
export const workOrdersOfCase = (db: Db, caseId: string) =>
  db.selectFrom('rating_work_orders').select(['id', 'work_order_no', 'status', 'opened_at']).where('case_id', '=', caseId).orderBy('opened_at').orderBy('id').execute();

/** Open work orders whose current step turned yellow or red and whose warning of that colour is not yet sent. */
export const workOrdersToWarn = (db: Db, now: string) =>
  db
    .selectFrom('rating_work_orders')
    .selectAll()
    .where('status', 'in', ['visit_pending', 'rectifying'])
    .where('yellow_at', '<=', now)
    .where((eb) => eb.or([eb('warned', 'is', null), eb.and([eb('warned', '=', 'yellow'), eb('due_at', '<', now)])]))
    .limit(500)
    .execute();

/** Open work orders whose step owed now is overdue (the supervision rules JC-12 / JC-13 look at them). */
export const overdueWorkOrders = (db: Db, now: string) =>
  db.selectFrom('rating_work_orders').selectAll().where('status', 'in', ['visit_pending', 'rectifying']).where('due_at', '<', now).orderBy('due_at').limit(1000).execute();

export const markWarned = (db: Db, id: string, version: number, warned: string) =>
  db.updateTable('rating_work_orders').set({ warned }).where('id', '=', id).where('version', '=', version).execute();

// ------------------------------------------------------------------------------------------------- ratings

export const findRating = (db: Db, id: string) => db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();

export async function excludeRating(db: Db, rating: RatingRow, patch: { at: string; by: string; reason: string; appealId: string }): Promise<boolean> {
  const r = await db
    .updateTable('ratings')
    .set({ excluded_at: patch.at, excluded_by: patch.by, excluded_reason: patch.reason, appeal_id: patch.appealId, version: rating.version + 1 })
    .where('id', '=', rating.id)
    .where('version', '=', rating.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertRating = (db: Db, row: Insertable<RatingsTable>) => db.insertInto('ratings').values(row).execute();

// ------------------------------------------------------------------------------------------------- appeals

export const findAppeal = (db: Db, id: string) => db.selectFrom('rating_appeals').selectAll().where('id', '=', id).executeTakeFirst();
export const findAppealByRating = (db: Db, ratingId: string) => db.selectFrom('rating_appeals').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const insertAppeal = (db: Db, row: Insertable<RatingAppealsTable>) => db.insertInto('rating_appeals').values(row).execute();
export async function updateAppeal(db: Db, id: string, expectedVersion: number, patch: Updateable<RatingAppealsTable>): Promise<boolean> {
  const r = await db.updateTable('rating_appeals').set({ ...patch, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const appealsByRatings = (db: Db, ratingIds: readonly string[]) =>
  ratingIds.length === 0 ? Promise.resolve([]) : db.selectFrom('rating_appeals').selectAll().where('rating_id', 'in', [...ratingIds]).execute();

export async function listAppeals(db: Db, orgIds: readonly string[], status: string | undefined, page: { offset: number; limit: number }) {
  let q = db.selectFrom('rating_appeals').where('org_id', 'in', orgIds.length > 0 ? [...orgIds] : ['']);
  if (status) q = q.where('status', '=', status);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('requested_at', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// ------------------------------------------------------------------------------------------------- link key

/** The HMAC key of the fix-rating links (a row of the module's secrets, created on first use). */
export async function linkSecret(db: Db, name: string, fresh: string, at: string): Promise<string> {
  await db.insertInto('evaluation_secrets').values({ name, secret: fresh, created_at: at }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await db.selectFrom('evaluation_secrets').select('secret').where('name', '=', name).executeTakeFirstOrThrow()).secret;
}
