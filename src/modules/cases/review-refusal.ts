import { decideObjectionAnswer, decideRefusalReview, type RefusalOpinion, type RegisterFacts } from '../../domain/cases/refusal-review.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { assertInScope } from '../orgs/service.js';
import { caseEvents } from '../events/repo.js';
import * as repo from './repo.js';
import { runCaseCommand } from './run-case-command.js';

/** Where the case stands in the refusal register: its columns, and who raised the objection (the last review). */
async function registerOf(trx: AppContext['database']['db'], row: repo.CaseRow, withObjection: boolean): Promise<RegisterFacts> {
  const objection = withObjection ? (await caseEvents(trx, row.id)).findLast((e) => e.type === 'refusal-review') : undefined;
  return {
    review: row.refusal_review,
    reviewedAt: row.refusal_reviewed_at,
    answeredAt: row.refusal_answered_at,
    objectedBy: objection?.by_user_id ?? null,
  };
}

/** The director reviews one refusal of the register: upheld, or questioned with a comment. One transaction. */
export async function reviewRefusal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; opinion: RefusalOpinion; comment?: string | undefined },
) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, id);
    if (!row) throw notFound('该办件');
    await assertInScope(trx, actor, row.receiving_org_id);
    const register = await registerOf(trx, row, false);
    await runCaseCommand(trx, { now, actor, row, expectedVersion: input.expectedVersion }, (state) => decideRefusalReview(state, register, input, { now }));
  });
}

/**
 * The window answers the director's objection to a refusal (a task of its work list): the answer is stored as an
 * event, the director sees it on the case, and the task is closed. One transaction; a stale version answers 409.
 */
export async function answerObjection(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; answer: string }) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, id);
    if (!row) throw notFound('该办件');
    // the refusal register belongs to the center the applicant came to; its staff answer
    if (row.receiving_org_id !== actor.orgId) throw forbidden('答复该办件的异议（办件不是本中心受理的）');
    const register = await registerOf(trx, row, true);
    await runCaseCommand(trx, { now, actor, row, expectedVersion: input.expectedVersion }, (state) =>
      decideObjectionAnswer(state, register, { ...input, by: actor.userId }, { now }),
    );
  });
}
