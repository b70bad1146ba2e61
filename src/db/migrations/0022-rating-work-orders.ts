import { sql, type Kysely } from 'kysely';

/**
 * 差评整改工单 and 申诉复核 (issue 10 §1, src/domain/evaluation/{work-orders,appeals}.ts).
 *
 * - `rating_work_orders`: one per 差评 (`rating_id` unique: opened once however the rating's transaction is retried),
 *   for the center, window and person responsible (copied from the rating). The deadlines of the return visit and
 *   the rectification as instants; `due_at` / `yellow_at` are the clock of the step owed now (null once rectified), so
 *   the light is a comparison with the clock in SQL (`?light=`). `warned` says which warning of the current step the
 *   sweep already sent (yellow, red). Number 整改〔year〕seq per center and year.
 * - `rating_work_order_steps`: the history (回访核实, 整改反馈, 群众评价, 办结, 撤销) with who, when, text, data.
 * - `rating_appeals`: one per rating (`rating_id` unique): the director's request with its reason and evidence, the
 *   supervisor's decision with its reason. An upheld one writes `ratings.excluded_*` in the same transaction.
 *
 * And the two supervision rules about work orders (src/domain/supervision/rules.ts), as shipped with this migration:
 * JC-12 差评回访核实超时 and JC-13 差评整改超时 (rows of `supervision_rules`, switched and tuned on its page).
 */
const SHIPPED_RULES = [
  ['rating-visit-late', 'JC-12', '差评回访核实超时', '群众作出差评（不满意、非常不满意）后，责任中心未在时限内（默认 1 个工作日，到期日下班时）回访核实，或回访晚于时限。', 'warning'],
  ['rating-fix-late', 'JC-13', '差评整改超时', '差评整改工单未在时限内（默认 15 个工作日，到期日下班时）完成整改并告知评价人，或整改晚于时限。', 'violation'],
] as const;
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating_work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_no', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('ratings.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    // visit_pending | rectifying | awaiting_feedback | closed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('visit_due_at', 'text', (c) => c.notNull())
    .addColumn('fix_due_at', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text')
    .addColumn('rectified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('finding', 'text')
    .addColumn('outcome', 'text')
    .addColumn('fix_level', 'text')
    .addColumn('due_at', 'text')
    .addColumn('yellow_at', 'text')
    .addColumn('warned', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_work_orders_no_uq').on('rating_work_orders').columns(['org_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('rating_work_orders_org_idx').on('rating_work_orders').columns(['org_id', 'status', 'opened_at']).execute();
  await db.schema.createIndex('rating_work_orders_due_idx').on('rating_work_orders').columns(['status', 'yellow_at']).execute();

  // the last number given per center and year: taken by one upsert, so two 差评 at the same moment never share one
  await db.schema
    .createTable('rating_work_order_sequences')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_work_order_sequences_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('rating_work_order_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('rating_work_orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_work_order_steps_uq').on('rating_work_order_steps').columns(['work_order_id', 'seq']).unique().execute();

  await db.schema
    .createTable('rating_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('ratings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    // wrong_target | beyond_powers | malicious | mistaken | other
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    // pending | upheld | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_appeals_org_idx').on('rating_appeals').columns(['org_id', 'status']).execute();

  const now = new Date().toISOString();
  for (const [code, number, name, description, severity] of SHIPPED_RULES) {
    await sql`insert into supervision_rules (code, number, name, description, severity, parameters, enabled, version, updated_at, updated_by)
              values (${code}, ${number}, ${name}, ${description}, ${severity}, ${JSON.stringify({ graceMinutes: 0 })}, 1, 1, ${now}, null)
              on conflict (code) do nothing`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from supervision_rules where code in ('rating-visit-late', 'rating-fix-late')`.execute(db);
  await db.schema.dropTable('rating_appeals').execute();
  await db.schema.dropTable('rating_work_order_steps').execute();
  await db.schema.dropTable('rating_work_order_sequences').execute();
  await db.schema.dropTable('rating_work_orders').execute();
}
