import { type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 API keys (issue 11 §5; src/modules/open311). A third party (a 12345 platform, a township's
 * WeChat account …) gets a key from the county's system administrator; the key itself is shown once when issued and
 * only its SHA-256 (`key_hash`, hex) is kept. `name`: who the key was issued to. Revoking keeps the row with who,
 * when and why (`revoked_at`, `revoked_by`, `reason`); `last_used_at`: the last request the key authenticated (written
 * at most once a minute). `version`: revocation is an edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open311_keys_hash_uq').on('open311_keys').column('key_hash').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open311_keys').execute();
}
