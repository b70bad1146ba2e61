import type { Kysely } from 'kysely';

/**
 * 预约 (issue 12 §3).
 *
 * `appointment_plans`: per hall service (hall_services, 0032) the plan of its day: time ranges with a capacity each
 * (JSON [{ start: 'HH:mm', end: 'HH:mm', capacity }]); versioned; the director edits it.
 *
 * `appointment_slot_counts`: per service, day and range start, how many places are taken. A booking raises it with
 * one conditional UPDATE (`booked < capacity`), so two bookings for the last place cannot both pass, on SQLite and
 * on PostgreSQL (the row lock makes the second re-check); a cancellation lowers it.
 *
 * `appointments`: one booking. `status` booked | checked_in | cancelled | no_show; `via` public | window | agent,
 * with who booked (`applicant_id` or `booked_by`). `active_key` (phone|service|day) is set while the booking counts
 * (not after a cancellation): unique, so one phone has one booking per service and day. `code`: the 6-digit check-in
 * code, unique per center and day. `reminded_at`: the day-before SMS was queued (once). `ticket_id`: the number the
 * check-in issued. `idempotency_key` unique per booker (`idem_owner`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_plans')
    .addColumn('service_id', 'text', (c) => c.primaryKey().references('hall_services.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('ranges', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointment_slot_counts')
    .addColumn('service_id', 'text', (c) => c.notNull().references('hall_services.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_slot_counts_pk', ['service_id', 'day', 'start'])
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('hall_services.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.references('applicants.id'))
    .addColumn('booked_by', 'text', (c) => c.references('users.id'))
    .addColumn('active_key', 'text')
    .addColumn('note', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('no_show_at', 'text')
    .addColumn('idem_owner', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_active_uq').on('appointments').columns(['active_key']).unique().execute();
  await db.schema.createIndex('appointments_code_uq').on('appointments').columns(['org_id', 'day', 'code']).unique().execute();
  await db.schema.createIndex('appointments_key_uq').on('appointments').columns(['idem_owner', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('appointments_day_idx').on('appointments').columns(['org_id', 'day', 'status']).execute();
  await db.schema.createIndex('appointments_applicant_idx').on('appointments').columns(['applicant_id', 'day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('appointments').execute();
  await db.schema.dropTable('appointment_slot_counts').execute();
  await db.schema.dropTable('appointment_plans').execute();
}
