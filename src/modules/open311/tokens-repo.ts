/** open311_tokens (0040): the POSTs to batch services, their tokens and what became of them. */
import type { Open311TokensTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export type TokenRow = Open311TokensTable;

export const insertToken = (db: Db, row: TokenRow) => db.insertInto('open311_tokens').values(row).execute();

export const findByToken = (db: Db, token: string) => db.selectFrom('open311_tokens').selectAll().where('token', '=', token).executeTakeFirst();

/** The requests an identical post queued (this hour's key or the last one's). */
export const findByRequestKeys = (db: Db, keys: readonly string[]) =>
  db.selectFrom('open311_tokens').selectAll().where('request_key', 'in', [...keys]).orderBy('created_at').execute();

/** A failed request gives its key up: the same post again is a new request with a new token. */
export const retireRequestKey = (db: Db, id: string, key: string) =>
  db.updateTable('open311_tokens').set({ request_key: `${key}:failed:${id}` }).where('id', '=', id).where('request_key', '=', key).where('status', '=', 'failed').execute();

/** Requests due for an attempt: queued and due, or held by a job whose lease ran out. Oldest first. */
export const dueTokens = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('open311_tokens')
    .select(['id', 'attempts'])
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'working'), eb('lease_until', '<', now)])]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Takes a due request for this attempt; false when another job took it first. */
export async function claimToken(db: Db, id: string, attempts: number, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('open311_tokens')
    .set({ status: 'working', attempts: attempts + 1, lease_until: leaseUntil, updated_at: now })
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'working'), eb('lease_until', '<', now)])]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records an attempt's end for the attempt that holds it (status working, these attempts). */
export const finishToken = (db: Db, id: string, attempts: number, set: Partial<Pick<TokenRow, 'status' | 'next_attempt_at' | 'lease_until' | 'application_id' | 'error' | 'payload' | 'updated_at'>>) =>
  db.updateTable('open311_tokens').set(set).where('id', '=', id).where('status', '=', 'working').where('attempts', '=', attempts).executeTakeFirst();
