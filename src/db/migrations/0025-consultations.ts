import { sql, type Kysely } from 'kysely';

/**
 * 咨询 (issue 10 §3): window, phone and online questions with the answer given, who answered, the item concerned
 * and the channel. `consultation_no` ZX + the center's local date + the day's sequence (unique); an online
 * question carries the asker's name, phone and a `query_code` to look the answer up. `idempotency_key`: one record
 * however often the same log request is sent (unique per person; NULLs never collide), and for a question asked
 * online, where there is no person, unique among the public's. `faq_id`: the FAQ entry the
 * question was promoted into. `consultation_events` is the timeline (asked, logged, answered, promoted).
 *
 * `item_faqs`: an item's public FAQ as a center writes it (one list per item and center, ordered by `position`;
 * retired entries are kept); `item_faq_history` every version of every entry (who, when, what it said).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_no', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    // window | phone | online
    .addColumn('channel', 'text', (c) => c.notNull())
    // pending | answered
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.references('items.id'))
    .addColumn('item_code', 'text')
    .addColumn('item_name', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('asker_name', 'text')
    .addColumn('asker_phone', 'text')
    .addColumn('query_code', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('logged_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('faq_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_no_uq').on('consultations').column('consultation_no').unique().execute();
  await db.schema.createIndex('consultations_day_seq_uq').on('consultations').columns(['day', 'seq']).unique().execute();
  await db.schema.createIndex('consultations_key_uq').on('consultations').columns(['logged_by', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('consultations_public_key_uq').on('consultations').column('idempotency_key').unique().where(sql.ref('logged_by'), 'is', null).execute();
  await db.schema.createIndex('consultations_org_idx').on('consultations').columns(['org_id', 'status', 'asked_at']).execute();
  await db.schema.createIndex('consultations_item_idx').on('consultations').columns(['item_id', 'asked_at']).execute();

  await db.schema
    .createTable('consultation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // asked | logged | answered | promoted
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_events_uq').on('consultation_events').columns(['consultation_id', 'seq']).unique().execute();

  await db.schema
    .createTable('item_faqs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // active | retired
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_consultation_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_faqs_item_idx').on('item_faqs').columns(['item_id', 'org_id', 'status', 'position']).execute();
  await db.schema.createIndex('item_faqs_key_uq').on('item_faqs').columns(['created_by', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('item_faq_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('faq_id', 'text', (c) => c.notNull().references('item_faqs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // promote | create | edit | move | retire | restore
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_faq_history_uq').on('item_faq_history').columns(['faq_id', 'version']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('item_faq_history').execute();
  await db.schema.dropTable('item_faqs').execute();
  await db.schema.dropTable('consultation_events').execute();
  await db.schema.dropTable('consultations').execute();
}
