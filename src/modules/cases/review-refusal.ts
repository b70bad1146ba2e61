import { randomUUID } from 'node:crypto';
import type { Outcome, CaseStatus } from '../../domain/cases/model.js';
import { objectionAnswerProblem, refusalReviewProblem, type RefusalOpinion } from '../../domain/cases/refusal-review.js';
import { toDomainError } from '../../domain/cases/rules.js';
import { toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { assertInScope } from '../orgs/service.js';
import { REFUSAL_ANSWER_EVENT } from './presenter.js';
import * as repo from './repo.js';

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
    const problem = refusalReviewProblem(
      { status: row.status as CaseStatus, outcome: row.outcome as Outcome | null, reviewedAt: row.refusal_reviewed_at },
      input,
    );
    if (problem) throw toDomainError(problem);
    await recordRegisterStep(trx, actor, now, row, input.expectedVersion, { refusal_reviewed_at: now.toISOString(), refusal_review: input.opinion }, {
      type: 'refusal-review',
      data: { opinion: input.opinion, comment: input.comment ?? null },
    });
  });
}

/**
 * One step of the refusal register on a case (a review or the answer to an objection): its columns under the
 * version check, and its event; the status stays as it is. Inside the caller's transaction.
 */
async function recordRegisterStep(
  trx: Db,
  actor: Actor,
  now: Date,
  row: { id: string; status: string; state: string },
  expectedVersion: number,
  columns: Parameters<typeof repo.updateCase>[3],
  event: { type: string; data: Record<string, unknown> },
) {
  const changed = await repo.updateCase(trx, row.id, expectedVersion, { ...columns, updated_at: now.toISOString() }, row.state);
  if (!changed) throw versionConflict();
  await repo.appendEvent(trx, {
    id: randomUUID(),
    case_id: row.id,
    at: now.toISOString(),
    type: event.type,
    by_user_id: actor.userId,
    org_id: actor.orgId,
    from_status: row.status,
    to_status: row.status,
    data: toJson(event.data),
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
    const objection = (await repo.listEvents(trx, id)).findLast((e) => e.type === 'refusal-review');
    const problem = objectionAnswerProblem(
      { review: row.refusal_review, answeredAt: row.refusal_answered_at, objectedBy: objection?.by_user_id ?? null },
      { ...input, by: actor.userId },
    );
    if (problem) throw toDomainError(problem);
    await recordRegisterStep(trx, actor, now, row, input.expectedVersion, { refusal_answered_at: now.toISOString() }, {
      type: REFUSAL_ANSWER_EVENT,
      data: { answer: input.answer.trim() },
    });
  });
}
