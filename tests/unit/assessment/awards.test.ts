import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  awardSettingsProblem,
  coverage,
  DEFAULT_AWARD_SETTINGS,
  quarterlyFlags,
  quarterMonths,
  quarterOf,
  repeatedTop,
  round2,
  serviceCutoff,
  tierPlaces,
  yearlyModels,
  yearMonths,
  yearTiers,
  type MonthResult,
} from '../../../src/domain/assessment/awards.js';

const S = DEFAULT_AWARD_SETTINGS;
const A = { orgId: 'A', name: '甲乡便民服务中心' };
const B = { orgId: 'B', name: '乙乡便民服务中心' };

const res = (month: string, subjectId: string, score: number, extra: Partial<MonthResult> = {}): MonthResult => ({
  month,
  orgId: 'A',
  subjectKind: 'window',
  subjectId,
  name: `窗口${subjectId}`,
  score,
  deducted: Math.max(0, 100 - score),
  ...extra,
});

/** `count` windows w01… with scores 100 - i (w01 first) in every given month, optionally overridden */
function monthOf(month: string, count: number, override: Record<string, number> = {}, kind: 'window' | 'person' = 'window', orgId = 'A'): MonthResult[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${orgId}${kind === 'window' ? 'w' : 'p'}${String(i + 1).padStart(2, '0')}`;
    return res(month, id, override[id] ?? 100 - i, { subjectKind: kind, orgId, name: id });
  });
}

describe('periods', () => {
  it('knows the months of a quarter and a year', () => {
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(yearMonths(2026)).toHaveLength(12);
    expect(quarterOf('2026-06')).toBe('2026-Q2');
    expect(quarterOf('2026-07')).toBe('2026-Q3');
  });

  it('counts six months of service at the end of the year from 1 July', () => {
    expect(serviceCutoff(2026, 6)).toBe('2026-07-01');
    expect(serviceCutoff(2026, 0)).toBe('2027-01-01');
    expect(serviceCutoff(2026, 12)).toBe('2026-01-01');
  });

  it('checks the settings in words', () => {
    expect(awardSettingsProblem(S)).toBeNull();
    expect(awardSettingsProblem({ ...S, tierShares: [30, 50, 30] })).toMatch('合计须为 100%');
    expect(awardSettingsProblem({ ...S, flagTop: 0 })).toMatch('流动红旗');
    expect(awardSettingsProblem({ ...S, flagTimes: 2.5 })).toMatch('整数');
  });
});

describe('优质服务窗口（流动红旗）', () => {
  const q1 = quarterMonths('2026-Q1');

  it('caps "at least 5 times" at the three rankings of a quarter: top 10 every month', () => {
    // 12 windows; Aw11 is 11th in January (out), 2nd in Feb and March; Aw03 in the top every month
    const results = [...monthOf('2026-01', 12), ...monthOf('2026-02', 12, { Aw11: 99.5 }), ...monthOf('2026-03', 12, { Aw11: 99.5 })];
    const flags = quarterlyFlags('2026-Q1', [A], results, S);
    expect(flags.required).toBe(3);
    expect(flags.times).toBe(5);
    expect(flags.complete).toBe(true);
    const awarded = flags.entries.filter((e) => e.status === 'awarded').map((e) => e.subjectId);
    expect(awarded).toHaveLength(9); // w01…w10 but w10, pushed to 11th in Feb and March, and not w11
    expect(awarded).not.toContain('Aw11');
    expect(awarded).not.toContain('Aw10');
    expect(flags.entries.find((e) => e.subjectId === 'Aw11')).toMatchObject({ timesInTop: 2, status: 'out' });
    expect(flags.entries.find((e) => e.subjectId === 'Aw11')!.ranks.map((r) => r.rank)).toEqual([11, 2, 2]);
  });

  it('keeps every window tied at place 10 in the top 10', () => {
    const tie = { Aw10: 90, Aw11: 90 }; // 10th and 11th share place 10
    const results = q1.flatMap((m) => monthOf(m, 12, tie));
    const flags = quarterlyFlags('2026-Q1', [A], results, S);
    const w11 = flags.entries.find((e) => e.subjectId === 'Aw11')!;
    expect(w11.ranks.map((r) => r.rank)).toEqual([10, 10, 10]);
    expect(w11.status).toBe('awarded');
    expect(flags.entries.find((e) => e.subjectId === 'Aw12')!.status).toBe('out');
  });

  it('with a lower setting M (2 of 3), two months in the top are enough', () => {
    const results = [...monthOf('2026-01', 12), ...monthOf('2026-02', 12, { Aw11: 99.5 }), ...monthOf('2026-03', 12)];
    const flags = quarterlyFlags('2026-Q1', [A], results, { ...S, flagTimes: 2 });
    expect(flags.required).toBe(2);
    expect(flags.entries.find((e) => e.subjectId === 'Aw11')!.status).toBe('out'); // only February
    const again = quarterlyFlags('2026-Q1', [A], [...monthOf('2026-01', 12), ...monthOf('2026-02', 12, { Aw11: 99.5 }), ...monthOf('2026-03', 12, { Aw11: 99.5 })], { ...S, flagTimes: 2 });
    expect(again.entries.find((e) => e.subjectId === 'Aw11')!.status).toBe('awarded');
  });

  it('names the missing months and never ranks a month a center has not closed', () => {
    // center B has not closed March: March is not ranked for anyone, A's March results notwithstanding
    const results = [...q1.flatMap((m) => monthOf(m, 6)), ...monthOf('2026-01', 6, {}, 'window', 'B'), ...monthOf('2026-02', 6, {}, 'window', 'B')];
    const flags = quarterlyFlags('2026-Q1', [A, B], results, S);
    expect(flags.complete).toBe(false);
    expect(flags.held).toEqual(['2026-01', '2026-02']);
    expect(flags.missing).toEqual([{ month: '2026-03', centers: [B] }]);
    expect(flags.entries.every((e) => e.ranks[2]!.rank === null)).toBe(true);
    // in the top 10 both months held: can still get it, has not yet
    expect(flags.entries.filter((e) => e.status === 'awarded')).toHaveLength(0);
    expect(flags.entries.find((e) => e.subjectId === 'Aw01')!.status).toBe('possible');
    // 12 windows over two centers: Aw06 and Bw06 share place 11 of the ranking and can no longer get it
    expect(flags.entries.find((e) => e.subjectId === 'Bw06')).toMatchObject({ status: 'out', timesInTop: 0 });
  });

  it('a center with no results at all in the quarter is missing for every month', () => {
    const results = q1.flatMap((m) => monthOf(m, 3));
    expect(coverage(q1, [A, B], results)).toEqual({ held: [], missing: q1.map((month) => ({ month, centers: [B] })) });
  });
});

describe('优质服务标兵', () => {
  it('names persons in the top 5 in every month of the year, and no one else', () => {
    const months = yearMonths(2026);
    // Ap06 sixth every month; Ap05 drops to sixth in December only
    const results = months.flatMap((m) => monthOf(m, 8, m === '2026-12' ? { Ap05: 94.5 } : {}, 'person'));
    const models = yearlyModels(2026, [A], results, S);
    expect(models.required).toBe(12);
    expect(models.entries.filter((e) => e.status === 'awarded').map((e) => e.subjectId)).toEqual(['Ap01', 'Ap02', 'Ap03', 'Ap04']);
    expect(models.entries.find((e) => e.subjectId === 'Ap05')).toMatchObject({ timesInTop: 11, status: 'out' });
  });

  it('a person without a result in a ranked month is not in the top that month', () => {
    const months = yearMonths(2026);
    const results = months.flatMap((m) => monthOf(m, 8, {}, 'person').filter((r) => !(r.subjectId === 'Ap01' && m === '2026-07')));
    const models = yearlyModels(2026, [A], results, S);
    expect(models.entries.find((e) => e.subjectId === 'Ap01')).toMatchObject({ timesInTop: 11, status: 'out' });
  });

  it('before the year is closed lists candidates, not awards', () => {
    const results = yearMonths(2026)
      .slice(0, 10)
      .flatMap((m) => monthOf(m, 8, {}, 'person'));
    const models = yearlyModels(2026, [A], results, S);
    expect(models.complete).toBe(false);
    expect(models.missing.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
    expect(models.entries.filter((e) => e.status === 'possible').map((e) => e.subjectId)).toEqual(['Ap01', 'Ap02', 'Ap03', 'Ap04', 'Ap05']);
    expect(models.entries.filter((e) => e.status === 'awarded')).toHaveLength(0);
  });
});

describe('年终考核档次', () => {
  const months = yearMonths(2026);
  /** persons p01…pNN with a steady monthly score each (100 - i), no deductions beyond it */
  const staff = (n: number, override: Record<string, number> = {}, deducted: Record<string, number> = {}) =>
    months.flatMap((m) =>
      Array.from({ length: n }, (_, i) => {
        const id = `p${String(i + 1).padStart(2, '0')}`;
        return res(m, id, override[id] ?? 100 - i, { subjectKind: 'person', name: id, deducted: deducted[id] ?? 0 });
      }),
    );
  const tiers = (results: MonthResult[], serviceStart: Record<string, string> = {}, settings = S) =>
    yearTiers({ year: 2026, centers: [A], results, serviceStart: new Map(Object.entries(serviceStart)), settings });
  const tierOf = (list: ReturnType<typeof tiers>, id: string) => list.entries.find((e) => e.subjectId === id)!.tier;

  it('places floor(30 %) (at least one), floor(20 %) and the rest', () => {
    expect(tierPlaces(10, [30, 50, 20])).toEqual([3, 5, 2]);
    expect(tierPlaces(7, [30, 50, 20])).toEqual([2, 4, 1]);
    expect(tierPlaces(3, [30, 50, 20])).toEqual([1, 2, 0]);
    expect(tierPlaces(1, [30, 50, 20])).toEqual([1, 0, 0]);
    expect(tierPlaces(0, [30, 50, 20])).toEqual([0, 0, 0]);
    expect(tierPlaces(2, [0, 50, 50])).toEqual([0, 1, 1]);
  });

  it('ranks by the average of quarterly averages, 30 / 50 / 20', () => {
    const list = tiers(staff(10));
    expect(list.complete).toBe(true);
    expect(list.places).toEqual([3, 5, 2]);
    expect(list.sizes).toEqual([3, 5, 2]);
    expect(['p01', 'p02', 'p03'].map((id) => tierOf(list, id))).toEqual([1, 1, 1]);
    expect(['p09', 'p10'].map((id) => tierOf(list, id))).toEqual([3, 3]);
    expect(list.entries[0]).toMatchObject({ subjectId: 'p01', quarterScores: [100, 100, 100, 100], yearScore: 100, rank: 1 });
  });

  it('averages the quarters, not the months (a quarter with one month counts as much as a full one)', () => {
    // p01: 90 in January only for Q1 (other Q1 months absent), 100 in every other quarter month
    const results = staff(2).filter((r) => !(r.subjectId === 'p01' && (r.month === '2026-02' || r.month === '2026-03')));
    const patched = results.map((r) => (r.subjectId === 'p01' && r.month === '2026-01' ? { ...r, score: 90 } : r));
    const list = tiers(patched);
    const p01 = list.entries.find((e) => e.subjectId === 'p01')!;
    expect(p01.quarterScores).toEqual([90, 100, 100, 100]);
    expect(p01.yearScore).toBe(97.5); // by months it would be 99.09
  });

  it('keeps people under 6 months of service out of the first tier; the next one takes the place', () => {
    const list = tiers(staff(10), { p01: '2026-07-02', p02: '2026-07-01' });
    expect(tierOf(list, 'p01')).toBe(2);
    expect(list.entries.find((e) => e.subjectId === 'p01')!.notes).toContain('short_service');
    expect(tierOf(list, 'p02')).toBe(1); // joined 1 July: six whole months by 31 December
    expect(tierOf(list, 'p04')).toBe(1);
    expect(list.sizes).toEqual([3, 5, 2]);
  });

  it('keeps people with more than 60 points deducted in the year out of every tier (60 exactly still counts)', () => {
    const list = tiers(staff(10, {}, { p01: 5.5, p05: 5 })); // p01: 66 in the year, p05: 60
    expect(tierOf(list, 'p01')).toBeNull();
    expect(list.entries.find((e) => e.subjectId === 'p01')).toMatchObject({ deducted: 66, rank: null, notes: ['over_deducted'] });
    expect(tierOf(list, 'p05')).not.toBeNull();
    expect(list.counted).toBe(9);
    expect(list.places).toEqual([2, 6, 1]);
    expect(list.entries.at(-1)!.subjectId).toBe('p01');
  });

  it('sends people tied across a boundary to the second tier: no tier takes more than its places', () => {
    // 10 people; 3rd and 4th tie (first tier: 3 places) and 8th and 9th tie (third tier: 2 places)
    const list = tiers(staff(10, { p04: 98, p09: 93 }));
    expect(['p01', 'p02'].map((id) => tierOf(list, id))).toEqual([1, 1]);
    expect(['p03', 'p04'].map((id) => tierOf(list, id))).toEqual([2, 2]);
    expect(list.entries.find((e) => e.subjectId === 'p03')!.notes).toContain('tie_at_first');
    expect(['p08', 'p09'].map((id) => tierOf(list, id))).toEqual([2, 2]);
    expect(list.entries.find((e) => e.subjectId === 'p09')!.notes).toContain('tie_at_third');
    expect(tierOf(list, 'p10')).toBe(3);
    expect(list.sizes).toEqual([2, 7, 1]);
  });

  it('ranks only months every center has closed, and says which are missing', () => {
    const results = staff(3).filter((r) => r.month !== '2026-12');
    const list = tiers(results);
    expect(list.complete).toBe(false);
    expect(list.missing).toEqual([{ month: '2026-12', centers: [A] }]);
    expect(list.held).toHaveLength(11);
  });

  it('rounds averages half up to 2 decimals before comparing', () => {
    expect(round2(96.166666)).toBe(96.17);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(97.125)).toBe(97.13);
  });
});

// ---------------------------------------------------------------- properties

const scoreArb = fc.integer({ min: 80, max: 110 }).map((x) => x / 1); // whole points; ties are frequent
const monthScores = (ids: string[], months: string[], kind: 'window' | 'person') =>
  fc.tuple(...months.map(() => fc.tuple(...ids.map(() => fc.option(scoreArb, { freq: 8 }))))).map((table) =>
    table.flatMap((row, mi) =>
      row.flatMap((score, i) => (score === null ? [] : [res(months[mi]!, ids[i]!, score, { subjectKind: kind, name: ids[i]!, deducted: Math.max(0, 100 - score) })])),
    ),
  );

describe('properties of the repeated top places', () => {
  const ids = Array.from({ length: 14 }, (_, i) => `w${String(i).padStart(2, '0')}`);
  const q = quarterMonths('2026-Q2');
  const args = fc.record({ results: monthScores(ids, q, 'window'), top: fc.integer({ min: 1, max: 12 }), times: fc.integer({ min: 1, max: 6 }) });

  it('awards exactly those in the top places at least min(M, 3) times, each counted by the month ranking', () => {
    fc.assert(
      fc.property(args, ({ results, top, times }) => {
        const award = repeatedTop({ kind: 'window', months: q, centers: [A], results, top, times });
        expect(award.required).toBe(Math.min(times, 3));
        for (const e of award.entries) {
          // a place is one more than the number scoring strictly higher that month
          for (const r of e.ranks) {
            if (r.rank === null) continue;
            const month = results.filter((x) => x.month === r.month);
            expect(r.rank).toBe(1 + month.filter((x) => x.score > r.score!).length);
          }
          const times = e.ranks.filter((r) => r.rank !== null && r.rank <= top).length;
          expect(e.timesInTop).toBe(times);
          expect(e.status === 'awarded').toBe(times >= award.required);
          if (award.missing.length === 0) expect(e.status).not.toBe('possible');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the results', () => {
    fc.assert(
      fc.property(args, fc.integer(), ({ results, top, times }, seed) => {
        const shuffled = [...results].sort((a, b) => ((a.subjectId.charCodeAt(2) * seed + a.month.charCodeAt(6)) % 11) - ((b.subjectId.charCodeAt(2) * seed + b.month.charCodeAt(6)) % 11));
        const one = repeatedTop({ kind: 'window', months: q, centers: [A], results, top, times });
        const two = repeatedTop({ kind: 'window', months: q, centers: [A], results: shuffled, top, times });
        expect(two).toEqual(one);
      }),
      { numRuns: 100 },
    );
  });

  it('a winner who scores higher in a month still wins', () => {
    fc.assert(
      fc.property(args, fc.integer({ min: 0, max: 100 }), ({ results, top, times }, pick) => {
        const award = repeatedTop({ kind: 'window', months: q, centers: [A], results, top, times });
        const winners = award.entries.filter((e) => e.status === 'awarded');
        if (!winners.length) return;
        const w = winners[pick % winners.length]!;
        const raised = results.map((r) => (r.subjectId === w.subjectId ? { ...r, score: r.score + 5 } : r));
        const again = repeatedTop({ kind: 'window', months: q, centers: [A], results: raised, top, times });
        expect(again.entries.find((e) => e.subjectId === w.subjectId)!.status).toBe('awarded');
      }),
      { numRuns: 100 },
    );
  });

  it('with a month missing, awarded ⇒ awarded once it closes, and out ⇒ still out', () => {
    fc.assert(
      fc.property(args, monthScores(ids, ['2026-06'], 'window'), ({ results, top, times }, june) => {
        const early = results.filter((r) => r.month !== '2026-06');
        const full = [...early, ...june];
        const before = repeatedTop({ kind: 'window', months: q, centers: [A], results: early, top, times });
        const after = repeatedTop({ kind: 'window', months: q, centers: [A], results: full, top, times });
        for (const e of before.entries) {
          const later = after.entries.find((x) => x.subjectId === e.subjectId)!;
          if (e.status === 'awarded') expect(later.status).toBe('awarded');
          if (e.status === 'out') expect(later.status).toBe('out');
          if (later.status === 'awarded' && before.missing.length > 0) expect(e.status).not.toBe('out');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('properties of the tiers', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const months = ['2026-01', '2026-04', '2026-07', '2026-10', '2026-11'];
  const args = fc.record({
    results: monthScores(ids, months, 'person'),
    short: fc.subarray(ids),
    shares: fc.constantFrom<[number, number, number]>([30, 50, 20], [20, 60, 20], [50, 50, 0], [10, 40, 50], [0, 80, 20]),
    maxDeducted: fc.integer({ min: 0, max: 60 }),
  });
  const run = ({ results, short, shares, maxDeducted }: { results: MonthResult[]; short: string[]; shares: [number, number, number]; maxDeducted: number }) =>
    yearTiers({
      year: 2026,
      centers: [],
      results,
      serviceStart: new Map(short.map((id) => [id, '2026-09-01'])),
      settings: { ...S, tierShares: shares, maxDeducted },
    });

  it('no tier over its places, the excluded in none, the short-served never first, the better tier never scores lower', () => {
    fc.assert(
      fc.property(args, (a) => {
        const list = run(a);
        const inTiers = list.entries.filter((e) => e.tier !== null);
        expect(inTiers).toHaveLength(list.counted);
        expect(list.places[0] + list.places[1] + list.places[2]).toBe(list.counted);
        expect(list.sizes[0]).toBeLessThanOrEqual(list.places[0]);
        expect(list.sizes[2]).toBeLessThanOrEqual(list.places[2]);
        for (const e of list.entries) {
          if (e.deducted > a.maxDeducted) expect(e.tier).toBeNull();
          else expect(e.tier).not.toBeNull();
          if (a.short.includes(e.subjectId)) expect(e.tier).not.toBe(1);
        }
        const scores = (t: number) => inTiers.filter((e) => e.tier === t).map((e) => e.yearScore);
        // a first-tier score beats every eligible person left in the second tier; the third is below everyone else
        const eligibleSecond = inTiers.filter((e) => e.tier === 2 && !a.short.includes(e.subjectId)).map((e) => e.yearScore);
        for (const f of scores(1)) for (const s of eligibleSecond) expect(f).toBeGreaterThan(s);
        for (const t of scores(3)) for (const s of [...scores(1), ...scores(2)]) expect(t).toBeLessThan(s);
      }),
      { numRuns: 300 },
    );
  });

  it('with different scores and nobody excluded, each tier has exactly its places', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 6000, max: 11000 }), { minLength: 1, maxLength: 30 }), (scores) => {
        const results = scores.map((s, i) => res('2026-03', `p${i}`, s / 100, { subjectKind: 'person', name: `p${i}`, deducted: 0 }));
        const list = yearTiers({ year: 2026, centers: [], results, serviceStart: new Map(), settings: S });
        expect(list.sizes).toEqual(list.places);
        expect(list.places).toEqual(tierPlaces(scores.length, [30, 50, 20]));
      }),
    );
  });

  it('does not depend on the order of the results', () => {
    fc.assert(
      fc.property(args, (a) => {
        const one = run(a);
        const two = run({ ...a, results: [...a.results].reverse() });
        expect(two).toEqual(one);
      }),
      { numRuns: 100 },
    );
  });
});
