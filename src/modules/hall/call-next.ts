/**
 * 叫下一位 (issue 12 §1): the window's line decides who (src/domain/hall/queue-order.ts) — the clerk never chooses
 * between normal and priority numbers. Two windows calling at the same moment take turns on the center's hall lock,
 * and the second gets the next number; a number someone else changed meanwhile is skipped, never a 500.
 */
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { lockHall, windowOfActor } from './change.js';
import { loadDay, windowLine } from './line.js';
import { notifyPositions } from './positions.js';
import { publishHall } from './publish.js';
import * as repo from './repo.js';
import { hallSettingsOf } from './settings.js';

export const nobodyWaiting = () => new DomainError('HALL_NOBODY_WAITING', '当前没有等候的群众。有人取号后再点“叫下一位”。', undefined, 404);

export async function callNext(ctx: AppContext, actor: Actor, windowId: string): Promise<repo.TicketRow> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const window = await windowOfActor(db, actor, windowId);
  const called = await db.transaction().execute(async (trx) => {
    await lockHall(ctx, trx, window.org_id);
    const settings = await hallSettingsOf(trx, window.org_id);
    for (let attempt = 0; attempt < 5; attempt++) {
      const day = await loadDay(trx, window.org_id, now);
      const next = day ? windowLine(day, window.id, settings)[0] : undefined;
      if (!day || !next) throw nobodyWaiting();
      const at = now.toISOString();
      const ok = await repo.updateTicket(trx, next.id, next.version, { status: 'called', window_id: window.id, called_by: actor.userId, called_at: at, updated_at: at }, 'waiting');
      if (!ok) continue;
      await repo.insertTicketEvent(trx, {
        ticket_id: next.id,
        org_id: next.org_id,
        action: 'call',
        from_status: 'waiting',
        to_status: 'called',
        service_id: next.service_id,
        window_id: window.id,
        reason: null,
        by_user_id: actor.userId,
        at,
      });
      const after = await loadDay(trx, window.org_id, now);
      if (after) await notifyPositions(trx, after, settings, now);
      return (await repo.findTicket(trx, next.id))!;
    }
    throw new DomainError('HALL_BUSY', '其他窗口正在同时叫号，请再点一次“叫下一位”。', undefined, 409);
  });
  publishHall(ctx, called.org_id, called.id, 'call');
  return called;
}
