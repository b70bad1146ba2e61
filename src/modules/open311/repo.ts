/** SQL of the open311 module: the third parties' API keys (open311_keys, 0030). */
import type { Open311KeysTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type KeyRow = Open311KeysTable;

export const insertKey = (db: Db, row: KeyRow) => db.insertInto('open311_keys').values(row).execute();

export const keyById = (db: Db, id: string) => db.selectFrom('open311_keys').selectAll().where('id', '=', id).executeTakeFirst();

/** The key with this hash that has not been revoked. */
export const activeKeyByHash = (db: Db, hash: string) =>
  db.selectFrom('open311_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();

/** Every key, the ones in use first, newest first. */
export const listKeys = (db: Db) =>
  db
    .selectFrom('open311_keys')
    .selectAll()
    .orderBy((eb) => eb.case().when('revoked_at', 'is', null).then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

/** Revokes a key still in use at the version the administrator saw; false if it changed or was revoked meanwhile. */
export async function revokeKey(db: Db, id: string, version: number, by: string, at: string, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('open311_keys')
    .set({ revoked_at: at, revoked_by: by, reason, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Notes the key's use (not a change of the record: the version stays). */
export const touchKey = (db: Db, id: string, at: string) => db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();

/** The names the keys were issued to (the third parties), by id: an application shows which platform filed it. */
export async function keyNamesByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('open311_keys').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
