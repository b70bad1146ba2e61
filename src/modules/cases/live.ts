/**
 * Live updates of cases (ARCHITECTURE.md "Live updates"): every committed case change reaches the bus as ids,
 * status, light, orgs and window — what the console needs to know that its lists, counts and an open case page are
 * out of date. The browser then asks for the case itself, through the usual access checks.
 *
 * The one place: the case events. Every change to a case writes an event in its own transaction (intake, each
 * action, batches, refusal review, recomputed deadlines …); the events → consumers backbone (src/modules/events)
 * hands them, after commit and at least once, to `followCaseEvents` below. Only the light sweep changes a case
 * without an event: its job publishes the cases whose light moved itself (src/server/jobs.ts).
 */
import type { Database } from '../../db/database.js';
import type { CaseChangedEvent } from '../../server/bus.js';
import { busOf } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';
import { onCaseEvents, type CaseEventRecord } from '../events/consumers.js';

/** What made the change, for the console's banner ("该办件刚被他人办理（办结）"). */
export interface ChangeCause {
  action: string;
  userId: string | null;
}

/** Reads the committed rows and publishes one event per case. Never throws: the change itself has succeeded. */
export async function publishCaseChanges(ctx: AppContext, changes: ReadonlyMap<string, ChangeCause>, log: (line: string) => void = () => {}): Promise<void> {
  if (changes.size === 0) return;
  try {
    const bus = busOf(ctx, log);
    const ids = [...changes.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await ctx.database.db
        .selectFrom('cases')
        .select(['id', 'version', 'status', 'light', 'receiving_org_id', 'holder_org_id', 'transit_org_id', 'window_id'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) bus.publish(caseChanged(row, changes.get(row.id)!));
    }
  } catch (error) {
    // a live update is a courtesy: the clients' next fetch shows the change anyway
    log(`实时推送未能发出：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The same cause for every case (the light sweep). */
export const sameCause = (caseIds: readonly string[], cause: ChangeCause) => new Map(caseIds.map((id) => [id, cause]));

const caseChanged = (
  row: { id: string; version: number; status: string; light: CaseChangedEvent['light']; receiving_org_id: string; holder_org_id: string; transit_org_id: string | null; window_id: string | null },
  cause: ChangeCause,
): CaseChangedEvent => ({
  type: 'case',
  caseId: row.id,
  version: row.version,
  status: row.status,
  light: row.light,
  receivingOrgId: row.receiving_org_id,
  holderOrgId: row.holder_org_id,
  transitOrgId: row.transit_org_id,
  windowId: row.window_id,
  action: cause.action,
  byUserId: cause.userId,
});

/** Event ids already published: a batch that comes again (at least once) is not announced twice. */
const SEEN_LIMIT = 5000;

interface Follower {
  apps: number;
  stop: () => void;
}
const followers = new WeakMap<Database, Follower>();

/**
 * Publishes the case events of this process's database as they are handed over by the backbone; one follower per
 * database however many apps are built on it. Returns the stop for the app's close.
 */
export function followCaseEvents(ctx: AppContext, log: (line: string) => void = () => {}): () => void {
  const existing = followers.get(ctx.database);
  if (existing) {
    existing.apps += 1;
    return () => release(ctx.database);
  }
  const seen = new Set<string>();
  // one publication after another, so clients hear the changes in the order they were made
  let tail: Promise<void> = Promise.resolve();
  const unsubscribe = onCaseEvents(ctx, (events: readonly CaseEventRecord[]) => {
    const changes = new Map<string, ChangeCause>();
    for (const e of events) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      // the last change of a case in the batch names it
      changes.delete(e.caseId);
      // a light that turned yellow or red by itself (the sweep's event) is announced as the light moving on
      changes.set(e.caseId, { action: e.type === 'light-changed' ? 'light' : e.type, userId: e.byUserId });
    }
    while (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    // Not awaited: the handler runs inside the backbone's cursor transaction, and on SQLite a read on the pool would
    // wait for that transaction to end. The rows are read just after.
    tail = tail.then(() => publishCaseChanges(ctx, changes, log));
  });
  followers.set(ctx.database, { apps: 1, stop: unsubscribe });
  return () => release(ctx.database);
}

function release(database: Database): void {
  const f = followers.get(database);
  if (!f) return;
  f.apps -= 1;
  if (f.apps > 0) return;
  f.stop();
  followers.delete(database);
}
