/**
 * For 政务公开 (issue 11 §3, src/modules/transparency): a center's finished cases, newest first, paged — only the
 * columns the public page may show (number, item, the applicant's name to be masked by the caller, when finished, the
 * due instant). Never the ID number or the phone: they are not selected.
 */
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export interface FinishedCaseRow {
  caseNo: string;
  itemName: string;
  applicantName: string;
  completedAt: string;
  dueAt: string | null;
}

export async function finishedCasesOf(db: Db, orgId: string, page: { offset: number; limit: number }): Promise<{ rows: FinishedCaseRow[]; total: number }> {
  const base = db.selectFrom('cases').where('receiving_org_id', '=', orgId).where('completed_at', 'is not', null);
  const [rows, count] = await Promise.all([
    base.select(['case_no', 'item_name', 'applicant_name', 'completed_at', 'due_at']).orderBy('completed_at', 'desc').orderBy('case_no', 'desc').offset(page.offset).limit(page.limit).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return {
    rows: rows.map((r) => ({ caseNo: r.case_no, itemName: r.item_name, applicantName: r.applicant_name, completedAt: r.completed_at!, dueAt: r.due_at })),
    total: toCount(count?.n as number | undefined),
  };
}
