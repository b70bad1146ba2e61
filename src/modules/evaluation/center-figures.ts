/**
 * For 政务公开 (issue 11 §3, src/modules/transparency): one center's 好评率 over a period, counted exactly as the
 * evaluation figures count it (first ratings, appeals upheld excluded: src/domain/evaluation/figures.ts).
 */
import { computeFigures, totalFigure, type RatingCount } from '../../domain/evaluation/figures.js';
import { toBool, toCount } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

/** `from`/`to`: instants [from, to). */
export async function centerGoodRate(db: Db, orgId: string, from: string, to: string): Promise<{ rated: number; goodRate: number | null }> {
  const rows = await db
    .selectFrom('ratings')
    .select(['level', 'is_default', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('round', '=', 1)
    .where('excluded_at', 'is', null)
    .where('rated_at', '>=', from)
    .where('rated_at', '<', to)
    .groupBy(['level', 'is_default'])
    .execute();
  const ratings: RatingCount[] = rows.map((r) => ({ key: orgId, level: r.level, isDefault: toBool(r.is_default), excluded: false, round: 1, workOrderStatus: null, count: toCount(r.n) }));
  const total = totalFigure(computeFigures(ratings, []));
  return { rated: total.rated, goodRate: total.goodRate };
}
