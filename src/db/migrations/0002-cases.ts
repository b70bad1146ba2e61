import type { Kysely } from 'kysely';

/**
 * Cases (办件). The whole domain state of a case is one JSON document (the CaseState of src/domain/cases/model.ts)
 * in `case_states`; `cases` holds narrow projections of it, written in the same transaction, so the ledger filters,
 * sorts and scans in SQL quickly on both databases (a year of a county is hundreds of thousands of cases).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('six_kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('receiving_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('holder_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('transit_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('first_responder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('applicant_address', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('legal_due_at', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('result_no', 'text')
    .addColumn('extension_pending', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The ledger: a center's cases (its subtree's receiving orgs), optionally by status, newest first.
  await db.schema.createIndex('cases_receiving_idx').on('cases').columns(['receiving_org_id', 'created_at']).execute();
  await db.schema.createIndex('cases_receiving_status_idx').on('cases').columns(['receiving_org_id', 'status', 'created_at']).execute();
  // Inboxes (what a center holds or is about to receive) and the deadline sweep.
  await db.schema.createIndex('cases_holder_idx').on('cases').columns(['holder_org_id', 'status']).execute();
  await db.schema.createIndex('cases_transit_idx').on('cases').column('transit_org_id').execute();
  await db.schema.createIndex('cases_due_idx').on('cases').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('case_states')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('data', 'text')
    .addUniqueConstraint('case_events_seq_uq', ['case_id', 'seq'])
    .execute();

  // The same Idempotency-Key from the same person returns the case the first request made.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  // Case numbers: center code + date + a per-center, per-day sequence.
  await db.schema
    .createTable('case_sequences')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_sequences_pk', ['org_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_sequences', 'idempotency_keys', 'case_events', 'case_states', 'cases']) {
    await db.schema.dropTable(table).execute();
  }
}
