/** The presence module's tables (0034): attendance_records and leave_requests. */
import { sql, type Updateable } from 'kysely';
import type { AttendanceRecordsTable, LeaveRequestsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type AttendanceRow = AttendanceRecordsTable;
export type LeaveRow = LeaveRequestsTable;

export const findRecord = (db: Db, userId: string, day: string) =>
  db.selectFrom('attendance_records').selectAll().where('user_id', '=', userId).where('day', '=', day).executeTakeFirst();

export const insertRecord = (db: Db, row: AttendanceRow) => db.insertInto('attendance_records').values(row).execute();

export const updateRecord = (db: Db, id: string, patch: Updateable<AttendanceRow>) =>
  db.updateTable('attendance_records').set({ ...patch, version: sql<number>`version + 1` }).where('id', '=', id).execute();

export const recordsOfOrg = (db: Db, orgId: string, from: string, to: string) =>
  db.selectFrom('attendance_records').selectAll().where('org_id', '=', orgId).where('day', '>=', from).where('day', '<=', to).execute();

export const recordsOfDay = (db: Db, orgId: string, day: string) =>
  db.selectFrom('attendance_records').selectAll().where('org_id', '=', orgId).where('day', '=', day).execute();

export const findLeave = (db: Db, id: string) => db.selectFrom('leave_requests').selectAll().where('id', '=', id).executeTakeFirst();

export const findLeaveByKey = (db: Db, createdBy: string, key: string) =>
  db.selectFrom('leave_requests').selectAll().where('created_by', '=', createdBy).where('idempotency_key', '=', key).executeTakeFirst();

export const insertLeave = (db: Db, row: LeaveRow) => db.insertInto('leave_requests').values(row).execute();

/** Changes a leave only if it is still at `expectedVersion`; false: someone changed it first (409). */
export async function updateLeave(db: Db, id: string, expectedVersion: number, patch: Updateable<LeaveRow>): Promise<boolean> {
  const res = await db
    .updateTable('leave_requests')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A person's pending or approved leaves (for the overlap check). */
export const liveLeavesOf = (db: Db, userId: string) =>
  db.selectFrom('leave_requests').selectAll().where('user_id', '=', userId).where('status', 'in', ['pending', 'approved']).execute();

export function listLeaves(db: Db, filter: { orgId: string; userId?: string | undefined; status?: string | undefined }) {
  let q = db.selectFrom('leave_requests').selectAll().where('org_id', '=', filter.orgId);
  if (filter.userId) q = q.where('user_id', '=', filter.userId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('from_date', 'desc').orderBy('created_at', 'desc').limit(500).execute();
}

/** Approved leaves of a center that touch [from, to] (dates). */
export const approvedLeavesBetween = (db: Db, orgId: string, from: string, to: string) =>
  db
    .selectFrom('leave_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .where('from_date', '<=', to)
    .where('to_date', '>=', from)
    .execute();

/** Approved leaves the job still has to start or end. */
export const openApprovedLeaves = (db: Db) =>
  db.selectFrom('leave_requests').selectAll().where('status', '=', 'approved').where('ended_at', 'is', null).orderBy('ends_at').execute();

/** Marks a leave started (the person marked away) once: false when another run did it first. */
export async function markApplied(db: Db, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('leave_requests').set({ applied_at: at }).where('id', '=', id).where('applied_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks a leave ended once: false when another run did it first. */
export async function markEnded(db: Db, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('leave_requests').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Another approved leave of the person under way at `at` (so the end of one does not mark them back). */
export const otherLeaveUnderWay = (db: Db, userId: string, exceptId: string, at: string) =>
  db
    .selectFrom('leave_requests')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', exceptId)
    .where('status', '=', 'approved')
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .executeTakeFirst();
