import { sql, type Kysely } from 'kysely';
import { holderName, holderNumber, materialKey } from '../../domain/applications/evidence.js';

/**
 * Evidence belongs to the real-named person, not to an account (issue 11 §2, DOMAIN.md "Public hall"): a material
 * checked at a window on an ordinary case is kept for the person whose ID number (organizations: 统一社会信用代码)
 * the case names, and their later online application finds it, whichever account they register.
 *
 * `evidence` is rebuilt (SQLite cannot drop a NOT NULL) without `applicant_id`: the holder is `holder_kind`,
 * `holder_number` (normalised: src/domain/applications/evidence.ts holderNumber) and `holder_name` (evidence is shown
 * only when the name matches too). New: `item_code` (A: the item whose result it is), `result_no` (the result's
 * document number). Existing rows move to their account's number and name; a row of an account that has none (it
 * could not have applied) has no holder and is dropped. `material_key` is counted again (《》 no longer counts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_holders_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // person | organization
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_number', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
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
    .addColumn('item_code', 'text')
    .addColumn('result_no', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const old = await sql<{
    id: string;
    material_name: string;
    level: string;
    valid_until: string | null;
    checked_at: string;
    checked_by: string | null;
    file_hash: string | null;
    application_id: string | null;
    case_id: string | null;
    created_at: string;
    kind: string;
    name: string;
    id_number: string | null;
    credit_code: string | null;
  }>`select e.id, e.material_name, e.level, e.valid_until, e.checked_at, e.checked_by, e.file_hash, e.application_id, e.case_id, e.created_at,
            a.kind, a.name, a.id_number, a.credit_code
       from evidence e join applicants a on a.id = e.applicant_id`.execute(db);
  const rows = old.rows
    .filter((r) => (r.kind === 'organization' ? r.credit_code : r.id_number))
    .map((r) => ({
      id: r.id,
      holder_kind: r.kind,
      holder_number: holderNumber((r.kind === 'organization' ? r.credit_code : r.id_number)!),
      holder_name: holderName(r.name),
      material_name: r.material_name,
      material_key: materialKey(r.material_name),
      level: r.level,
      valid_until: r.valid_until,
      checked_at: r.checked_at,
      checked_by: r.checked_by,
      file_hash: r.file_hash,
      application_id: r.application_id,
      case_id: r.case_id,
      item_code: null,
      result_no: null,
      created_at: r.created_at,
    }));
  for (let i = 0; i < rows.length; i += 200) {
    await (db as Kysely<Record<string, Record<string, unknown>>>).insertInto('evidence_holders_new').values(rows.slice(i, i + 200)).execute();
  }
  await db.schema.dropTable('evidence').execute();
  await db.schema.alterTable('evidence_holders_new').renameTo('evidence').execute();
  await db.schema.createIndex('evidence_holder_idx').on('evidence').columns(['holder_number', 'holder_kind', 'material_key']).execute();
  await db.schema.createIndex('evidence_case_idx').on('evidence').column('case_id').where(sql.ref('case_id'), 'is not', null).execute();
  await db.schema.createIndex('evidence_application_idx').on('evidence').column('application_id').where(sql.ref('application_id'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // the account a window's evidence would belong to does not exist: going back keeps none of it
  await db.schema.dropTable('evidence').execute();
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('material_name', 'text', (c) => c.notNull())
    .addColumn('material_key', 'text', (c) => c.notNull())
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
