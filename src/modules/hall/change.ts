/**
 * The one way a ticket changes (issue 12 §1): in one transaction, the center's hall is locked (PostgreSQL: an
 * advisory lock per center, so two windows calling at once take turns and never deadlock; SQLite writes one at a
 * time anyway), the ticket is checked against the transition table of src/domain/hall/ticket.ts and its version,
 * changed, its history written, the "N in line" SMS queued for whoever came close, and after commit the bus told.
 */
import { sql, type Updateable } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { decide, type TicketAction, type TicketStatus } from '../../domain/hall/ticket.js';
import type { HallTicketsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findWindow } from '../windows/repo.js';
import { loadDay, type HallDay } from './line.js';
import { notifyPositions } from './positions.js';
import { publishHall } from './publish.js';
import * as repo from './repo.js';
import { hallSettingsOf, type HallSettings } from './settings.js';

/** Serialises the writes of one center's hall for the rest of the transaction. */
export async function lockHall(ctx: AppContext, trx: Db, orgId: string): Promise<void> {
  if (ctx.database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`hall:${orgId}`}))`.execute(trx);
}

/** A window of the clerk's own center, open. */
export async function windowOfActor(db: Db, actor: Actor, windowId: string) {
  const w = await findWindow(db, windowId);
  if (!w) throw notFound('该窗口');
  if (w.org_id !== actor.orgId) throw forbidden('在其他中心的窗口叫号');
  if (w.active !== 1) throw new DomainError('HALL_WINDOW_CLOSED', `“${w.name}”已停用，请在叫号页面选择本人所在的窗口。`, undefined, 409);
  return w;
}

export interface ChangeContext {
  trx: Db;
  ticket: repo.TicketRow;
  day: HallDay;
  settings: HallSettings;
  at: string;
}

export interface ChangeSpec {
  action: TicketAction;
  /** the event's name when it differs from the action (call_specific) */
  eventAction?: string;
  expectedVersion: number | null;
  /** the time of the last call (no-show waits from it) */
  lastCallAt?: (c: ChangeContext) => Promise<string | null>;
  patch: (c: ChangeContext) => Promise<Updateable<HallTicketsTable>> | Updateable<HallTicketsTable>;
  reason?: string | null;
  windowId?: (c: ChangeContext) => string | null;
  serviceId?: (c: ChangeContext) => string | null;
  /** after the change, in the transaction (audit entries: last) */
  after?: (c: ChangeContext) => Promise<void>;
}

export async function changeTicket(ctx: AppContext, actor: Actor, ticketId: string, spec: ChangeSpec): Promise<repo.TicketRow> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const first = await repo.findTicket(db, ticketId);
  if (!first) throw notFound('该号');
  if (first.org_id !== actor.orgId) throw forbidden('处理其他中心的排队号');
  const done = await db.transaction().execute(async (trx) => {
    await lockHall(ctx, trx, first.org_id);
    const ticket = await repo.findTicket(trx, ticketId);
    if (!ticket) throw notFound('该号');
    if (spec.expectedVersion !== null && ticket.version !== spec.expectedVersion) throw versionConflict();
    const day = await loadDay(trx, ticket.org_id, now);
    if (!day) throw notFound('该中心');
    const settings = await hallSettingsOf(trx, ticket.org_id);
    const c: ChangeContext = { trx, ticket, day, settings, at: now.toISOString() };
    const lastCallAt = spec.lastCallAt ? await spec.lastCallAt(c) : ticket.called_at;
    const decision = decide({ status: ticket.status as TicketStatus, calledAt: lastCallAt }, spec.action, now, { noShowMinutes: settings.noShowMinutes });
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    const patch = await spec.patch(c);
    const ok = await repo.updateTicket(trx, ticket.id, ticket.version, { ...patch, status: decision.to, updated_at: c.at }, ticket.status);
    if (!ok) throw versionConflict();
    const updated = (await repo.findTicket(trx, ticket.id))!;
    await repo.insertTicketEvent(trx, {
      ticket_id: ticket.id,
      org_id: ticket.org_id,
      action: spec.eventAction ?? spec.action,
      from_status: ticket.status,
      to_status: decision.to,
      service_id: spec.serviceId?.(c) ?? updated.service_id,
      window_id: spec.windowId?.(c) ?? updated.window_id,
      reason: spec.reason ?? null,
      by_user_id: actor.userId,
      at: c.at,
    });
    const after = await loadDay(trx, ticket.org_id, now);
    if (after) await notifyPositions(trx, after, settings, now);
    await spec.after?.({ ...c, ticket: updated });
    return updated;
  });
  publishHall(ctx, done.org_id, done.id, spec.eventAction ?? spec.action);
  return done;
}

/** When the number was last called (a recall resets the no-show wait). */
export async function lastCallOf(db: Db, ticketId: string): Promise<string | null> {
  const events = await repo.eventsOfTicket(db, ticketId);
  const last = [...events].reverse().find((e) => e.action === 'call' || e.action === 'call_specific' || e.action === 'recall');
  return last?.at ?? null;
}
