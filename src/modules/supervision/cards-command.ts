/**
 * One step on an issued 督办单 (回告, 退回, 升级, 销号), the same way each time, in ONE transaction: the card as stored,
 * may the person see it (403), is their copy current (409), does the domain allow the step (403 / 409 / 422); then
 * the card's change, its history step, the step's messages and the audit entry (last: it holds the chain's head).
 * After the commit the change is published live (the card lists and dashboards of the tree read again).
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { decideCard, type CardCommand, type CardState, type CardStep } from '../../domain/supervision/cards.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './cards-repo.js';
import { publishCard } from './cards-publish.js';
import { assertMaySee, cardActorOf, cardViewer, stateOf, subjectText } from './cards-view.js';

export interface StepDone {
  trx: Db;
  card: repo.CardRow;
  org: OrgsTable;
  /** the card after the step, and the step (its seq in the history) */
  after: CardState;
  step: CardStep & { seq: number };
  subject: string;
  now: Date;
}

export async function runCardCommand(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  command: CardCommand,
  notify: (done: StepDone) => Promise<void> = async () => {},
): Promise<void> {
  const now = ctx.clock();
  const done = await ctx.database.db.transaction().execute(async (trx) => {
    const card = await repo.findCard(trx, id);
    if (!card) throw notFound('该督办单');
    const viewer = await cardViewer(trx, actor);
    assertMaySee(viewer, card);
    if (card.version !== expectedVersion) throw versionConflict();
    const org = await findOrg(trx, card.org_id);
    if (!org) throw notFound('被督办的中心');
    const steps = await repo.cardSteps(trx, id);
    const decision = decideCard(stateOf(card, steps), command, {
      now,
      today: localDate(now, org.time_zone),
      calendar: await loadCalendar(trx),
      actor: cardActorOf(viewer, card),
    });
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    const { card: after, step } = decision;
    const at = now.toISOString();
    const changed = await repo.updateCard(trx, id, expectedVersion, {
      status: after.status,
      level: after.level,
      reply_by: after.replyBy,
      updated_at: at,
      ...(step.action === 'reply' && { replied_at: at, replied_by: actor.userId }),
      ...(step.action === 'close' && { closed_at: at, closed_by: actor.userId }),
    });
    if (!changed) throw versionConflict();
    const seq = steps.length + 1;
    await repo.insertStep(trx, {
      id: randomUUID(),
      card_id: id,
      seq,
      action: step.action,
      at,
      by_user_id: actor.userId,
      level: step.level,
      reply_by: step.replyBy,
      text: step.text,
      from_status: step.from,
      to_status: step.to,
    });
    await notify({ trx, card, org, after, step: { ...step, seq }, subject: subjectText(card, org), now });
    await recordAudit(trx, {
      at: now,
      userId: actor.userId, ip: actor.ip,
      action: `card.${step.action}`,
      targetType: 'supervision_card',
      targetId: id,
      detail: { cardNo: card.card_no, level: after.level, status: after.status, replyBy: after.replyBy },
    });
    return { orgId: card.org_id, action: step.action };
  });
  publishCard(ctx, id, done.orgId, done.action);
}
