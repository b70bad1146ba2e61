import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * The one place where SQLite and PostgreSQL differences are smoothed over: booleans are stored as 0/1,
 * JSON as text, instants as ISO text, and counts come back as number | string | bigint.
 */
export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
export const fromBool = (value: boolean): number => (value ? 1 : 0);

export const toJson = (value: unknown): string => JSON.stringify(value);
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

export const toCount = (value: number | string | bigint | null | undefined): number => Number(value ?? 0);

/** Escape LIKE wildcards in user input; use with `escape '\'`-free patterns by doubling the backslash rule. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A unique constraint refused the write (two clerks saving the same code at the same moment): PostgreSQL's 23505
 * or SQLite's constraint codes. On PostgreSQL two simultaneous transactions both pass a "does it exist yet?"
 * check, and the second one's insert fails here; on SQLite writes are serialised, but a check outside the
 * writing transaction can race the same way.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The table whose unique constraint refused the write, when the driver says it (for the Chinese message). */
export function uniqueViolationTable(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null;
  const e = error as { table?: unknown; message?: unknown };
  if (typeof e.table === 'string') return e.table; // pg
  // better-sqlite3: "UNIQUE constraint failed: users.username"
  const m = typeof e.message === 'string' ? /constraint failed: "?(\w+)"?\./.exec(e.message) : null;
  return m?.[1] ?? null;
}

/**
 * Runs `work` (usually a whole transaction). If a unique constraint refused its write because a simultaneous
 * request stored the same key first, asks `replay` for what that request stored — the same Idempotency-Key gets
 * the first request's answer, never a 500 — and rethrows when there is nothing to replay (the error handler
 * answers 409). `replay` runs after the failed transaction has rolled back, so it sees the winner's commit.
 */
export async function replayOnUniqueViolation<T>(work: () => Promise<T>, replay: () => Promise<T | undefined>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await replay();
    if (stored === undefined) throw error;
    return stored;
  }
}

/**
 * An idempotent create (an Idempotency-Key stored on the record): what is already stored under the key is answered
 * again; otherwise `create` runs in one transaction. Should a request with the same key commit at the same moment,
 * the unique index on the key refuses this one and the stored record is answered instead: a double tap writes once.
 */
export function createOnce<T>(db: Kysely<DB>, stored: (db: Kysely<DB>) => Promise<T | undefined>, create: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return replayOnUniqueViolation(
    () => db.transaction().execute(async (trx) => (await stored(trx)) ?? create(trx)),
    () => stored(db),
  );
}

/**
 * Runs `work` again (at most five times in all) when a unique index refused its write: a record numbered by
 * "the day's last number + 1" (咨询, 网上申请) loses that number to a record written at the same moment, and the
 * next try takes the following one. Any other error, or a fifth refusal, goes to the caller.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || !isUniqueViolation(error)) throw error;
    }
  }
}
