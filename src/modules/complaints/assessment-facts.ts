/**
 * What the monthly 100-point score (issue 13 §2, src/modules/assessment) reads of complaints: those decided upheld
 * and counted in the assessment for a month (the same flag complaintCountsOfMonth counts), with whom they name.
 */
import type { Db } from '../../server/context.js';

export interface UpheldComplaintFact {
  id: string;
  complaintNo: string;
  /** the center that handled it */
  orgId: string;
  respondentOrgId: string | null;
  respondentPerson: string | null;
  caseNo: string | null;
  title: string;
  handledAt: string | null;
}

export async function upheldComplaintsOfMonth(db: Db, month: string): Promise<UpheldComplaintFact[]> {
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'complaint_no', 'org_id', 'respondent_org_id', 'respondent_person', 'case_no', 'title', 'handled_at'])
    .where('assessment', '=', 1)
    .where('assessment_month', '=', month)
    .limit(5000)
    .execute();
  return rows.map((r) => ({ id: r.id, complaintNo: r.complaint_no, orgId: r.org_id, respondentOrgId: r.respondent_org_id, respondentPerson: r.respondent_person, caseNo: r.case_no, title: r.title, handledAt: r.handled_at }));
}
