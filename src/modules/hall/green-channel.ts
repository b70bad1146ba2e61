/**
 * 绿色通道 (issue 12 §1): staff grant a waiting number priority (an urgent case, a pregnant woman …) with a recorded
 * reason; it then counts as a priority number in the line, still bounded so nobody is starved.
 */
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { changeTicket } from './change.js';

export async function grantGreenChannel(ctx: AppContext, actor: Actor, ticketId: string, expectedVersion: number, reason: string) {
  return changeTicket(ctx, actor, ticketId, {
    action: 'green',
    expectedVersion,
    reason,
    patch: ({ ticket }) => {
      if (ticket.priority === 'appointment') throw new DomainError('HALL_ALREADY_FIRST', '这是预约签到的号，已排在最前，无需开通绿色通道。', undefined, 409);
      return { priority: 'green', green_reason: reason, green_granted_by: actor.userId };
    },
    after: async ({ trx, ticket, at }) =>
      recordAudit(trx, { at: new Date(at), userId: actor.userId, ip: actor.ip, action: 'hall.green-channel', targetType: 'hall_ticket', targetId: ticket.id, detail: { number: ticket.number, reason } }),
  });
}
