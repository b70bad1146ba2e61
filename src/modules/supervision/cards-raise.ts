/** 升级督办: blue → orange → red with a new reply date; the center's director(s) are told in-app and by SMS. */
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { runCardCommand } from './cards-command.js';
import { notifyCenter } from './cards-notify.js';

export function raiseCard(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; reason: string; replyBy: string }) {
  return runCardCommand(ctx, actor, id, input.expectedVersion, { action: 'raise', reason: input.reason, replyBy: input.replyBy }, ({ trx, card, org, after, step, subject, now }) =>
    notifyCenter(trx, { card, orgName: org.center_name, subject }, 'supervision-card-raised', after.level, after.replyBy, { seq: step.seq, at: now }),
  );
}
