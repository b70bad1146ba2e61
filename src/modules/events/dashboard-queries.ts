/**
 * What the dashboards (issue 9 §4) read of case events: the maintained per-center, per-day, per-type counts
 * (`case_event_counts`, the case-event-counts consumer) summed by month, and when cases were returned.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/context.js';

/**
 * Events of `types` at the centers `orgIds` between two local days (inclusive), summed per month ('YYYY-MM') and
 * type: a range of the counters' primary key per center, never the events themselves.
 */
export async function eventCountsByMonth(
  db: Db,
  orgIds: readonly string[],
  types: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<{ month: string; type: string; count: number }[]> {
  if (orgIds.length === 0 || types.length === 0) return [];
  const month = sql<string>`substr(day, 1, 7)`;
  const rows = await db
    .selectFrom('case_event_counts')
    .where('org_id', 'in', [...orgIds])
    .where('type', 'in', [...types])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .select((eb) => [month.as('month'), 'type', eb.fn.sum<number | string>('count').as('n')])
    .groupBy([month, 'type'])
    .execute();
  return rows.map((r) => ({ month: r.month, type: r.type, count: Number(r.n) }));
}

/** How many of `caseIds` were returned (an event into 'returned') at or after `since`: read by case, never by time. */
export async function countReturnedSince(db: Db, caseIds: readonly string[], since: string): Promise<number> {
  if (caseIds.length === 0) return 0;
  const row = await db
    .selectFrom('case_events')
    .where('case_id', 'in', [...caseIds])
    .where('to_status', '=', 'returned')
    .where('at', '>=', since)
    .select((eb) => eb.fn.count<number | string>('case_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
