import type { Kysely } from 'kysely';

/**
 * users.failed_logins and users.locked_until are no longer read: since 0007 wrong passwords are counted per name
 * typed in login_failures (0007 copied the active locks over). Dropped, so nobody writes or trusts them again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('failed_logins').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
}
