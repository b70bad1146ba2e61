/** 督办单's tables (migration 0020): the cards, their history and their prints. Only this module names them. */
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB, SupervisionCardPrintsTable, SupervisionCardStepsTable, SupervisionCardsTable } from '../../db/schema.js';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type CardRow = SupervisionCardsTable;
export type CardStepRow = SupervisionCardStepsTable;

export const findCard = (db: Db, id: string) => db.selectFrom('supervision_cards').selectAll().where('id', '=', id).executeTakeFirst();

export const findCardByKey = (db: Db, issuedBy: string, key: string) =>
  db.selectFrom('supervision_cards').select(['id', 'idempotency_fingerprint']).where('issued_by', '=', issuedBy).where('idempotency_key', '=', key).executeTakeFirst();

/** The issuing body's next number of the year (the unique index refuses a number taken at the same moment). */
export async function nextCardSeq(db: Db, issuerOrgId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('supervision_cards')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('issuer_org_id', '=', issuerOrgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return toCount(row?.last ?? 0) + 1;
}

export const insertCard = (db: Db, row: CardRow) => db.insertInto('supervision_cards').values(row).execute();

/** The card changes only if nobody changed it since `expectedVersion`; false: someone did (409). */
export async function updateCard(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<CardRow, 'level' | 'reply_by' | 'status' | 'replied_at' | 'replied_by' | 'closed_at' | 'closed_by' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('supervision_cards')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertStep = (db: Db, row: CardStepRow) => db.insertInto('supervision_card_steps').values(row).execute();

export const cardSteps = (db: Db, cardId: string) =>
  db.selectFrom('supervision_card_steps').selectAll().where('card_id', '=', cardId).orderBy('seq').execute();

/** The latest answer of each card (for lists): card id → step. */
export async function latestReplies(db: Db, cardIds: readonly string[]): Promise<Map<string, CardStepRow>> {
  if (cardIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('supervision_card_steps')
    .selectAll()
    .where('card_id', 'in', [...cardIds])
    .where('action', '=', 'reply')
    .orderBy('card_id')
    .orderBy('seq')
    .execute();
  return new Map(rows.map((r) => [r.card_id, r])); // later seqs overwrite earlier ones
}

export interface CardFilter {
  /** cards to these organisations (the viewer's tree, or their own center) */
  orgIds: readonly string[];
  orgId?: string | undefined;
  status?: string | undefined;
  level?: string | undefined;
  caseId?: string | undefined;
  violationId?: string | undefined;
  /** awaiting an answer (issued, or returned for a better one) */
  awaiting?: boolean | undefined;
  /** awaiting an answer past this local date (late) */
  lateBefore?: string | undefined;
}

/** The statuses of a card waiting for an answer (domain awaitsReply): what "open" and "late" count. */
const AWAITING = ['issued', 'returned'];

function filtered(db: Db, f: CardFilter) {
  let q = db.selectFrom('supervision_cards').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.violationId) q = q.where('violation_id', '=', f.violationId);
  if (f.awaiting) q = q.where('status', 'in', AWAITING);
  if (f.lateBefore) q = q.where('status', 'in', AWAITING).where('reply_by', '<', f.lateBefore);
  return q;
}

export const listCards = (db: Db, f: CardFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('issued_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();

/** Of the cards the filter matches: all, those awaiting an answer, and those of them past `today`. */
export async function countCards(db: Db, f: CardFilter, today: string) {
  const row = await filtered(db, f).select(countColumns(today)).executeTakeFirst();
  return { total: toCount(row?.total), open: toCount(row?.open as number | null), late: toCount(row?.late as number | null) };
}

/** The same three counts per center the cards are to (the dashboards' tree): org id → counts. */
export async function countCardsByOrg(db: Db, f: CardFilter, today: string) {
  const rows = await filtered(db, f)
    .select((eb) => [...countColumns(today)(eb), 'org_id'] as const)
    .groupBy('org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, { total: toCount(r.total), open: toCount(r.open as number | null), late: toCount(r.late as number | null) }]));
}

const countColumns =
  (today: string) =>
  (eb: ExpressionBuilder<DB, 'supervision_cards'>) =>
    [
      eb.fn.countAll().as('total'),
      eb.fn.sum(eb.case().when('status', 'in', AWAITING).then(1).else(0).end()).as('open'),
      eb.fn.sum(eb.case().when(eb.and([eb('status', 'in', AWAITING), eb('reply_by', '<', today)])).then(1).else(0).end()).as('late'),
    ] as const;

export const insertCardPrint = (db: Db, row: SupervisionCardPrintsTable) => db.insertInto('supervision_card_prints').values(row).execute();

export const cardPrints = (db: Db, cardId: string) =>
  db.selectFrom('supervision_card_prints').select(['id', 'card_id', 'printed_by', 'printed_at']).where('card_id', '=', cardId).orderBy('printed_at', 'desc').orderBy('id').execute();
