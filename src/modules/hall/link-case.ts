/**
 * 取号与办件关联 (issue 12 §1): the intake of a case started from a number being served links the two in the intake's
 * own transaction, so waiting and serving times are known per case. The cases module calls this; it never writes
 * the hall's tables itself.
 */
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import * as repo from './repo.js';

export async function linkTicketToCase(trx: Db, actor: Actor, ticketId: string, caseId: string, now: Date): Promise<void> {
  const ticket = await repo.findTicket(trx, ticketId);
  if (!ticket || ticket.org_id !== actor.orgId) {
    throw new DomainError('HALL_TICKET_NOT_FOUND', '没有找到本中心的这个排队号，请回到叫号页面重新点“开始办理”，或不关联排队号直接登记。', undefined, 422);
  }
  if (ticket.status !== 'serving') {
    throw new DomainError('HALL_TICKET_NOT_SERVING', `排队号 ${ticket.number} 现在不是“办理中”，请先在叫号页面点“开始办理”，再登记办件。`, undefined, 409);
  }
  const at = now.toISOString();
  // one visit may bring several cases: the first one stays on the ticket, each link is in its history
  if (ticket.case_id === null) {
    const ok = await repo.updateTicket(trx, ticket.id, ticket.version, { case_id: caseId, updated_at: at }, 'serving');
    if (!ok) throw new DomainError('HALL_TICKET_CHANGED', `排队号 ${ticket.number} 刚被他人处理，请刷新叫号页面后再登记。`, undefined, 409);
  }
  await repo.insertTicketEvent(trx, {
    ticket_id: ticket.id,
    org_id: ticket.org_id,
    action: 'link_case',
    from_status: 'serving',
    to_status: 'serving',
    service_id: ticket.service_id,
    window_id: ticket.window_id,
    reason: caseId,
    by_user_id: actor.userId,
    at,
  });
}
