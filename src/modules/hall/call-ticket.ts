/**
 * 指定叫号 (issue 12 §1): calling one particular waiting number out of turn (someone came back, a family together …)
 * needs a reason, which the ticket's history and the audit log keep.
 */
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { changeTicket, windowOfActor } from './change.js';

export async function callTicket(ctx: AppContext, actor: Actor, ticketId: string, windowId: string, reason: string) {
  const window = await windowOfActor(ctx.database.db, actor, windowId);
  return changeTicket(ctx, actor, ticketId, {
    action: 'call',
    eventAction: 'call_specific',
    expectedVersion: null,
    reason,
    patch: ({ at }) => ({ window_id: window.id, called_by: actor.userId, called_at: at }),
    windowId: () => window.id,
    after: async ({ trx, ticket, at }) =>
      recordAudit(trx, { at: new Date(at), userId: actor.userId, ip: actor.ip, action: 'hall.call-specific', targetType: 'hall_ticket', targetId: ticket.id, detail: { number: ticket.number, windowId: window.id, reason } }),
  });
}
