import type { Kysely } from 'kysely';

/**
 * 立卷归档 (DOMAIN.md "Archive", src/domain/archive):
 *
 * - `archive_retention`: the 保管期限表, one per center (each center keeps its own, approved by its archive
 *   authority): a row per center and catalog item code; an item without a row in the center's table is kept for
 *   the default period (DEFAULT_RETENTION).
 * - `archive_dossiers`: one dossier (案卷) per finished case (`case_id` unique; its 办件编号, item and applicant
 *   as filed, so the list searches them without reading the cases), its 档号 (`archive_no` unique), the
 *   keeping center, 年度 and period, the keep-until date (null for 永久), when the case was finished and when and by
 *   whom it was filed (`archived_by` null: the nightly job), the 归档登记表's figures (file_count, total_bytes, the
 *   manifest's key in the file store, its bytes and SHA-256), the registered files (`files` JSON: key, name, bytes,
 *   sha256) and the 卷内目录 (`entries` JSON) for the detail page, and the last integrity check.
 * - `archive_sequences`: the last 件号 per center, year and period, counted up in the filing transaction.
 * - `cases_updated_idx`: the finished cases in finishing order, for the nightly job's pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('archive_retention')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('archive_retention_pk', ['org_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('archive_dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('archive_no', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('keep_until', 'text')
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .addColumn('archived_by', 'text', (c) => c.references('users.id'))
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('total_bytes', 'integer', (c) => c.notNull())
    .addColumn('manifest_key', 'text', (c) => c.notNull())
    .addColumn('manifest_bytes', 'integer', (c) => c.notNull())
    .addColumn('manifest_sha256', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('check_at', 'text')
    .addColumn('check_ok', 'integer')
    .addColumn('check_problems', 'text')
    .execute();
  await db.schema.createIndex('archive_dossiers_case_uq').on('archive_dossiers').columns(['case_id']).unique().execute();
  await db.schema.createIndex('archive_dossiers_no_uq').on('archive_dossiers').columns(['archive_no']).unique().execute();
  await db.schema.createIndex('archive_dossiers_org_idx').on('archive_dossiers').columns(['org_id', 'archived_at']).execute();

  await db.schema
    .createTable('archive_sequences')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_sequences_pk', ['org_id', 'year', 'period'])
    .execute();

  // the nightly job reads finished cases in the order they were finished, a page at a time: without this index each
  // page would read the whole cases table
  await db.schema.createIndex('cases_updated_idx').on('cases').columns(['updated_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_updated_idx').execute();
  for (const table of ['archive_sequences', 'archive_dossiers', 'archive_retention']) await db.schema.dropTable(table).execute();
}
