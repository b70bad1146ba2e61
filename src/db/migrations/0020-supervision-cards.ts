import type { Kysely } from 'kysely';

/**
 * 督办单 (issue 9 §3, src/domain/supervision/cards.ts) with the fields of GB/T 39046 表11: 督办内容 (content),
 * 被督办机构 (org_id), 督办发出时间 (issued_at), 办件编号 (case_id), 监察编号 (violation_id); the readable number
 * 督〔2026〕12号 is the issuing body's sequence of the year (unique). `idempotency_key`: one card however often the
 * same issue request is sent (unique per issuing person; NULLs never collide).
 *
 * `supervision_card_steps` keeps the whole history (issue, reply, return, raise, close: who, when, what, the level
 * and reply date after it); `supervision_card_prints` every printed card with what it said, for the archive.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_no', 'text', (c) => c.notNull())
    .addColumn('issuer_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    // blue | orange | red
    .addColumn('level', 'text', (c) => c.notNull())
    // case | violation | center
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    // 办件编号 as it was when the card was issued (a case number never changes): lists need no join
    .addColumn('case_no', 'text')
    // a violation of the supervision rules (their table is the supervision rules' own, migration 0018)
    .addColumn('violation_id', 'text')
    // its rule's code (监察规则编号 via src/domain/supervision/rules.ts)
    .addColumn('rule_code', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // a local date YYYY-MM-DD of the center: answered by the end of that day
    .addColumn('reply_by', 'text', (c) => c.notNull())
    // issued | returned | replied | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('idempotency_key', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_cards_no_uq').on('supervision_cards').columns(['issuer_org_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('supervision_cards_key_uq').on('supervision_cards').columns(['issued_by', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('supervision_cards_org_idx').on('supervision_cards').columns(['org_id', 'status', 'issued_at']).execute();
  await db.schema.createIndex('supervision_cards_issuer_idx').on('supervision_cards').columns(['issuer_org_id', 'status', 'issued_at']).execute();
  await db.schema.createIndex('supervision_cards_case_idx').on('supervision_cards').column('case_id').execute();
  await db.schema.createIndex('supervision_cards_violation_idx').on('supervision_cards').column('violation_id').execute();

  await db.schema
    .createTable('supervision_card_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('supervision_cards.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // issue | reply | return | raise | close
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_card_steps_uq').on('supervision_card_steps').columns(['card_id', 'seq']).unique().execute();

  await db.schema
    .createTable('supervision_card_prints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('supervision_cards.id'))
    .addColumn('printed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('printed_at', 'text', (c) => c.notNull())
    // JSON: the card as printed
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_card_prints_card_idx').on('supervision_card_prints').columns(['card_id', 'printed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('supervision_card_prints').execute();
  await db.schema.dropTable('supervision_card_steps').execute();
  await db.schema.dropTable('supervision_cards').execute();
}
