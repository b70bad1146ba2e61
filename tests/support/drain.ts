import { CONSUMERS, drainConsumers, type DrainResult, type EventConsumer } from '../../src/modules/events/consumers.js';
import type { AppContext } from '../../src/server/context.js';

/**
 * Every event written so far handed to the consumers, whoever drains it. A drain leaves a consumer to whoever
 * holds it (the app's own nudge after a write, often) and returns at once, and on PostgreSQL it leaves the events of
 * transactions still open anywhere in the database (other test files' schemas too) for the next one: drain again
 * until no consumer is held elsewhere and nothing waits. Returns what each consumer handled here, all drains summed.
 * A failed consumer throws, unless `allowFailures` (it then waits for its backoff and counts as settled).
 */
export async function drainAll(
  ctx: AppContext,
  { consumers = CONSUMERS, allowFailures = false }: { consumers?: readonly EventConsumer[]; allowFailures?: boolean } = {},
): Promise<Map<string, DrainResult>> {
  const total = new Map<string, DrainResult>();
  for (let i = 0; i < 1000; i++) {
    const results = await drainConsumers(ctx, consumers);
    for (const r of results) {
      const before = total.get(r.name);
      total.set(r.name, { ...r, handled: (before?.handled ?? 0) + r.handled, error: r.error ?? before?.error });
    }
    const failed = results.find((r) => r.error);
    if (failed && !allowFailures) throw new Error(`${failed.name}: ${failed.error}`);
    if (!results.some((r) => r.busy || (r.pending && !r.error))) return total;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('events stayed behind the horizon or a consumer stayed held');
}
