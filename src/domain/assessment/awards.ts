/**
 * 评先评优 (issue 13 §3): the seeds' awards over the closed monthly 100-point results of a scope (a center, or a county
 * with every center below it). Pure: the module reads the results, the service start dates and the settings.
 *
 * - 优质服务窗口（流动红旗）, quarterly: windows in the top N (10) of the monthly rankings at least M (5) times in the
 *   quarter. A quarter holds three monthly rankings, so M is capped at three: with the defaults a window must be in
 *   the top 10 in every month of the quarter.
 * - 优质服务标兵, yearly: persons in the top N (5) in every month of the year.
 * - 年终考核档次 30 % / 50 % / 20 %: persons by the average of their quarterly scores (a quarter's score is the average
 *   of its monthly scores); under 6 months' service at the end of the year not in the first tier; more than 60
 *   points deducted in the year in no tier.
 *
 * Rankings are rankByScore's (competition ranking, ties share the place); "in the top N" is inTop (ties at place N
 * are all in). Missing months are never ranked on part of the data: a month counts ("is held") only when every
 * center of the scope taking part in the assessment has closed it; the others are listed as missing, and the lists
 * say who has the award already, who can still get it and who no longer can.
 *
 * Tiers: of n staff in the tiers, the first tier has floor(n × 30 %) places but at least one (when the share is not 0),
 * the third floor(n × 20 %), the second the rest. A tier never takes more than its places: people with the same
 * score across a boundary cannot be told apart, so all of them go to the second tier (the first and third tiers may
 * then have fewer people than places; the second absorbs them). Averages are rounded to 2 decimals (half up) before
 * they are compared, so what is printed is what was ranked.
 */
import { addMonths } from '../calendar/months.js';
import { inTop, rankByScore } from './ranking.js';

export type SubjectKind = 'window' | 'person';

/** One closed month's final result of a window or a person (the assessment module's MonthlyResult). */
export interface MonthResult {
  month: string;
  orgId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  name: string;
  score: number;
  /** points deducted that month (after appeals), a positive number, before bonuses */
  deducted: number;
}

export interface AwardSettings {
  /** 流动红旗: the top places that count (10) */
  flagTop: number;
  /** 流动红旗: how many times in the top places in the quarter (5, capped at the quarter's three rankings) */
  flagTimes: number;
  /** 标兵: the top places every month of the year (5) */
  modelTop: number;
  /** the three tiers' shares in whole per cent (30, 50, 20); they add up to 100 */
  tierShares: [number, number, number];
  /** less service than this many months at the end of the year: not in the first tier (6) */
  minServiceMonths: number;
  /** more points deducted in the year than this: in no tier (60) */
  maxDeducted: number;
}

export const DEFAULT_AWARD_SETTINGS: AwardSettings = {
  flagTop: 10,
  flagTimes: 5,
  modelTop: 5,
  tierShares: [30, 50, 20],
  minServiceMonths: 6,
  maxDeducted: 60,
};

/** What is wrong with the settings, in words for the administrator, or null. */
export function awardSettingsProblem(s: AwardSettings): string | null {
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(s.flagTop, 1, 100)) return '流动红旗的名次请填写 1 至 100 的整数（如前 10 名填 10）。';
  if (!whole(s.flagTimes, 1, 12)) return '流动红旗的次数请填写 1 至 12 的整数。';
  if (!whole(s.modelTop, 1, 100)) return '优质服务标兵的名次请填写 1 至 100 的整数（如前 5 名填 5）。';
  if (s.tierShares.length !== 3 || !s.tierShares.every((p) => whole(p, 0, 100))) return '三个档次的比例请填写 0 至 100 的整数百分比。';
  if (s.tierShares[0] + s.tierShares[1] + s.tierShares[2] !== 100) return '三个档次的比例合计须为 100%，如 30、50、20。';
  if (!whole(s.minServiceMonths, 0, 36)) return '服务年限要求请填写 0 至 36 的整数月数。';
  if (!(Number.isFinite(s.maxDeducted) && s.maxDeducted >= 0 && s.maxDeducted <= 1200)) return '全年扣分上限请填写 0 至 1200 之间的分数。';
  return null;
}

// ---------------------------------------------------------------- periods

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
export const QUARTER_FORMAT_ERROR = '季度请按 YYYY-Qn 填写，如 2026-Q1';

/** The three months of 'YYYY-Qn'. */
export function quarterMonths(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  return [0, 1, 2].map((i) => addMonths(`${year}-01`, (q - 1) * 3 + i));
}

/** The twelve months of a year. */
export const yearMonths = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${String(year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`);

/** 'YYYY-Qn' of a month 'YYYY-MM'. */
export const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

// ---------------------------------------------------------------- completeness

export interface Center {
  orgId: string;
  name: string;
}

export interface Coverage {
  /** months every center taking part has closed: the only months ranked */
  held: string[];
  /** months some center has not closed, with those centers */
  missing: { month: string; centers: Center[] }[];
}

/**
 * Which months of the period can be ranked. A center has closed a month when it has results (of any kind) for it;
 * `centers` are the centers of the scope taking part (the module says which). A month with a center missing is not
 * ranked at all.
 */
export function coverage(months: readonly string[], centers: readonly Center[], results: readonly MonthResult[]): Coverage {
  const closed = new Set(results.map((r) => `${r.orgId}|${r.month}`));
  const held: string[] = [];
  const missing: Coverage['missing'] = [];
  for (const month of months) {
    const absent = centers.filter((c) => !closed.has(`${c.orgId}|${month}`));
    if (absent.length === 0) held.push(month);
    else missing.push({ month, centers: absent });
  }
  return { held, missing };
}

// ---------------------------------------------------------------- repeated top places (流动红旗, 标兵)

export type AwardStatus = 'awarded' | 'possible' | 'out';

export interface TopEntry {
  subjectId: string;
  orgId: string;
  name: string;
  /** per month of the period: the place in that month's ranking, null when not ranked (month not held, or no result) */
  ranks: { month: string; rank: number | null; score: number | null }[];
  timesInTop: number;
  /** awarded: has it; possible: can still get it when the missing months close; out: can no longer get it */
  status: AwardStatus;
}

export interface TopAward {
  months: string[];
  held: string[];
  missing: Coverage['missing'];
  /** the top places that count */
  top: number;
  /** the setting as written (e.g. 5 times) */
  times: number;
  /** what is required after the cap: min(times, rankings in the period) */
  required: number;
  complete: boolean;
  entries: TopEntry[];
}

/**
 * Subjects of `kind` in the top `top` of the monthly ranking of at least `times` of the period's months (capped at
 * the number of months). Every held month is one ranking of the scope's subjects (rankByScore). Entries: every
 * subject ranked in a held month; the awarded first, then by times in the top, then by name.
 */
export function repeatedTop(input: {
  kind: SubjectKind;
  months: readonly string[];
  centers: readonly Center[];
  results: readonly MonthResult[];
  top: number;
  times: number;
}): TopAward {
  const months = [...input.months];
  const own = input.results.filter((r) => r.subjectKind === input.kind && months.includes(r.month));
  const { held, missing } = coverage(months, input.centers, input.results);
  const required = Math.min(input.times, months.length);
  const heldSet = new Set(held);
  const places = new Map<string, { rank: number; score: number }>(); // `${subjectId}|${month}`
  const latest = new Map<string, MonthResult>();
  for (const month of held) {
    const ranked = rankByScore(own.filter((r) => r.month === month).map((r) => ({ id: r.subjectId, score: r.score })));
    for (const r of ranked) places.set(`${r.id}|${month}`, { rank: r.rank, score: r.score });
  }
  for (const r of own) {
    if (!heldSet.has(r.month)) continue;
    const before = latest.get(r.subjectId);
    if (!before || before.month < r.month) latest.set(r.subjectId, r);
  }
  const entries: TopEntry[] = [...latest.values()].map((last) => {
    const ranks = months.map((month) => {
      const p = places.get(`${last.subjectId}|${month}`);
      return { month, rank: p?.rank ?? null, score: p?.score ?? null };
    });
    const timesInTop = ranks.filter((r) => r.rank !== null && inTop(r.rank, input.top)).length;
    const status: AwardStatus = timesInTop >= required ? 'awarded' : timesInTop + missing.length >= required ? 'possible' : 'out';
    return { subjectId: last.subjectId, orgId: last.orgId, name: last.name, ranks, timesInTop, status };
  });
  const order: Record<AwardStatus, number> = { awarded: 0, possible: 1, out: 2 };
  entries.sort((a, b) => order[a.status] - order[b.status] || b.timesInTop - a.timesInTop || a.name.localeCompare(b.name, 'zh-CN') || (a.subjectId < b.subjectId ? -1 : 1));
  return { months, held, missing, top: input.top, times: input.times, required, complete: missing.length === 0, entries };
}

/** 优质服务窗口（流动红旗） of a quarter. */
export const quarterlyFlags = (quarter: string, centers: readonly Center[], results: readonly MonthResult[], s: AwardSettings): TopAward =>
  repeatedTop({ kind: 'window', months: quarterMonths(quarter), centers, results, top: s.flagTop, times: s.flagTimes });

/** 优质服务标兵 of a year: in the top places every month. */
export const yearlyModels = (year: number, centers: readonly Center[], results: readonly MonthResult[], s: AwardSettings): TopAward =>
  repeatedTop({ kind: 'person', months: yearMonths(year), centers, results, top: s.modelTop, times: 12 });

// ---------------------------------------------------------------- year-end tiers

/** Half up to 2 decimals, steady for values like 1.005 that binary floating point keeps just below. */
export const round2 = (x: number): number => Math.round((x + Number.EPSILON * Math.abs(x)) * 100) / 100;

const average = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export type Tier = 1 | 2 | 3;

export type TierNote = 'short_service' | 'over_deducted' | 'tie_at_first' | 'tie_at_third';

export interface TierEntry {
  subjectId: string;
  orgId: string;
  name: string;
  /** Q1…Q4: the average of the quarter's ranked monthly scores (2 decimals), null without any */
  quarterScores: (number | null)[];
  /** the average of the quarter scores (2 decimals) */
  yearScore: number;
  /** points deducted in the ranked months of the year */
  deducted: number;
  serviceStart: string | null;
  /** place among the people in the tiers (rankByScore), null for people in no tier */
  rank: number | null;
  tier: Tier | null;
  notes: TierNote[];
}

export interface TierList {
  year: number;
  months: string[];
  held: string[];
  missing: Coverage['missing'];
  complete: boolean;
  /** people in the tiers (not excluded) */
  counted: number;
  /** places of each tier by the shares (floor, the first at least one) */
  places: [number, number, number];
  /** people in each tier */
  sizes: [number, number, number];
  /** first day from which service is too short for the first tier: joined after this day */
  serviceCutoff: string;
  entries: TierEntry[];
}

/** The places of the three tiers for n people: floor of each share, the first at least one, the second the rest. */
export function tierPlaces(n: number, shares: readonly [number, number, number]): [number, number, number] {
  if (n <= 0) return [0, 0, 0];
  const first = shares[0] > 0 ? Math.max(1, Math.floor((n * shares[0]) / 100)) : 0;
  const third = Math.min(Math.floor((n * shares[2]) / 100), n - first);
  return [first, n - first - third, third];
}

/**
 * The last day a person may have started and still count `months` months of service at the end of `year`:
 * with 6 months, 1 July (service from 1 July to 31 December is six whole months).
 */
export const serviceCutoff = (year: number, months: number): string => `${addMonths(`${String(year + 1).padStart(4, '0')}-01`, -months)}-01`;

/**
 * The year-end tiers of the persons of the scope. `serviceStart` maps a person to the day their service began
 * ('YYYY-MM-DD'); a person without one is taken as long enough in service.
 */
export function yearTiers(input: { year: number; centers: readonly Center[]; results: readonly MonthResult[]; serviceStart: ReadonlyMap<string, string>; settings: AwardSettings }): TierList {
  const { year, settings: s } = input;
  const months = yearMonths(year);
  const own = input.results.filter((r) => r.subjectKind === 'person' && months.includes(r.month));
  const { held, missing } = coverage(months, input.centers, input.results);
  const heldSet = new Set(held);
  const cutoff = serviceCutoff(year, s.minServiceMonths);

  const bySubject = new Map<string, MonthResult[]>();
  for (const r of own) if (heldSet.has(r.month)) (bySubject.get(r.subjectId) ?? bySubject.set(r.subjectId, []).get(r.subjectId)!).push(r);

  const people = [...bySubject.entries()].map(([subjectId, rows]) => {
    rows.sort((a, b) => (a.month < b.month ? -1 : 1));
    const last = rows[rows.length - 1]!;
    const quarterScores = [1, 2, 3, 4].map((q) => {
      const scores = rows.filter((r) => quarterOf(r.month) === `${months[0]!.slice(0, 4)}-Q${q}`).map((r) => r.score);
      return scores.length ? round2(average(scores)) : null;
    });
    const present = quarterScores.filter((x): x is number => x !== null);
    const start = input.serviceStart.get(subjectId) ?? null;
    return {
      subjectId,
      orgId: last.orgId,
      name: last.name,
      quarterScores,
      yearScore: round2(average(present)),
      deducted: round2(rows.reduce((sum, r) => sum + r.deducted, 0)),
      serviceStart: start,
      shortService: start !== null && start > cutoff,
    };
  });

  const over = (p: (typeof people)[number]) => p.deducted > s.maxDeducted;
  const counted = people.filter((p) => !over(p));
  const n = counted.length;
  const places = tierPlaces(n, s.tierShares);
  const overall = rankByScore(counted.map((p) => ({ id: p.subjectId, score: p.yearScore })));
  const rankOf = new Map(overall.map((r) => [r.id, r.rank]));
  const sameScore = (list: readonly { score: number }[], score: number) => list.filter((x) => x.score === score).length;

  // third tier: the bottom places, a tie group only when it lies wholly inside them
  const third = new Set(overall.filter((r) => r.rank - 1 >= n - places[2]).map((r) => r.id));
  const thirdTie = new Set(overall.filter((r) => !third.has(r.id) && r.rank - 1 + sameScore(overall, r.score) > n - places[2] && places[2] > 0).map((r) => r.id));
  // first tier: among the rest who have served long enough, the top places, a tie group only when wholly inside
  const allowed = rankByScore(counted.filter((p) => !p.shortService && !third.has(p.subjectId)).map((p) => ({ id: p.subjectId, score: p.yearScore })));
  const first = new Set(allowed.filter((r) => r.rank - 1 + sameScore(allowed, r.score) <= places[0]).map((r) => r.id));
  const firstTie = new Set(allowed.filter((r) => !first.has(r.id) && r.rank <= places[0]).map((r) => r.id));

  const entries: TierEntry[] = people.map((p) => {
    const notes: TierNote[] = [];
    if (over(p)) notes.push('over_deducted');
    else if (p.shortService) notes.push('short_service');
    if (firstTie.has(p.subjectId)) notes.push('tie_at_first');
    if (thirdTie.has(p.subjectId)) notes.push('tie_at_third');
    const tier: Tier | null = over(p) ? null : first.has(p.subjectId) ? 1 : third.has(p.subjectId) ? 3 : 2;
    const { shortService: _short, ...rest } = p;
    return { ...rest, rank: rankOf.get(p.subjectId) ?? null, tier, notes };
  });
  entries.sort(
    (a, b) =>
      (a.tier ?? 9) - (b.tier ?? 9) || b.yearScore - a.yearScore || a.name.localeCompare(b.name, 'zh-CN') || (a.subjectId < b.subjectId ? -1 : 1),
  );
  const sizes: [number, number, number] = [1, 2, 3].map((t) => entries.filter((e) => e.tier === t).length) as [number, number, number];
  return { year, months, held, missing, complete: missing.length === 0, counted: n, places, sizes, serviceCutoff: cutoff, entries };
}
