import type { Kysely } from 'kysely';

/** The director's review of each refusal in the register (否定报备): when and by whom, and the opinion. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('refusal_reviewed_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('refusal_review', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('refusal_review').execute();
  await db.schema.alterTable('cases').dropColumn('refusal_reviewed_at').execute();
}
