import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The async backbone's tables (ARCHITECTURE.md "Events and the outbox", "Jobs"):
 *
 * - `case_events.pos`: one order over all case events (`seq` counts within a case only), the order consumers
 *   read in. PostgreSQL also stores `tx`, the writing transaction's id: a sequence number is taken at insert, not
 *   at commit, so a transaction that took 10 can commit after one that took 11. Consumers therefore read only
 *   events of transactions older than every transaction still running (the snapshot's xmin) and walk them in
 *   (tx, pos) order, so an event committed late can never fall behind a cursor (src/modules/events/repo.ts). On
 *   SQLite writers take turns, so positions are handed out in commit order and `pos` alone is the cursor; a
 *   trigger numbers each new event (the insert itself is unchanged), because VACUUM may renumber rowids.
 * - `event_consumers`: each consumer's durable cursor and its failure state (retry with backoff).
 * - `case_event_counts`: the first consumer's output, case events per center, per local day and per type (the
 *   statistics and supervision pages to come count from it instead of scanning every event).
 * - `job_runs`: every run of a scheduled job, with `slot` (the scheduled minute) unique per job, so that of
 *   several app processes only the first to claim a slot runs it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`alter table case_events add column pos bigserial`.execute(db);
    await sql`alter table case_events add column tx bigint not null default (pg_current_xact_id()::text::bigint)`.execute(db);
    await sql`create index case_events_tx_pos_idx on case_events (tx, pos)`.execute(db);
  } else {
    await sql`alter table case_events add column pos integer`.execute(db);
    await sql`update case_events set pos = rowid`.execute(db);
    await sql`create unique index case_events_pos_idx on case_events (pos)`.execute(db);
    await sql`create trigger case_events_pos after insert on case_events when new.pos is null
              begin update case_events set pos = coalesce((select max(pos) from case_events), 0) + 1 where rowid = new.rowid; end`.execute(db);
  }

  await db.schema
    .createTable('event_consumers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // the last event handled: (tx, pos) on PostgreSQL, pos alone on SQLite (tx stays 0)
    .addColumn('cursor_tx', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor_pos', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('handled', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_handled_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('retry_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_event_counts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_event_counts_pk', ['org_id', 'day', 'type'])
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull())
    .addColumn('slot', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('duration_ms', 'integer')
    // running | ok | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('error', 'text')
    .addColumn('process', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_runs_slot_uq').on('job_runs').columns(['job_name', 'slot']).unique().execute();
  await db.schema.createIndex('job_runs_job_started_idx').on('job_runs').columns(['job_name', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropTable('job_runs').execute();
  await db.schema.dropTable('case_event_counts').execute();
  await db.schema.dropTable('event_consumers').execute();
  if (postgres) {
    await sql`drop index case_events_tx_pos_idx`.execute(db);
    await sql`alter table case_events drop column tx`.execute(db);
  } else {
    await sql`drop trigger case_events_pos`.execute(db);
    await sql`drop index case_events_pos_idx`.execute(db);
  }
  await sql`alter table case_events drop column pos`.execute(db);
}
