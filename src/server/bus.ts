/**
 * The live-update bus (ARCHITECTURE.md "Live updates"): typed events published after a change has committed,
 * delivered to every subscriber in this process (the SSE connections of /api/live). On PostgreSQL each process
 * also NOTIFYs one channel and LISTENs on it with a dedicated client, so a change made through any app process
 * reaches the live clients of all of them. On SQLite there is one process, and the bus stays in it.
 *
 * Events carry ids, status and light only — never names, ID numbers or phones: a NOTIFY payload is visible to
 * anyone who can LISTEN on the database, and a browser asks for the full record itself (and is checked and logged
 * there).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseTarget } from '../db/database.js';
import type { Light } from '../domain/cases/light.js';

/** A case changed (intake, an action, a batch, a review, or its light moved on by the sweep). */
export interface CaseChangedEvent {
  type: 'case';
  caseId: string;
  version: number;
  status: string;
  light: Light | null;
  receivingOrgId: string;
  holderOrgId: string;
  transitOrgId: string | null;
  windowId: string | null;
  /** the event type that made the change (intake, accept, forward …; 'light' for the sweep) */
  action: string;
  /** who made it (null for the sweep): the console shows the banner only to others */
  byUserId: string | null;
}

/**
 * Events from other processes may have been missed (the LISTEN connection dropped and came back): clients
 * refetch what they show.
 */
export interface ResyncEvent {
  type: 'resync';
}

/** A person's inbox changed (a message arrived or was read): their unread count, ids and counts only. */
export interface InboxEvent {
  type: 'inbox';
  userId: string;
  unread: number;
}

/**
 * A hall's queue changed (issue 12): a number taken, called, recalled, served, transferred … Ids only, never names or
 * phones; the display stream (src/modules/hall/stream.ts) reads the state itself. `kind`: the ticket action.
 */
export interface HallEvent {
  type: 'hall';
  orgId: string;
  ticketId: string;
  kind: string;
}

/**
 * A 督办单 changed (issued, answered, returned, raised, closed): ids only; the consoles of the center's tree read
 * their card lists and dashboard counts again. `action`: the card step.
 */
export interface CardEvent {
  type: 'card';
  cardId: string;
  /** the center the card is to */
  orgId: string;
  action: string;
}

/**
 * A booking (预约) of a center was made, cancelled or checked in (issue 12 §3): ids only, never the booker's name or
 * phone; the consoles of the center read their day's bookings again. `action`: book, cancel, check-in.
 */
export interface AppointmentEvent {
  type: 'appointment';
  appointmentId: string;
  /** the center the booking is at */
  orgId: string;
  action: 'book' | 'cancel' | 'check-in';
}

/**
 * 监察记录 of a center changed outside a case change (issue 9): recorded by the sweep as time passed, explained by the
 * center, confirmed or dismissed by the supervisor. Ids only; the consoles of the center's tree read their dashboard
 * counts and violation lists again. `action`: record, explain, decide.
 */
export interface ViolationEvent {
  type: 'violation';
  /** the center the violations are of */
  orgId: string;
  action: 'record' | 'explain' | 'decide';
}

/**
 * What is published: a case change, an inbox count (only its owner's connections receive it), a hall, 督办单, booking
 * or 监察记录 change (only the connections of the center's tree: src/server/live.ts).
 */
export type PublishedEvent = CaseChangedEvent | InboxEvent | HallEvent | CardEvent | AppointmentEvent | ViolationEvent;
export type LiveEvent = PublishedEvent | ResyncEvent;
export type LiveListener = (event: LiveEvent) => void;

export interface LiveBus {
  /** Delivers to this process at once and, on PostgreSQL, to the others through NOTIFY. Call after commit. */
  publish(event: PublishedEvent): void;
  /** Resolves once events of other processes are being received too (the LISTEN is in place). */
  subscribe(listener: LiveListener): Promise<() => void>;
  close(): Promise<void>;
}

const CHANNEL = 'bianmin_live';
/** Waits before reconnecting a dropped LISTEN client: 1 s, doubling up to 30 s. */
const RECONNECT_MS = { first: 1000, max: 30_000 };

/** The channel: one per schema, so deployments (and test files) sharing a PostgreSQL server never cross. */
export const channelOf = (target: DatabaseTarget) => (target.kind === 'postgres' && target.schema ? `${CHANNEL}_${target.schema}` : CHANNEL);

export function createBus(database: Database, target: DatabaseTarget, log: (line: string) => void = () => {}): LiveBus {
  const listeners = new Set<LiveListener>();
  const deliver = (event: LiveEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`实时推送的订阅者出错：${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  if (target.kind !== 'postgres' || database.dialect !== 'postgres') {
    return {
      publish: deliver,
      async subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        listeners.clear();
      },
    };
  }

  const channel = channelOf(target);
  // This process's own notifications come back through LISTEN too: they were delivered locally already.
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let listening: Promise<void> | null = null;
  let closed = false;
  let retry = RECONNECT_MS.first;
  let timer: NodeJS.Timeout | null = null;

  const connect = (): Promise<void> => {
    const c = new pg.Client({ connectionString: target.url });
    client = c;
    c.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const parsed = JSON.parse(message.payload) as { o: string; e: PublishedEvent };
        if (parsed.o !== origin) deliver(parsed.e);
      } catch {
        log('收到无法解析的实时推送消息，已忽略。');
      }
    });
    const lost = (error?: Error) => {
      if (client !== c || closed) return;
      client = null;
      log(`实时推送的数据库监听连接中断（${error?.message ?? '连接已关闭'}），${retry / 1000} 秒后重连。`);
      c.removeAllListeners('end');
      void c.end().catch(() => {});
      timer = setTimeout(() => {
        timer = null;
        listening = connect().catch(() => {});
      }, retry);
      retry = Math.min(retry * 2, RECONNECT_MS.max);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    return c
      .connect()
      .then(() => c.query(`LISTEN "${channel}"`))
      .then(() => {
        // back after a drop: what other processes published meanwhile is lost, so clients refetch
        if (retry !== RECONNECT_MS.first) deliver({ type: 'resync' });
        retry = RECONNECT_MS.first;
      })
      .catch((error: Error) => {
        lost(error);
        throw error;
      });
  };

  return {
    publish(event) {
      deliver(event);
      const payload = JSON.stringify({ o: origin, e: event });
      // after commit, on the pool: the change is there to read when another process's client asks for it
      sql`select pg_notify(${channel}, ${payload})`.execute(database.db).catch((error: Error) => {
        log(`实时推送未能通知其他进程：${error.message}`);
      });
    },
    async subscribe(listener) {
      listeners.add(listener);
      // the LISTEN client starts with the first live client and stays until the app closes
      listening ??= connect().catch(() => {});
      await listening;
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}

/**
 * One bus per open database, i.e. per app process (two apps built on one Database share it, as they share the
 * pool). Kept beside the context rather than in it, so the many places that build an AppContext need not change.
 */
const buses = new WeakMap<Database, LiveBus>();

export function busOf(ctx: { database: Database; config: { database: DatabaseTarget } }, log?: (line: string) => void): LiveBus {
  let bus = buses.get(ctx.database);
  if (!bus) {
    bus = createBus(ctx.database, ctx.config.database, log);
    buses.set(ctx.database, bus);
  }
  return bus;
}

/** Closes the database's bus (its LISTEN client); the next busOf makes a new one. */
export async function closeBus(database: Database): Promise<void> {
  const bus = buses.get(database);
  buses.delete(database);
  await bus?.close();
}
