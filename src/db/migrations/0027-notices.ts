import type { Kysely } from 'kysely';

/**
 * 公告 of a center on its 政务公开 page (issue 11 §3): title, body, the local start date, the minimum display period in
 * calendar days and an optional end date; `status` published | withdrawn, a withdrawal's reason (required inside the
 * minimum period: src/domain/notices/notices.ts). Versioned (`version`, optimistic); `notice_versions` keeps every
 * version as it was (who, when, what it said, and the withdrawal's reason). `idempotency_key`: one notice however
 * often the same publish request is sent (unique per person).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('min_days', 'integer', (c) => c.notNull())
    .addColumn('end_date', 'text')
    // published | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('users.id'))
    .addColumn('withdraw_reason', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_org_idx').on('notices').columns(['org_id', 'status', 'start_date']).execute();
  await db.schema.createIndex('notices_key_uq').on('notices').columns(['created_by', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('notice_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // publish | edit | withdraw
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('min_days', 'integer', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_versions_uq').on('notice_versions').columns(['notice_id', 'version']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_versions').execute();
  await db.schema.dropTable('notices').execute();
}
