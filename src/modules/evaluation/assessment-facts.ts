/**
 * What the monthly 100-point score (issue 13 §2, src/modules/assessment) reads of 好差评: 差评 whose work order's visit
 * found them true (情况属实) or partly true in a span [from, to) of ISO instants. A cancelled work order (an upheld
 * appeal) is not counted.
 */
import type { Db } from '../../server/context.js';

export interface VerifiedBadRatingFact {
  workOrderId: string;
  workOrderNo: string;
  caseId: string;
  caseNo: string;
  orgId: string;
  windowId: string | null;
  personId: string | null;
  finding: string;
  visitedAt: string;
}

export async function verifiedBadRatingsIn(db: Db, from: string, to: string): Promise<VerifiedBadRatingFact[]> {
  const rows = await db
    .selectFrom('rating_work_orders')
    .select(['id', 'work_order_no', 'case_id', 'case_no', 'org_id', 'window_id', 'person_id', 'finding', 'visited_at'])
    .where('finding', 'in', ['confirmed', 'partly'])
    .where('status', '!=', 'cancelled')
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .limit(5000)
    .execute();
  return rows.map((r) => ({ workOrderId: r.id, workOrderNo: r.work_order_no, caseId: r.case_id, caseNo: r.case_no, orgId: r.org_id, windowId: r.window_id, personId: r.person_id, finding: r.finding!, visitedAt: r.visited_at! }));
}
