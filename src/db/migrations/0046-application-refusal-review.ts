import type { Kysely } from 'kysely';

/**
 * 否定报备 of online applications (DOMAIN.md rule 2): an application returned at pre-review is a refusal like a returned
 * case, so the director reviews it (同意 / 有异议 with a comment) and the window answers an objection. The register
 * lives on the application itself (the applications module owns the table): the opinion, when and by whom, the
 * comment, and the window's answer. The director's list reads org_id + status + refusal_reviewed_at, which the
 * index on (org_id, status, …) of 0029 already narrows to the center's returned applications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'refusal_review',
    'refusal_reviewed_at',
    'refusal_reviewed_by',
    'refusal_comment',
    'refusal_answer',
    'refusal_answered_at',
    'refusal_answered_by',
  ]) {
    await db.schema.alterTable('applications').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'refusal_answered_by',
    'refusal_answered_at',
    'refusal_answer',
    'refusal_comment',
    'refusal_reviewed_by',
    'refusal_reviewed_at',
    'refusal_review',
  ]) {
    await db.schema.alterTable('applications').dropColumn(column).execute();
  }
}
