import { sql } from 'kysely';
import type { Database } from './database.js';

/**
 * Runs `work` while no other app process runs work of the same name on this database. On PostgreSQL several app
 * processes may start together on one database: each would find the same year's holidays missing, or the demo
 * database empty, and load its own copy (or fail on the other's rows). They take turns under an advisory lock
 * held on one pooled connection, so whoever comes second finds the first one's rows and loads nothing. The key
 * names the schema, as the jobs' locks do. SQLite: one process per data directory, nothing to take turns with.
 */
export async function exclusively<T>(database: Database, name: string, work: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return work();
  const key = database.schema ? `bianmin:${name}:${database.schema}` : `bianmin:${name}`;
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
