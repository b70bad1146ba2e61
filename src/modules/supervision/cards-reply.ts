/** 回告: the director of the center (or the leader on duty) answers a card; the issuing supervisor is told in-app. */
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { runCardCommand } from './cards-command.js';
import { notifyIssuer } from './cards-notify.js';

export function replyToCard(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; content: string }) {
  return runCardCommand(ctx, actor, id, input.expectedVersion, { action: 'reply', content: input.content }, ({ trx, card, org, after, step, subject, now }) =>
    notifyIssuer(trx, { card, orgName: org.center_name, subject }, after.level, step.text, { seq: step.seq, at: now }),
  );
}
