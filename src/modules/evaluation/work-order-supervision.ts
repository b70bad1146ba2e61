/**
 * 差评 work orders under electronic supervision: the rules JC-12 (回访核实超时) and JC-13 (整改超时) — data of the
 * supervision module, switched and tuned on its rules page — evaluated over a work order (src/domain/evaluation/
 * work-orders.ts lateFiring) and recorded as violations of the work order's case through the supervision module's
 * own recordFirings (insert-or-ignore by occurrence: once per work order and step). Called in the caller's transaction: by
 * the sweep for overdue steps, and by a visit or rectification done late.
 */
import { lateFiring, type WorkOrderFacts, type WorkOrderStatus } from '../../domain/evaluation/work-orders.js';
import type { Firing } from '../../domain/supervision/evaluate.js';
import type { Db } from '../../server/context.js';
import { activeRules, recordFirings } from '../supervision/record.js';
import type { WorkOrderRow } from './work-order-repo.js';

const factsOf = (w: WorkOrderRow): WorkOrderFacts => ({
  id: w.id,
  workOrderNo: w.work_order_no,
  caseId: w.case_id,
  caseNo: w.case_no,
  orgId: w.org_id,
  windowId: w.window_id,
  personId: w.person_id,
  status: w.status as WorkOrderStatus,
  visitDueAt: w.visit_due_at,
  fixDueAt: w.fix_due_at,
  visitedAt: w.visited_at,
  rectifiedAt: w.rectified_at,
});

/** Records what JC-12 / JC-13 find late on these work orders at `now`; returns the new violations. */
export async function recordLateWorkOrders(db: Db, rows: readonly WorkOrderRow[], now: Date, timeZone: string): Promise<Firing[]> {
  if (rows.length === 0) return [];
  const rules = (await activeRules(db)).filter((r) => r.code === 'rating-visit-late' || r.code === 'rating-fix-late');
  const firings = rows.flatMap((w) =>
    rules.flatMap((rule) => lateFiring(factsOf(w), rule.code === 'rating-visit-late' ? 'visit' : 'fix', now, rule.params.graceMinutes ?? 0, timeZone) ?? []),
  );
  return recordFirings(db, firings, now.toISOString());
}
