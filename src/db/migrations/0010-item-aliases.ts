import type { Kysely } from 'kysely';
import { searchText } from '../../domain/catalog/search.js';

/**
 * 俗称: the names people use for an item (低保 for 城乡居民最低生活保障), a JSON list on the item. The stored
 * search text now also holds the name as compared and each 俗称 with its pinyin, so every existing item's is
 * rewritten here (its aliases are still empty).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('items').addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  const k = db as Kysely<{ items: { id: string; code: string; name: string; search_text: string } }>;
  const rows = await k.selectFrom('items').select(['id', 'code', 'name']).execute();
  for (const row of rows) {
    await k.updateTable('items').set({ search_text: searchText({ code: row.code, name: row.name }) }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('items').dropColumn('aliases').execute();
}
