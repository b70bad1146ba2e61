/**
 * The waiting lines of a center's hall today: the day's tickets read once, put in line by the rules of
 * src/domain/hall/queue-order.ts (a window's line, a service's line), and how many are ahead of a number.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { serviceLine as lineOfService, windowLine as lineOfWindow, type LineTicket, type QueuePolicy } from '../../domain/hall/queue-order.js';
import type { TicketPriority, TicketStatus } from '../../domain/hall/ticket.js';
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

type LineRow = repo.TicketRow & LineTicket;
const asLine = (t: repo.TicketRow): LineRow => ({ ...t, priority: t.priority as TicketPriority, issuedAt: t.issued_at, status: t.status as TicketStatus, serviceId: t.service_id, windowId: t.window_id, calledAt: t.called_at });

/** The services a window calls (active ones). */
export const servicesAtWindow = (day: HallDay, windowId: string) => day.services.filter((s) => s.active === 1 && windowIdsOf(s).includes(windowId));

/** A window's waiting line in call order (the rule: src/domain/hall/queue-order.ts). */
export const windowLine = (day: HallDay, windowId: string, policy: QueuePolicy): repo.TicketRow[] =>
  lineOfWindow(day.tickets.map(asLine), windowId, new Set(servicesAtWindow(day, windowId).map((s) => s.id)), policy);

/** A service's waiting line in call order. */
export const serviceLine = (day: HallDay, serviceId: string, policy: QueuePolicy): repo.TicketRow[] => lineOfService(day.tickets.map(asLine), serviceId, policy);

/** How many are ahead of a waiting number (in its window's line when it was sent to one, else its service's); 0 otherwise. */
export function aheadOfTicket(day: HallDay, ticket: repo.TicketRow, policy: QueuePolicy): number {
  if (ticket.status !== 'waiting') return 0;
  const line = ticket.window_id ? windowLine(day, ticket.window_id, policy) : serviceLine(day, ticket.service_id, policy);
  const at = line.findIndex((t) => t.id === ticket.id);
  return at < 0 ? 0 : at;
}
