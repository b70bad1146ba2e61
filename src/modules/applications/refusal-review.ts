/**
 * 否定报备 of online applications (DOMAIN.md rule 2; src/domain/applications/refusal-review.ts): the director reviews
 * a return at pre-review like a returned case, and the window answers an objection. Each in ONE transaction with the
 * version the person saw (someone else's step first answers 409) and an audit entry. The register is kept on the
 * application (migration 0046); the applicant never sees it.
 */
import {
  decideApplicationObjectionAnswer,
  decideApplicationRefusalReview,
  type ApplicationRegister,
  type RefusalOpinion,
} from '../../domain/applications/refusal-review.js';
import { toDomainError } from '../../domain/cases/rules.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { assertInScope } from '../orgs/service.js';
import * as repo from './repo.js';
import { changed } from './step.js';


export const registerOf = (row: repo.ApplicationRow): ApplicationRegister => ({
  status: row.status,
  review: row.refusal_review ?? null,
  reviewedAt: row.refusal_reviewed_at ?? null,
  reviewedBy: row.refusal_reviewed_by ?? null,
  answeredAt: row.refusal_answered_at ?? null,
});

/** The director reviews the return of an application in their scope (the same reach as the returned cases they review). */
export async function reviewApplicationRefusal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; opinion: RefusalOpinion; comment?: string | undefined },
): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findApplication(trx, id);
    if (!row) throw notFound('该网上申请');
    await assertInScope(trx, actor, row.org_id);
    if (row.version !== input.expectedVersion) throw changed();
    const decision = decideApplicationRefusalReview(registerOf(row), input, { now, by: actor.userId });
    if (!decision.ok) throw toDomainError(decision);
    const r = decision.review;
    const patch: repo.ApplicationPatch = {
      refusal_review: r.review,
      refusal_reviewed_at: r.reviewedAt,
      refusal_reviewed_by: r.reviewedBy,
      refusal_comment: r.comment,
      updated_at: now.toISOString(),
    };
    if (!(await repo.updateApplication(trx, id, input.expectedVersion, patch))) throw changed();
    await recordAudit(trx, {
      at: now,
      userId: actor.userId, ip: actor.ip,
      action: 'application.refusal-review',
      targetType: 'application',
      targetId: id,
      detail: { applicationNo: row.application_no, opinion: r.review, comment: r.comment },
    });
  });
}

/** The window of the center that returned the application answers the director's objection, which closes it. */
export async function answerApplicationObjection(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; answer: string }): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findApplication(trx, id);
    if (!row) throw notFound('该网上申请');
    if (row.org_id !== actor.orgId) throw forbidden('答复其他中心网上申请的异议');
    if (row.version !== input.expectedVersion) throw changed();
    const decision = decideApplicationObjectionAnswer(registerOf(row), input, { now, by: actor.userId });
    if (!decision.ok) throw toDomainError(decision);
    const a = decision.answer;
    const patch: repo.ApplicationPatch = { refusal_answer: a.answer, refusal_answered_at: a.answeredAt, refusal_answered_by: a.answeredBy, updated_at: now.toISOString() };
    if (!(await repo.updateApplication(trx, id, input.expectedVersion, patch))) throw changed();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'application.refusal-answer', targetType: 'application', targetId: id, detail: { applicationNo: row.application_no } });
  });
}
