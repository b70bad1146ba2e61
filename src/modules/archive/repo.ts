/** All SQL of 立卷归档: the 保管期限表, the dossiers and their 件号 counters (tables of migration 0047). */
import { sql, type Insertable } from 'kysely';
import type { ArchiveDossiersTable } from '../../db/schema.js';
import { likePattern } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type DossierRow = ArchiveDossiersTable;

/** One center's 保管期限表: the rows it has set. */
export const retentionRows = (db: Db, orgId: string) =>
  db.selectFrom('archive_retention').selectAll().where('org_id', '=', orgId).orderBy('item_code').execute();

export const findRetention = (db: Db, orgId: string, itemCode: string) =>
  db.selectFrom('archive_retention').selectAll().where('org_id', '=', orgId).where('item_code', '=', itemCode).executeTakeFirst();

export async function saveRetention(db: Db, row: { org_id: string; item_code: string; period: string; updated_at: string; updated_by: string }): Promise<void> {
  await db
    .insertInto('archive_retention')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'item_code']).doUpdateSet({ period: row.period, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

/** The next 件号 of a center, year and period; the upsert makes two simultaneous filings get different numbers. */
export async function nextArchiveSeq(db: Db, orgId: string, year: number, period: string): Promise<number> {
  const row = await db
    .insertInto('archive_sequences')
    .values({ org_id: orgId, year, period, last_no: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'year', 'period']).doUpdateSet({ last_no: sql`archive_sequences.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export const insertDossier = (db: Db, row: Insertable<ArchiveDossiersTable>) => db.insertInto('archive_dossiers').values(row).execute();

export const findDossier = (db: Db, id: string) => db.selectFrom('archive_dossiers').selectAll().where('id', '=', id).executeTakeFirst();

export const findDossierByCase = (db: Db, caseId: string) =>
  db.selectFrom('archive_dossiers').selectAll().where('case_id', '=', caseId).executeTakeFirst();

/** Which of these cases are filed already. */
export async function filedCaseIds(db: Db, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db.selectFrom('archive_dossiers').select('case_id').where('case_id', 'in', [...caseIds]).execute();
  return new Set(rows.map((r) => r.case_id));
}

export async function recordCheck(db: Db, id: string, check: { at: string; ok: boolean; problems: readonly string[] }): Promise<void> {
  await db
    .updateTable('archive_dossiers')
    .set({ check_at: check.at, check_ok: check.ok ? 1 : 0, check_problems: JSON.stringify(check.problems) })
    .where('id', '=', id)
    .execute();
}

export interface DossierFilter {
  orgIds: readonly string[];
  year?: number | undefined;
  period?: string | undefined;
  caseId?: string | undefined;
  /** part of the 档号, the 办件编号 or the applicant's name */
  q?: string | undefined;
}

function filtered(db: Db, f: DossierFilter) {
  let q = db.selectFrom('archive_dossiers').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.period) q = q.where('period', '=', f.period);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  const term = f.q?.trim();
  if (term) {
    const p = likePattern(term);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('archive_no')} like ${p} escape '\\'`,
        sql<boolean>`${eb.ref('case_no')} like ${p} escape '\\'`,
        sql<boolean>`${eb.ref('applicant_name')} like ${p} escape '\\'`,
      ]),
    );
  }
  return q;
}

/** Newest filed first. */
export const listDossiers = (db: Db, f: DossierFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('archived_at', 'desc').orderBy('archive_no', 'desc').offset(page.offset).limit(page.limit).execute();

export async function countDossiers(db: Db, f: DossierFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
