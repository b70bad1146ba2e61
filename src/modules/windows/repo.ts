import type { Updateable } from 'kysely';
import { updateVersioned } from '../../db/versioned.js';
import type { WindowsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';

/** The windows of these centers with the names and presence of the people at their A and B posts. */
export async function listWindows(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('windows').selectAll().where('org_id', 'in', orgIds).orderBy('org_id').orderBy('name').execute();
  const people = await peopleByIds(db, rows.flatMap((w) => [w.post_a_user_id, w.post_b_user_id]));
  return rows.map((w) => {
    const a = people.get(w.post_a_user_id ?? '');
    const b = people.get(w.post_b_user_id ?? '');
    return { ...w, post_a_name: a?.name ?? null, post_b_name: b?.name ?? null, post_a_away: a?.away ?? null, post_b_away: b?.away ?? null };
  });
}

export const findWindow = (db: Db, id: string) =>
  db.selectFrom('windows').selectAll().where('id', '=', id).executeTakeFirst();

export const findWindowByName = (db: Db, orgId: string, name: string) =>
  db.selectFrom('windows').selectAll().where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();

export const insertWindow = (db: Db, row: WindowsTable) => db.insertInto('windows').values(row).execute();

export const updateWindow = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<WindowsTable>) =>
  updateVersioned(db, 'windows', id, expectedVersion, patch);

/** The windows with these ids (nulls and repeats ignored), by id: for other modules' lists. */
export async function windowsByIds(db: Db, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, WindowsTable>();
  const rows = await db.selectFrom('windows').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
