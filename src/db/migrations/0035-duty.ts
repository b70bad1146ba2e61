import type { Kysely } from 'kysely';

/**
 * 领导带班值班表 (issue 12 §5): a center's roster of leaders on duty for one month (`month` 'YYYY-MM', one per center
 * and month), draft → published (`status`), versioned (optimistic); `duty_roster_days` holds one leader per working
 * day; `duty_roster_changes` records publishing and every change made to a published roster, with its reason.
 * `duty_receptions`: 领导接待 — a visitor received by the leader on duty, optionally linked to a petition.
 * `village_office_days`: a village's fixed weekly office day(s) (`weekdays` JSON array of ISO weekdays 1..7).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('duty_rosters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    // draft | published
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_rosters_org_month_uq').on('duty_rosters').columns(['org_id', 'month']).unique().execute();

  await db.schema
    .createTable('duty_roster_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('duty_rosters.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('duty_roster_days_uq').on('duty_roster_days').columns(['roster_id', 'day']).unique().execute();

  await db.schema
    .createTable('duty_roster_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('duty_rosters.id'))
    // publish | change
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('day', 'text')
    .addColumn('from_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_roster_changes_roster_idx').on('duty_roster_changes').columns(['roster_id', 'at']).execute();

  await db.schema
    .createTable('duty_receptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('leader_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visitor_phone', 'text')
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('petition_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_receptions_org_day_idx').on('duty_receptions').columns(['org_id', 'day']).execute();
  await db.schema.createIndex('duty_receptions_key_uq').on('duty_receptions').columns(['created_by', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('village_office_days')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('village_office_days').execute();
  await db.schema.dropTable('duty_receptions').execute();
  await db.schema.dropTable('duty_roster_changes').execute();
  await db.schema.dropTable('duty_roster_days').execute();
  await db.schema.dropTable('duty_rosters').execute();
}
