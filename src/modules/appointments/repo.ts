/** 预约's tables (migration 0033): slot plans, places taken per slot, bookings. Only this module names them. */
import { sql } from 'kysely';
import type { AppointmentPlansTable, AppointmentsTable } from '../../db/schema.js';
import { updateVersioned } from '../../db/versioned.js';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type PlanRow = AppointmentPlansTable;
export type AppointmentRow = AppointmentsTable;

export const findPlan = (db: Db, serviceId: string) => db.selectFrom('appointment_plans').selectAll().where('service_id', '=', serviceId).executeTakeFirst();
export const plansOf = (db: Db, orgId: string) => db.selectFrom('appointment_plans').selectAll().where('org_id', '=', orgId).execute();
export const insertPlan = (db: Db, row: PlanRow) => db.insertInto('appointment_plans').values(row).execute();

export async function updatePlan(db: Db, serviceId: string, expectedVersion: number, patch: { ranges: string; updated_by: string; updated_at: string }): Promise<boolean> {
  const r = await db
    .updateTable('appointment_plans')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('service_id', '=', serviceId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Places taken per `${day} ${start}` of a service between two days. */
export async function takenOf(db: Db, serviceId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('appointment_slot_counts')
    .select(['day', 'start', 'booked'])
    .where('service_id', '=', serviceId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return new Map(rows.map((r) => [`${r.day} ${r.start}`, toCount(r.booked)]));
}

/**
 * Takes one place of a slot if one is left: one conditional UPDATE, so two bookings for the last place cannot both
 * pass (PostgreSQL re-checks `booked < capacity` after the other's commit). False: full.
 */
export async function takePlace(db: Db, serviceId: string, day: string, start: string, capacity: number): Promise<boolean> {
  await db
    .insertInto('appointment_slot_counts')
    .values({ service_id: serviceId, day, start, booked: 0 })
    .onConflict((oc) => oc.columns(['service_id', 'day', 'start']).doNothing())
    .execute();
  const r = await db
    .updateTable('appointment_slot_counts')
    .set({ booked: sql<number>`booked + 1` })
    .where('service_id', '=', serviceId)
    .where('day', '=', day)
    .where('start', '=', start)
    .where('booked', '<', capacity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const givePlaceBack = (db: Db, serviceId: string, day: string, start: string) =>
  db
    .updateTable('appointment_slot_counts')
    .set({ booked: sql<number>`booked - 1` })
    .where('service_id', '=', serviceId)
    .where('day', '=', day)
    .where('start', '=', start)
    .where('booked', '>', 0)
    .execute();

export const findAppointment = (db: Db, id: string) => db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
export const findByKey = (db: Db, owner: string, key: string) =>
  db.selectFrom('appointments').selectAll().where('idem_owner', '=', owner).where('idempotency_key', '=', key).executeTakeFirst();
export const findByCode = (db: Db, orgId: string, day: string, code: string) =>
  db.selectFrom('appointments').selectAll().where('org_id', '=', orgId).where('day', '=', day).where('code', '=', code).executeTakeFirst();
export const findActive = (db: Db, activeKey: string) => db.selectFrom('appointments').select(['id']).where('active_key', '=', activeKey).executeTakeFirst();
export const insertAppointment = (db: Db, row: AppointmentRow) => db.insertInto('appointments').values(row).execute();

export const dayOf = (db: Db, orgId: string, day: string) =>
  db.selectFrom('appointments').selectAll().where('org_id', '=', orgId).where('day', '=', day).orderBy('start').orderBy('created_at').limit(2000).execute();
export const ofApplicant = (db: Db, applicantId: string, fromDay: string) =>
  db.selectFrom('appointments').selectAll().where('applicant_id', '=', applicantId).where('day', '>=', fromDay).orderBy('day').orderBy('start').limit(100).execute();
export const bookedBy = (db: Db, userId: string, fromDay: string) =>
  db.selectFrom('appointments').selectAll().where('booked_by', '=', userId).where('via', '=', 'agent').where('day', '>=', fromDay).orderBy('day').orderBy('start').limit(200).execute();

export type AppointmentPatch = Partial<Pick<AppointmentRow, 'status' | 'active_key' | 'ticket_id' | 'ticket_number' | 'checked_in_at' | 'cancelled_at' | 'cancelled_by' | 'reminded_at' | 'no_show_at' | 'updated_at'>>;

/** Changes a booking only if it is still at `expectedVersion` (and, when given, in `fromStatus`); false: someone else did. */
export const updateAppointment = (db: Db, id: string, expectedVersion: number, patch: AppointmentPatch, fromStatus?: string): Promise<boolean> =>
  updateVersioned(db, 'appointments', id, expectedVersion, patch, fromStatus);

/** Bookings of `day` still to be reminded (the job; marked one by one). */
export const dueReminders = (db: Db, day: string) =>
  db.selectFrom('appointments').selectAll().where('day', '=', day).where('status', '=', 'booked').where('reminded_at', 'is', null).limit(5000).execute();

/** Marks the reminder sent; false when another run did it first. */
export async function markReminded(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('appointments').set({ reminded_at: at }).where('id', '=', id).where('reminded_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every booking of a day before `today` still `booked` becomes a no-show; gives how many. */
export async function markNoShows(db: Db, today: string, at: string): Promise<number> {
  const r = await db
    .updateTable('appointments')
    .set({ status: 'no_show', no_show_at: at, updated_at: at, version: sql<number>`version + 1` })
    .where('day', '<', today)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Per service of a center, the bookings of a month and how many were no-shows. */
export const monthCounts = (db: Db, orgId: string, month: string) =>
  db
    .selectFrom('appointments')
    .select(['service_id'])
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .select((eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'no_show').then(1).else(0).end()).as('no_shows'))
    .select((eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'checked_in').then(1).else(0).end()).as('checked_in'))
    .select((eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'cancelled').then(1).else(0).end()).as('cancelled'))
    .where('org_id', '=', orgId)
    .where('day', '>=', `${month}-01`)
    .where('day', '<=', `${month}-31`)
    .groupBy('service_id')
    .execute();
