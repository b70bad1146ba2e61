import { sql, type Kysely } from 'kysely';

/**
 * Applicant accounts of the public hall (issue 11 §2).
 *
 * `applicants`: one account per mobile phone (unique); the password as an Argon2id hash; person or organization
 * with the name and the ID number or 统一社会信用代码; the real-name check (`real_name_method` says which check the
 * number passed, `real_name_verified_at` when); the sign-in failures counted on the row itself (`failed_attempts`,
 * `last_failed_at`, `locked_until`, one UPDATE per guess); `idempotency_key` of the registration (unique: a repeated
 * request finds its account); `version`.
 *
 * `applicant_sessions`: like the staff's `sessions`, keyed by the SHA-256 of the cookie's token.
 *
 * `verification_codes`: every SMS code sent, with its purpose (register | reset), the code's hash, expiry, wrong
 * tries, and when it was used. `code_sends`: per phone, the day's count and the last send, taken in one UPDATE
 * (one code a minute, ten a day), so processes cannot both send.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applicants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // person | organization
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('real_name_verified', 'integer', (c) => c.notNull())
    .addColumn('real_name_verified_at', 'text')
    // gb11643 | gb32100
    .addColumn('real_name_method', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applicants_phone_uq').on('applicants').column('phone').unique().execute();
  await db.schema.createIndex('applicants_key_uq').on('applicants').column('idempotency_key').unique().where(sql.ref('idempotency_key'), 'is not', null).execute();

  await db.schema
    .createTable('applicant_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('applicant_sessions_applicant_idx').on('applicant_sessions').columns(['applicant_id', 'ended_at']).execute();

  await db.schema
    .createTable('verification_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    // register | reset
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('verification_codes_phone_idx').on('verification_codes').columns(['phone', 'purpose', 'created_at']).execute();

  await db.schema
    .createTable('code_sends')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_today', 'integer', (c) => c.notNull())
    .addColumn('last_sent_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('code_sends').execute();
  await db.schema.dropTable('verification_codes').execute();
  await db.schema.dropTable('applicant_sessions').execute();
  await db.schema.dropTable('applicants').execute();
}
