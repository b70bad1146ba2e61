/**
 * What the monthly 100-point score (issue 13 §2, src/modules/assessment) reads of cases, so that module never names
 * this module's tables: cases whose promise ran out in a span, refusals the director questioned in a span, hops sent
 * after their limit in a span. Spans are [from, to) of ISO instants.
 */
import type { HopKind } from '../../domain/cases/hops.js';
import type { Db } from '../../server/context.js';

export interface OverdueCaseFact {
  caseId: string;
  caseNo: string;
  windowId: string | null;
  firstResponderId: string;
  holderOrgId: string;
  dueAt: string;
  completedAt: string | null;
}

/**
 * Cases whose promised date fell in the span and were not finished by it: finished later, or still open at `now`
 * (a case is overdue once, in the month its deadline passed). Returned and withdrawn cases are not.
 */
export async function overdueCasesDueIn(db: Db, from: string, to: string, now: string): Promise<OverdueCaseFact[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'case_no', 'window_id', 'first_responder_id', 'holder_org_id', 'due_at', 'completed_at', 'status'])
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .where('due_at', '<', now)
    .where('status', 'not in', ['returned', 'withdrawn'])
    .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>', eb.ref('due_at'))]))
    .orderBy('due_at')
    .limit(5000)
    .execute();
  return rows
    // an open case with no completion is overdue only while it still runs; a paused one's due date moves on resume
    .filter((r) => r.completed_at !== null || r.status !== 'paused')
    .map((r) => ({ caseId: r.id, caseNo: r.case_no, windowId: r.window_id, firstResponderId: r.first_responder_id, holderOrgId: r.holder_org_id, dueAt: r.due_at!, completedAt: r.completed_at }));
}

export interface QuestionedRefusalFact {
  caseId: string;
  caseNo: string;
  windowId: string | null;
  firstResponderId: string;
  reviewedAt: string;
}

/** Refusals (退回, 不予批准) the director questioned (有异议) in the span. */
export async function questionedRefusalsIn(db: Db, from: string, to: string): Promise<QuestionedRefusalFact[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'case_no', 'window_id', 'first_responder_id', 'refusal_reviewed_at'])
    .where('refusal_review', '=', 'questioned')
    .where('refusal_reviewed_at', '>=', from)
    .where('refusal_reviewed_at', '<', to)
    .limit(5000)
    .execute();
  return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, windowId: r.window_id, firstResponderId: r.first_responder_id, reviewedAt: r.refusal_reviewed_at! }));
}

export interface LateHopFact {
  hopId: string;
  caseId: string;
  caseNo: string;
  kind: HopKind;
  fromOrgId: string;
  sentBy: string;
  sentAt: string;
  dueAt: string;
}

/** Hops sent in the span after their limit, with who sent them. */
export async function lateHopsSentIn(db: Db, from: string, to: string): Promise<LateHopFact[]> {
  const rows = await db
    .selectFrom('case_hops as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.id', 'h.case_id', 'c.case_no', 'h.kind', 'h.from_org_id', 'h.sent_by', 'h.sent_at', 'h.due_at'])
    .where('h.sent_at', '>=', from)
    .where('h.sent_at', '<', to)
    .where('h.sent_by', 'is not', null)
    .where((eb) => eb('h.sent_at', '>', eb.ref('h.due_at')))
    .limit(5000)
    .execute();
  return rows.map((r) => ({ hopId: r.id, caseId: r.case_id, caseNo: r.case_no, kind: r.kind as HopKind, fromOrgId: r.from_org_id, sentBy: r.sent_by!, sentAt: r.sent_at!, dueAt: r.due_at }));
}
