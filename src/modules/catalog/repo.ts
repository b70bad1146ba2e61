import type { Updateable } from 'kysely';
import { updateVersioned } from '../../db/versioned.js';
import { sql } from 'kysely';
import type { ItemHistoryTable, ItemsTable, OrgItemsTable, OrgLevel } from '../../db/schema.js';
import { likePattern } from '../../db/portable.js';
import { prepared } from '../../db/prepared.js';
import { queryPatterns } from '../../domain/catalog/match.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';

export interface ItemFilter {
  q?: string;
  level?: OrgLevel;
  category?: string;
  department?: string;
  status?: 'active' | 'retired' | 'all';
}

export function listItems(db: Db, filter: ItemFilter) {
  let query = db.selectFrom('items').selectAll();
  if (filter.status !== 'all') query = query.where('status', '=', filter.status ?? 'active');
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.department) query = query.where('department', '=', filter.department);
  const patterns = filter.q ? queryPatterns(filter.q) : [];
  if (patterns.length > 0) {
    // A superset of what the domain's rankMatch accepts (the name, 俗称, their pinyin, the code, and the query
    // without a service word); the service then ranks these few rows and drops the ones rankMatch does not find.
    // ESCAPE is spelled out because SQLite has no default escape character for LIKE.
    query = query.where((eb) =>
      eb.or(patterns.map((p) => sql<boolean>`${eb.ref('search_text')} like ${likePattern(p)} escape '\\'`)),
    );
  }
  return query.orderBy('code').execute();
}

// compiled once (src/db/prepared.ts): every intake looks up its item and the center's offering of it
const itemByCode = prepared((db, code: string) => db.selectFrom('items').selectAll().where('code', '=', code));
export const findItemByCode = async (db: Db, code: string) => (await itemByCode(db, code))[0];

export const insertItem = (db: Db, row: ItemsTable) => db.insertInto('items').values(row).execute();


export const insertHistory = (db: Db, row: ItemHistoryTable) => db.insertInto('item_history').values(row).execute();

export async function listHistory(db: Db, itemId: string) {
  const rows = await db.selectFrom('item_history').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').execute();
  const people = await peopleByIds(db, rows.map((r) => r.by_user_id));
  return rows.map((r) => ({ ...r, by_name: people.get(r.by_user_id ?? '')?.name ?? null }));
}

export async function facets(db: Db) {
  const [categories, departments] = await Promise.all([
    db.selectFrom('items').select('category').distinct().where('status', '=', 'active').orderBy('category').execute(),
    db.selectFrom('items').select('department').distinct().where('status', '=', 'active').orderBy('department').execute(),
  ]);
  return { categories: categories.map((c) => c.category), departments: departments.map((d) => d.department) };
}

export const listOrgItemCodes = async (db: Db, orgId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('org_items')
      .innerJoin('items', 'items.id', 'org_items.item_id')
      .select('items.code')
      .where('org_items.org_id', '=', orgId)
      .orderBy('items.code')
      .execute()
  ).map((r) => r.code);

export async function replaceOrgItems(db: Db, orgId: string, rows: { item_id: string; window_id: string | null }[]) {
  await db.deleteFrom('org_items').where('org_id', '=', orgId).execute();
  if (rows.length > 0) await db.insertInto('org_items').values(rows.map((r) => ({ org_id: orgId, ...r }))).execute();
}

export const updateItem = (db: Db, id: string, expectedVersion: number | null, patch: Updateable<ItemsTable>) =>
  updateVersioned(db, 'items', id, expectedVersion, patch);

const itemWithOffering = prepared((db, code: string, orgId: string) =>
  db
    .selectFrom('items')
    .leftJoin('org_items', (join) => join.onRef('org_items.item_id', '=', 'items.id').on('org_items.org_id', '=', orgId))
    .selectAll('items')
    .select(['org_items.org_id as offered_by', 'org_items.window_id as offering_window_id'])
    .where('items.code', '=', code),
);
/** An item by code with a center's offering of it (undefined when the center does not offer it): one query (the intake). */
export async function findItemOffered(db: Db, code: string, orgId: string) {
  const [row] = await itemWithOffering(db, code, orgId);
  if (!row) return undefined;
  const { offered_by, offering_window_id, ...item } = row;
  const offering: OrgItemsTable | undefined = offered_by === null ? undefined : { org_id: offered_by, item_id: item.id, window_id: offering_window_id };
  return { item, offering };
}

const offeringOf = prepared((db, orgId: string, itemId: string) =>
  db.selectFrom('org_items').selectAll().where('org_id', '=', orgId).where('item_id', '=', itemId),
);
export const findOffering = async (db: Db, orgId: string, itemId: string) => (await offeringOf(db, orgId, itemId))[0];

/** The window each of these centers handles the item at (centers without one for it are left out): one query. */
export async function itemWindowsAt(db: Db, orgIds: readonly string[], itemId: string): Promise<Record<string, string>> {
  if (orgIds.length === 0) return {};
  const rows = await db.selectFrom('org_items').select(['org_id', 'window_id']).where('item_id', '=', itemId).where('org_id', 'in', [...orgIds]).execute();
  return Object.fromEntries(rows.filter((r) => r.window_id !== null).map((r) => [r.org_id, r.window_id!]));
}

/** The items with these ids, by id: for other modules' lists and reports. */
export async function itemsByIds(db: Db, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, ItemsTable>();
  const rows = await db.selectFrom('items').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which of the given centers offer the item, with the window their offering names (rule 11: where to go instead). */
export async function offeringsOfItem(db: Db, orgIds: string[], itemId: string) {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('org_items').select(['org_id', 'window_id']).where('org_id', 'in', orgIds).where('item_id', '=', itemId).execute();
  const windows = await windowsByIds(db, rows.map((r) => r.window_id));
  return rows.map((r) => ({ org_id: r.org_id, window_name: windows.get(r.window_id ?? '')?.name ?? null }));
}

/** Every center offering the item, with its offering's window (the public guide's 办理地点). */
export const offeringsByItem = (db: Db, itemId: string) =>
  db.selectFrom('org_items').select(['org_id', 'window_id']).where('item_id', '=', itemId).execute();
