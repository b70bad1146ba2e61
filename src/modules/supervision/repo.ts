/** The supervision module's own tables (migration 0018): rules, their changes, violations, the sweep's mark. */
import { sql, type Insertable } from 'kysely';
import type { SupervisionRuleChangesTable, ViolationsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';

export const listRuleRows = (db: Db) => db.selectFrom('supervision_rules').selectAll().orderBy('number').execute();

export const findRuleRow = (db: Db, code: string) => db.selectFrom('supervision_rules').selectAll().where('code', '=', code).executeTakeFirst();

/** Changes the switch and parameters under the version read; false when someone changed the rule first. */
export async function updateRuleRow(
  db: Db,
  code: string,
  expectedVersion: number,
  patch: { enabled: number; parameters: string; updated_at: string; updated_by: string },
): Promise<boolean> {
  const res = await db
    .updateTable('supervision_rules')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('code', '=', code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const insertRuleChange = (db: Db, row: SupervisionRuleChangesTable) => db.insertInto('supervision_rule_changes').values(row).execute();

export const ruleChanges = (db: Db, code: string) =>
  db.selectFrom('supervision_rule_changes').selectAll().where('rule_code', '=', code).orderBy('at', 'desc').orderBy('version', 'desc').execute();

/** Records a firing unless its occurrence is recorded already; true when this call recorded it. */
export async function insertViolation(db: Db, row: Insertable<ViolationsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('violations')
    .values(row)
    .onConflict((oc) => oc.column('occurrence_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

export interface ViolationFilter {
  orgIds: readonly string[];
  orgId?: string;
  ruleCode?: string;
  status?: string;
  /** any of these statuses */
  statuses?: readonly string[];
  caseId?: string;
  /** recorded in [from, to) (instants): a month of the report */
  firedFrom?: string;
  firedTo?: string;
}

function filtered(db: Db, f: ViolationFilter) {
  let q = db.selectFrom('violations').where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.ruleCode) q = q.where('rule_code', '=', f.ruleCode);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.statuses) q = q.where('status', 'in', [...f.statuses]);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.firedFrom) q = q.where('fired_at', '>=', f.firedFrom);
  if (f.firedTo) q = q.where('fired_at', '<', f.firedTo);
  return q;
}

export const listViolationRows = (db: Db, f: ViolationFilter, page: { offset: number; limit: number }) =>
  filtered(db, f).selectAll().orderBy('fired_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();

export async function countViolationRows(db: Db, f: ViolationFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const findViolationRow = (db: Db, id: string) => db.selectFrom('violations').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateViolationRow(db: Db, id: string, expectedVersion: number, patch: Partial<ViolationsTable>): Promise<boolean> {
  const res = await db
    .updateTable('violations')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Violations not decided yet (open, explained) per center and rule: one grouped count by violations_org_status_idx. */
export async function undecidedByCenterAndRule(db: Db, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('violations')
    .select((eb) => ['org_id', 'rule_code', eb.fn.countAll<number | string>().as('n')] as const)
    .where('org_id', 'in', [...orgIds])
    .where('status', 'in', ['open', 'explained'])
    .groupBy(['org_id', 'rule_code'])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, ruleCode: r.rule_code, count: Number(r.n) }));
}

export const sweptTo = async (db: Db, name: string) =>
  (await db.selectFrom('supervision_sweep_state').select('swept_to').where('name', '=', name).executeTakeFirst())?.swept_to ?? null;

export async function setSweptTo(db: Db, name: string, at: string): Promise<void> {
  await db
    .insertInto('supervision_sweep_state')
    .values({ name, swept_to: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ swept_to: at }))
    .execute();
}
