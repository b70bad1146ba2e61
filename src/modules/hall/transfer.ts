/**
 * 转移 (issue 12 §1): a number sent to another service (its line, any of its windows) or to one window; it waits
 * again with its original issue time, so it keeps its place.
 */
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { changeTicket, windowOfActor } from './change.js';
import * as repo from './repo.js';

export async function transferTicket(ctx: AppContext, actor: Actor, ticketId: string, input: { expectedVersion: number; serviceId?: string | null; windowId?: string | null }) {
  const { db } = ctx.database;
  if (!input.serviceId && !input.windowId) throw new DomainError('HALL_TRANSFER_TARGET', '请选择要转到的服务或窗口。', undefined, 422);
  const service = input.serviceId ? await repo.findService(db, input.serviceId) : null;
  if (input.serviceId && (!service || service.org_id !== actor.orgId)) throw notFound('要转到的服务');
  if (service && service.active !== 1) throw new DomainError('HALL_SERVICE_CLOSED', `“${service.name}”已暂停，请选择其他服务。`, undefined, 409);
  const window = input.windowId ? await windowOfActor(db, actor, input.windowId) : null;
  return changeTicket(ctx, actor, ticketId, {
    action: 'transfer',
    expectedVersion: input.expectedVersion,
    patch: ({ ticket }) => ({ service_id: service?.id ?? ticket.service_id, window_id: window?.id ?? null, called_at: null, called_by: null, started_at: null }),
  });
}
