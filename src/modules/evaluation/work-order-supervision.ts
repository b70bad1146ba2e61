/**
 * 差评 work orders under electronic supervision: the rules JC-12 (回访核实超时) and JC-13 (整改超时) — data of the
 * supervision module, switched and tuned on its rules page — evaluated over a work order (src/domain/evaluation/
 * work-orders.ts lateFiring) and recorded as violations of the work order's case through the supervision module's
 * own insert (insert-or-ignore by occurrence: once per work order and step). Called in the caller's transaction: by
 * the sweep for overdue steps, and by a visit or rectification done late.
 */
import { randomUUID } from 'node:crypto';
import { lateFiring, type WorkOrderFacts, type WorkOrderStatus } from '../../domain/evaluation/work-orders.js';
import { occurrenceKey, type Firing } from '../../domain/supervision/evaluate.js';
import { RULE_BY_CODE } from '../../domain/supervision/rules.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { activeRules } from '../supervision/record.js';
import { insertViolation } from '../supervision/repo.js';
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
  const recorded: Firing[] = [];
  const at = now.toISOString();
  for (const w of rows) {
    for (const rule of rules) {
      const f = lateFiring(factsOf(w), rule.code === 'rating-visit-late' ? 'visit' : 'fix', now, rule.params.graceMinutes ?? 0, timeZone);
      if (!f) continue;
      const inserted = await insertViolation(db, {
        id: randomUUID(),
        occurrence_key: occurrenceKey(f),
        rule_code: f.ruleCode,
        case_id: f.caseId,
        case_no: f.caseNo,
        org_id: f.orgId,
        window_id: f.windowId,
        person_id: f.personId,
        severity: RULE_BY_CODE.get(f.ruleCode)!.severity,
        fired_at: at,
        occurred_at: f.occurredAt,
        facts: toJson(f.facts),
        fact_lines: toJson(f.lines),
        facts_text: f.text,
        status: 'open',
        explanation: null,
        explained_by: null,
        explained_at: null,
        decision: null,
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        version: 1,
        updated_at: at,
      });
      if (inserted) recorded.push(f);
    }
  }
  return recorded;
}
