import type { Kysely } from 'kysely';

/**
 * Every printed paper of a case (DOMAIN.md "Printed notices"): which paper, the center that issued it (rule 10),
 * who printed it and when, and a snapshot of everything printed on it, so the archive can reproduce the sheet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('print_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('issuer_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('printed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('printed_at', 'text', (c) => c.notNull())
    // JSON: the paper's facts as printed (case, issuer, hand-over center, settings), see src/modules/prints
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('print_records_case_idx').on('print_records').columns(['case_id', 'printed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('print_records').execute();
}
