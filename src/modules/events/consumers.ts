/**
 * Case events → consumers (ARCHITECTURE.md "Events and the outbox"). Events are written in the change's own
 * transaction (appendCaseEvent in ./repo.ts); each consumer here reads them in order behind its own durable cursor
 * (`event_consumers`), at least once:
 *
 * - A batch is handled inside the transaction that moves the consumer's cursor. A consumer that writes to the
 *   database (the counters below) therefore has its effect exactly once: a crash or error before the commit
 *   rolls back both its writes and the cursor, and the batch comes again. A consumer with effects outside the
 *   database (live updates, SMS later) may see an event twice after a failure, and dedupes by the event's id.
 * - A consumer that throws is recorded (failures, last error) and not tried again before its backoff
 *   (src/domain/events/retry.ts) is over; the others go on, each in its own transaction.
 * - The `event-consumers` job (src/server/jobs.ts) drains every consumer on a schedule, once across processes;
 *   the app also nudges a drain right after each successful write request, so consumers follow within moments.
 */
import type { Database } from '../../db/database.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { isDue, retryAt } from '../../domain/events/retry.js';
import type { AppContext, Db } from '../../server/context.js';
import { supervisionConsumer } from '../supervision/consumer.js';
import { ratingOpeningsConsumer } from '../evaluation/consumer.js';
import { evidenceConsumer } from '../applications/evidence-consumer.js';
import {
  addEventCounts,
  advanceCursor,
  consumerExists,
  ensureConsumer,
  eventsAfter,
  hasEventsAfter,
  head,
  listConsumerRows,
  lockConsumer,
  recordFailure,
  type CaseEventRecord,
} from './repo.js';

export type { CaseEventRecord } from './repo.js';

export interface EventConsumer {
  /** stable name: the cursor's key */
  name: string;
  /** what it does, for the administrator's jobs page */
  title: string;
  /** where a consumer new to this database starts: every event ever written, or only those from now on */
  startAt: 'beginning' | 'now';
  /**
   * Handles a batch in order, inside the transaction that then moves the cursor (`db` is that transaction).
   * Throwing rolls the batch back; it comes again after the backoff.
   */
  handle(events: readonly CaseEventRecord[], db: Db, ctx: AppContext): Promise<void>;
}

/** Events per center, per local day and per type: what statistics and supervision pages will count from. */
export const caseEventCountsConsumer: EventConsumer = {
  name: 'case-event-counts',
  title: '办件动态统计（按中心、日期、类型计数）',
  startAt: 'beginning',
  async handle(events, db, ctx) {
    const counts = new Map<string, { orgId: string; day: string; type: string; count: number }>();
    for (const e of events) {
      // an event of no center (none is written so today) has nowhere to be counted
      if (!e.orgId) continue;
      const day = localDate(new Date(e.at), ctx.config.timeZone);
      const key = `${e.orgId}|${day}|${e.type}`;
      const c = counts.get(key) ?? { orgId: e.orgId, day, type: e.type, count: 0 };
      c.count += 1;
      counts.set(key, c);
    }
    await addEventCounts(db, [...counts.values()]);
  },
};

export type CaseEventsHandler = (events: readonly CaseEventRecord[]) => void | Promise<void>;
// Kept per database handle (one per app process in production), not per context object: whichever drain of
// this process takes the events hands them to every handler of the process.
const handlers = new WeakMap<Database, Set<CaseEventsHandler>>();

/**
 * Subscribes to every case event of this app, in order, at least once (after a failure a batch may come again:
 * dedupe by event id). For in-process followers such as the live-update bus; returns the unsubscribe.
 */
export function onCaseEvents(ctx: AppContext, handler: CaseEventsHandler): () => void {
  const set = handlers.get(ctx.database) ?? new Set();
  handlers.set(ctx.database, set);
  set.add(handler);
  return () => set.delete(handler);
}

/** Hands events to the handlers of `onCaseEvents`; a handler that throws makes the batch come again. */
export const caseEventHooksConsumer: EventConsumer = {
  name: 'case-event-hooks',
  title: '办件动态推送（实时更新等订阅者）',
  // history is of no use to a live screen
  startAt: 'now',
  async handle(events, _db, ctx) {
    for (const handler of handlers.get(ctx.database) ?? []) await handler(events);
  },
};

export const CONSUMERS: readonly EventConsumer[] = [caseEventCountsConsumer, caseEventHooksConsumer, supervisionConsumer, ratingOpeningsConsumer, evidenceConsumer];

const BATCH = 200;
/** One drain hands a consumer at most this many batches, so one busy consumer cannot hold the others up. */
const MAX_BATCHES = 50;

export interface DrainResult {
  name: string;
  handled: number;
  /** the error of this drain, when the consumer failed (it waits for its backoff) */
  error?: string;
  /** events lie past the cursor that this drain could not take yet (PostgreSQL: a transaction still open) */
  pending: boolean;
  /** another drain (of this process or another) held the consumer: what it takes is handled there, not here */
  busy: boolean;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Consumers whose row this process has seen, so a drain does not ask again every time. */
const registered = new WeakMap<Database, Set<string>>();

/** Gives a consumer new to this database its cursor: at the first event ever written, or at the last one now. */
async function register(ctx: AppContext, consumer: EventConsumer): Promise<void> {
  const { db, dialect } = ctx.database;
  const known = registered.get(ctx.database) ?? new Set<string>();
  registered.set(ctx.database, known);
  if (known.has(consumer.name)) return;
  if (!(await consumerExists(db, consumer.name))) {
    await ensureConsumer(db, consumer.name, consumer.startAt === 'now' ? await head(db, dialect) : { tx: 0, pos: 0 }, ctx.clock().toISOString());
  }
  known.add(consumer.name);
}

/**
 * Registers every consumer when the app starts, so that "from now on" means from the start: registered only at its
 * first drain, a consumer would count the events written before that drain as already seen, and drop them.
 */
export async function registerConsumers(ctx: AppContext, consumers: readonly EventConsumer[] = CONSUMERS): Promise<void> {
  for (const consumer of consumers) await register(ctx, consumer);
}

/**
 * The events one drain has read, by the cursor they follow: consumers that stand at the same cursor (all of them,
 * as a rule, drained one after another) are handed the same batch instead of each reading and parsing it again.
 * Only ever a batch read under that same cursor, so each consumer still gets the events right after its own cursor,
 * in order; events written meanwhile come in its next batch.
 */
type ReadEvents = Map<string, CaseEventRecord[]>;

async function drainOne(ctx: AppContext, consumer: EventConsumer, read: ReadEvents = new Map()): Promise<DrainResult> {
  const { db, dialect } = ctx.database;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  await register(ctx, consumer);
  let handled = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    let outcome: { kind: 'busy' | 'waiting' } | { kind: 'done'; count: number; cursor: { tx: number; pos: number } };
    let failures = 0;
    try {
      outcome = await db.transaction().execute(async (trx) => {
        const state = await lockConsumer(trx, dialect, consumer.name);
        if (!state) return { kind: 'busy' as const };
        failures = state.failures;
        if (!isDue(state.retry_at, now)) return { kind: 'waiting' as const };
        const cursor = { tx: Number(state.cursor_tx), pos: Number(state.cursor_pos) };
        const key = `${cursor.tx}:${cursor.pos}`;
        const events = read.get(key) ?? (await eventsAfter(trx, dialect, cursor, BATCH));
        read.set(key, events);
        if (events.length === 0) return { kind: 'done' as const, count: 0, cursor };
        await consumer.handle(events, trx, ctx);
        const last = events[events.length - 1]!;
        await advanceCursor(trx, consumer.name, { tx: last.tx, pos: last.pos }, events.length, nowIso);
        return { kind: 'done' as const, count: events.length, cursor: { tx: last.tx, pos: last.pos } };
      });
    } catch (error) {
      const text = message(error);
      await recordFailure(db, consumer.name, failures + 1, text, nowIso, retryAt(failures + 1, now).toISOString());
      return { name: consumer.name, handled, error: text, pending: true, busy: false };
    }
    // another app process is draining it right now, or it waits for its backoff (the job comes back for it)
    if (outcome.kind !== 'done') return { name: consumer.name, handled, pending: false, busy: outcome.kind === 'busy' };
    handled += outcome.count;
    if (outcome.count < BATCH) {
      // what lies past the cursor now is behind the horizon (PostgreSQL: of a transaction still open)
      return { name: consumer.name, handled, pending: await hasEventsAfter(db, dialect, outcome.cursor), busy: false };
    }
  }
  return { name: consumer.name, handled, pending: true, busy: false };
}

/** Drains every consumer, one after another; a failing one is recorded and does not stop the rest. */
export async function drainConsumers(ctx: AppContext, consumers: readonly EventConsumer[] = CONSUMERS): Promise<DrainResult[]> {
  const results: DrainResult[] = [];
  const read: ReadEvents = new Map();
  for (const consumer of consumers) results.push(await drainOne(ctx, consumer, read));
  return results;
}

export interface ConsumerStatus {
  name: string;
  title: string;
  cursor: number;
  handled: number;
  lastHandledAt: string | null;
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  retryAt: string | null;
}

/** Every registered consumer with its cursor and failure state (the jobs page). */
export async function listConsumers(ctx: AppContext, consumers: readonly EventConsumer[] = CONSUMERS): Promise<ConsumerStatus[]> {
  const rows = new Map((await listConsumerRows(ctx.database.db)).map((r) => [r.name, r]));
  return consumers.map((c) => {
    const r = rows.get(c.name);
    return {
      name: c.name,
      title: c.title,
      cursor: Number(r?.cursor_pos ?? 0),
      handled: Number(r?.handled ?? 0),
      lastHandledAt: r?.last_handled_at ?? null,
      failures: r?.failures ?? 0,
      lastError: r?.last_error ?? null,
      lastErrorAt: r?.last_error_at ?? null,
      retryAt: r?.retry_at ?? null,
    };
  });
}

// ---- the in-process nudge -------------------------------------------------------------------------------

interface Pump {
  running: Promise<void> | null;
  again: boolean;
  closed: boolean;
  timer: NodeJS.Timeout | null;
  /** quick re-tries while events wait behind a transaction still open (PostgreSQL) */
  waits: number;
}
const pumps = new WeakMap<Database, Pump>();
/** Events behind an open transaction are looked at again this soon, this many times; then the job takes over. */
const WAIT_MS = 100;
const MAX_WAITS = 50;
/**
 * A nudge drains this soon after the write: the writes of a busy moment go to the consumers in one batch. Each
 * drain is a transaction per consumer with its own commit (an fsync on SQLite): at 10 ms a busy hall paid about
 * one extra commit per intake; at 100 ms a screen still shows the change at once, to a person's eye, and a
 * hundred intakes share one drain (issue 8).
 */
const NUDGE_MS = 100;

/**
 * Drains soon, in the background: called after each write request has committed. Nudges that come while a
 * drain is due or runs are folded into one more drain after it.
 */
export function nudgeConsumers(ctx: AppContext, log: (line: string) => void = () => {}): void {
  const pump = pumps.get(ctx.database) ?? { running: null, again: false, closed: false, timer: null, waits: 0 };
  pumps.set(ctx.database, pump);
  if (pump.closed) return;
  if (pump.running) {
    pump.again = true;
    return;
  }
  if (pump.timer) return;
  pump.timer = setTimeout(() => {
    pump.timer = null;
    drainInBackground(ctx, pump, log);
  }, NUDGE_MS);
  pump.timer.unref();
}

function drainInBackground(ctx: AppContext, pump: Pump, log: (line: string) => void): void {
  if (pump.closed) return;
  pump.running = (async () => {
    do {
      pump.again = false;
      const results = await drainConsumers(ctx);
      for (const r of results) if (r.error) log(`[${r.name}] 事件处理失败，将按退避时间重试：${r.error}`);
      // events behind a transaction still open: look again shortly (a failed consumer waits for the job)
      if (!pump.again && !pump.closed && results.some((r) => r.pending && !r.error) && pump.waits < MAX_WAITS) {
        pump.waits += 1;
        pump.timer = setTimeout(() => {
          pump.timer = null;
          nudgeConsumers(ctx, log);
        }, WAIT_MS);
        pump.timer.unref();
      } else if (!results.some((r) => r.pending)) {
        pump.waits = 0;
      }
    } while (pump.again && !pump.closed);
  })()
    .catch((error: unknown) => log(`事件处理出错：${message(error)}`))
    .finally(() => {
      pump.running = null;
    });
}

/** Stops the nudges of this app and waits for a drain in progress (before the database closes). */
export async function stopConsumers(ctx: AppContext): Promise<void> {
  const pump = pumps.get(ctx.database);
  if (!pump) return;
  pump.closed = true;
  if (pump.timer) clearTimeout(pump.timer);
  await pump.running;
}
