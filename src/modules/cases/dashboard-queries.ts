/**
 * The counts of the dashboards (issue 9 §4) that the ledger's own countCases cannot give in one query: many
 * centers or windows at once, grouped in SQL over the stored light and the rows' dates. Each count uses exactly
 * the conditions of one ledger filter (repo.ts filtered), so a number clicked opens a ledger of the same total;
 * tests/api/dashboard.test.ts compares them.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/context.js';
import { OPEN_STATUSES } from './repo.js';

export interface NumbersWindow {
  /** now: overdue is open and due before this */
  now: string;
  /** this month's bounds as instants, [from, to) */
  monthFrom: string;
  monthTo: string;
}

export interface CaseNumbers {
  green: number;
  yellow: number;
  red: number;
  overdue: number;
  completed: number;
  refusals: number;
}

export const emptyNumbers = (): CaseNumbers => ({ green: 0, yellow: 0, red: 0, overdue: 0, completed: 0, refusals: 0 });

type GroupColumn = 'receiving_org_id' | 'window_id';

/**
 * The numbers of each group (receiving center, or window) among the cases received in `orgIds`, optionally only
 * those at `windowIds`: four grouped counts, each on an indexed column or the scope's rows.
 */
async function numbersBy(db: Db, by: GroupColumn, orgIds: readonly string[], at: NumbersWindow, windowIds?: readonly string[]): Promise<Map<string, CaseNumbers>> {
  const out = new Map<string, CaseNumbers>();
  if (orgIds.length === 0 || (windowIds && windowIds.length === 0)) return out;
  const of = (key: string | null) => {
    const k = key ?? '';
    let n = out.get(k);
    if (!n) {
      n = emptyNumbers();
      out.set(k, n);
    }
    return n;
  };
  const base = () => {
    let q = db.selectFrom('cases').where('receiving_org_id', 'in', [...orgIds]);
    if (windowIds) q = q.where('window_id', 'in', [...windowIds]);
    return q;
  };
  const lights = await base()
    .where('light', 'is not', null)
    .select((eb) => [eb.ref(by).as('k'), 'light', eb.fn.countAll<number | string>().as('n')])
    .groupBy([by, 'light'])
    .execute();
  for (const r of lights) if (r.light) of(r.k)[r.light] = Number(r.n);

  const overdue = await base()
    .where('status', 'in', [...OPEN_STATUSES])
    .where('due_at', '<', at.now)
    .select((eb) => [eb.ref(by).as('k'), eb.fn.countAll<number | string>().as('n')])
    .groupBy(by)
    .execute();
  for (const r of overdue) of(r.k).overdue = Number(r.n);

  const completed = await base()
    .where('completed_at', '>=', at.monthFrom)
    .where('completed_at', '<', at.monthTo)
    .select((eb) => [eb.ref(by).as('k'), eb.fn.countAll<number | string>().as('n')])
    .groupBy(by)
    .execute();
  for (const r of completed) of(r.k).completed = Number(r.n);

  // the refusal register (returned, or completed with a denial) of the cases received this month
  const refusals = await base()
    .where('created_at', '>=', at.monthFrom)
    .where('created_at', '<', at.monthTo)
    .where((eb) => eb.or([eb('status', '=', 'returned'), eb('outcome', '=', 'denied')]))
    .select((eb) => [eb.ref(by).as('k'), eb.fn.countAll<number | string>().as('n')])
    .groupBy(by)
    .execute();
  for (const r of refusals) of(r.k).refusals = Number(r.n);
  return out;
}

/** The numbers of the cases each center in `orgIds` received (the dashboards add up a center's subtree). */
export const numbersByReceivingCenter = (db: Db, orgIds: readonly string[], at: NumbersWindow) => numbersBy(db, 'receiving_org_id', orgIds, at);

/** The numbers of the cases at each of `windowIds`, among those received in `orgIds` (the viewer's scope). */
export const numbersByWindow = (db: Db, orgIds: readonly string[], windowIds: readonly string[], at: NumbersWindow) =>
  numbersBy(db, 'window_id', orgIds, at, windowIds);

/**
 * Cases of each month that were overdue: due within the month (and before now), and either completed after their
 * due date or still open. `bounds` are the months' starts and the last one's end, as instants: one count per month
 * in a single scan of the scope's cases with a due date.
 */
export async function overdueByMonth(db: Db, orgIds: readonly string[], bounds: readonly string[], now: string): Promise<number[]> {
  const months = bounds.length - 1;
  if (orgIds.length === 0 || months <= 0) return Array.from({ length: Math.max(months, 0) }, () => 0);
  const row = await db
    .selectFrom('cases')
    .where('receiving_org_id', 'in', [...orgIds])
    .where('due_at', '>=', bounds[0]!)
    .where('due_at', '<', bounds[months]!)
    .where('due_at', '<', now)
    .where((eb) =>
      eb.or([eb('completed_at', '>', eb.ref('due_at')), eb.and([eb('completed_at', 'is', null), eb('status', 'in', [...OPEN_STATUSES])])]),
    )
    .select(
      Array.from({ length: months }, (_, i) =>
        sql<number | string>`sum(case when due_at >= ${bounds[i]!} and due_at < ${bounds[i + 1]!} then 1 else 0 end)`.as(`m${i}`),
      ),
    )
    .executeTakeFirst();
  const values = (row ?? {}) as Record<string, number | string | null>;
  return Array.from({ length: months }, (_, i) => Number(values[`m${i}`] ?? 0));
}

/**
 * Today's numbers of the cases received in `orgIds`: received (created today: the ledger's from/to), accepted and
 * completed today; and the cases now returned that were written today, whose return the events module dates.
 */
export async function todaysCaseNumbers(db: Db, orgIds: readonly string[], from: string, to: string) {
  const count = async (column: 'created_at' | 'accepted_at' | 'completed_at') => {
    const row = await db
      .selectFrom('cases')
      .where('receiving_org_id', 'in', [...orgIds])
      .where(column, '>=', from)
      .where(column, '<', to)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  if (orgIds.length === 0) return { received: 0, accepted: 0, completed: 0, returnedCandidates: [] as string[] };
  const returnedCandidates = (
    await db
      .selectFrom('cases')
      .select('id')
      .where('receiving_org_id', 'in', [...orgIds])
      .where('status', '=', 'returned')
      .where('updated_at', '>=', from)
      .execute()
  ).map((r) => r.id);
  return { received: await count('created_at'), accepted: await count('accepted_at'), completed: await count('completed_at'), returnedCandidates };
}
