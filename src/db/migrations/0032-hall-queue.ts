import type { Kysely } from 'kysely';

/**
 * 大厅排队叫号 (issue 12 §1). `hall_services`: the services of a center's hall, each with its code letter (A, B …),
 * the windows that call it and the items it covers (JSON arrays), an order and `active`; versioned.
 * `hall_tickets`: one number taken at the kiosk, on a phone, at a window or by an appointment check-in. `day` is the
 * center's local date and `seq` restarts every day per service (A001 …, unique per service and day). `phone` is only
 * for the "N in line" SMS and never leaves the server on the display or the bus. `status`: waiting | called | serving
 * | finished | no_show | cancelled (src/domain/hall/ticket.ts). `priority`: none | elderly | disabled | green |
 * appointment; a green channel keeps who granted it and why. `position_sms_at`: the one "N in line" SMS was queued.
 * `public_token`: the secret of the phone's live-position page. `hall_ticket_events`: every transition, with who,
 * where and the reason (for the figures and the audit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hall_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('window_ids', 'text', (c) => c.notNull())
    .addColumn('item_codes', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_services_code_uq').on('hall_services').columns(['org_id', 'code']).unique().execute();

  await db.schema
    .createTable('hall_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('hall_services.id'))
    // the service it was issued for: `seq` is unique within it and the day, even after a transfer
    .addColumn('issued_service_id', 'text', (c) => c.notNull().references('hall_services.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    // kiosk | phone | window | appointment
    .addColumn('source', 'text', (c) => c.notNull())
    // none | elderly | disabled | green | appointment
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('green_reason', 'text')
    .addColumn('green_granted_by', 'text', (c) => c.references('users.id'))
    .addColumn('appointment_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('called_by', 'text', (c) => c.references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('recalls', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('public_token', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('position_sms_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_tickets_seq_uq').on('hall_tickets').columns(['issued_service_id', 'day', 'seq']).unique().execute();
  await db.schema.createIndex('hall_tickets_token_uq').on('hall_tickets').columns(['public_token']).unique().execute();
  await db.schema.createIndex('hall_tickets_key_uq').on('hall_tickets').columns(['org_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('hall_tickets_org_day_idx').on('hall_tickets').columns(['org_id', 'day', 'status']).execute();
  await db.schema.createIndex('hall_tickets_case_idx').on('hall_tickets').columns(['case_id']).execute();

  await db.schema
    .createTable('hall_ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('hall_tickets.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    // issue | call | call_specific | recall | no_show | start | finish | cancel | reactivate | transfer | green | link_case
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('window_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_ticket_events_ticket_idx').on('hall_ticket_events').columns(['ticket_id', 'at']).execute();
  await db.schema.createIndex('hall_ticket_events_org_idx').on('hall_ticket_events').columns(['org_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hall_ticket_events').execute();
  await db.schema.dropTable('hall_tickets').execute();
  await db.schema.dropTable('hall_services').execute();
}
