import { type Kysely } from 'kysely';

/**
 * Uploaded files (ARCHITECTURE.md "Files"; src/modules/files). The bytes live in the file store (a folder under
 * DATA_DIR or an S3 bucket) under their SHA-256; `files` says what each stored hash is and how many records use
 * it:
 *
 * - `hash` is the SHA-256 (hex) of the content, the key in the store; `size` in bytes; `type` the type the content
 *   showed (application/pdf | image/jpeg | image/png, sniffed, never taken from the name).
 * - `refs` counts the records that point at the hash (a staff photo, later a material). The same content uploaded
 *   for two people is stored once and counted twice; the bytes are deleted only when the count reaches 0, so
 *   removing one person's photo never breaks another's.
 * - `created_by` / `created_at`: who first uploaded it.
 *
 * `users.photo_hash`: the person's photo for the public 政务公开 pages (null: none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('refs', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('users').addColumn('photo_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('photo_hash').execute();
  await db.schema.dropTable('files').execute();
}
