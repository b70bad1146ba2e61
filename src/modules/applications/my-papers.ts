/**
 * 我的办件 — the papers (文书) the center printed for one of the applicant's cases, and one of them as printed
 * (issue 11 §2). A case is the applicant's only when its ID number (or credit code) AND mobile are the account's,
 * as for the list of cases; any other case is simply not found (404, never 403: nothing confirms it exists).
 */
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { ApplicantActor } from '../applicants/session.js';
import { notSignedIn } from '../applicants/session.js';
import { findById as findApplicant } from '../applicants/repo.js';
import { caseOfApplicant } from '../cases/repo.js';
import { applicantPaper, applicantPapers } from '../prints/service.js';

async function ownCaseId(ctx: AppContext, who: ApplicantActor, caseNo: string): Promise<string> {
  const { db } = ctx.database;
  const account = await findApplicant(db, who.applicantId);
  if (!account) throw notSignedIn();
  const number = account.id_number ?? account.credit_code;
  const row = number ? await caseOfApplicant(db, caseNo, number, account.phone) : undefined;
  if (!row) throw notFound('该办件');
  return row.id;
}

/** The papers printed for the applicant's case, newest first. */
export async function myCasePapers(ctx: AppContext, who: ApplicantActor, caseNo: string) {
  return applicantPapers(ctx.database.db, await ownCaseId(ctx, who, caseNo));
}

/** One printed paper of the applicant's case, its content as printed then. */
export async function myCasePaper(ctx: AppContext, who: ApplicantActor, caseNo: string, printId: string) {
  return applicantPaper(ctx.database.db, await ownCaseId(ctx, who, caseNo), printId);
}
