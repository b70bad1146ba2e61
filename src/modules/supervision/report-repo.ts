/** The monthly report's grouped counts over this module's own tables (violations, supervision_cards). */
import { sql } from 'kysely';
import { toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

/** Violations fired within [from, to) per center, rule and status. */
export async function violationsByCenterRuleStatus(db: Db, orgIds: readonly string[], from: string, to: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('violations')
    .select((eb) => ['org_id', 'rule_code', 'status', eb.fn.countAll<number | string>().as('n')] as const)
    .where('org_id', 'in', [...orgIds])
    .where('fired_at', '>=', from)
    .where('fired_at', '<', to)
    .groupBy(['org_id', 'rule_code', 'status'])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, ruleCode: r.rule_code, status: r.status, count: toCount(r.n) }));
}

/** Cards issued within [from, to) per center and (current) level. */
export async function cardsIssuedByCenterLevel(db: Db, orgIds: readonly string[], from: string, to: string) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('supervision_cards')
    .select((eb) => ['org_id', 'level', eb.fn.countAll<number | string>().as('n')] as const)
    .where('org_id', 'in', [...orgIds])
    .where('issued_at', '>=', from)
    .where('issued_at', '<', to)
    .groupBy(['org_id', 'level'])
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, level: r.level, count: toCount(r.n) }));
}

/**
 * Per center: cards answered within [from, to), of them answered after their reply date, and cards closed within it.
 * `lateFrom(d)` is the instant a reply to a card due on local date d becomes late (the next day's start in the
 * center's zone): the few reply dates are looked up first, then one grouped count compares each card with its own.
 */
export async function cardAnswersByCenter(db: Db, orgIds: readonly string[], from: string, to: string, lateFrom: (replyBy: string) => string) {
  const out = new Map<string, { replied: number; repliedLate: number; closed: number }>();
  if (orgIds.length === 0) return out;
  const dates = await db
    .selectFrom('supervision_cards')
    .select('reply_by')
    .distinct()
    .where('org_id', 'in', [...orgIds])
    .where('replied_at', '>=', from)
    .where('replied_at', '<', to)
    .execute();
  const late =
    dates.length === 0
      ? sql<number>`0`
      : sql<number>`case ${sql.join(
          dates.map((d) => sql`when reply_by = ${d.reply_by} and replied_at >= ${lateFrom(d.reply_by)} then 1`),
          sql` `,
        )} else 0 end`;
  const rows = await db
    .selectFrom('supervision_cards')
    .where('org_id', 'in', [...orgIds])
    .where((eb) => eb.or([eb.and([eb('replied_at', '>=', from), eb('replied_at', '<', to)]), eb.and([eb('closed_at', '>=', from), eb('closed_at', '<', to)])]))
    .select([
      'org_id',
      sql<number | string>`sum(case when replied_at >= ${from} and replied_at < ${to} then 1 else 0 end)`.as('replied'),
      sql<number | string>`sum(case when replied_at >= ${from} and replied_at < ${to} then ${late} else 0 end)`.as('replied_late'),
      sql<number | string>`sum(case when closed_at >= ${from} and closed_at < ${to} then 1 else 0 end)`.as('closed'),
    ])
    .groupBy('org_id')
    .execute();
  for (const r of rows) out.set(r.org_id, { replied: toCount(r.replied), repliedLate: toCount(r.replied_late), closed: toCount(r.closed) });
  return out;
}
