/** The hall's tables (0032): services, tickets and their history. Only this module writes them (lint TABLE_OWNERS). */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { HallServicesTable, HallTicketEventsTable, HallTicketsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Db } from '../../server/context.js';

export type ServiceRow = Selectable<HallServicesTable>;
export type TicketRow = Selectable<HallTicketsTable>;
export type TicketEventRow = Selectable<HallTicketEventsTable>;

export const servicesOf = (db: Db, orgId: string) =>
  db.selectFrom('hall_services').selectAll().where('org_id', '=', orgId).orderBy('sort').orderBy('code').execute();

export const findService = (db: Db, id: string) => db.selectFrom('hall_services').selectAll().where('id', '=', id).executeTakeFirst();

export const insertService = (db: Db, row: ServiceRow) => db.insertInto('hall_services').values(row).execute();

export async function updateService(db: Db, id: string, expectedVersion: number, patch: Updateable<HallServicesTable>): Promise<boolean> {
  const r = await db
    .updateTable('hall_services')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findTicket = (db: Db, id: string) => db.selectFrom('hall_tickets').selectAll().where('id', '=', id).executeTakeFirst();

export const findTicketByToken = (db: Db, token: string) =>
  db.selectFrom('hall_tickets').selectAll().where('public_token', '=', token).executeTakeFirst();

export const findTicketByKey = (db: Db, orgId: string, key: string) =>
  db.selectFrom('hall_tickets').selectAll().where('org_id', '=', orgId).where('idempotency_key', '=', key).executeTakeFirst();

/** The center's tickets of its local day `day` in these states (all states when none given). */
export function ticketsOfDay(db: Db, orgId: string, day: string, statuses?: readonly string[]) {
  let q = db.selectFrom('hall_tickets').selectAll().where('org_id', '=', orgId).where('day', '=', day);
  if (statuses && statuses.length > 0) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('issued_at').orderBy('number').execute();
}

export async function lastSeq(db: Db, serviceId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('hall_tickets')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('issued_service_id', '=', serviceId)
    .where('day', '=', day)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export const insertTicket = (db: Db, row: TicketRow) => db.insertInto('hall_tickets').values(row).execute();

/** Changes a ticket only if it is still at `expectedVersion` (and, when given, in state `fromStatus`). */
export const updateTicket = (db: Db, id: string, expectedVersion: number, patch: Updateable<HallTicketsTable>, fromStatus?: string): Promise<boolean> =>
  updateVersioned(db, 'hall_tickets', id, expectedVersion, patch, fromStatus);

export async function insertTicketEvent(db: Db, e: Omit<TicketEventRow, 'id'>): Promise<void> {
  await db.insertInto('hall_ticket_events').values({ id: randomUUID(), ...e }).execute();
}

export const eventsOfTicket = (db: Db, ticketId: string) =>
  db.selectFrom('hall_ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('at').execute();

/** The last calls (call, call_specific, recall) made at a center since `since`, newest first. */
export const recentCallEvents = (db: Db, orgId: string, since: string, limit: number) =>
  db
    .selectFrom('hall_ticket_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', 'in', ['call', 'call_specific', 'recall'])
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** The number a case was registered from (every link is in the number's history, also a second case of one visit). */
export const ticketOfCase = (db: Db, caseId: string) =>
  db
    .selectFrom('hall_tickets as t')
    .innerJoin('hall_ticket_events as e', 'e.ticket_id', 't.id')
    .selectAll('t')
    .where('e.action', '=', 'link_case')
    .where('e.reason', '=', caseId)
    .executeTakeFirst();
