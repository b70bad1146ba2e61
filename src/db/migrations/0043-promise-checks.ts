import type { Kysely } from 'kysely';

/**
 * 告知承诺的事后核查 (issue 11 §2, DOMAIN.md "Public hall"): a material promised (level D) with an application the
 * window accepted is checked afterwards by a deadline. On the promise's evidence row: `promise_due` (the last day of
 * the check, YYYY-MM-DD, set at acceptance), `promise_result` (kept | false), `promise_note`, `promise_checked_at`,
 * `promise_checked_by`. Promises accepted before this migration have no deadline and are checked like any other. A
 * case's promises are found through evidence_case_idx (0041).
 */
const COLUMNS = ['promise_due', 'promise_result', 'promise_note', 'promise_checked_at', 'promise_checked_by'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema
      .alterTable('evidence')
      .addColumn(column, 'text', (c) => (column === 'promise_checked_by' ? c.references('users.id') : c))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...COLUMNS].reverse()) await db.schema.alterTable('evidence').dropColumn(column).execute();
}
