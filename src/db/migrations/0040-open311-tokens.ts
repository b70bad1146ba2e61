import { type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 batch services (issue 11 §5; src/modules/open311/batch.ts, src/domain/open311/tokens.ts): a
 * `POST requests` to a batch service is checked at once and kept here until the job `open311-batch` has downloaded
 * its materials and filed the online application; `GET tokens/{token}` reads it.
 *
 * `token`: what the client got (unique); `request_key`: the hash of the api_key and the body for its hour, the
 * application's idempotency key too (unique: the same post twice is one request and one token); `key_id`: the
 * api_key; `item_code`, `org_id`: the service and the receiving center; `payload`: the checked request (applicant,
 * material URLs, description, location) as JSON, cleared once the request is done or failed. `status`: queued |
 * working | done | failed; `attempts`, `next_attempt_at` (the retry backoff), `lease_until` (a job holding it);
 * `application_id` once made; `error`: why the last attempt failed (Chinese, shown with the token when failed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().references('open311_keys.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('payload', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open311_tokens_token_uq').on('open311_tokens').column('token').unique().execute();
  await db.schema.createIndex('open311_tokens_request_key_uq').on('open311_tokens').column('request_key').unique().execute();
  await db.schema.createIndex('open311_tokens_due_idx').on('open311_tokens').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open311_tokens').execute();
}
