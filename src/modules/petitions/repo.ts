/** 信访's tables (migration 0024): petitions, their history, hand-overs, receptions, prints. Only this module names them. */
import { sql } from 'kysely';
import type { PetitionEventsTable, PetitionHandoversTable, PetitionPrintsTable, PetitionReceptionsTable, PetitionsTable } from '../../db/schema.js';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type PetitionRow = PetitionsTable;
export type PetitionEventRow = PetitionEventsTable;
export type HandoverRow = PetitionHandoversTable;
export type ReceptionRow = PetitionReceptionsTable;

export const findPetition = (db: Db, id: string) => db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();

export const findPetitionByKey = (db: Db, receivedBy: string, key: string) =>
  db.selectFrom('petitions').select(['id', 'idempotency_fingerprint']).where('received_by', '=', receivedBy).where('idempotency_key', '=', key).executeTakeFirst();

/** The center's next number of the year (the unique index refuses a number taken at the same moment). */
export async function nextPetitionSeq(db: Db, orgId: string, year: number): Promise<number> {
  const row = await db.selectFrom('petitions').select((eb) => eb.fn.max('seq').as('last')).where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  return toCount(row?.last ?? 0) + 1;
}

export const insertPetition = (db: Db, row: PetitionRow) => db.insertInto('petitions').values(row).execute();

type Patch = Partial<Omit<PetitionRow, 'id' | 'version'>>;

/** Changes the petition only if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function updatePetition(db: Db, id: string, expectedVersion: number, patch: Patch): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertEvent = (db: Db, row: PetitionEventRow) => db.insertInto('petition_events').values(row).execute();
export const petitionEvents = (db: Db, id: string) => db.selectFrom('petition_events').selectAll().where('petition_id', '=', id).orderBy('seq').execute();

export const insertHandover = (db: Db, row: HandoverRow) => db.insertInto('petition_handovers').values(row).execute();
export const petitionHandovers = (db: Db, id: string) => db.selectFrom('petition_handovers').selectAll().where('petition_id', '=', id).orderBy('seq').execute();
export const findHandover = (db: Db, petitionId: string, handoverId: string) =>
  db.selectFrom('petition_handovers').selectAll().where('petition_id', '=', petitionId).where('id', '=', handoverId).executeTakeFirst();
export async function replyToHandover(db: Db, id: string, patch: { reply: string; replied_at: string; replied_by: string }): Promise<boolean> {
  const r = await db.updateTable('petition_handovers').set(patch).where('id', '=', id).where('reply', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertReception = (db: Db, row: ReceptionRow) => db.insertInto('petition_receptions').values(row).execute();
export const petitionReceptions = (db: Db, id: string) =>
  db.selectFrom('petition_receptions').selectAll().where('petition_id', '=', id).orderBy('received_on').orderBy('at').execute();

export const insertPrint = (db: Db, row: PetitionPrintsTable) => db.insertInto('petition_prints').values(row).execute();
export const petitionPrints = (db: Db, id: string) =>
  db.selectFrom('petition_prints').select(['id', 'paper', 'printed_by', 'printed_at']).where('petition_id', '=', id).orderBy('printed_at', 'desc').orderBy('id').execute();

export interface PetitionFilter {
  orgId: string;
  status?: string | undefined;
  group?: boolean | undefined;
  channel?: string | undefined;
  urgency?: string | undefined;
  /** received on or after / before these instants */
  from?: string | undefined;
  to?: string | undefined;
  /** 姓名 or 反映问题 contains */
  q?: string | undefined;
  /** still open: the center has something to do */
  open?: boolean | undefined;
}

export const OPEN_STATUSES = ['registered', 'accepted', 'handed_over', 'dept_replied', 'review', 'recheck'] as const;

function filtered(db: Db, f: PetitionFilter) {
  let q = db.selectFrom('petitions').where('org_id', '=', f.orgId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.group !== undefined) q = q.where('is_group', '=', f.group ? 1 : 0);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.urgency) q = q.where('urgency', '=', f.urgency);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  if (f.open) q = q.where('status', 'in', [...OPEN_STATUSES]);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', sql<string>`${like} escape '\\'`), eb('issue', 'like', sql<string>`${like} escape '\\'`)]));
  }
  return q;
}

export const listPetitions = (db: Db, f: PetitionFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('received_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();

export async function countPetitions(db: Db, f: PetitionFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return toCount(row?.n as number | undefined);
}

/** The same person's earlier petitions at the center, by ID number or phone (indexed). */
export function earlierPetitions(db: Db, orgId: string, who: { idNumber?: string | null | undefined; phone?: string | null | undefined }, limit = 20) {
  const { idNumber, phone } = who;
  if (!idNumber && !phone) return Promise.resolve([] as PetitionRow[]);
  return db
    .selectFrom('petitions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([...(idNumber ? [eb('id_number', '=', idNumber)] : []), ...(phone ? [eb('phone', '=', phone)] : [])]))
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}

/** Every petition whose center still has a clock running (the warning job). */
export const openPetitions = (db: Db) => db.selectFrom('petitions').selectAll().where('status', 'in', [...OPEN_STATUSES]).execute();
