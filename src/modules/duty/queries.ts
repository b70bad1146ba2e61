/**
 * Reading the duty roster (issue 12 §5) for other modules: the leader on duty on a day, from the PUBLISHED roster
 * of the center's month only (a draft is nobody's duty yet). The hall display imports `dutyLeaderOn`.
 */
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';

/** The leader on duty at `orgId` on `day` ('YYYY-MM-DD') by the published roster; null when none is published. */
export async function dutyLeaderOn(db: Db, orgId: string, day: string): Promise<{ userId: string; name: string } | null> {
  const row = await db
    .selectFrom('duty_roster_days as d')
    .innerJoin('duty_rosters as r', 'r.id', 'd.roster_id')
    .select(['d.user_id'])
    .where('r.org_id', '=', orgId)
    .where('r.month', '=', day.slice(0, 7))
    .where('r.status', '=', 'published')
    .where('d.day', '=', day)
    .executeTakeFirst();
  if (!row) return null;
  const person = (await peopleByIds(db, [row.user_id])).get(row.user_id);
  return { userId: row.user_id, name: person?.name ?? '' };
}
