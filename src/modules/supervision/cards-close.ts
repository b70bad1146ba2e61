/**
 * The supervisor's verdict on an answer: 销号 (the card is closed, with an optional remark), or 退回 (the answer is
 * not enough: the center answers again, by the same date or a new one).
 */
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { runCardCommand } from './cards-command.js';

export function closeCard(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; remark?: string | undefined }) {
  return runCardCommand(ctx, actor, id, input.expectedVersion, { action: 'close', remark: input.remark });
}

export function returnCard(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; reason: string; replyBy?: string | undefined }) {
  return runCardCommand(ctx, actor, id, input.expectedVersion, { action: 'return', reason: input.reason, replyBy: input.replyBy });
}
