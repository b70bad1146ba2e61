import { type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 requests (issue 11 §5; src/modules/open311, src/modules/applications/submit-open311.ts): a
 * `POST requests` is an online application with `source` 'open311'. The location a third party may send with it
 * (`lat`/`long`, WGS 84 decimal degrees) is kept as given (text: no float rounding between SQLite and PostgreSQL)
 * and shown back by `GET requests`. `open311_key_id`: the api_key the request came with (who sent it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('latitude', 'text').execute();
  await db.schema.alterTable('applications').addColumn('longitude', 'text').execute();
  await db.schema.alterTable('applications').addColumn('open311_key_id', 'text').execute();
  await db.schema.createIndex('applications_source_idx').on('applications').columns(['source', 'submitted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_source_idx').execute();
  await db.schema.alterTable('applications').dropColumn('open311_key_id').execute();
  await db.schema.alterTable('applications').dropColumn('longitude').execute();
  await db.schema.alterTable('applications').dropColumn('latitude').execute();
}
