/**
 * What the monthly 100-point score (issue 13 §2, src/modules/assessment) reads of supervision: violations the
 * supervisor confirmed in a span [from, to) of ISO instants, with their rule code, case, window and person.
 */
import type { Db } from '../../server/context.js';

export interface ConfirmedViolationFact {
  id: string;
  ruleCode: string;
  caseId: string;
  caseNo: string;
  orgId: string;
  windowId: string | null;
  personId: string | null;
  decidedAt: string;
  factsText: string;
}

export async function confirmedViolationsIn(db: Db, from: string, to: string): Promise<ConfirmedViolationFact[]> {
  const rows = await db
    .selectFrom('violations')
    .select(['id', 'rule_code', 'case_id', 'case_no', 'org_id', 'window_id', 'person_id', 'decided_at', 'facts_text'])
    .where('status', '=', 'confirmed')
    .where('decided_at', '>=', from)
    .where('decided_at', '<', to)
    .limit(5000)
    .execute();
  return rows.map((r) => ({ id: r.id, ruleCode: r.rule_code, caseId: r.case_id, caseNo: r.case_no, orgId: r.org_id, windowId: r.window_id, personId: r.person_id, decidedAt: r.decided_at!, factsText: r.facts_text }));
}
