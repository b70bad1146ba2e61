/**
 * 好差评 figures per window, person, item or center for a period (issue 10 §1):
 *
 * - 好评率: ratings at 非常满意, 满意 or 基本满意 over all counted ratings (the default 基本满意 counts: it stands in
 *   for a rater who had no complaint, as Guangdong counts it);
 * - 主动评价率: finished cases that their applicant rated (defaults excluded) over the finished cases — cases, not
 *   ratings, so that the rate stays within 0–100 %;
 * - 差评整改率: the 差评 whose work order was rectified (整改完成: told to the rater, or closed) over the 差评.
 *
 * A rating whose appeal was upheld counts nowhere (it stays on record). Only first ratings (round 1) count; the
 * rating of a fix is the work order's business. Rates are null where nothing was counted. Pure: the module groups
 * and counts in SQL, this file adds up and divides.
 */
import { isBadLevel } from './levels.js';
import { RECTIFIED_STATUSES, type WorkOrderStatus } from './work-orders.js';

export const FIGURE_GROUPINGS = ['window', 'person', 'item', 'center'] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];
export const FIGURE_GROUPING_NAMES: Record<FigureGrouping, string> = { window: '窗口', person: '工作人员', item: '事项', center: '中心' };

/** Ratings of one group, one level, default or not, counted (SQL count(*) … group by). */
export interface RatingCount {
  key: string;
  level: string;
  isDefault: boolean;
  /** excluded by an upheld appeal */
  excluded: boolean;
  /** round 1 (首次) or 2 (the fix) */
  round: number;
  /** the 差评's work order status, when it has one */
  workOrderStatus: WorkOrderStatus | null;
  count: number;
}

/** Cases of one group: finished in the period, and of those rated by the applicant (not by default). */
export interface CaseCount {
  key: string;
  finished: number;
  activelyRated: number;
}

export interface Figure {
  key: string;
  /** counted ratings (appeals upheld excluded) */
  rated: number;
  good: number;
  goodRate: number | null;
  defaults: number;
  finished: number;
  activelyRated: number;
  activeRate: number | null;
  bad: number;
  rectified: number;
  rectifyRate: number | null;
  /** ratings taken out by an upheld appeal (on record, not counted) */
  excluded: number;
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export const emptyFigure = (key: string): Figure => ({
  key,
  rated: 0,
  good: 0,
  goodRate: null,
  defaults: 0,
  finished: 0,
  activelyRated: 0,
  activeRate: null,
  bad: 0,
  rectified: 0,
  rectifyRate: null,
  excluded: 0,
});

/** The figures of every group that has a rating or a finished case, in key order. */
export function computeFigures(ratings: readonly RatingCount[], cases: readonly CaseCount[]): Figure[] {
  const byKey = new Map<string, Figure>();
  const of = (key: string) => {
    let f = byKey.get(key);
    if (!f) byKey.set(key, (f = emptyFigure(key)));
    return f;
  };
  for (const r of ratings) {
    if (r.round !== 1 || r.count <= 0) continue;
    const f = of(r.key);
    if (r.excluded) {
      f.excluded += r.count;
      continue;
    }
    f.rated += r.count;
    if (!isBadLevel(r.level)) f.good += r.count;
    if (r.isDefault) f.defaults += r.count;
    if (isBadLevel(r.level)) {
      f.bad += r.count;
      if (r.workOrderStatus !== null && RECTIFIED_STATUSES.includes(r.workOrderStatus)) f.rectified += r.count;
    }
  }
  for (const c of cases) {
    const f = of(c.key);
    f.finished += c.finished;
    f.activelyRated += c.activelyRated;
  }
  const out = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const f of out) {
    f.goodRate = rate(f.good, f.rated);
    // a case rated in the period but finished before it can make activelyRated exceed finished: never above 100 %
    f.activeRate = f.finished > 0 ? Math.min(1, f.activelyRated / f.finished) : null;
    f.rectifyRate = rate(f.rectified, f.bad);
  }
  return out;
}

/** The figures of all groups together (the center's total line). */
export function totalFigure(figures: readonly Figure[], key = 'total'): Figure {
  const t = emptyFigure(key);
  for (const f of figures) {
    t.rated += f.rated;
    t.good += f.good;
    t.defaults += f.defaults;
    t.finished += f.finished;
    t.activelyRated += f.activelyRated;
    t.bad += f.bad;
    t.rectified += f.rectified;
    t.excluded += f.excluded;
  }
  t.goodRate = rate(t.good, t.rated);
  t.activeRate = t.finished > 0 ? Math.min(1, t.activelyRated / t.finished) : null;
  t.rectifyRate = rate(t.rectified, t.bad);
  return t;
}

/** 0.9567 → '95.7%'; null → '—'. */
export const percentText = (r: number | null): string => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
