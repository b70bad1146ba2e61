import { sql, type Kysely } from 'kysely';
import { SHIPPED_RULES } from '../../domain/assessment/rules.js';

/**
 * 百分制考核 (issue 13 §2). `assessment_rules`: the rule set as data (code, category, points per occurrence, the most
 * a person or window loses under it in a month, its source: auto | manual | bonus), seeded with the county rule set
 * of REFERENCES.md. `assessment_months`: one per center and month, open → closed (versioned). `assessment_items`: one
 * deduction or bonus on a window or a person; an automatic one carries `source_key` (rule + source record + subject
 * kind, unique: recomputing never duplicates); `status` active | withdrawn (its source no longer qualifies) |
 * cancelled (an upheld appeal, kept on record). `assessment_appeals`: one per item. `assessment_chiefs`: the chief
 * representative (首席代表) of a window. `assessment_results`: the scores frozen when a month is closed (part C reads
 * them through src/modules/assessment/results.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('max_points', 'integer')
    .addColumn('cap', 'integer')
    // auto | manual | bonus
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // the county rule set as shipped with this migration (src/domain/assessment/rules.ts)
  const now = new Date().toISOString();
  let sort = 0;
  for (const r of SHIPPED_RULES) {
    sort += 10;
    await sql`insert into assessment_rules (code, name, category, points, max_points, cap, source, description, enabled, sort, updated_by, updated_at, version)
              values (${r.code}, ${r.name}, ${r.category}, ${r.points}, ${r.maxPoints}, ${r.cap}, ${r.source}, ${r.description}, 1, ${sort}, null, ${now}, 1)`.execute(db);
  }

  await db.schema
    .createTable('assessment_months')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    // open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_months_org_month_uq').on('assessment_months').columns(['org_id', 'month']).unique().execute();

  await db.schema
    .createTable('assessment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    // window | person
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('rule_code', 'text', (c) => c.notNull().references('assessment_rules.code'))
    // positive: points lost (a deduction) or gained (a bonus rule)
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('case_no', 'text')
    .addColumn('source_key', 'text')
    .addColumn('evidence_hash', 'text')
    .addColumn('evidence_name', 'text')
    // auto | manual
    .addColumn('origin', 'text', (c) => c.notNull())
    // active | withdrawn | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_items_org_month_idx').on('assessment_items').columns(['org_id', 'month']).execute();
  await db.schema.createIndex('assessment_items_source_uq').on('assessment_items').columns(['source_key', 'subject_kind']).unique().execute();
  await db.schema.createIndex('assessment_items_key_uq').on('assessment_items').columns(['created_by', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('assessment_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('assessment_items.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending | upheld | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_appeals_item_uq').on('assessment_appeals').columns(['item_id']).unique().execute();
  await db.schema.createIndex('assessment_appeals_org_month_idx').on('assessment_appeals').columns(['org_id', 'month']).execute();

  await db.schema
    .createTable('assessment_chiefs')
    .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('deducted', 'real', (c) => c.notNull())
    .addColumn('bonus', 'real', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_results_uq').on('assessment_results').columns(['org_id', 'month', 'subject_kind', 'subject_id']).unique().execute();
  await db.schema.createIndex('assessment_results_month_idx').on('assessment_results').columns(['month', 'org_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['assessment_results', 'assessment_chiefs', 'assessment_appeals', 'assessment_items', 'assessment_months', 'assessment_rules']) await db.schema.dropTable(t).execute();
}
