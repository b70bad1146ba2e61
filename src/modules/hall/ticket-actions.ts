/**
 * The clerk's buttons on a called or served number (issue 12 §1): 重呼, 过号 (only after the configured wait since the
 * last call), 开始办理, 办结, 取消, 恢复排队 — each one row of the transition table, with the version the page showed.
 */
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { changeTicket, lastCallOf } from './change.js';

export type SimpleAction = 'recall' | 'no_show' | 'start' | 'finish' | 'cancel' | 'reactivate';

export async function actOnTicket(ctx: AppContext, actor: Actor, ticketId: string, action: SimpleAction, expectedVersion: number) {
  return changeTicket(ctx, actor, ticketId, {
    action,
    expectedVersion,
    lastCallAt: ({ trx, ticket }) => lastCallOf(trx, ticket.id),
    patch: ({ ticket, at }) => {
      switch (action) {
        case 'recall':
          return { recalls: ticket.recalls + 1 };
        case 'start':
          return { started_at: at };
        case 'finish':
          return { finished_at: at };
        case 'reactivate':
          // back in its old place (issue time kept), for any window of its service
          return { window_id: null, called_at: null, called_by: null };
        default:
          return {};
      }
    },
  });
}
