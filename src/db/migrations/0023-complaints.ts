import type { Kysely } from 'kysely';

/**
 * 投诉 (issue 10 §2, src/domain/complaints): the fields of GB/T 39046 表10 — 标题 (title), 投诉人
 * (complainant_name, complainant_phone), 被投诉单位 (respondent_unit), 被投诉人 (respondent_person), 内容 (content,
 * ≤ 1000), 来源 (source), 时间 (received_at), 承办单位 (org_id), 承办人 (handler_id), 承办时间 (handled_at), 反馈信息
 * (feedback, ≤ 500), 反馈时间 (feedback_at), 承诺时限 (due_date), 延期时限 (extended_due), 延期原因
 * (extension_reason), 超期天数 (overdue_days, fixed when answered) — with the readable number (unique), the query code
 * the complainant keeps, the decision (upheld + reasons, `assessment` and its month for the monthly assessment),
 * the merge link (merged_into_id) and the reminder mark (reminded_at: 催办 once).
 *
 * `complaint_events` is the timeline: every step with who (null: the complainant or the system), when and what.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_no', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('respondent_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('respondent_unit', 'text', (c) => c.notNull())
    .addColumn('respondent_person', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('complainant_phone', 'text', (c) => c.notNull())
    // window | phone | written | online | bad_rating | hotline_12345
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text')
    .addColumn('hotline_no', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    // a local date: the day of receipt the limit counts from
    .addColumn('received_on', 'text', (c) => c.notNull())
    // simple | complex
    .addColumn('cls', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('extended_due', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('handled_at', 'text')
    .addColumn('findings', 'text')
    // 1 upheld (属实), 0 not, null not yet decided
    .addColumn('upheld', 'integer')
    .addColumn('decision_reasons', 'text')
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('overdue_days', 'integer')
    .addColumn('visit_result', 'text')
    .addColumn('assessment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assessment_month', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'text', (c) => c.references('complaints.id'))
    .addColumn('reminded_at', 'text')
    .addColumn('query_code', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_no_uq').on('complaints').column('complaint_no').unique().execute();
  await db.schema.createIndex('complaints_seq_uq').on('complaints').columns(['org_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('complaints_key_uq').on('complaints').column('idempotency_key').unique().execute();
  await db.schema.createIndex('complaints_org_idx').on('complaints').columns(['org_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('complaints_merged_idx').on('complaints').column('merged_into_id').execute();
  await db.schema.createIndex('complaints_assessment_idx').on('complaints').columns(['assessment_month', 'org_id']).execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_events_uq').on('complaint_events').columns(['complaint_id', 'seq']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('complaint_events').execute();
  await db.schema.dropTable('complaints').execute();
}
