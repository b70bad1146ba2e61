import { randomUUID } from 'node:crypto';
import type { Outcome, CaseStatus } from '../../domain/cases/model.js';
import { refusalReviewProblem, type RefusalOpinion } from '../../domain/cases/refusal-review.js';
import { toDomainError } from '../../domain/cases/rules.js';
import { toJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { assertInScope } from '../orgs/service.js';
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
    const changed = await repo.updateCase(
      trx,
      id,
      input.expectedVersion,
      { refusal_reviewed_at: now.toISOString(), refusal_review: input.opinion, updated_at: now.toISOString() },
      row.state,
    );
    if (!changed) throw versionConflict();
    await repo.appendEvent(trx, {
      id: randomUUID(),
      case_id: id,
      at: now.toISOString(),
      type: 'refusal-review',
      by_user_id: actor.userId,
      org_id: actor.orgId,
      from_status: row.status,
      to_status: row.status,
      data: toJson({ opinion: input.opinion, comment: input.comment ?? null }),
    });
  });
}
