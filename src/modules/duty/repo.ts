/** The duty module's tables (migration 0035): rosters, their days and changes, receptions, village office days. */
import { sql } from 'kysely';
import type { DutyReceptionsTable, DutyRosterChangesTable, DutyRostersTable, VillageOfficeDaysTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type RosterRow = DutyRostersTable;
export type ReceptionRow = DutyReceptionsTable;
export type OfficeDayRow = VillageOfficeDaysTable;

export const findRoster = (db: Db, orgId: string, month: string) =>
  db.selectFrom('duty_rosters').selectAll().where('org_id', '=', orgId).where('month', '=', month).executeTakeFirst();

export const insertRoster = (db: Db, row: RosterRow) => db.insertInto('duty_rosters').values(row).execute();

/** Bumps the roster's version if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function touchRoster(db: Db, id: string, expectedVersion: number, patch: Partial<Pick<RosterRow, 'status' | 'published_at' | 'published_by' | 'updated_by' | 'updated_at'>>): Promise<boolean> {
  const result = await db
    .updateTable('duty_rosters')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const rosterDays = (db: Db, rosterId: string) =>
  db.selectFrom('duty_roster_days').select(['day', 'user_id']).where('roster_id', '=', rosterId).orderBy('day').execute();

export async function replaceRosterDays(db: Db, rosterId: string, days: readonly { id: string; day: string; user_id: string }[]): Promise<void> {
  await db.deleteFrom('duty_roster_days').where('roster_id', '=', rosterId).execute();
  for (let i = 0; i < days.length; i += 200) {
    await db
      .insertInto('duty_roster_days')
      .values(days.slice(i, i + 200).map((d) => ({ ...d, roster_id: rosterId })))
      .execute();
  }
}

export async function setRosterDay(db: Db, rosterId: string, id: string, day: string, userId: string): Promise<void> {
  const updated = await db.updateTable('duty_roster_days').set({ user_id: userId }).where('roster_id', '=', rosterId).where('day', '=', day).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('duty_roster_days').values({ id, roster_id: rosterId, day, user_id: userId }).execute();
}

export const insertChange = (db: Db, row: DutyRosterChangesTable) => db.insertInto('duty_roster_changes').values(row).execute();
export const changesOf = (db: Db, rosterId: string) =>
  db.selectFrom('duty_roster_changes').selectAll().where('roster_id', '=', rosterId).orderBy('at', 'desc').orderBy('version', 'desc').execute();

/** The last leader on duty before `month` at the center (published or draft), to continue the rotation. */
export const lastLeaderBefore = (db: Db, orgId: string, month: string) =>
  db
    .selectFrom('duty_roster_days as d')
    .innerJoin('duty_rosters as r', 'r.id', 'd.roster_id')
    .select(['d.user_id'])
    .where('r.org_id', '=', orgId)
    .where('r.month', '<', month)
    .orderBy('d.day', 'desc')
    .limit(1)
    .executeTakeFirst();

// ---- receptions

export const insertReception = (db: Db, row: ReceptionRow) => db.insertInto('duty_receptions').values(row).execute();
export const findReception = (db: Db, id: string) => db.selectFrom('duty_receptions').selectAll().where('id', '=', id).executeTakeFirst();
/** Changes a reception if it is still at `version`; false when someone changed it meanwhile. */
export async function updateReception(
  db: Db,
  id: string,
  version: number,
  patch: Pick<ReceptionRow, 'visitor_name' | 'visitor_phone' | 'matter' | 'handling' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const res = await db.updateTable('duty_receptions').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
export const findReceptionByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('duty_receptions').selectAll().where('created_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
export const receptionsOf = (db: Db, orgId: string, from: string, to: string) =>
  db
    .selectFrom('duty_receptions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1000)
    .execute();

// ---- village office days

export const officeDaysOf = (db: Db, orgIds: readonly string[]) =>
  orgIds.length === 0 ? Promise.resolve([] as OfficeDayRow[]) : db.selectFrom('village_office_days').selectAll().where('org_id', 'in', [...orgIds]).execute();

export const insertOfficeDay = (db: Db, row: OfficeDayRow) => db.insertInto('village_office_days').values(row).execute();

export async function updateOfficeDay(db: Db, orgId: string, expectedVersion: number, patch: Pick<OfficeDayRow, 'weekdays' | 'note' | 'updated_by' | 'updated_at'>): Promise<boolean> {
  const result = await db
    .updateTable('village_office_days')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('org_id', '=', orgId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
