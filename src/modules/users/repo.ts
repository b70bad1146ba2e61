import type { Updateable } from 'kysely';
import { updateVersioned } from '../../db/versioned.js';
import type { UsersTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const listUsers = (db: Db, orgIds: string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('users').selectAll().where('org_id', 'in', orgIds).orderBy('username').execute();

export const findUser = (db: Db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const insertUser = (db: Db, row: UsersTable) => db.insertInto('users').values(row).execute();

export const updateUser = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<UsersTable>) =>
  updateVersioned(db, 'users', id, expectedVersion, patch);
