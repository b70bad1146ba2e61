/**
 * The case numbers of the monthly supervision report (issue 9 §4, src/modules/supervision/report.ts): per receiving
 * center, one grouped count in SQL over the cases' own dates. Received and completed use exactly the ledger's
 * from/to and completedFrom/completedTo conditions, so the report's numbers open ledgers of the same totals.
 */
import { sql } from 'kysely';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { lateWithin } from './repo.js';

export interface MonthCaseNumbers {
  received: number;
  completed: number;
  /** completed within the month, by its due date (or without one) */
  completedOnTime: number;
  /** completed within the month after its due date, or still open past its due date at the month's end */
  overdue: number;
}

export const emptyMonthCaseNumbers = (): MonthCaseNumbers => ({ received: 0, completed: 0, completedOnTime: 0, overdue: 0 });

/**
 * `from`/`to`: the month's bounds as instants [from, to); `now` caps the month's end for a month not over yet (a case
 * is not overdue before its due instant has passed). A case still open at the month's end is one not completed by
 * then: open now, or completed later.
 */
export async function monthCaseNumbersByCenter(db: Db, orgIds: readonly string[], from: string, to: string, now: string): Promise<Map<string, MonthCaseNumbers>> {
  const out = new Map<string, MonthCaseNumbers>();
  if (orgIds.length === 0) return out;
  const end = now < to ? now : to;
  const inMonth = (column: 'created_at' | 'completed_at') => sql<boolean>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
  const rows = await db
    .selectFrom('cases')
    .where('receiving_org_id', 'in', [...orgIds])
    .where((eb) => eb.or([eb.and([eb('created_at', '>=', from), eb('created_at', '<', to)]), eb('completed_at', '>=', from), eb('completed_at', 'is', null)]))
    .select([
      'receiving_org_id',
      sql<number | string>`sum(case when ${inMonth('created_at')} then 1 else 0 end)`.as('received'),
      sql<number | string>`sum(case when ${inMonth('completed_at')} then 1 else 0 end)`.as('completed'),
      sql<number | string>`sum(case when ${inMonth('completed_at')} and (due_at is null or completed_at <= due_at) then 1 else 0 end)`.as('on_time'),
      sql<number | string>`sum(case when ${lateWithin({ from, to, end })} then 1 else 0 end)`.as('overdue'),
    ])
    .groupBy('receiving_org_id')
    .execute();
  for (const r of rows) {
    out.set(r.receiving_org_id, { received: toCount(r.received), completed: toCount(r.completed), completedOnTime: toCount(r.on_time), overdue: toCount(r.overdue) });
  }
  return out;
}
