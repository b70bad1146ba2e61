/**
 * 申诉复核: the director of the rated center asks (reason, evidence), a supervisor of its tree decides (reason).
 * Upholding takes the rating out of the scores (ratings.excluded_*, kept on record with the decision) and cancels
 * its work order — all in ONE transaction with the appeal's change and the audit entry. One appeal per rating: the
 * unique rating_id turns a double submit into 409.
 */
import { randomUUID } from 'node:crypto';
import { APPEAL_REASON_NAMES, decideAppeal, type AppealActor, type AppealCommand, type AppealReason, type AppealState, type AppealStatus } from '../../domain/evaluation/appeals.js';
import { DomainError } from '../../domain/errors.js';
import { uniqueViolationTable } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../orgs/service.js';
import { cancelWorkOrderOf } from './work-order-act.js';
import * as repo from './work-order-repo.js';

async function appealActorOf(db: Db, actor: Actor, orgId: string): Promise<{ maySee: boolean; actor: AppealActor }> {
  const scope = await scopeOf(db, actor);
  return { maySee: scope.has(orgId), actor: { userId: actor.userId, roles: actor.roles, atRatedCenter: actor.orgId === orgId, coversCenter: scope.has(orgId) } };
}

const stateOf = (a: repo.AppealRow): AppealState => ({
  status: a.status as AppealStatus,
  reason: a.reason as AppealReason,
  evidence: a.evidence,
  requestedBy: a.requested_by,
  requestedAt: a.requested_at,
  decision: a.decision,
  decidedBy: a.decided_by,
  decidedAt: a.decided_at,
  version: a.version,
});

const refused = (d: { code: string; message: string; status: number }) => new DomainError(d.code, d.message, undefined, d.status);

export async function requestAppeal(ctx: AppContext, actor: Actor, ratingId: string, input: { reason: AppealReason; evidence: string }): Promise<string> {
  const now = ctx.clock();
  try {
    return await ctx.database.db.transaction().execute(async (trx) => {
      const rating = await repo.findRating(trx, ratingId);
      if (!rating) throw notFound('该评价');
      const who = await appealActorOf(trx, actor, rating.org_id);
      if (!who.maySee) throw notFound('该评价');
      const existing = await repo.findAppealByRating(trx, ratingId);
      const decision = decideAppeal(existing ? stateOf(existing) : null, { action: 'request', ...input }, { now, actor: who.actor, level: rating.level });
      if (!decision.ok) throw refused(decision);
      const id = randomUUID();
      const a = decision.appeal;
      await repo.insertAppeal(trx, { id, rating_id: ratingId, org_id: rating.org_id, case_no: rating.case_no, reason: a.reason, evidence: a.evidence, status: a.status, requested_by: actor.userId, requested_at: a.requestedAt, decision: null, decided_by: null, decided_at: null, version: 1 });
      await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'appeal.request', targetType: 'rating_appeal', targetId: id, detail: { ratingId, caseNo: rating.case_no, reason: a.reason } });
      return id;
    });
  } catch (error) {
    if (uniqueViolationTable(error) === 'rating_appeals') throw new DomainError('APPEAL_WRONG_STATE', '该评价已提出申诉，正在复核，不能重复申诉。请刷新页面查看最新情况。', undefined, 409);
    throw error;
  }
}

export async function decideAppealCommand(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: Extract<AppealCommand, { action: 'uphold' | 'reject' }>): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const appeal = await repo.findAppeal(trx, id);
    if (!appeal) throw notFound('该申诉');
    const who = await appealActorOf(trx, actor, appeal.org_id);
    if (!who.maySee) throw forbidden('复核该申诉（评价不属于您所辖的中心）');
    if (appeal.version !== expectedVersion) throw versionConflict();
    const rating = await repo.findRating(trx, appeal.rating_id);
    if (!rating) throw notFound('该评价');
    const decision = decideAppeal(stateOf(appeal), command, { now, actor: who.actor, level: rating.level });
    if (!decision.ok) throw refused(decision);
    const a = decision.appeal;
    if (!(await repo.updateAppeal(trx, id, expectedVersion, { status: a.status, decision: a.decision, decided_by: a.decidedBy, decided_at: a.decidedAt }))) throw versionConflict();
    if (a.status === 'upheld') {
      const reason = `申诉成立（${APPEAL_REASON_NAMES[a.reason]}）：${a.decision}`;
      if (!(await repo.excludeRating(trx, rating, { at: now.toISOString(), by: actor.userId, reason, appealId: id }))) throw versionConflict();
      await cancelWorkOrderOf(trx, ctx, rating.id, reason, now);
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: `appeal.${command.action}`, targetType: 'rating_appeal', targetId: id, detail: { ratingId: rating.id, caseNo: rating.case_no, status: a.status } });
  });
}
