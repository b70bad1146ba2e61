import type { Kysely } from 'kysely';

/**
 * 信访接待 (issue 10 §4, src/domain/petitions/petitions.ts): the ledger (来访时间 to the hour, 姓名, 性别, 年龄, 职业,
 * 住址或工作单位, 反映问题, 接待人, 处理方式, 紧急程度, 集体访, 既往来访), the dates the clocks run from, the number
 * 信〔2026〕3号 (the center's sequence of the year, unique), `idempotency_key` (one petition however often the same
 * registration is sent; unique per registering person). `day_count`: how the periods count (calendar | working),
 * fixed at registration so a changed setting never moves a running clock.
 *
 * `petition_events` the whole history; `petition_handovers` the 事项交办单 with the department's reply registered
 * against each; `petition_receptions` leader receptions; `petition_prints` every printed slip with what it said.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_no', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // visit | letter | phone | online
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('age', 'integer')
    .addColumn('occupation', 'text')
    .addColumn('address', 'text')
    // plain digits; matched for earlier visits
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull().references('users.id'))
    // solved | transferred | reply
    .addColumn('handling', 'text', (c) => c.notNull())
    // normal | urgent
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('is_group', 'integer', (c) => c.notNull())
    // JSON: [{ name, phone, idNumber }]
    .addColumn('representatives', 'text', (c) => c.notNull())
    .addColumn('earlier_visits', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    // local dates YYYY-MM-DD of the center
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('review_requested_on', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('recheck_requested_on', 'text')
    .addColumn('rechecked_on', 'text')
    .addColumn('reception_on', 'text')
    .addColumn('acceptance_due', 'text', (c) => c.notNull())
    .addColumn('finish_due', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petitions_no_uq').on('petitions').columns(['org_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('petitions_key_uq').on('petitions').columns(['received_by', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('petitions_org_idx').on('petitions').columns(['org_id', 'received_at']).execute();
  await db.schema.createIndex('petitions_status_idx').on('petitions').columns(['status', 'org_id']).execute();
  await db.schema.createIndex('petitions_id_number_idx').on('petitions').columns(['id_number']).execute();
  await db.schema.createIndex('petitions_phone_idx').on('petitions').columns(['phone']).execute();

  await db.schema
    .createTable('petition_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_events_uq').on('petition_events').columns(['petition_id', 'seq']).unique().execute();

  await db.schema
    .createTable('petition_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text', (c) => c.notNull())
    .addColumn('handed_at', 'text', (c) => c.notNull())
    .addColumn('handed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('petition_handovers_uq').on('petition_handovers').columns(['petition_id', 'seq']).unique().execute();

  await db.schema
    .createTable('petition_receptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_receptions_idx').on('petition_receptions').columns(['petition_id', 'received_on']).execute();

  await db.schema
    .createTable('petition_prints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    // handover:<handoverId> | notice:<event seq>
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('printed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('printed_at', 'text', (c) => c.notNull())
    // JSON: the slip as printed
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_prints_idx').on('petition_prints').columns(['petition_id', 'printed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('petition_prints').execute();
  await db.schema.dropTable('petition_receptions').execute();
  await db.schema.dropTable('petition_handovers').execute();
  await db.schema.dropTable('petition_events').execute();
  await db.schema.dropTable('petitions').execute();
}
