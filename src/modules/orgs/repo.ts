import type { Updateable } from 'kysely';
import { updateVersioned } from '../../db/versioned.js';
import type { Db } from '../../server/context.js';
import type { OrgsTable } from '../../db/schema.js';

export const listOrgs = (db: Db) => db.selectFrom('orgs').selectAll().orderBy('code').execute();

export const findOrg = (db: Db, id: string) => db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCode = (db: Db, code: string) =>
  db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();

export const insertOrg = (db: Db, row: OrgsTable) => db.insertInto('orgs').values(row).execute();

export const updateOrg = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<OrgsTable>) =>
  updateVersioned(db, 'orgs', id, expectedVersion, patch);

/** The organisations with these ids (nulls and repeats ignored), by id: for other modules' lists. */
export async function orgsByIds(db: Db, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, OrgsTable>();
  const rows = await db.selectFrom('orgs').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
