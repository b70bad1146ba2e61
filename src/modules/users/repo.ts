import type { Updateable } from 'kysely';
import type { Role } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import { updateVersioned } from '../../db/versioned.js';
import type { UsersTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const listUsers = (db: Db, orgIds: string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('users').selectAll().where('org_id', 'in', orgIds).orderBy('username').execute();

/** The active people of a center who hold a role (its directors, a village's agents): whom its messages go to. */
export async function activeWithRole(db: Db, orgId: string, role: Role): Promise<string[]> {
  return (await listUsers(db, [orgId])).filter((u) => toBool(u.active) && fromJson<Role[]>(u.roles, []).includes(role)).map((u) => u.id);
}

export const findUser = (db: Db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const insertUser = (db: Db, row: UsersTable) => db.insertInto('users').values(row).execute();

export const updateUser = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<UsersTable>) =>
  updateVersioned(db, 'users', id, expectedVersion, patch);

/** One person as other modules' lists show them: they ask here instead of joining the users table. */
export interface PersonName {
  id: string;
  name: string;
  username: string;
  away: UsersTable['away'];
}

/** The people with these ids (nulls and repeats ignored), by id. */
export async function peopleByIds(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, PersonName>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name', 'username', 'away']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Signing in and changing one's own password (the auth module's use cases) write these. */
export const recordSuccessfulLogin = (db: Db, userId: string, at: string) =>
  db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();

export const setOwnPassword = (db: Db, userId: string, passwordHash: string, at: string) =>
  db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, must_change_password: 0, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();

/** A person's photo (政务公开) is set or removed: the row's version moves, so an open edit form sees the change. */
export const setPhotoHash = (db: Db, userId: string, hash: string | null, at: string) =>
  db
    .updateTable('users')
    .set((eb) => ({ photo_hash: hash, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();

/** What the public photo address may know of a person: whether they are active staff, and their photo. */
export const publicPhotoOf = (db: Db, userId: string) =>
  db.selectFrom('users').select(['photo_hash', 'active']).where('id', '=', userId).executeTakeFirst();


/**
 * 入职/服务起始日期 of people (评先评优): the date entered in the user form, else the local day their account was
 * created, in `timeZone`.
 */
export async function serviceStartsOf(db: Db, ids: readonly string[], localDay: (instant: Date) => string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'service_start_date', 'created_at']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.service_start_date ?? localDay(new Date(r.created_at))]));
}
