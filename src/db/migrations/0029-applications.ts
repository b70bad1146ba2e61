import { sql, type Kysely } from 'kysely';

/**
 * Online applications and evidence reuse (issue 11 §2; src/domain/applications).
 *
 * `applications`: one per request an applicant signed in to the public hall made for an item at a center.
 * `application_no` WS + the center's local date + the day's sequence (unique over all centers); the applicant's
 * name, kind, number (ID number or 统一社会信用代码), phone and address as given with it (the account may change
 * later); `status` and `pre_review_due_at`, the window's pre-review clock (its light is read from it); `noticed` (JSON) every material
 * a one-time notice named; `case_id` the case an acceptance opened. `idempotency_key`: one application however often
 * the same submit is sent (unique per applicant).
 *
 * `application_steps`: the timeline (the domain's history), one row per step in order (`seq` unique per application).
 * `application_files`: each uploaded material's file (bytes in the file store under `file_hash`, counted in `files`),
 * with the step that brought it; a later upload of the same material is newer, never an overwrite.
 *
 * `evidence`: materials kept for an applicant with their trust level (A–D), validity and where they came from; matched
 * to a later application's guide by `material_key` (src/domain/applications/evidence.ts materialKey).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_no', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('window_id', 'text')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_number', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('applicant_address', 'text')
    .addColumn('description', 'text')
    // pre_review | supplement_requested | accepted | returned | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('pre_review_due_at', 'text')
    .addColumn('noticed', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applications_no_uq').on('applications').column('application_no').unique().execute();
  await db.schema.createIndex('applications_day_seq_uq').on('applications').columns(['day', 'seq']).unique().execute();
  await db.schema.createIndex('applications_key_uq').on('applications').columns(['applicant_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('applications_org_idx').on('applications').columns(['org_id', 'status', 'pre_review_due_at']).execute();
  await db.schema.createIndex('applications_applicant_idx').on('applications').columns(['applicant_id', 'created_at']).execute();
  await db.schema.createIndex('applications_case_idx').on('applications').column('case_id').where(sql.ref('case_id'), 'is not', null).execute();

  await db.schema
    .createTable('application_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_steps_uq').on('application_steps').columns(['application_id', 'seq']).unique().execute();

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('step_seq', 'integer', (c) => c.notNull())
    .addColumn('material_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull().references('files.hash'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_files_app_idx').on('application_files').columns(['application_id', 'material_name']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('material_name', 'text', (c) => c.notNull())
    .addColumn('material_key', 'text', (c) => c.notNull())
    // A | B | C | D
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.references('users.id'))
    .addColumn('file_hash', 'text', (c) => c.references('files.hash'))
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_applicant_idx').on('evidence').columns(['applicant_id', 'material_key']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['evidence', 'application_files', 'application_steps', 'applications']) await db.schema.dropTable(table).execute();
}
