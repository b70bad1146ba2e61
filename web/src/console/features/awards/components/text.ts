/** How the award lists name their periods, statuses and notes (Chinese first). */
import type { TierList } from '../api/awards';

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** '2026-Q1' → 2026年第一季度 */
export const quarterTitle = (quarter: string) => `${quarter.slice(0, 4)}年${QUARTER_NAMES[Number(quarter.slice(6)) - 1] ?? ''}`;
/** '2026-03' → 3月; with the year: 2026年3月 */
export const monthLabel = (month: string, withYear = false) => `${withYear ? `${month.slice(0, 4)}年` : ''}${Number(month.slice(5, 7))}月`;

export const STATUS_NAMES = { awarded: '获得', possible: '尚待关账确定', out: '未达到' } as const;
export const STATUS_COLOURS = { awarded: 'red', possible: 'gold', out: 'default' } as const;

export const TIER_NAMES = { 1: '第一档', 2: '第二档', 3: '第三档' } as const;

type Note = TierList['entries'][number]['notes'][number];
export const NOTE_TEXT = (note: Note, list: Pick<TierList, 'settings' | 'serviceCutoff'>): string =>
  ({
    short_service: `年末服务不满 ${list.settings.minServiceMonths} 个月（晚于 ${list.serviceCutoff} 入职），不参加第一档`,
    over_deducted: `全年扣分超过 ${list.settings.maxDeducted} 分，不参加档次评定`,
    tie_at_first: '与第一档末位同分并列、超出第一档名额，并列者均列入第二档',
    tie_at_third: '与第三档首位同分并列，并列者均列入第二档',
  })[note];

/**
 * The missing months in one sentence, runs of months missing for the same reason together:
 * 1—3月（乙乡便民服务中心尚未关账）、4—12月（尚未结束）
 */
export function missingText(missing: { month: string; centers: { name: string }[]; notOver: boolean }[]): string {
  const why = (m: (typeof missing)[number]) => (m.notOver ? '尚未结束' : `${m.centers.map((c) => c.name).join('、')}尚未关账`);
  const runs: { first: string; last: string; why: string }[] = [];
  for (const m of missing) {
    const run = runs[runs.length - 1];
    const next = run && Number(m.month.slice(5, 7)) === Number(run.last.slice(5, 7)) + 1 && run.why === why(m);
    if (next) run.last = m.month;
    else runs.push({ first: m.month, last: m.month, why: why(m) });
  }
  return runs.map((r) => `${r.first === r.last ? monthLabel(r.first) : `${Number(r.first.slice(5, 7))}—${monthLabel(r.last)}`}（${r.why}）`).join('、');
}

export const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, ''));
