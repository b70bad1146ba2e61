import type { Kysely } from 'kysely';

/** Whether a person is at their post (AB岗): away on leave, at a meeting, on a field visit … */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('away', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('away_reason', 'text').execute();
  await db.schema.alterTable('users').addColumn('away_since', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['away_since', 'away_reason', 'away']) await db.schema.alterTable('users').dropColumn(column).execute();
}
