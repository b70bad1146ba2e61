import { sql, type Kysely } from 'kysely';

/**
 * The supervision light stored with the case (DOMAIN.md rule 12), so every list filters and counts by light in
 * SQL: `light` and `light_changes_at`, the instant the light next changes by itself (null: it will not — red,
 * paused, closed). Every case write sets both in its transaction; the light sweep touches only the cases whose
 * `light_changes_at` has come. Also `completed_at` (API.md v1 additions) and `refusal_answered_at`, when the
 * window answered the director's objection (有异议) to a refusal, which closes that task of its work list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['light', 'light_changes_at', 'completed_at', 'refusal_answered_at']) {
    await db.schema.alterTable('cases').addColumn(column, 'text').execute();
  }
  // Lists by light of a center's open cases, and the sweep's "whose light is due to change".
  await db.schema.createIndex('cases_receiving_light_idx').on('cases').columns(['receiving_org_id', 'light']).execute();
  await db.schema.createIndex('cases_light_changes_idx').on('cases').column('light_changes_at').execute();

  // Cases written before this migration: completed_at from their completion event; every open case with a
  // deadline is due for the sweep at once, which the server runs when it starts.
  await sql`update cases set completed_at = (select max(e.at) from case_events e where e.case_id = cases.id and e.type = 'complete')
            where status in ('completed', 'delivered')`.execute(db);
  await sql`update cases set light_changes_at = '1970-01-01T00:00:00.000Z'
            where due_at is not null and status in ('submitted', 'awaiting_supplement', 'in_progress', 'paused')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_light_changes_idx').execute();
  await db.schema.dropIndex('cases_receiving_light_idx').execute();
  for (const column of ['refusal_answered_at', 'completed_at', 'light_changes_at', 'light']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
