import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { AppContext } from '../../server/context.js';
import * as repo from './repo.js';

/** Windows that have passed are deleted at most this often per process, on the way of counting a request. */
const PRUNE_EVERY_MS = 60_000;

interface LimiterOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  /** the route a per-route limiter is for (@fastify/rate-limit passes its route options here) */
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A @fastify/rate-limit store that counts in the database, for PostgreSQL, where several app processes serve one
 * database behind nginx: counted in each process's memory (the plugin's LocalStore) N processes would let one
 * address make N times each route's limit. Same contract as the plugin's own stores: `incr(key, callback, timeWindow,
 * max)` answers { current, ttl } (ttl: milliseconds left in the window), `child(routeOptions)` gives a route its own
 * limiter — here a key prefix of method and path, so the limits of different routes do not add up, and a route is
 * the same key in every process. The clock is the app's (ctx.clock), as for everything else on the server.
 *
 * A counting that fails calls back with the error after a warning in the log; the app registers the plugin with
 * `skipOnError`, so the request goes through uncounted instead of failing with 500 (see src/server/app.ts).
 */
export function databaseRateLimitStore(ctx: AppContext, warn: (line: string) => void): FastifyRateLimitStoreCtor {
  // per process, shared by every route's limiter: the first request counted prunes, then at most once a minute
  let prunedAt = -Infinity;

  async function pruneIfDue(now: Date): Promise<void> {
    // Math.abs: a clock set back (or a test's) does not stop the tidying until it catches up
    if (Math.abs(now.getTime() - prunedAt) < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    // one indexed delete a minute, awaited so that it is done when the request goes on; a failure only leaves the
    // rows for the next time and does not touch the count
    await repo.pruneWindows(ctx.database.db, now).catch((error: unknown) => warn(`请求次数限制：清理已过期的计数失败，下次再试（${messageOf(error)}）`));
  }

  class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(options: LimiterOptions, prefix = '') {
      // The plugin's other modes would need other SQL; refused at start rather than silently counted the plain way.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('数据库计数的请求次数限制不支持 continueExceeding 和 exponentialBackoff，请去掉这两个选项。');
      }
      this.prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = ctx.clock();
      repo.countHit(ctx.database.db, this.prefix + key, now, timeWindow).then(
        async ({ hits, endsAt }) => {
          await pruneIfDue(now);
          callback(null, { current: hits, ttl: Math.max(0, Date.parse(endsAt) - now.getTime()) });
        },
        (error: unknown) => {
          warn(`请求次数限制：数据库计数失败，这次请求不计数放行（${this.prefix.trim() || '全局'}，${messageOf(error)}）。请检查数据库连接。`);
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      const options = routeOptions as LimiterOptions;
      const method = options.routeInfo?.method;
      const route = `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${options.routeInfo?.url ?? ''}`.trim();
      return new DatabaseStore(options, route ? `${route} ` : '');
    }
  }

  return DatabaseStore;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
