/**
 * For the monthly statistics and assessment (issue 10 §2 → the statistics issue): the complaints of a month per
 * handling center — received, upheld (属实, counted in the assessment), answered late — so other modules count them
 * without naming this module's tables.
 */
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export interface ComplaintMonthCounts {
  orgId: string;
  /** complaints received in the month (merged repeats excluded) */
  received: number;
  /** decided upheld in the month: the assessment's count */
  upheld: number;
  /** answered after their limit (超期天数 > 0), by month of receipt */
  late: number;
}

/** `month` is YYYY-MM (the centers' local calendar). */
export async function complaintCountsOfMonth(db: Db, month: string, orgIds?: readonly string[]): Promise<ComplaintMonthCounts[]> {
  let received = db
    .selectFrom('complaints')
    .select((eb) => ['org_id', eb.fn.countAll().as('n'), eb.fn.sum(eb.case().when('overdue_days', '>', 0).then(1).else(0).end()).as('late')])
    .where('received_on', 'like', `${month}-%`)
    .where('status', '!=', 'merged')
    .groupBy('org_id');
  let upheld = db.selectFrom('complaints').select((eb) => ['org_id', eb.fn.countAll().as('n')]).where('assessment', '=', 1).where('assessment_month', '=', month).groupBy('org_id');
  if (orgIds) {
    const ids = orgIds.length > 0 ? [...orgIds] : [''];
    received = received.where('org_id', 'in', ids);
    upheld = upheld.where('org_id', 'in', ids);
  }
  const [r, u] = await Promise.all([received.execute(), upheld.execute()]);
  const out = new Map<string, ComplaintMonthCounts>();
  const of = (orgId: string) => out.get(orgId) ?? out.set(orgId, { orgId, received: 0, upheld: 0, late: 0 }).get(orgId)!;
  for (const row of r) Object.assign(of(row.org_id), { received: toCount(row.n as number), late: toCount(row.late as number | null) });
  for (const row of u) of(row.org_id).upheld = toCount(row.n as number);
  return [...out.values()];
}
