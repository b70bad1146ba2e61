import type { Kysely } from 'kysely';

/**
 * The village network (rule 9): the weekly batches a village sends to its township, and every hop of a case
 * between the levels (village → township, township → county, the result back to the villager) with who sent
 * and received it, when, the materials handed over, and the hop's own time limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('village_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_no', 'text', (c) => c.notNull().unique())
    .addColumn('village_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('township_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('sent_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', 'text')
    .addColumn('case_count', 'integer', (c) => c.notNull())
    // a double tap on “send” returns the batch the first tap made
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addUniqueConstraint('village_batches_idempotency_uq', ['sent_by', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('village_batches_village_idx').on('village_batches').columns(['village_org_id', 'sent_at']).execute();
  await db.schema.createIndex('village_batches_township_idx').on('village_batches').columns(['township_org_id', 'sent_at']).execute();

  await db.schema
    .createTable('case_hops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.references('village_batches.id'))
    .addColumn('materials', 'text', (c) => c.notNull())
    // when the hop started (the case was ready to go) and by when it must be done
    .addColumn('ready_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .addColumn('sent_at', 'text')
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', 'text')
    .execute();
  await db.schema.createIndex('case_hops_case_idx').on('case_hops').column('case_id').execute();
  await db.schema.createIndex('case_hops_from_idx').on('case_hops').columns(['from_org_id', 'received_at']).execute();
  await db.schema.createIndex('case_hops_to_idx').on('case_hops').columns(['to_org_id', 'received_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_hops').execute();
  await db.schema.dropTable('village_batches').execute();
}
