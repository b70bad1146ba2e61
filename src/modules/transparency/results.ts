/** GET /api/public/centers/{id}/results: a center's finished cases, newest first, applicants' names masked (张**). */
import { localDate } from '../../domain/calendar/office-hours.js';
import type { FinishedCases } from '../../domain/transparency/contract.js';
import { maskName } from '../../domain/transparency/mask.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { finishedCasesOf } from '../cases/public-results.js';
import { findOrg } from '../orgs/repo.js';

export const RESULTS_PAGE_SIZE = 10;

export async function publicResults(ctx: AppContext, id: string, q: { page?: number | undefined; pageSize?: number | undefined }): Promise<FinishedCases> {
  const { db } = ctx.database;
  const org = await findOrg(db, id);
  if (!org) throw notFound('该便民服务中心');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? RESULTS_PAGE_SIZE;
  const { rows, total } = await finishedCasesOf(db, id, { offset: (page - 1) * pageSize, limit: pageSize });
  return {
    results: rows.map((r) => ({
      caseNo: r.caseNo,
      itemName: r.itemName,
      applicantName: maskName(r.applicantName),
      finishedOn: localDate(new Date(r.completedAt), org.time_zone),
      onTime: r.dueAt === null || r.completedAt <= r.dueAt,
    })),
    total,
    page,
    pageSize,
  };
}
