/**
 * The ratings of a month for the monthly statistics report (issue 13 §1, src/modules/statistics), counted as the
 * evaluation figures count them (figures-queries.ts): first ratings by the day given, grouped by center, window and
 * item with their level, default or not, taken out by an upheld appeal or not, and the 差评's work order status; and
 * the finished cases open for rating per center and window with how many their applicant rated.
 */
import { sql } from 'kysely';
import type { RatingCount } from '../../domain/evaluation/figures.js';
import type { WorkOrderStatus } from '../../domain/evaluation/work-orders.js';
import { toBool, toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export interface GroupedRatingCount extends Omit<RatingCount, 'key'> {
  orgId: string;
  windowId: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
}

/** `from`/`to`: instants [from, to). */
export async function ratingCountsByGroup(db: Db, orgIds: readonly string[], from: string, to: string): Promise<GroupedRatingCount[]> {
  if (orgIds.length === 0) return [];
  const excluded = sql<number>`case when r.excluded_at is null then 0 else 1 end`;
  const rows = await db
    .selectFrom('ratings as r')
    .leftJoin('rating_work_orders as w', 'w.rating_id', 'r.id')
    .select(['r.org_id', 'r.window_id', 'r.item_id', 'r.item_code', 'r.item_name', 'r.level', 'r.is_default', 'w.status as wo_status', excluded.as('excluded'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.org_id', 'in', [...orgIds])
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .where('r.round', '=', 1)
    .groupBy(['r.org_id', 'r.window_id', 'r.item_id', 'r.item_code', 'r.item_name', 'r.level', 'r.is_default', 'w.status', excluded])
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    windowId: r.window_id,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    level: r.level,
    isDefault: toBool(r.is_default),
    excluded: toCount(r.excluded) === 1,
    round: 1,
    workOrderStatus: (r.wo_status ?? null) as WorkOrderStatus | null,
    count: toCount(r.n),
  }));
}

/** Finished cases (by completion in [from, to)) per center and window, and of those rated by their applicant. */
export async function ratedOpeningsByWindow(db: Db, orgIds: readonly string[], from: string, to: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('rating_openings as o')
    .leftJoin('ratings as r', (j) => j.onRef('r.case_id', '=', 'o.case_id').on('r.round', '=', 1).on('r.is_default', '=', 0).on('r.excluded_at', 'is', null))
    .select(['o.org_id', 'o.window_id', (eb) => eb.fn.countAll<number>().as('finished'), (eb) => eb.fn.count<number>('r.id').as('rated')])
    .where('o.org_id', 'in', [...orgIds])
    .where('o.completed_at', '>=', from)
    .where('o.completed_at', '<', to)
    .groupBy(['o.org_id', 'o.window_id'])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, windowId: r.window_id, finished: toCount(r.finished), rated: toCount(r.rated) }));
}
