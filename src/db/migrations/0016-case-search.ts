import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Indexes for the ledger search (issue 8 §5). A search matches any part of the case number and the applicant's
 * name (and, in the viewer's own cases, of the phone and ID number): `like '%…%'`, which no B-tree can serve, so
 * a search that finds few cases read the whole scope (3.9 s at a million cases). Trigram indexes find every value
 * containing a string of 3 or more characters (src/modules/cases/repo.ts searchCandidates):
 * - PostgreSQL: pg_trgm GIN indexes on the four columns. The extension lives in public (tests and deployments may
 *   work in another schema through search_path), so its operator class is named with its schema.
 * - SQLite: an FTS5 table with the trigram tokenizer holding the same four columns and the case's id, kept in step
 *   by triggers on cases. It keeps its own copy of the text (not an external-content table over cases): an
 *   external-content index is keyed by cases' rowid, which VACUUM may renumber. Its row for a case is found
 *   through the case number (unique, and always longer than 3 characters) for deletes and updates.
 * Whole phones and ID numbers (what a viewer who sees them masked may still search by) get plain indexes.
 */
const SEARCHED = ['case_no', 'applicant_name', 'applicant_phone', 'applicant_id_number'] as const;
const columns = sql.join(SEARCHED.map((c) => sql.id(c)));
const insertNew = sql`insert into case_search (case_id, ${columns}) values (new.id, ${sql.join(SEARCHED.map((c) => sql`new.${sql.id(c)}`))})`;
// The FTS row is found by a trigram query for the old case number (a phrase, its quotes doubled), then its id; a
// case number under 3 characters (none is issued) would match no trigram and is looked for by a scan instead.
const deleteOld = sql`delete from case_search where case_id = old.id and rowid in
  (select rowid from case_search where case_search match 'case_no : "' || replace(old.case_no, '"', '""') || '"');
  delete from case_search where length(old.case_no) < 3 and case_id = old.id`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_applicant_phone_idx').on('cases').column('applicant_phone').execute();
  await db.schema.createIndex('cases_applicant_id_number_idx').on('cases').column('applicant_id_number').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Test files migrate their own schemas at the same time; two `create extension if not exists` racing each other
    // fail on the catalog's unique index, so they take turns (the lock is released at the migration's commit).
    await sql`select pg_advisory_xact_lock(hashtext('bianmin:create extension pg_trgm'))`.execute(db);
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    for (const column of SEARCHED) {
      await sql`create index ${sql.id(`cases_${column}_trgm_idx`)} on cases using gin (${sql.id(column)} public.gin_trgm_ops)`.execute(db);
    }
    return;
  }
  await sql`create virtual table case_search using fts5(case_id unindexed, ${sql.join(SEARCHED.map((c) => sql.id(c)))}, tokenize = 'trigram')`.execute(db);
  await sql`insert into case_search (case_id, ${columns}) select id, ${columns} from cases`.execute(db);
  await sql`create trigger case_search_insert after insert on cases begin ${insertNew}; end`.execute(db);
  await sql`create trigger case_search_delete after delete on cases begin ${deleteOld}; end`.execute(db);
  await sql`create trigger case_search_update after update of ${columns} on cases
            when ${sql.join(SEARCHED.map((c) => sql`old.${sql.id(c)} is not new.${sql.id(c)}`), sql` or `)}
            begin ${deleteOld}; ${insertNew}; end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // the extension stays: other schemas of the same database may use it
    for (const column of SEARCHED) await sql`drop index ${sql.id(`cases_${column}_trgm_idx`)}`.execute(db);
  } else {
    for (const trigger of ['case_search_insert', 'case_search_delete', 'case_search_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
    await sql`drop table case_search`.execute(db);
  }
  await db.schema.dropIndex('cases_applicant_id_number_idx').execute();
  await db.schema.dropIndex('cases_applicant_phone_idx').execute();
}
