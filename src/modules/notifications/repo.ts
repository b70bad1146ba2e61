/** The outbox table's queries (migration 0019): the sender's queue, the inbox and the administrator's list. */
import type { OutboxMessagesTable } from '../../db/schema.js';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

/** Inbox messages not yet delivered (their live count not yet announced); each is marked sent. Returns the recipients. */
export async function deliverPendingInbox(db: Db, at: string): Promise<string[]> {
  const rows = await db
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: at })
    .where('channel', '=', 'inbox')
    .where('status', '=', 'pending')
    .returning('recipient')
    .execute();
  return rows.map((r) => r.recipient);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('recipient', '=', userId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return toCount(row?.n as number | undefined);
}

/** SMS due to be tried at `now`, oldest first. */
export const dueSms = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('channel', '=', 'sms')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Fails, with `note`, every pending SMS written before `before` (src/domain/notifications/sending.ts); returns how many. */
export async function expireSms(db: Db, before: string, note: string): Promise<number> {
  const res = await db
    .updateTable('outbox_messages')
    .set({ status: 'failed', next_attempt_at: null, last_error: note, note: null })
    .where('channel', '=', 'sms')
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Marks every pending SMS with a note (no provider configured); only rows whose note differs are written. */
export async function notePendingSms(db: Db, note: string): Promise<number> {
  const res = await db
    .updateTable('outbox_messages')
    .set({ note })
    .where('channel', '=', 'sms')
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('note', 'is', null), eb('note', '<>', note)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** When SMS were sent to this phone since `since` (the per-phone limit). */
export const sentTo = async (db: Db, phone: string, since: string) =>
  (
    await db
      .selectFrom('outbox_messages')
      .select('sent_at')
      .where('recipient', '=', phone)
      .where('channel', '=', 'sms')
      .where('sent_at', '>', since)
      .execute()
  ).map((r) => r.sent_at!);

/** Postpones a pending message with a note (rate limit, template code missing). */
export const postpone = (db: Db, id: string, until: string, note: string) =>
  db.updateTable('outbox_messages').set({ next_attempt_at: until, note }).where('id', '=', id).where('status', '=', 'pending').execute();

/**
 * Claims one attempt at a message: only if it is still pending at the attempts it was read with, so that two
 * processes never send it twice. The lease keeps others off it while the provider answers.
 */
export async function claim(
  db: Db,
  row: Pick<OutboxMessagesTable, 'id' | 'attempts'>,
  leaseUntil: string,
  /** the text and parameters as this attempt sends them (a link added at the public address) */
  content?: Pick<OutboxMessagesTable, 'text' | 'params'>,
): Promise<boolean> {
  const res = await db
    .updateTable('outbox_messages')
    .set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil, ...content })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const recordAttempt = (
  db: Db,
  id: string,
  patch: Pick<OutboxMessagesTable, 'status' | 'next_attempt_at' | 'sent_at' | 'last_error' | 'note' | 'provider_id'>,
) => db.updateTable('outbox_messages').set(patch).where('id', '=', id).execute();

export interface OutboxFilter {
  channel?: 'sms' | 'inbox' | undefined;
  phone?: string | undefined;
  status?: OutboxMessagesTable['status'] | undefined;
  page: number;
  pageSize: number;
}

export async function listOutbox(db: Db, f: OutboxFilter) {
  let q = db.selectFrom('outbox_messages');
  if (f.channel) q = q.where('channel', '=', f.channel);
  // the exact number only: the list never reveals a phone the administrator did not type in full
  if (f.phone) q = q.where('recipient', '=', f.phone).where('channel', '=', 'sms');
  if (f.status) q = q.where('status', '=', f.status);
  const total = toCount((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n as number | undefined);
  const rows = await q
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total };
}

export async function inboxOf(db: Db, userId: string, f: { unreadOnly: boolean; page: number; pageSize: number }) {
  let q = db.selectFrom('outbox_messages').where('recipient', '=', userId).where('channel', '=', 'inbox');
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const total = toCount((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n as number | undefined);
  const rows = await q
    .select(['id', 'template', 'text', 'case_id', 'created_at', 'read_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total };
}

/** Marks one of the person's inbox messages read (only theirs); false when there is no such message. */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const found = await db
    .selectFrom('outbox_messages')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('recipient', '=', userId)
    .where('channel', '=', 'inbox')
    .executeTakeFirst();
  if (!found) return false;
  if (found.read_at === null) await db.updateTable('outbox_messages').set({ read_at: at }).where('id', '=', id).execute();
  return true;
}

export const markAllRead = (db: Db, userId: string, at: string) =>
  db
    .updateTable('outbox_messages')
    .set({ read_at: at })
    .where('recipient', '=', userId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null)
    .execute();
