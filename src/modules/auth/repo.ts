import { sql } from 'kysely';
import { prepared } from '../../db/prepared.js';
import type { Db } from '../../server/context.js';

/**
 * Takes one guess for a name, in ONE statement, before the password is checked: the count goes up by one, and
 * the guess that reaches `maxFailures` sets the lock at once. A name that is locked gets no guess (no row
 * comes back) and its password is never checked, so however many requests arrive together, at most
 * `maxFailures` passwords are tried. The count starts again after a lock has run out, or after a quiet day.
 * The same for every name typed, whether an account has it or not.
 */
export async function takeGuess(
  db: Db,
  input: { username: string; now: string; quietSince: string; maxFailures: number; lockedUntil: string },
): Promise<{ failures: number; lockedUntil: string | null } | undefined> {
  const next = sql<number>`case when login_failures.locked_until is not null or login_failures.last_failed_at < ${input.quietSince} then 1 else login_failures.failures + 1 end`;
  const row = await db
    .insertInto('login_failures')
    .values({
      username: input.username,
      failures: 1,
      locked_until: input.maxFailures <= 1 ? input.lockedUntil : null,
      last_failed_at: input.now,
    })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet({
          failures: next,
          locked_until: sql<string | null>`case when ${next} >= ${input.maxFailures} then cast(${input.lockedUntil} as text) else null end`,
          last_failed_at: input.now,
        })
        .where(sql<boolean>`login_failures.locked_until is null or login_failures.locked_until <= ${input.now}`),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirst();
  return row && { failures: Number(row.failures), lockedUntil: row.locked_until };
}

export const findFailures = (db: Db, username: string) =>
  db.selectFrom('login_failures').selectAll().where('username', '=', username).executeTakeFirst();

/** The right password (or an administrator's unlock) clears the count. */
export const clearFailures = (db: Db, username: string) => db.deleteFrom('login_failures').where('username', '=', username).execute();

/** Names nobody has mistyped for a day and that are not locked: the table does not grow with every typo. */
export const pruneFailures = (db: Db, quietSince: string, now: string) =>
  db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', quietSince)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();

export const lockedNames = (db: Db, usernames: string[], now: string) =>
  usernames.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('login_failures')
        .select(['username', 'locked_until'])
        .where('username', 'in', usernames)
        .where('locked_until', '>', now)
        .execute();

export const insertSession = (
  db: Db,
  row: { id: string; user_id: string; created_at: string; absolute_expires_at: string; ip: string | null; user_agent: string | null },
) => db.insertInto('sessions').values({ ...row, last_seen_at: row.created_at, ended_at: null }).execute();

/** The session behind a cookie with its person, on every API request: compiled once (src/db/prepared.ts). */
const liveSession = prepared((db, id: string) =>
  db
    .selectFrom('sessions')
    // The one join across modules, on purpose: every API request asks, and one indexed join answers where the users
    // module's function would cost a second round trip each time. It only reads who the session belongs to.
    // eslint-disable-next-line boundaries/own-tables
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.last_seen_at',
      'sessions.absolute_expires_at',
      'users.id as userId',
      'users.username',
      'users.name',
      'users.roles',
      'users.org_id',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.ended_at', 'is', null),
);
export const findLiveSession = async (db: Db, id: string) => (await liveSession(db, id))[0];

export const touchSession = (db: Db, id: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const endSession = (db: Db, id: string, at: string) =>
  db.updateTable('sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();

export const endSessionsOfUser = (db: Db, userId: string, at: string) =>
  db.updateTable('sessions').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();

/** Every session of a person but the one in use (after they change their own password). */
export const endOtherSessions = (db: Db, userId: string, keep: string, at: string) =>
  db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('id', '!=', keep)
    .where('ended_at', 'is', null)
    .execute();
