import type { Kysely } from 'kysely';

/**
 * The indexes on cases are the ones the ledger's filters and orderings use (issue 8 §5); every other one is a write
 * each intake pays for nothing. Ledger pages are read one receiving center at a time, newest first
 * (cases/repo.ts listCases), so each index that serves a page ends in created_at:
 * - (receiving_org_id, created_at), 0002: the ledger with no status, dates, search, and every count without one;
 * - (receiving_org_id, status, created_at), 0002: the ledger by status and its count;
 * - (receiving_org_id, light, created_at), here: the ledger by light (red) in order, where (receiving_org_id,
 *   light) had every matching case read and sorted; also the grouped light counts;
 * - (holder_org_id, status), 0002: the work lists of what a center holds (held, mine, to-deliver …) and their
 *   counts; their open statuses are an IN list, which no index can also give in created_at order;
 * - transit_org_id (incoming) and light_changes_at (the light sweep) stay.
 * Dropped: (status, due_at) and (due_provisional, status), read only by the recount when a year's arrangement is
 * imported (once a year, rereading every open case anyway) — a scan of cases there, instead of two index writes
 * on every intake and every action.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_receiving_light_idx').execute();
  await db.schema.createIndex('cases_receiving_light_idx').on('cases').columns(['receiving_org_id', 'light', 'created_at']).execute();
  await db.schema.dropIndex('cases_due_idx').execute();
  await db.schema.dropIndex('cases_due_provisional_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_due_provisional_idx').on('cases').columns(['due_provisional', 'status']).execute();
  await db.schema.createIndex('cases_due_idx').on('cases').columns(['status', 'due_at']).execute();
  await db.schema.dropIndex('cases_receiving_light_idx').execute();
  await db.schema.createIndex('cases_receiving_light_idx').on('cases').columns(['receiving_org_id', 'light']).execute();
}
