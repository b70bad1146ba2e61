import type { Kysely } from 'kysely';

/**
 * 好差评 (issue 10 §1, src/domain/evaluation): the ratings of finished cases, the window rating pads and what the
 * invitation and default jobs need.
 *
 * `ratings`: one row per case, rater and round (评价次数: 1 首次, 2 the rating of a 差评's fix) — the unique index
 * makes a second rating a 409 however the requests race. The level is stored as the API string (very_satisfied …),
 * never the GB/T 39046 number (provinces number the other way round); the case's facts at rating time (number,
 * center, window, responsible person, item) are copied so lists, figures and the 表9 export need no join.
 * `entered_by`: the clerk or agent who keyed in a paper form on the rater's behalf (null when the rater rated);
 * `pad_id`: the window pad it came from; `is_default`: the 基本满意 written after 7 natural days without a rating
 * (counted apart: 主动评价率). `excluded_*`: an upheld appeal (申诉复核) takes the rating out of scores and rankings
 * but keeps it on record (written by the appeal's use case only).
 *
 * `rating_pads`: a tablet registered for a window by the director or sysadmin; it signs its requests with a device
 * token of which only the SHA-256 is stored. `rating_openings`: every finished case that may be rated (written by the
 * `evaluation-openings` consumer of the case events), with when its invitation was sent and its default written,
 * so the jobs read only this module's table. `evaluation_secrets`: the HMAC key of the signed rating links (QR code,
 * SMS), created on first use and shared by every app process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    // the center that handled the case (its holder when it was finished)
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('window_id', 'text')
    // the responsible clerk: who finished the case (else who first received it)
    .addColumn('person_id', 'text')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    // very_satisfied | satisfied | basic | dissatisfied | very_dissatisfied
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    // pad | qr | progress | sms | paper | default (src/domain/evaluation/channels.ts)
    .addColumn('channel', 'text', (c) => c.notNull())
    // 评价次数: 1 首次, 2 二次 (the rater's rating of the fix of a 差评)
    .addColumn('round', 'integer', (c) => c.notNull())
    // who rated: 'applicant' (the case's applicant, however they reached the form)
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('users.id'))
    .addColumn('pad_id', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    // when the rater rated (a paper form: the date on the form); a default: when it was written
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('excluded_at', 'text')
    .addColumn('excluded_by', 'text')
    .addColumn('excluded_reason', 'text')
    .addColumn('appeal_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('ratings_case_rater_uq').on('ratings').columns(['case_id', 'rater_key', 'round']).unique().execute();
  await db.schema.createIndex('ratings_key_uq').on('ratings').columns(['entered_by', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('ratings_org_idx').on('ratings').columns(['org_id', 'rated_at']).execute();
  await db.schema.createIndex('ratings_window_idx').on('ratings').columns(['window_id', 'rated_at']).execute();
  await db.schema.createIndex('ratings_rated_idx').on('ratings').column('rated_at').execute();

  await db.schema
    .createTable('rating_pads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('last_seen_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('rating_pads_window_idx').on('rating_pads').columns(['window_id', 'revoked_at']).execute();

  await db.schema
    .createTable('rating_openings')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('completed_at', 'text', (c) => c.notNull())
    // the first rating by the applicant (null: none yet)
    .addColumn('rated_at', 'text')
    .addColumn('invited_at', 'text')
    .addColumn('defaulted_at', 'text')
    .execute();
  await db.schema.createIndex('rating_openings_due_idx').on('rating_openings').columns(['rated_at', 'completed_at']).execute();
  await db.schema.createIndex('rating_openings_window_idx').on('rating_openings').columns(['window_id', 'completed_at']).execute();

  await db.schema
    .createTable('evaluation_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evaluation_secrets').execute();
  await db.schema.dropTable('rating_openings').execute();
  await db.schema.dropTable('rating_pads').execute();
  await db.schema.dropTable('ratings').execute();
}
