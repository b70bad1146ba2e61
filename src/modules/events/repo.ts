import { PostgresAdapter, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import { fromJson, toCount } from '../../db/portable.js';
import { prepared } from '../../db/prepared.js';
import type { CaseEventsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';

/**
 * Appends an event to a case's history in the caller's transaction (the change and its event commit together; the
 * consumers below read it after). A case's first event is number 1 without asking. Returns the event as written.
 */
export async function appendCaseEvent(db: Db, event: Omit<CaseEventsTable, 'seq'>, options: { first?: boolean } = {}): Promise<CaseEventsTable> {
  let seq = 1;
  if (!options.first) {
    const last = await db
      .selectFrom('case_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('case_id', '=', event.case_id)
      .executeTakeFirst();
    seq = Number(last?.seq ?? 0) + 1;
  }
  const written = { ...event, seq };
  const insert = db.getExecutor().adapter instanceof PostgresAdapter ? eventInsertPg : eventInsertSqlite;
  await insert(db, ...EVENT_COLUMNS.map((c) => written[c]));
  return written;
}

// Every case change writes one event: its insert is compiled once (src/db/prepared.ts).
const EVENT_COLUMNS = ['id', 'case_id', 'seq', 'at', 'type', 'by_user_id', 'org_id', 'from_status', 'to_status', 'data'] as const;
const eventValues = (values: unknown[]) => Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, values[i]])) as unknown as CaseEventsTable;
const eventInsertPg = prepared((db, ...values: unknown[]) => db.insertInto('case_events').values(eventValues(values)));
/**
 * SQLite: the event's place in the order over all cases is given in the insert itself (writers take turns, so the
 * largest so far plus one is the commit order, as migration 0012's trigger would number it). The trigger, kept for
 * any other writer, numbers a row only after inserting it, by updating it again: two writes of the row and its
 * indexes for every event (issue 8).
 */
const eventInsertSqlite = prepared((db, ...values: unknown[]) =>
  db.insertInto('case_events').values({ ...eventValues(values), pos: sql<number>`(select coalesce(max(pos), 0) + 1 from case_events)` }),
);

const eventsOf = prepared((db, caseId: string) => db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq'));

/** A case's history in order, with the name of whoever did each step. */
export async function caseEvents(db: Db, caseId: string) {
  const rows = await eventsOf(db, caseId);
  const people = await peopleByIds(db, rows.map((e) => e.by_user_id));
  return rows.map((e) => ({ ...e, by_name: people.get(e.by_user_id ?? '')?.name ?? null }));
}
/**
 * The histories of several cases in one read, each in order, without names: what the supervision rules read of a
 * consumer's batch (one query instead of two per case).
 */
export async function eventsOfCases(db: Db, caseIds: readonly string[]): Promise<Map<string, CaseEventsTable[]>> {
  const byCase = new Map<string, CaseEventsTable[]>();
  const wanted = [...new Set(caseIds)];
  if (wanted.length === 0) return byCase;
  const rows = await db.selectFrom('case_events').selectAll().where('case_id', 'in', wanted).orderBy('case_id').orderBy('seq').execute();
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push(r);
    byCase.set(r.case_id, list);
  }
  return byCase;
}
const timelineOf = prepared((db, caseId: string) =>
  db.selectFrom('case_events').select(['at', 'type', 'to_status']).where('case_id', '=', caseId).orderBy('seq'),
);

/** A case's steps in order without who took them: what the public progress page words for the applicant. */
export const caseTimeline = (db: Db, caseId: string) => timelineOf(db, caseId);

export type CaseEventRow = Awaited<ReturnType<typeof caseEvents>>[number];

/** A case event as consumers see it, with its place in the one order over all cases. */
export interface CaseEventRecord {
  id: string;
  caseId: string;
  /** the event's number within its case */
  seq: number;
  at: string;
  type: string;
  byUserId: string | null;
  orgId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  data: unknown;
  /** PostgreSQL: the writing transaction (0 on SQLite); with `pos` the consumer's cursor */
  tx: number;
  pos: number;
}

export interface Cursor {
  tx: number;
  pos: number;
}

interface EventRow {
  id: string;
  case_id: string;
  seq: number;
  at: string;
  type: string;
  by_user_id: string | null;
  org_id: string | null;
  from_status: string | null;
  to_status: string | null;
  data: string | null;
  tx: number | string;
  pos: number | string;
}

const toRecord = (r: EventRow): CaseEventRecord => ({
  id: r.id,
  caseId: r.case_id,
  seq: Number(r.seq),
  at: r.at,
  type: r.type,
  byUserId: r.by_user_id,
  orgId: r.org_id,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  data: fromJson<unknown>(r.data, null),
  tx: toCount(r.tx),
  pos: toCount(r.pos),
});

/**
 * The next events after `cursor`, in order. PostgreSQL: only events of transactions older than the oldest one
 * still running (`pg_snapshot_xmin`), so none can still appear behind the cursor (see migration 0012); an event
 * of a transaction still open waits for the next drain. SQLite: positions are handed out in commit order.
 */
export async function eventsAfter(db: Db, dialect: DialectName, cursor: Cursor, limit: number): Promise<CaseEventRecord[]> {
  if (dialect === 'postgres') {
    const { rows } = await sql<EventRow>`
      select id, case_id, seq, at, type, by_user_id, org_id, from_status, to_status, data, tx, pos from case_events
      where (tx, pos) > (${cursor.tx}, ${cursor.pos}) and tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      order by tx, pos limit ${limit}`.execute(db);
    return rows.map(toRecord);
  }
  const { rows } = await sql<EventRow>`
    select id, case_id, seq, at, type, by_user_id, org_id, from_status, to_status, data, 0 as tx, pos from case_events
    where pos > ${cursor.pos} order by pos limit ${limit}`.execute(db);
  return rows.map(toRecord);
}

/** The last event a new consumer that starts "from now" counts as already seen. */
export async function head(db: Db, dialect: DialectName): Promise<Cursor> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ tx: string; pos: string }>`
      select tx, pos from case_events where tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      order by tx desc, pos desc limit 1`.execute(db);
    return rows[0] ? { tx: toCount(rows[0].tx), pos: toCount(rows[0].pos) } : { tx: 0, pos: 0 };
  }
  const { rows } = await sql<{ pos: number | null }>`select max(pos) as pos from case_events`.execute(db);
  return { tx: 0, pos: toCount(rows[0]?.pos) };
}

/** Whether any event lies past the cursor, visible or not yet (still beyond the horizon): the drain comes back. */
/** Whether any event lies after `cursor`; with `before` (an instant), only events that happened before it count. */
export async function hasEventsAfter(db: Db, dialect: DialectName, cursor: Cursor, before?: string): Promise<boolean> {
  const when = before === undefined ? sql`` : sql` and at < ${before}`;
  const { rows } =
    dialect === 'postgres'
      ? await sql`select 1 as x from case_events where (tx, pos) > (${cursor.tx}, ${cursor.pos})${when} limit 1`.execute(db)
      : await sql`select 1 as x from case_events where pos > ${cursor.pos}${when} limit 1`.execute(db);
  return rows.length > 0;
}

export async function ensureConsumer(db: Db, name: string, start: Cursor, now: string): Promise<void> {
  await db
    .insertInto('event_consumers')
    .values({ name, cursor_tx: start.tx, cursor_pos: start.pos, handled: 0, failures: 0, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export const consumerExists = (db: Db, name: string) => db.selectFrom('event_consumers').select('name').where('name', '=', name).executeTakeFirst();

/**
 * The consumer's row, locked for this transaction. PostgreSQL: SKIP LOCKED, so while one app process drains a
 * consumer the others pass it by (undefined) instead of handing it the same events twice. SQLite has one writer.
 */
export async function lockConsumer(db: Db, dialect: DialectName, name: string) {
  let q = db.selectFrom('event_consumers').selectAll().where('name', '=', name);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export async function advanceCursor(db: Db, name: string, cursor: Cursor, count: number, now: string): Promise<void> {
  await db
    .updateTable('event_consumers')
    .set((eb) => ({
      cursor_tx: cursor.tx,
      cursor_pos: cursor.pos,
      handled: eb('handled', '+', count),
      last_handled_at: now,
      failures: 0,
      retry_at: null,
    }))
    .where('name', '=', name)
    .execute();
}

export async function recordFailure(db: Db, name: string, failures: number, error: string, now: string, retryAt: string): Promise<void> {
  await db
    .updateTable('event_consumers')
    .set({ failures, last_error: error, last_error_at: now, retry_at: retryAt })
    .where('name', '=', name)
    .execute();
}

export const listConsumerRows = (db: Db) => db.selectFrom('event_consumers').selectAll().orderBy('name').execute();

/** Adds events to the per-center, per-day, per-type counters (the `case-event-counts` consumer). */
export async function addEventCounts(db: Db, counts: { orgId: string; day: string; type: string; count: number }[]): Promise<void> {
  for (const c of counts) {
    await db
      .insertInto('case_event_counts')
      .values({ org_id: c.orgId, day: c.day, type: c.type, count: c.count })
      .onConflict((oc) => oc.columns(['org_id', 'day', 'type']).doUpdateSet({ count: sql`case_event_counts.count + ${c.count}` }))
      .execute();
  }
}

