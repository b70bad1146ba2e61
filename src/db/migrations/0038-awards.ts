import type { Kysely } from 'kysely';

/**
 * 评先评优 (issue 13 §3). `users.service_start_date`: the day the person's service at the center began (入职日期,
 * 'YYYY-MM-DD'), for the year-end tiers' rule "under 6 months' service not in the first tier". Set in the user form;
 * null: the day the account was created (what the awards take when nobody has entered one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('service_start_date', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('service_start_date').execute();
}
