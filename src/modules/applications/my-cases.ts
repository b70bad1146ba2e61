/**
 * 我的办件 (issue 11 §2): the applicant's cases with their progress, the papers (文书) the center printed for one of
 * them, and one paper as printed. A case is the applicant's only when its ID number (or credit code) AND mobile are
 * the account's; any other case is simply not found (404, never 403: nothing confirms it exists).
 */
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { ApplicantActor } from '../applicants/session.js';
import { notSignedIn } from '../applicants/session.js';
import { findById as findApplicant } from '../applicants/repo.js';
import { applicantProgress } from '../cases/queries.js';
import { caseOfApplicant } from '../cases/repo.js';
import { applicantPaper, applicantPapers } from '../prints/service.js';

/** The applicant's own cases are those of the account's ID number (or credit code) AND its SMS-proven mobile. */
async function caseOwner(ctx: AppContext, who: ApplicantActor): Promise<{ number: string; phone: string } | null> {
  const account = await findApplicant(ctx.database.db, who.applicantId);
  if (!account) throw notSignedIn();
  const number = account.id_number ?? account.credit_code;
  return number ? { number, phone: account.phone } : null;
}

async function ownCaseId(ctx: AppContext, who: ApplicantActor, caseNo: string): Promise<string> {
  const owner = await caseOwner(ctx, who);
  const row = owner ? await caseOfApplicant(ctx.database.db, caseNo, owner.number, owner.phone) : undefined;
  if (!row) throw notFound('该办件');
  return row.id;
}

/** 我的办件: the applicant's cases, however they were received, with their public progress. */
export async function myCases(ctx: AppContext, who: ApplicantActor) {
  const owner = await caseOwner(ctx, who);
  return { cases: owner ? await applicantProgress(ctx, owner.number, owner.phone) : [] };
}

/** The papers printed for the applicant's case, newest first. */
export async function myCasePapers(ctx: AppContext, who: ApplicantActor, caseNo: string) {
  return applicantPapers(ctx.database.db, await ownCaseId(ctx, who, caseNo));
}

/** One printed paper of the applicant's case, its content as printed then. */
export async function myCasePaper(ctx: AppContext, who: ApplicantActor, caseNo: string, printId: string) {
  return applicantPaper(ctx.database.db, await ownCaseId(ctx, who, caseNo), printId);
}
