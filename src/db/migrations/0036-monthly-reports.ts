import type { Kysely } from 'kysely';

/**
 * 月度统计与报送 (issue 13 §1). `monthly_reports`: a center's locked figures for one month (`month` 'YYYY-MM'), one row
 * per version (`version` 1 is the month-end snapshot; a correction adds the next with its `reason`; earlier versions
 * stay, `superseded_at` set). `status` draft | submitted | returned belongs to the version (the current one is what
 * the upper level sees); `row_version` is the optimistic lock of the row. `figures` is the JSON of the report (the
 * center, the centers below, windows, items, departments). `monthly_report_events`: every snapshot, submission,
 * return (with its comment) and correction (with its reason), who and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // draft | submitted | returned
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    // null: the month-end job
    .addColumn('taken_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('returned_at', 'text')
    .addColumn('returned_by', 'text', (c) => c.references('users.id'))
    .addColumn('return_comment', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monthly_reports_org_month_version_uq').on('monthly_reports').columns(['org_id', 'month', 'version']).unique().execute();
  await db.schema.createIndex('monthly_reports_month_idx').on('monthly_reports').columns(['month', 'org_id']).execute();

  await db.schema
    .createTable('monthly_report_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('monthly_reports.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // snapshot | submit | return | correct
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monthly_report_events_org_month_idx').on('monthly_report_events').columns(['org_id', 'month', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monthly_report_events').execute();
  await db.schema.dropTable('monthly_reports').execute();
}
