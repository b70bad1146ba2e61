import { sql, type Kysely } from 'kysely';

/**
 * 考勤、请假、去向 (issue 12 §4).
 * `users.whereabouts`: the explicit 去向 kind (在岗/下村/开会/请假/出差); `away` stays the AB switch (rule 8) and is
 * kept equal to whereabouts ≠ 在岗; `away_reason` is now the staff-only note. People away before this migration get
 * the kind their typed reason names, else 出差 — once, here.
 * `attendance_records`: one sign-in/sign-out per person and working day (unique), judged late/early on writing.
 * `leave_requests`: 请假 with half-day periods, the instants it starts and ends in the center's zone (for the job
 * that marks the person away and back), the director's decision, versioned; `applied_at`/`ended_at` record that
 * the job has marked the person away/back (idempotent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('whereabouts', 'text', (c) => c.notNull().defaultTo('在岗')).execute();
  const away = await sql<{ id: string; away_reason: string | null }>`select id, away_reason from users where away = 1`.execute(db);
  for (const u of away.rows) {
    const text = u.away_reason ?? '';
    const kind = /假|病|休|丧|产|婚/.test(text) ? '请假' : /会|培训|学习/.test(text) ? '开会' : /村|入户|走访/.test(text) ? '下村' : '出差';
    await sql`update users set whereabouts = ${kind} where id = ${u.id}`.execute(db);
  }

  await db.schema
    .createTable('attendance_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('working_day', 'integer', (c) => c.notNull())
    .addColumn('sign_in_at', 'text', (c) => c.notNull())
    .addColumn('sign_in_ip', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('minutes_late', 'integer', (c) => c.notNull())
    .addColumn('sign_out_at', 'text')
    .addColumn('sign_out_ip', 'text')
    .addColumn('early', 'integer', (c) => c.notNull())
    .addColumn('minutes_early', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_records_user_day_uq').on('attendance_records').columns(['user_id', 'day']).unique().execute();
  await db.schema.createIndex('attendance_records_org_day_idx').on('attendance_records').columns(['org_id', 'day']).execute();

  await db.schema
    .createTable('leave_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('from_half', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('to_half', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('days', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending | approved | refused | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leave_requests_key_uq').on('leave_requests').columns(['created_by', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('leave_requests_org_idx').on('leave_requests').columns(['org_id', 'status', 'from_date']).execute();
  await db.schema.createIndex('leave_requests_user_idx').on('leave_requests').columns(['user_id', 'from_date']).execute();
  await db.schema.createIndex('leave_requests_open_idx').on('leave_requests').columns(['status', 'ended_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leave_requests').execute();
  await db.schema.dropTable('attendance_records').execute();
  await db.schema.alterTable('users').dropColumn('whereabouts').execute();
}
