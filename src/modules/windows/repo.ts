import type { Updateable } from 'kysely';
import { updateVersioned } from '../../db/versioned.js';
import type { WindowsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const listWindows = (db: Db, orgIds: string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('windows')
        .leftJoin('users as a', 'a.id', 'windows.post_a_user_id')
        .leftJoin('users as b', 'b.id', 'windows.post_b_user_id')
        .selectAll('windows')
        .select(['a.name as post_a_name', 'b.name as post_b_name', 'a.away as post_a_away', 'b.away as post_b_away'])
        .where('windows.org_id', 'in', orgIds)
        .orderBy('windows.org_id')
        .orderBy('windows.name')
        .execute();

export const findWindow = (db: Db, id: string) =>
  db.selectFrom('windows').selectAll().where('id', '=', id).executeTakeFirst();

export const findWindowByName = (db: Db, orgId: string, name: string) =>
  db.selectFrom('windows').selectAll().where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();

export const insertWindow = (db: Db, row: WindowsTable) => db.insertInto('windows').values(row).execute();

export const updateWindow = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<WindowsTable>) =>
  updateVersioned(db, 'windows', id, expectedVersion, patch);
