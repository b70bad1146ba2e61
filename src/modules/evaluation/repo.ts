/**
 * The SQL of rating capture (tables of migration 0021: ratings, rating_pads, rating_openings, evaluation_secrets).
 * Other modules' data is read through their functions (case-facts.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { RatingOpeningsTable, RatingPadsTable, RatingsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type RatingRow = Selectable<RatingsTable>;
export type PadRow = Selectable<RatingPadsTable>;
export type OpeningRow = Selectable<RatingOpeningsTable>;

export const findRating = (db: Db, caseId: string, raterKey: string, round: number) =>
  db.selectFrom('ratings').selectAll().where('case_id', '=', caseId).where('rater_key', '=', raterKey).where('round', '=', round).executeTakeFirst();

export const ratingById = (db: Db, id: string) => db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();

export const ratingByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('ratings').selectAll().where('entered_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();

export const ratingsOfCase = (db: Db, caseId: string) =>
  db.selectFrom('ratings').selectAll().where('case_id', '=', caseId).orderBy('round').orderBy('rated_at').execute();

export const insertRating = (db: Db, row: Insertable<RatingsTable>) => db.insertInto('ratings').values(row).execute();

/** A real rating replaces the default that stood in for the rater (same row; only while it is still the default). */
export async function replaceDefault(db: Db, id: string, version: number, patch: Partial<Insertable<RatingsTable>>): Promise<boolean> {
  const r = await db
    .updateTable('ratings')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- openings: finished cases that may be rated

export const findOpening = (db: Db, caseId: string) => db.selectFrom('rating_openings').selectAll().where('case_id', '=', caseId).executeTakeFirst();

/** Written once per case (the consumer, or the first rating if it came first); a second write is ignored. */
export const insertOpening = (db: Db, row: Insertable<RatingOpeningsTable>) =>
  db.insertInto('rating_openings').values(row).onConflict((oc) => oc.column('case_id').doNothing()).execute();

export const markOpeningRated = (db: Db, caseId: string, at: string) =>
  db.updateTable('rating_openings').set({ rated_at: at }).where('case_id', '=', caseId).where('rated_at', 'is', null).execute();

/** Not yet rated, finished before `before`, without the named mark: the invitations or defaults due. */
export const openingsDue = (db: Db, mark: 'invited_at' | 'defaulted_at', before: string, limit: number, notBefore = '') =>
  db
    .selectFrom('rating_openings')
    .selectAll()
    .where('rated_at', 'is', null)
    .where('defaulted_at', 'is', null)
    .where(mark, 'is', null)
    .where('completed_at', '<', before)
    .where('completed_at', '>=', notBefore)
    .orderBy('completed_at')
    .orderBy('case_id')
    .limit(limit)
    .execute();

/** Marks the opening; false when another run marked it first (the job then does nothing for it). */
export async function markOpening(db: Db, caseId: string, mark: 'invited_at' | 'defaulted_at', at: string): Promise<boolean> {
  const r = await db.updateTable('rating_openings').set({ [mark]: at }).where('case_id', '=', caseId).where(mark, 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest finished case at a window since `since` that nobody has rated (the pad's offer). */
export const latestOpeningAtWindow = (db: Db, windowId: string, since: string) =>
  db
    .selectFrom('rating_openings')
    .selectAll()
    .where('window_id', '=', windowId)
    .where('completed_at', '>=', since)
    .where('rated_at', 'is', null)
    .orderBy('completed_at', 'desc')
    .limit(1)
    .executeTakeFirst();

// ---- pads

export const insertPad = (db: Db, row: Insertable<RatingPadsTable>) => db.insertInto('rating_pads').values(row).execute();

export const padByTokenHash = (db: Db, hash: string) =>
  db.selectFrom('rating_pads').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();

export const padById = (db: Db, id: string) => db.selectFrom('rating_pads').selectAll().where('id', '=', id).executeTakeFirst();

export const padsOf = (db: Db, orgIds: readonly string[]) =>
  orgIds.length === 0
    ? Promise.resolve([] as PadRow[])
    : db.selectFrom('rating_pads').selectAll().where('org_id', 'in', [...orgIds]).orderBy('registered_at', 'desc').execute();

export async function revokePad(db: Db, id: string, version: number, by: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('rating_pads')
    .set({ revoked_at: at, revoked_by: by, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const touchPad = (db: Db, id: string, at: string) => db.updateTable('rating_pads').set({ last_seen_at: at }).where('id', '=', id).execute();

// ---- the rating links' key

/** The HMAC key of rating links: made once, then the same for every process (the first insert wins). */
export async function linkSecret(db: Db, at: string): Promise<Buffer> {
  const name = 'rating-link';
  const found = await db.selectFrom('evaluation_secrets').select('secret').where('name', '=', name).executeTakeFirst();
  if (found) return Buffer.from(found.secret, 'base64');
  await db
    .insertInto('evaluation_secrets')
    .values({ name, secret: randomBytes(32).toString('base64'), created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('evaluation_secrets').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64');
}

// ---- the list (GET /api/evaluations) and the export

export interface RatingFilter {
  orgIds: readonly string[];
  orgId?: string | undefined;
  windowId?: string | undefined;
  level?: string | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  caseId?: string | undefined;
}

function filtered(db: Db, f: RatingFilter) {
  let q = db.selectFrom('ratings').where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : ['-']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.windowId) q = q.where('window_id', '=', f.windowId);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.from) q = q.where('rated_at', '>=', f.from);
  if (f.to) q = q.where('rated_at', '<', f.to);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  return q;
}

export const listRatings = (db: Db, f: RatingFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('rated_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();

export async function countRatings(db: Db, f: RatingFilter): Promise<number> {
  const r = await filtered(db, f).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
