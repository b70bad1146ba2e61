/**
 * What a 督办单 can be about, as issuing and printing need it: a violation of this module (its rule, case and facts)
 * and a case (through the cases module's functions).
 */
import type { Kysely } from 'kysely';
import { fromJson } from '../../db/portable.js';
import type { FactLine } from '../../domain/supervision/evaluate.js';
import type { Db } from '../../server/context.js';

/** The columns of a violation a card reads (violations: migration 0018, the supervision rules' table). */
interface ViolationColumns {
  id: string;
  rule_code: string;
  case_id: string;
  case_no: string;
  org_id: string;
  fired_at: string;
  occurred_at: string;
  /** JSON: FactLine[], the facts in Chinese (record.ts recordFirings) */
  fact_lines: string;
}

export async function findViolationForCard(db: Db, id: string) {
  // typed here by the columns read, so the card code does not depend on how the rules' code types its rows
  const row = await (db as unknown as Kysely<{ violations: ViolationColumns }>)
    .selectFrom('violations')
    .select(['id', 'rule_code', 'case_id', 'case_no', 'org_id', 'fired_at', 'occurred_at', 'fact_lines'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, facts: fromJson<FactLine[]>(row.fact_lines, []).map((f) => `${f.label}：${f.value}`) } : undefined;
}
