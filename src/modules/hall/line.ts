/**
 * The waiting lines of a center's hall today, computed from the day's tickets with the one ordering of
 * src/domain/hall/queue-order.ts: a window's line (the numbers of the services it calls, and those transferred to
 * it), a service's line, and how many are ahead of a number.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { orderQueue, type QueueEntry, type QueuePolicy } from '../../domain/hall/queue-order.js';
import type { TicketPriority } from '../../domain/hall/ticket.js';
import { fromJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';

export interface HallDay {
  org: OrgsTable;
  day: string;
  services: repo.ServiceRow[];
  tickets: repo.TicketRow[];
}

export async function loadDay(db: Db, orgId: string, now: Date): Promise<HallDay | null> {
  const org = await findOrg(db, orgId);
  if (!org) return null;
  const day = localDate(now, org.time_zone);
  const [services, tickets] = await Promise.all([repo.servicesOf(db, orgId), repo.ticketsOfDay(db, orgId, day)]);
  return { org, day, services, tickets };
}

export const windowIdsOf = (service: repo.ServiceRow): string[] => fromJson<string[]>(service.window_ids, []);
export const itemCodesOf = (service: repo.ServiceRow): string[] => fromJson<string[]>(service.item_codes, []);

const entry = (t: repo.TicketRow): repo.TicketRow & QueueEntry => ({ ...t, priority: t.priority as TicketPriority, issuedAt: t.issued_at });

const byCalledDesc = (a: repo.TicketRow, b: repo.TicketRow) => ((a.called_at ?? '') < (b.called_at ?? '') ? 1 : (a.called_at ?? '') > (b.called_at ?? '') ? -1 : 0);

const recentOf = (tickets: repo.TicketRow[]): TicketPriority[] =>
  tickets
    .filter((t) => t.called_at !== null && t.status !== 'waiting')
    .sort(byCalledDesc)
    .map((t) => t.priority as TicketPriority);

/** The services a window calls (active ones). */
export const servicesAtWindow = (day: HallDay, windowId: string) => day.services.filter((s) => s.active === 1 && windowIdsOf(s).includes(windowId));

/** A window's waiting line in call order. */
export function windowLine(day: HallDay, windowId: string, policy: QueuePolicy): repo.TicketRow[] {
  const serviceIds = new Set(servicesAtWindow(day, windowId).map((s) => s.id));
  const waiting = day.tickets.filter((t) => t.status === 'waiting' && (t.window_id === windowId || (t.window_id === null && serviceIds.has(t.service_id))));
  const recent = recentOf(day.tickets.filter((t) => t.window_id === windowId));
  return orderQueue(waiting.map(entry), recent, policy);
}

/** A service's waiting line in call order (numbers transferred to one window of it included). */
export function serviceLine(day: HallDay, serviceId: string, policy: QueuePolicy): repo.TicketRow[] {
  const waiting = day.tickets.filter((t) => t.status === 'waiting' && t.service_id === serviceId);
  const recent = recentOf(day.tickets.filter((t) => t.service_id === serviceId));
  return orderQueue(waiting.map(entry), recent, policy);
}

/** How many are ahead of a waiting number (in its window's line when it was sent to one, else its service's); 0 otherwise. */
export function aheadOfTicket(day: HallDay, ticket: repo.TicketRow, policy: QueuePolicy): number {
  if (ticket.status !== 'waiting') return 0;
  const line = ticket.window_id ? windowLine(day, ticket.window_id, policy) : serviceLine(day, ticket.service_id, policy);
  const at = line.findIndex((t) => t.id === ticket.id);
  return at < 0 ? 0 : at;
}
