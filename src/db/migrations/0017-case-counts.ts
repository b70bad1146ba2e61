import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * How many cases each receiving center has in each status and light, kept in step with cases by triggers (issue 8
 * §5). The ledger shows the exact total of its filter in the pager, and the console the number of cases of each
 * light: counted from cases, both read every matching case — half a million for a township's ledger at a million
 * cases, 50 000 of them open — on every page and every refresh. A filter of scope, status and light only (the
 * ledger as it opens, by status, by light, and the light counts) is answered from these rows instead
 * (cases/repo.ts countCases, countLights); any other filter still counts cases.
 * `light` is '' for a case without one (closed), so that it can be part of the key.
 * On PostgreSQL one function serves the three triggers; an update touching two rows takes them in key order, so
 * two transactions moving cases in opposite directions (paused ↔ in progress) wait for each other, never deadlock.
 *
 * And the short search terms (case_terms): a ledger search of 1 or 2 characters (王, 王芳) is below what the trigram
 * indexes of 0016 can look up, so it read the scope newest first and, to count its matches up to the ledger's cap,
 * some 20 000 cases for a common surname. case_terms holds, for each case, every 1- and 2-character piece of its
 * case number and applicant's name that has a character beyond ASCII (a Chinese name's characters and pairs; a
 * case number adds none), with the case's receiving center and created_at: a short term's cases in one center
 * newest first are one index range, and how many there are (up to the ledger's cap) a count of it. The phone and
 * ID number, the other fields a search may match, are ASCII by the intake's checks (domain/people/applicant.ts):
 * a term with a character beyond ASCII is never part of them. Kept by triggers on cases; SQLite builds the pieces
 * from a table of positions (no recursive query in a trigger) up to 200 characters, past every length accepted.
 */
const PIECES_SOURCES = ['case_no', 'applicant_name'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await upCounts(db);
  await upTerms(db);
}

async function upTerms(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema
    .createTable('case_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('term_org', 'text', (c) => c.notNull())
    .addColumn('term_at', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_terms_pk', ['term', 'term_org', 'term_at', 'case_id']);
  if (!pg) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  if (pg) {
    // the pieces of one row's searched values: 1 and 2 characters, each with a character beyond ASCII
    await sql`create function case_terms_of(r cases) returns setof text language sql immutable as $$
      select distinct substr(v, i, l) from unnest(array[${sql.join(PIECES_SOURCES.map((c) => sql.raw(`r.${c}`)))}]) v,
        generate_series(1, length(v)) i, (values (1), (2)) ls(l)
      where i + l - 1 <= length(v) and substr(v, i, l) ~ '[^\x01-\x7f]'
    $$`.execute(db);
    await sql`create function case_terms_track() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          delete from case_terms where term_org = old.receiving_org_id and term_at = old.created_at and case_id = old.id
            and term in (select case_terms_of(old));
        end if;
        if tg_op <> 'DELETE' then
          insert into case_terms (term, term_org, term_at, case_id)
            select t, new.receiving_org_id, new.created_at, new.id from case_terms_of(new) t;
        end if;
        return null;
      end $$`.execute(db);
    await sql`insert into case_terms (term, term_org, term_at, case_id) select t, c.receiving_org_id, c.created_at, c.id from cases c, case_terms_of(c) t`.execute(db);
    await sql`create trigger case_terms_insert after insert on cases for each row execute function case_terms_track()`.execute(db);
    await sql`create trigger case_terms_delete after delete on cases for each row execute function case_terms_track()`.execute(db);
    await sql`create trigger case_terms_update after update of ${sql.join([...PIECES_SOURCES, 'receiving_org_id', 'created_at'].map((c) => sql.id(c)))} on cases
              for each row execute function case_terms_track()`.execute(db);
    return;
  }
  await sql`create table case_term_positions (i integer primary key)`.execute(db);
  await sql`insert into case_term_positions (i) select value from (with recursive n(value) as (select 1 union all select value + 1 from n where value < 200) select value from n)`.execute(db);
  // the pieces of a row (old or new), as a select of column g
  const pieces = (row: 'old' | 'new') => sql`select distinct g from (select substr(v.v, p.i, l.l) as g from
      (${sql.join(PIECES_SOURCES.map((c) => sql`select ${sql.raw(`${row}.${c}`)} as v`), sql` union all `)}) v,
      case_term_positions p, (select 1 as l union all select 2) l
      where p.i + l.l - 1 <= length(v.v)) where unicode(g) > 127 or unicode(substr(g, 2)) > 127`;
  const insertNew = sql`insert or ignore into case_terms (term, term_org, term_at, case_id) select g, new.receiving_org_id, new.created_at, new.id from (${pieces('new')})`;
  const deleteOld = sql`delete from case_terms where term_org = old.receiving_org_id and term_at = old.created_at and case_id = old.id and term in (${pieces('old')})`;
  // the cases there already (SQLite has no lateral join: the same pieces, of every row at once)
  await sql`insert or ignore into case_terms (term, term_org, term_at, case_id)
            select g, term_org, term_at, case_id from (select substr(v.v, p.i, l.l) as g, v.term_org, v.term_at, v.case_id from
              (${sql.join(PIECES_SOURCES.map((c) => sql`select ${sql.id(c)} as v, receiving_org_id as term_org, created_at as term_at, id as case_id from cases`), sql` union all `)}) v,
              case_term_positions p, (select 1 as l union all select 2) l
              where p.i + l.l - 1 <= length(v.v))
            where unicode(g) > 127 or unicode(substr(g, 2)) > 127`.execute(db);
  await sql`create trigger case_terms_insert after insert on cases begin ${insertNew}; end`.execute(db);
  await sql`create trigger case_terms_delete after delete on cases begin ${deleteOld}; end`.execute(db);
  await sql`create trigger case_terms_update after update of ${sql.join([...PIECES_SOURCES, 'receiving_org_id', 'created_at'].map((c) => sql.id(c)))} on cases
            begin ${deleteOld}; ${insertNew}; end`.execute(db);
}

async function upCounts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_counts')
    .addColumn('receiving_org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counts_pk', ['receiving_org_id', 'status', 'light'])
    .execute();
  await sql`insert into case_counts (receiving_org_id, status, light, n)
            select receiving_org_id, status, coalesce(light, ''), count(*) from cases group by receiving_org_id, status, coalesce(light, '')`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function case_counts_track() returns trigger language plpgsql as $$
      declare
        old_key text[];
        new_key text[];
      begin
        if tg_op <> 'INSERT' then old_key := array[old.receiving_org_id, old.status, coalesce(old.light, '')]; end if;
        if tg_op <> 'DELETE' then new_key := array[new.receiving_org_id, new.status, coalesce(new.light, '')]; end if;
        if old_key is not distinct from new_key then return null; end if;
        if old_key is not null and (new_key is null or old_key < new_key) then
          update case_counts set n = n - 1 where receiving_org_id = old_key[1] and status = old_key[2] and light = old_key[3];
          old_key := null;
        end if;
        if new_key is not null then
          insert into case_counts (receiving_org_id, status, light, n) values (new_key[1], new_key[2], new_key[3], 1)
            on conflict (receiving_org_id, status, light) do update set n = case_counts.n + 1;
        end if;
        if old_key is not null then
          update case_counts set n = n - 1 where receiving_org_id = old_key[1] and status = old_key[2] and light = old_key[3];
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger case_counts_insert after insert on cases for each row execute function case_counts_track()`.execute(db);
    await sql`create trigger case_counts_delete after delete on cases for each row execute function case_counts_track()`.execute(db);
    await sql`create trigger case_counts_update after update of receiving_org_id, status, light on cases for each row
              execute function case_counts_track()`.execute(db);
    return;
  }
  const increment = (row: 'new') => sql`insert into case_counts (receiving_org_id, status, light, n)
    values (${sql.raw(row)}.receiving_org_id, ${sql.raw(row)}.status, coalesce(${sql.raw(row)}.light, ''), 1)
    on conflict (receiving_org_id, status, light) do update set n = n + 1`;
  const decrement = sql`update case_counts set n = n - 1
    where receiving_org_id = old.receiving_org_id and status = old.status and light = coalesce(old.light, '')`;
  await sql`create trigger case_counts_insert after insert on cases begin ${increment('new')}; end`.execute(db);
  await sql`create trigger case_counts_delete after delete on cases begin ${decrement}; end`.execute(db);
  await sql`create trigger case_counts_update after update of receiving_org_id, status, light on cases
            when old.receiving_org_id is not new.receiving_org_id or old.status is not new.status or old.light is not new.light
            begin ${decrement}; ${increment('new')}; end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['case_terms_insert', 'case_terms_delete', 'case_terms_update', 'case_counts_insert', 'case_counts_delete', 'case_counts_update']) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop trigger ${sql.id(trigger)} on cases`.execute(db);
    else await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function case_terms_track()`.execute(db);
    await sql`drop function case_terms_of(cases)`.execute(db);
    await sql`drop function case_counts_track()`.execute(db);
  } else {
    await db.schema.dropTable('case_term_positions').execute();
  }
  await db.schema.dropTable('case_terms').execute();
  await db.schema.dropTable('case_counts').execute();
}
