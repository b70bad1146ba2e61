import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The SQLite triggers keeping case_terms (migration 0017) read only the positions a value has (issue 8 §5). They
 * joined the table of positions on `p.i + l.l - 1 <= length(v.v)`, which SQLite cannot look up by `i`: every
 * intake walked all 200 positions for the case number and for the name, twice (pieces of 1 and of 2 characters),
 * and took a substring of each — a quarter of the case insert's time at 100 000 cases. `p.i <= length(v.v) - l.l + 1`
 * is the same condition with `i` alone on its side, a range of the positions' primary key: the same pieces, from
 * the 20-odd positions there are. PostgreSQL (generate_series up to the length) is unchanged.
 */
const PIECES_SOURCES = ['case_no', 'applicant_name'] as const;

const pieces = (row: 'old' | 'new', condition: 'range' | 'scan') => sql`select distinct g from (select substr(v.v, p.i, l.l) as g from
      (${sql.join(PIECES_SOURCES.map((c) => sql`select ${sql.raw(`${row}.${c}`)} as v`), sql` union all `)}) v,
      case_term_positions p, (select 1 as l union all select 2) l
      where ${condition === 'range' ? sql`p.i <= length(v.v) - l.l + 1` : sql`p.i + l.l - 1 <= length(v.v)`}) where unicode(g) > 127 or unicode(substr(g, 2)) > 127`;

async function triggers(db: Kysely<unknown>, condition: 'range' | 'scan'): Promise<void> {
  const insertNew = sql`insert or ignore into case_terms (term, term_org, term_at, case_id) select g, new.receiving_org_id, new.created_at, new.id from (${pieces('new', condition)})`;
  const deleteOld = sql`delete from case_terms where term_org = old.receiving_org_id and term_at = old.created_at and case_id = old.id and term in (${pieces('old', condition)})`;
  for (const trigger of ['case_terms_insert', 'case_terms_delete', 'case_terms_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`create trigger case_terms_insert after insert on cases begin ${insertNew}; end`.execute(db);
  await sql`create trigger case_terms_delete after delete on cases begin ${deleteOld}; end`.execute(db);
  await sql`create trigger case_terms_update after update of ${sql.join([...PIECES_SOURCES, 'receiving_org_id', 'created_at'].map((c) => sql.id(c)))} on cases
            begin ${deleteOld}; ${insertNew}; end`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await triggers(db, 'range');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await triggers(db, 'scan');
}
