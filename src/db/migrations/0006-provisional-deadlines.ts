import type { Kysely } from 'kysely';

/**
 * Deadlines counted through a year whose State Council arrangement is not imported yet are provisional (暂定,
 * DOMAIN.md rule 3) and shown so in every list; when the year is imported they are counted again, and the cases
 * whose due date moved are shown to the director. Cases stored before this were counted on imported years only
 * (an unloaded year was refused then), so none of them is provisional.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // when importing an arrangement last moved the due date (null: never)
  await db.schema.alterTable('cases').addColumn('due_recomputed_at', 'text').execute();
  await db.schema.createIndex('cases_due_provisional_idx').on('cases').columns(['due_provisional', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_due_provisional_idx').execute();
  await db.schema.alterTable('cases').dropColumn('due_recomputed_at').execute();
  await db.schema.alterTable('cases').dropColumn('due_provisional').execute();
}
