/** The standards module's tables (migration 0039): checklists, rounds, answers, gaps, photos, events. */
import { sql } from 'kysely';
import type { StandardAnswersTable, StandardChecklistsTable, StandardEventsTable, StandardGapsTable, StandardPhotosTable, StandardRoundsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type ChecklistRow = StandardChecklistsTable;
export type RoundRow = StandardRoundsTable;
export type AnswerRow = StandardAnswersTable;
export type GapRow = StandardGapsTable;
export type PhotoRow = StandardPhotosTable;

// ---- checklists

export const checklistVersions = (db: Db) => db.selectFrom('standard_checklists').selectAll().orderBy('level').orderBy('version', 'desc').execute();
export const findChecklist = (db: Db, id: string) => db.selectFrom('standard_checklists').selectAll().where('id', '=', id).executeTakeFirst();
export const latestChecklist = (db: Db, level: string) =>
  db.selectFrom('standard_checklists').selectAll().where('level', '=', level).orderBy('version', 'desc').limit(1).executeTakeFirst();
export const insertChecklist = (db: Db, row: ChecklistRow) => db.insertInto('standard_checklists').values(row).execute();

// ---- rounds

export const findRound = (db: Db, id: string) => db.selectFrom('standard_rounds').selectAll().where('id', '=', id).executeTakeFirst();
export const findRoundOf = (db: Db, orgId: string, year: number) =>
  db.selectFrom('standard_rounds').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
export const roundsOf = (db: Db, orgId: string) => db.selectFrom('standard_rounds').selectAll().where('org_id', '=', orgId).orderBy('year', 'desc').execute();
export const insertRound = (db: Db, row: RoundRow) => db.insertInto('standard_rounds').values(row).execute();

/** Bumps the round's version if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function touchRound(db: Db, id: string, expectedVersion: number, patch: Partial<Omit<RoundRow, 'id' | 'version'>>): Promise<boolean> {
  const result = await db
    .updateTable('standard_rounds')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest round of each of `orgIds` (of `year`, or the newest year when none is given). */
export async function latestRounds(db: Db, orgIds: readonly string[], year: number | null): Promise<RoundRow[]> {
  if (orgIds.length === 0) return [];
  let q = db.selectFrom('standard_rounds as r').selectAll('r').where('r.org_id', 'in', [...orgIds]);
  if (year !== null) q = q.where('r.year', '=', year);
  else q = q.where(({ eb, selectFrom }) => eb('r.year', '=', selectFrom('standard_rounds as o').select(({ fn }) => fn.max('o.year').as('y')).whereRef('o.org_id', '=', 'r.org_id')));
  return q.execute();
}

// ---- answers

export const answersOf = (db: Db, roundId: string) => db.selectFrom('standard_answers').selectAll().where('round_id', '=', roundId).execute();

export async function upsertAnswer(db: Db, row: AnswerRow): Promise<void> {
  const { round_id, item_code, ...rest } = row;
  await db
    .insertInto('standard_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['round_id', 'item_code']).doUpdateSet(rest))
    .execute();
  void round_id;
  void item_code;
}

export async function setInspected(db: Db, roundId: string, code: string, patch: Pick<AnswerRow, 'inspected_score' | 'inspected_value' | 'inspect_note' | 'updated_by' | 'updated_at'>): Promise<void> {
  const updated = await db.updateTable('standard_answers').set(patch).where('round_id', '=', roundId).where('item_code', '=', code).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto('standard_answers')
      .values({ round_id: roundId, item_code: code, met: null, value: null, text: null, note: null, self_score: null, ...patch })
      .execute();
  }
}

// ---- gaps

export const gapsOf = (db: Db, roundId: string) => db.selectFrom('standard_gaps').selectAll().where('round_id', '=', roundId).orderBy('created_at').orderBy('item_code').execute();
export const findGap = (db: Db, id: string) => db.selectFrom('standard_gaps').selectAll().where('id', '=', id).executeTakeFirst();
export const insertGaps = (db: Db, rows: GapRow[]) => (rows.length === 0 ? Promise.resolve() : db.insertInto('standard_gaps').values(rows).execute().then(() => undefined));

export async function touchGap(db: Db, id: string, expectedVersion: number, patch: Partial<Omit<GapRow, 'id' | 'version'>>): Promise<boolean> {
  const result = await db
    .updateTable('standard_gaps')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gaps of the given rounds with what the table needs. */
export const gapStatesOf = (db: Db, roundIds: readonly string[]) =>
  roundIds.length === 0
    ? Promise.resolve([] as Pick<GapRow, 'round_id' | 'status' | 'due_date'>[])
    : db.selectFrom('standard_gaps').select(['round_id', 'status', 'due_date']).where('round_id', 'in', [...roundIds]).where('status', '!=', 'confirmed').execute();

/** Every gap still without a rectification (open, or sent back) of a round being rectified, with its center. */
export const unrectifiedGaps = (db: Db) =>
  db
    .selectFrom('standard_gaps')
    .innerJoin('standard_rounds', 'standard_rounds.id', 'standard_gaps.round_id')
    .select(['standard_rounds.org_id', 'standard_gaps.status', 'standard_gaps.due_date'])
    .where('standard_gaps.status', '=', 'open')
    .where('standard_rounds.status', '=', 'rectifying')
    .execute();

// ---- photos

export const photosOf = (db: Db, roundId: string) => db.selectFrom('standard_photos').selectAll().where('round_id', '=', roundId).orderBy('uploaded_at').execute();
export const findPhoto = (db: Db, id: string) => db.selectFrom('standard_photos').selectAll().where('id', '=', id).executeTakeFirst();
export const findPhotoBySlot = (db: Db, roundId: string, code: string, slot: string, hash: string) =>
  db.selectFrom('standard_photos').selectAll().where('round_id', '=', roundId).where('item_code', '=', code).where('slot', '=', slot).where('hash', '=', hash).executeTakeFirst();
export const insertPhoto = (db: Db, row: PhotoRow) => db.insertInto('standard_photos').values(row).execute();
export const deletePhoto = (db: Db, id: string) => db.deleteFrom('standard_photos').where('id', '=', id).execute();

// ---- events

/** Appends to the round's timeline (the next number; writers of a round are serialised by its version). */
export async function insertEvent(db: Db, row: Omit<StandardEventsTable, 'seq'>): Promise<void> {
  const last = await db.selectFrom('standard_events').select(({ fn }) => fn.max('seq').as('seq')).where('round_id', '=', row.round_id).executeTakeFirst();
  await db.insertInto('standard_events').values({ ...row, seq: Number(last?.seq ?? 0) + 1 }).execute();
}
export const eventsOf = (db: Db, roundId: string) => db.selectFrom('standard_events').selectAll().where('round_id', '=', roundId).orderBy('seq').execute();
