/**
 * For 政务公开 (issue 11 §3, src/modules/transparency): a center's closed complaints — answered, visited or archived —
 * newest answer first, with only what the public page shows: the title, whether it was upheld, the decision taken and
 * the day it was answered. Never the complainant's name or phone, nor the answer addressed to them.
 */
import type { Db } from '../../server/context.js';

export interface ComplaintOutcomeRow {
  title: string;
  upheld: boolean | null;
  decision: string | null;
  answeredAt: string;
}

export async function closedComplaintOutcomes(db: Db, orgId: string, limit: number): Promise<ComplaintOutcomeRow[]> {
  const rows = await db
    .selectFrom('complaints')
    .select(['title', 'upheld', 'decision_reasons', 'feedback_at'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['answered', 'visited', 'archived'])
    .where('feedback_at', 'is not', null)
    .orderBy('feedback_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ title: r.title, upheld: r.upheld === null ? null : Number(r.upheld) === 1, decision: r.decision_reasons, answeredAt: r.feedback_at! }));
}
