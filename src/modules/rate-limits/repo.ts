import { sql } from 'kysely';
import { prepared } from '../../db/prepared.js';
import type { Db } from '../../server/context.js';

/**
 * Counts one request under `key` in ONE statement: a key seen for the first time, or whose window has passed,
 * starts a new window of `windowMs` at 1; otherwise the count goes up by one and the window keeps its end. The row
 * lock of the upsert puts concurrent requests from several app processes in a line, so none is lost or counted
 * twice. Instants are ISO strings from toISOString (one fixed width), so text comparison is time order.
 */
const hit = prepared((db, key: string, nowIso: string, endsIso: string) =>
  db
    .insertInto('rate_limit_windows')
    .values({ key, hits: 1, ends_at: endsIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_windows.ends_at <= ${nowIso} then 1 else rate_limit_windows.hits + 1 end`,
        ends_at: sql<string>`case when rate_limit_windows.ends_at <= ${nowIso} then excluded.ends_at else rate_limit_windows.ends_at end`,
      }),
    )
    .returning(['hits', 'ends_at']),
);

export async function countHit(db: Db, key: string, now: Date, windowMs: number): Promise<{ hits: number; endsAt: string }> {
  // compiled once (src/db/prepared.ts): it runs on every limited request, the public progress lookup's hot path
  const [row] = await hit(db, key, now.toISOString(), new Date(now.getTime() + windowMs).toISOString());
  return { hits: Number(row!.hits), endsAt: row!.ends_at };
}

/** Windows that have passed count for nothing: deleted so the table holds only the addresses of the last window. */
export const pruneWindows = (db: Db, now: Date) => db.deleteFrom('rate_limit_windows').where('ends_at', '<=', now.toISOString()).execute();
