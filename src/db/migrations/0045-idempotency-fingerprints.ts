import type { Kysely } from 'kysely';

/**
 * The request an Idempotency-Key was used for (src/db/idempotency.ts): a SHA-256 fingerprint of the route and the
 * validated body, stored beside the key, so that the key sent again with other content (the next applicant typed
 * into a form that kept its key) is refused instead of being answered with the first record. Nullable: rows stored
 * before this migration have none and are answered as replays, as they were.
 *
 * idempotency_keys (case intake and case actions) calls it `fingerprint`; the tables that keep their key on the
 * record itself call it `idempotency_fingerprint`, beside `idempotency_key`.
 */
const FINGERPRINTED = [
  'consultations',
  'item_faqs',
  'hall_tickets',
  'ratings',
  'complaints',
  'applications',
  'notices',
  'appointments',
  'supervision_cards',
  'assessment_items',
  'leave_requests',
  'duty_receptions',
  'petitions',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('fingerprint', 'text').execute();
  for (const table of FINGERPRINTED) await db.schema.alterTable(table).addColumn('idempotency_fingerprint', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...FINGERPRINTED].reverse()) await db.schema.alterTable(table).dropColumn('idempotency_fingerprint').execute();
  await db.schema.alterTable('idempotency_keys').dropColumn('fingerprint').execute();
}
