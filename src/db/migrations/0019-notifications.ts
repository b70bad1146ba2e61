import { type Kysely } from 'kysely';

/**
 * The notification outbox (DOMAIN.md "Notifications", ARCHITECTURE.md "Events and the outbox"): one table for SMS
 * and in-app (inbox) messages, written in the same transaction as the event that causes them and sent afterwards by
 * the `notifications-send` job (src/modules/notifications).
 *
 * - `dedupe_key` is unique: the same cause (an event, a light change, a card) never puts a message in twice.
 * - `text` is the message as rendered from its template: what is sent and what every screen shows.
 * - `status` is pending | sent | failed (API.md); `note` says why a pending message waits (未配置短信通道, the
 *   per-phone limit), `last_error` what the provider answered last, `next_attempt_at` when it is tried again.
 * - `read_at`: when the person read an inbox message (null: unread).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    // sms: the phone number; inbox: the user id
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('note', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  // the sender's queue: pending messages of a channel in the order they are due
  await db.schema.createIndex('outbox_pending_idx').on('outbox_messages').columns(['status', 'channel', 'next_attempt_at']).execute();
  // a person's inbox (newest first) and its unread count; a phone's messages (the 短信记录 filter, the rate limit)
  await db.schema.createIndex('outbox_recipient_idx').on('outbox_messages').columns(['recipient', 'channel', 'created_at']).execute();
  await db.schema.createIndex('outbox_sent_idx').on('outbox_messages').columns(['recipient', 'sent_at']).execute();
  // the administrator's 短信记录, newest first
  await db.schema.createIndex('outbox_created_idx').on('outbox_messages').columns(['channel', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_messages').execute();
}
