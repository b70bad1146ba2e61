/**
 * The case numbers of the monthly statistics report (issue 13 §1, src/modules/statistics): per receiving center,
 * window and item, one grouped count in SQL over the cases' own dates. Received, finished, on time and overdue use
 * exactly the conditions of the supervision report (report-queries.ts) and the ledger's from/to, completedFrom/To.
 */
import { sql } from 'kysely';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { OPEN_STATUSES } from './repo.js';

export interface CaseGroupCounts {
  orgId: string;
  windowId: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
  received: number;
  accepted: number;
  finished: number;
  onTime: number;
  overdue: number;
  /** received in the month and returned */
  returned: number;
  /** received in the month: 即办件, online applications, registered by a village agent (代办) */
  immediate: number;
  online: number;
  proxy: number;
}

/** `from`/`to`: the month's bounds as instants [from, to); `now` caps the month's end for a month not over yet. */
export async function monthCaseGroups(db: Db, orgIds: readonly string[], from: string, to: string, now: string): Promise<CaseGroupCounts[]> {
  if (orgIds.length === 0) return [];
  const end = now < to ? now : to;
  const open = [...OPEN_STATUSES];
  const inMonth = (column: 'created_at' | 'completed_at' | 'accepted_at') => sql<boolean>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
  const n = (expr: ReturnType<typeof sql<boolean>>) => sql<number | string>`sum(case when ${expr} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('cases')
    .where('receiving_org_id', 'in', [...orgIds])
    .where((eb) => eb.or([eb.and([eb('created_at', '>=', from), eb('created_at', '<', to)]), eb('completed_at', '>=', from), eb('completed_at', 'is', null), eb('accepted_at', '>=', from)]))
    .select([
      'receiving_org_id',
      'window_id',
      'item_id',
      'item_code',
      'item_name',
      n(inMonth('created_at')).as('received'),
      n(inMonth('accepted_at')).as('accepted'),
      n(inMonth('completed_at')).as('finished'),
      n(sql<boolean>`${inMonth('completed_at')} and (due_at is null or completed_at <= due_at)`).as('on_time'),
      n(sql<boolean>`(${inMonth('completed_at')} and completed_at > due_at)
        or (due_at < ${end} and created_at < ${to} and ((completed_at is null and status in (${sql.join(open)})) or completed_at >= ${to}))`).as('overdue'),
      n(sql<boolean>`${inMonth('created_at')} and status = 'returned'`).as('returned'),
      n(sql<boolean>`${inMonth('created_at')} and kind = 'immediate'`).as('immediate'),
      n(sql<boolean>`${inMonth('created_at')} and channel = 'online'`).as('online'),
      n(sql<boolean>`${inMonth('created_at')} and channel = 'agent'`).as('proxy'),
    ])
    .groupBy(['receiving_org_id', 'window_id', 'item_id', 'item_code', 'item_name'])
    .execute();
  return rows.map((r) => ({
    orgId: r.receiving_org_id,
    windowId: r.window_id,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    received: toCount(r.received),
    accepted: toCount(r.accepted),
    finished: toCount(r.finished),
    onTime: toCount(r.on_time),
    overdue: toCount(r.overdue),
    returned: toCount(r.returned),
    immediate: toCount(r.immediate),
    online: toCount(r.online),
    proxy: toCount(r.proxy),
  }));
}

/** The cases finished in [from, to) with their acceptance (or registration) and completion instants: working days to finish. */
export async function finishedCaseTimes(db: Db, orgIds: readonly string[], from: string, to: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .where('receiving_org_id', 'in', [...orgIds])
    .where('completed_at', '>=', from)
    .where('completed_at', '<', to)
    .select(['receiving_org_id', 'window_id', 'item_id', 'item_code', 'item_name', 'accepted_at', 'created_at', 'completed_at'])
    .execute();
  return rows.map((r) => ({ orgId: r.receiving_org_id, windowId: r.window_id, itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, startedAt: r.accepted_at ?? r.created_at, completedAt: r.completed_at! }));
}
