/** 投诉's tables (migration 0023): the complaints and their timeline. Only this module names them. */
import { sql } from 'kysely';
import type { ComplaintEventsTable, ComplaintsTable } from '../../db/schema.js';
import { likePattern, toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type ComplaintRow = ComplaintsTable;
export type ComplaintEventRow = ComplaintEventsTable;

export const findComplaint = (db: Db, id: string) => db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();

export const findComplaintByNo = (db: Db, complaintNo: string) =>
  db.selectFrom('complaints').selectAll().where('complaint_no', '=', complaintNo).executeTakeFirst();

export const findComplaintByKey = (db: Db, key: string) =>
  db.selectFrom('complaints').selectAll().where('idempotency_key', '=', key).executeTakeFirst();

/** The center's next number of the year (the unique index refuses a number taken at the same moment). */
export async function nextComplaintSeq(db: Db, orgId: string, year: number): Promise<number> {
  const row = await db.selectFrom('complaints').select((eb) => eb.fn.max('seq').as('last')).where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  return toCount(row?.last ?? 0) + 1;
}

export const insertComplaint = (db: Db, row: ComplaintRow) => db.insertInto('complaints').values(row).execute();

export type ComplaintPatch = Partial<Omit<ComplaintRow, 'id' | 'complaint_no' | 'version'>>;

/** The complaint changes only if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function updateComplaint(db: Db, id: string, expectedVersion: number, patch: ComplaintPatch): Promise<boolean> {
  const result = await db
    .updateTable('complaints')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function appendEvent(db: Db, row: Omit<ComplaintEventRow, 'seq'>): Promise<number> {
  const last = await db.selectFrom('complaint_events').select((eb) => eb.fn.max('seq').as('last')).where('complaint_id', '=', row.complaint_id).executeTakeFirst();
  const seq = toCount(last?.last ?? 0) + 1;
  await db.insertInto('complaint_events').values({ ...row, seq }).execute();
  return seq;
}

export const complaintEvents = (db: Db, complaintId: string) =>
  db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();

export const mergedInto = (db: Db, mainId: string) =>
  db.selectFrom('complaints').selectAll().where('merged_into_id', '=', mainId).orderBy('received_at').execute();

export const complaintsByIds = async (db: Db, ids: readonly (string | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, ComplaintRow>();
  const rows = await db.selectFrom('complaints').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
};

export interface ComplaintFilter {
  /** complaints handled by these organisations (the viewer's center, or a supervisor's tree) */
  orgIds: readonly string[];
  orgId?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  /** lights by the center's local date `today` */
  light?: 'green' | 'yellow' | 'red' | undefined;
  today: string;
  q?: string | undefined;
}

const OPEN = ['registered', 'accepted', 'investigated', 'handled'];

function filtered(db: Db, f: ComplaintFilter) {
  let q = db.selectFrom('complaints').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([eb('complaint_no', '=', text), sql<boolean>`${eb.ref('title')} like ${likePattern(text)} escape '\\'`]));
  }
  if (f.light) {
    const due = sql<string>`coalesce(extended_due, due_date)`;
    q = q.where('status', 'in', OPEN);
    if (f.light === 'red') q = q.where(due, '<', f.today);
    else if (f.light === 'yellow') q = q.where(due, '=', f.today);
    else q = q.where(due, '>', f.today);
  }
  return q;
}

export const listComplaints = (db: Db, f: ComplaintFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('received_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();

export async function countComplaints(db: Db, f: ComplaintFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll().as('total')).executeTakeFirst();
  return toCount(row?.total as number | undefined);
}

/** Unanswered complaints past their limit (before `today`) not yet reminded: the 催办 job's work. */
export const dueForReminder = (db: Db, today: string) =>
  db
    .selectFrom('complaints')
    .selectAll()
    .where('status', 'in', OPEN)
    .where('reminded_at', 'is', null)
    .where(sql<string>`coalesce(extended_due, due_date)`, '<', today)
    .orderBy('received_at')
    .limit(500)
    .execute();

/** Marks the reminder sent; false when another run did it first. */
export async function markReminded(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('complaints').set({ reminded_at: at }).where('id', '=', id).where('reminded_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
