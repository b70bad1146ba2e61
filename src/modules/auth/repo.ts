import type { Db } from '../../server/context.js';

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const recordFailedLogin = (db: Db, userId: string, failedLogins: number, lockedUntil: string | null) =>
  db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();

export const recordSuccessfulLogin = (db: Db, userId: string, at: string) =>
  db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();

export const insertSession = (
  db: Db,
  row: { id: string; user_id: string; created_at: string; absolute_expires_at: string; ip: string | null; user_agent: string | null },
) => db.insertInto('sessions').values({ ...row, last_seen_at: row.created_at, ended_at: null }).execute();

export const findLiveSession = (db: Db, id: string) =>
  db
    .selectFrom('sessions')
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
    ])
    .where('sessions.id', '=', id)
    .where('sessions.ended_at', 'is', null)
    .executeTakeFirst();

export const touchSession = (db: Db, id: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const endSession = (db: Db, id: string, at: string) =>
  db.updateTable('sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();

export const endSessionsOfUser = (db: Db, userId: string, at: string) =>
  db.updateTable('sessions').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
