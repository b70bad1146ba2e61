/** 咨询 and the items' FAQ (migration 0025): all SQL on their tables. Only this module names them. */
import { sql } from 'kysely';
import type { ConsultationEventsTable, ConsultationsTable, ItemFaqHistoryTable, ItemFaqsTable } from '../../db/schema.js';
import { likePattern, toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type ConsultationRow = ConsultationsTable;
export type FaqRow = ItemFaqsTable;

export const findConsultation = (db: Db, id: string) => db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();

export const findConsultationByNo = (db: Db, no: string) => db.selectFrom('consultations').selectAll().where('consultation_no', '=', no).executeTakeFirst();

export const findConsultationByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('consultations').select(['id', 'idempotency_fingerprint']).where('logged_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();

/** A question asked online under this Idempotency-Key (no person: the key alone). */
export const findAskedByKey = (db: Db, key: string) =>
  db.selectFrom('consultations').select(['consultation_no', 'query_code', 'idempotency_fingerprint']).where('logged_by', 'is', null).where('idempotency_key', '=', key).executeTakeFirst();

/** The day's next number (all centers share the day's sequence; the unique index refuses one taken at the same moment). */
export async function nextSeq(db: Db, day: string): Promise<number> {
  const row = await db.selectFrom('consultations').select((eb) => eb.fn.max('seq').as('last')).where('day', '=', day).executeTakeFirst();
  return toCount(row?.last ?? 0) + 1;
}

export const insertConsultation = (db: Db, row: ConsultationRow) => db.insertInto('consultations').values(row).execute();

export async function updateConsultation(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<ConsultationRow, 'status' | 'answer' | 'answered_by' | 'answered_at' | 'faq_id' | 'item_id' | 'item_code' | 'item_name' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('consultations')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, row: Omit<ConsultationEventsTable, 'seq'>): Promise<void> {
  const last = await db.selectFrom('consultation_events').select((eb) => eb.fn.max('seq').as('last')).where('consultation_id', '=', row.consultation_id).executeTakeFirst();
  await db.insertInto('consultation_events').values({ ...row, seq: toCount(last?.last ?? 0) + 1 }).execute();
}

export const consultationEvents = (db: Db, id: string) => db.selectFrom('consultation_events').selectAll().where('consultation_id', '=', id).orderBy('seq').execute();

export interface ConsultationFilter {
  orgIds: readonly string[];
  orgId?: string | undefined;
  itemId?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  /** instants: asked at or after `from`, before `to` */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

function filtered(db: Db, f: ConsultationFilter) {
  let q = db.selectFrom('consultations').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.itemId) q = q.where('item_id', '=', f.itemId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('asked_at', '>=', f.from);
  if (f.to) q = q.where('asked_at', '<', f.to);
  const text = f.q?.trim();
  if (text) {
    const p = likePattern(text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('question')} like ${p} escape '\\'`,
        sql<boolean>`${eb.ref('answer')} like ${p} escape '\\'`,
        sql<boolean>`${eb.ref('consultation_no')} like ${p} escape '\\'`,
        sql<boolean>`${eb.ref('item_name')} like ${p} escape '\\'`,
      ]),
    );
  }
  return q;
}

/** Newest first; the unanswered oldest first: whoever has waited longest is answered next. */
export const listConsultations = (db: Db, f: ConsultationFilter, page: { offset: number; limit: number }) =>
  filtered(db, f)
    .selectAll()
    .orderBy('asked_at', f.status === 'pending' ? 'asc' : 'desc')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();

export async function countConsultations(db: Db, f: ConsultationFilter) {
  const row = await filtered(db, f)
    .select((eb) => [eb.fn.countAll().as('total'), eb.fn.sum(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending')])
    .executeTakeFirst();
  return { total: toCount(row?.total), pending: toCount(row?.pending as number | null) };
}

/** An item's questions at a center since `from` (at most `limit`, the latest): what the FAQ editor groups. */
export const itemQuestions = (db: Db, orgId: string, itemId: string, from: string, limit: number) =>
  db
    .selectFrom('consultations')
    .select(['id', 'question', 'answer', 'asked_at', 'faq_id'])
    .where('org_id', '=', orgId)
    .where('item_id', '=', itemId)
    .where('asked_at', '>=', from)
    .orderBy('asked_at', 'desc')
    .limit(limit)
    .execute();

/** The items a center was asked about since `from`, most asked first, with their pending counts. */
export const consultedItems = (db: Db, orgId: string, from: string) =>
  db
    .selectFrom('consultations')
    .select((eb) => [
      'item_id',
      eb.fn.max('item_code').as('item_code'),
      eb.fn.max('item_name').as('item_name'),
      eb.fn.countAll().as('count'),
      eb.fn.sum(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
    ])
    .where('org_id', '=', orgId)
    .where('item_id', 'is not', null)
    .where('asked_at', '>=', from)
    .groupBy('item_id')
    .orderBy('count', 'desc')
    .limit(200)
    .execute();

// ---- FAQ

export const findFaq = (db: Db, id: string) => db.selectFrom('item_faqs').selectAll().where('id', '=', id).executeTakeFirst();

export const findFaqByKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('item_faqs').select(['id', 'idempotency_fingerprint']).where('created_by', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();

export const faqEntries = (db: Db, itemId: string, orgIds: readonly string[], status?: 'active') => {
  let q = db.selectFrom('item_faqs').selectAll().where('item_id', '=', itemId).where('org_id', 'in', orgIds.length > 0 ? [...orgIds] : ['']);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('org_id').orderBy('position').orderBy('id').execute();
};

/** Centers with active entries for the item (for the public page's fallback to the center above). */
export async function orgsWithFaq(db: Db, itemId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('item_faqs').select('org_id').distinct().where('item_id', '=', itemId).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.org_id));
}

export async function activeFaqCounts(db: Db, orgId: string, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('item_faqs')
    .select((eb) => ['item_id', eb.fn.countAll().as('n')])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where('item_id', 'in', [...itemIds])
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, toCount(r.n)]));
}

export const insertFaq = (db: Db, row: FaqRow) => db.insertInto('item_faqs').values(row).execute();

export async function updateFaq(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<FaqRow, 'question' | 'answer' | 'position' | 'status' | 'updated_by' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('item_faqs')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertFaqHistory = (db: Db, row: ItemFaqHistoryTable) => db.insertInto('item_faq_history').values(row).execute();

export const faqHistory = (db: Db, faqId: string) => db.selectFrom('item_faq_history').selectAll().where('faq_id', '=', faqId).orderBy('version', 'desc').execute();
