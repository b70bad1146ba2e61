import { type Kysely } from 'kysely';
import { SEED_CHECKLISTS, CHECKLIST_LEVELS } from '../../domain/standards/checklist.js';

/**
 * 标准化建设 (issue 13 §4): checklists as data and the yearly rounds of self-assessment, inspection and rectification.
 *
 * - `standard_checklists`: one row per version of a level's checklist (`level` village | township), `items` JSON
 *   (code, group, title, requirement, points, kind check|number|sign, min, unit), points totalling 100. The newest
 *   version of a level is the one new rounds use; a round keeps the version it started with. Version 1 of each is
 *   loaded here (the seeds' 五有 and the township center's list).
 * - `standard_rounds`: one per center and year (`status` draft | submitted | rectifying | closed), the totals of the
 *   self-assessment and of the inspection, who submitted and who inspected; `version` for optimistic writes.
 * - `standard_answers`: per round and item, the center's answer (met / value / text, note) with its score, and the
 *   county's score, measured value and note.
 * - `standard_gaps`: 整改项 — an item scored below its points at the inspection: what is missing, the deadline
 *   (`due_date`), the rectification recorded (note, day) and the county's confirmation or sending back.
 * - `standard_photos`: photos of an item (`slot` 'self') or of a gap's rectification (`slot` = the gap's id), the
 *   bytes in the file store under `hash` (counted in `files`).
 * - `standard_events`: the round's timeline, numbered 1, 2, … per round (`seq`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('standard_checklists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_checklists_level_version_uq').on('standard_checklists').columns(['level', 'version']).unique().execute();

  await db.schema
    .createTable('standard_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('checklist_id', 'text', (c) => c.notNull().references('standard_checklists.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('self_total', 'real', (c) => c.notNull())
    .addColumn('inspected_total', 'real')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('inspected_at', 'text')
    .addColumn('inspected_on', 'text')
    .addColumn('inspected_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_rounds_org_year_uq').on('standard_rounds').columns(['org_id', 'year']).unique().execute();

  await db.schema
    .createTable('standard_answers')
    .addColumn('round_id', 'text', (c) => c.notNull().references('standard_rounds.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('met', 'integer')
    .addColumn('value', 'real')
    .addColumn('text', 'text')
    .addColumn('note', 'text')
    .addColumn('self_score', 'real')
    .addColumn('inspected_score', 'real')
    .addColumn('inspected_value', 'real')
    .addColumn('inspect_note', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_answers_pk', ['round_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('standard_gaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('standard_rounds.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('lost', 'real', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rectification', 'text')
    .addColumn('rectified_at', 'text')
    .addColumn('rectified_on', 'text')
    .addColumn('rectified_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reopen_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_gaps_round_idx').on('standard_gaps').columns(['round_id']).execute();
  await db.schema.createIndex('standard_gaps_round_item_uq').on('standard_gaps').columns(['round_id', 'item_code']).unique().execute();

  await db.schema
    .createTable('standard_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('standard_rounds.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_photos_slot_hash_uq').on('standard_photos').columns(['round_id', 'item_code', 'slot', 'hash']).unique().execute();

  await db.schema
    .createTable('standard_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('standard_rounds.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('gap_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('standard_events_round_seq_uq').on('standard_events').columns(['round_id', 'seq']).unique().execute();

  const at = new Date().toISOString();
  for (const level of CHECKLIST_LEVELS) {
    const seed = SEED_CHECKLISTS[level];
    await (db as Kysely<{ standard_checklists: Record<string, unknown> }>)
      .insertInto('standard_checklists')
      .values({ id: `seed-${level}-1`, level, version: 1, title: seed.title, items: JSON.stringify(seed.items), reason: '初始检查表', created_by: null, created_at: at })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['standard_events', 'standard_photos', 'standard_gaps', 'standard_answers', 'standard_rounds', 'standard_checklists']) {
    await db.schema.dropTable(table).execute();
  }
}
