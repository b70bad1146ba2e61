import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Per-address request limits counted in the database (src/modules/rate-limits): with several app processes on one
 * PostgreSQL database each process counted in its own memory, so N processes let one address make N times the
 * limit. One row per limiter key — the route (method and path) and the client address — with the requests counted
 * in the current window and the instant the window ends. Used only on PostgreSQL (SQLite is always one process and
 * keeps counting in memory); created on both dialects so the schema is the same everywhere. Windows that have
 * ended are deleted as counting goes on, found through rate_limit_windows_ends_idx. On PostgreSQL the table is
 * UNLOGGED: a count is written on every limited request (each public progress lookup), and a logged table would
 * make each of them a WAL write and a flush at commit; counts of the last minute need not survive a crash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_windows_ends_idx').on('rate_limit_windows').column('ends_at').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`alter table rate_limit_windows set unlogged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
