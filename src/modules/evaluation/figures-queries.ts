/**
 * GET /api/evaluations/figures: 好评率, 主动评价率, 差评整改率 per window, person, item or center of the asked center's
 * tree for a period of local dates. Counted in SQL (grouped counts, no rows into JS); the rates are the domain's
 * (src/domain/evaluation/figures.ts). Ratings by the day they were given; finished cases by the day they were
 * finished (rating_openings) and whether their applicant rated them. An item has no finished-case count of this
 * module's own: its 主动评价率 is over the first ratings of the period (every finished case is rated by its applicant
 * or by default after 7 days). Ratings taken out by an upheld appeal count nowhere.
 */
import { sql } from 'kysely';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import { computeFigures, totalFigure, type CaseCount, type FigureGrouping, type RatingCount } from '../../domain/evaluation/figures.js';
import type { WorkOrderStatus } from '../../domain/evaluation/work-orders.js';
import { toBool, toCount } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';

const COLUMN: Record<FigureGrouping, 'window_id' | 'person_id' | 'item_code' | 'org_id'> = { window: 'window_id', person: 'person_id', item: 'item_code', center: 'org_id' };

export async function figuresFor(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; from?: string | undefined; to?: string | undefined; by: FigureGrouping }) {
  // no period asked: this month up to today, on the server's clock in the center's zone
  const today = localDate(ctx.clock(), ctx.config.timeZone);
  const q = { ...query, from: query.from ?? `${(query.to ?? today).slice(0, 7)}-01`, to: query.to ?? today };
  const db = ctx.database.db;
  const scope = await scopeOf(db, actor);
  if (q.orgId && !scope.has(q.orgId)) throw forbidden('查看该中心的评价统计');
  const orgIds = [...(q.orgId ? await scopeOf(db, { ...actor, orgId: q.orgId }) : scope)];
  const tz = ctx.config.timeZone;
  const from = zonedInstant(q.from, '00:00', tz).toISOString();
  const to = zonedInstant(addCalendarDays(q.to, 1), '00:00', tz).toISOString();
  const col = COLUMN[q.by];

  const ratingRows = await db
    .selectFrom('ratings as r')
    .leftJoin('rating_work_orders as w', 'w.rating_id', 'r.id')
    .select([`r.${col} as key`, 'r.level', 'r.is_default', 'r.round', 'w.status as wo_status', sql<number>`case when r.excluded_at is null then 0 else 1 end`.as('excluded'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.org_id', 'in', orgIds)
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .where('r.round', '=', 1)
    .groupBy([`r.${col}`, 'r.level', 'r.is_default', 'r.round', 'w.status', sql`case when r.excluded_at is null then 0 else 1 end`])
    .execute();
  const ratings: RatingCount[] = ratingRows.map((r) => ({
    key: r.key ?? '',
    level: r.level,
    isDefault: toBool(r.is_default),
    excluded: toCount(r.excluded) === 1,
    round: toCount(r.round),
    workOrderStatus: (r.wo_status ?? null) as WorkOrderStatus | null,
    count: toCount(r.n),
  }));

  let cases: CaseCount[];
  if (q.by === 'item') {
    // every first rating of the period (given, by default, or taken out) stands for a finished case
    const by = new Map<string, CaseCount>();
    for (const r of ratings) {
      const c = by.get(r.key) ?? { key: r.key, finished: 0, activelyRated: 0 };
      c.finished += r.count;
      if (!r.isDefault && !r.excluded) c.activelyRated += r.count;
      by.set(r.key, c);
    }
    cases = [...by.values()];
  } else {
    const openingCol = col as 'window_id' | 'person_id' | 'org_id';
    const rows = await db
      .selectFrom('rating_openings as o')
      .leftJoin('ratings as r', (j) => j.onRef('r.case_id', '=', 'o.case_id').on('r.round', '=', 1).on('r.is_default', '=', 0).on('r.excluded_at', 'is', null))
      .select([`o.${openingCol} as key`, (eb) => eb.fn.countAll<number>().as('finished'), (eb) => eb.fn.count<number>('r.id').as('rated')])
      .where('o.org_id', 'in', orgIds)
      .where('o.completed_at', '>=', from)
      .where('o.completed_at', '<', to)
      .groupBy(`o.${openingCol}`)
      .execute();
    cases = rows.map((r) => ({ key: r.key ?? '', finished: toCount(r.finished), activelyRated: toCount(r.rated) }));
  }

  const figures = computeFigures(ratings, cases);
  const keys = figures.map((f) => f.key).filter(Boolean);
  let names = new Map<string, string>();
  if (q.by === 'window') names = new Map([...(await windowsByIds(db, keys))].map(([id, w]) => [id, w.name]));
  if (q.by === 'person') names = new Map([...(await peopleByIds(db, keys))].map(([id, p]) => [id, p.name]));
  if (q.by === 'center') names = new Map([...(await orgsByIds(db, keys))].map(([id, o]) => [id, o.center_name]));
  if (q.by === 'item' && keys.length > 0) {
    const rows = await db.selectFrom('ratings').select(['item_code', 'item_name']).where('item_code', 'in', keys).groupBy(['item_code', 'item_name']).execute();
    names = new Map(rows.map((r) => [r.item_code, r.item_name]));
  }
  const unnamed = { window: '未指定窗口', person: '未指定人员', item: '未知事项', center: '未知中心' }[q.by];
  return {
    by: q.by,
    from: q.from,
    to: q.to,
    figures: figures.map((f) => ({ ...f, name: names.get(f.key) ?? unnamed })),
    total: { ...totalFigure(figures), name: '合计' },
  };
}
