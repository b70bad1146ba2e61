// 好差评 figures (issue 10 §1): 好评率, 主动评价率, 差评整改率 per group; upheld appeals count nowhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFigures, percentText, totalFigure, type CaseCount, type RatingCount } from '../../../src/domain/evaluation/figures.js';
import { LEVELS } from '../../../src/domain/evaluation/levels.js';
import { WORK_ORDER_STATUSES } from '../../../src/domain/evaluation/work-orders.js';

const r = (over: Partial<RatingCount>): RatingCount => ({ key: 'w1', level: 'satisfied', isDefault: false, excluded: false, round: 1, workOrderStatus: null, count: 1, ...over });

describe('figures', () => {
  it('counts the three rates of a window by hand', () => {
    const ratings = [
      r({ level: 'very_satisfied', count: 5 }),
      r({ level: 'basic', isDefault: true, count: 2 }),
      r({ level: 'dissatisfied', workOrderStatus: 'closed' }),
      r({ level: 'very_dissatisfied', workOrderStatus: 'rectifying' }),
      r({ level: 'very_dissatisfied', excluded: true, workOrderStatus: 'cancelled' }),
      r({ level: 'satisfied', round: 2, count: 3 }),
    ];
    const cases: CaseCount[] = [{ key: 'w1', finished: 10, activelyRated: 7 }];
    const [f] = computeFigures(ratings, cases);
    expect(f).toMatchObject({ key: 'w1', rated: 9, good: 7, bad: 2, rectified: 1, excluded: 1, defaults: 2, finished: 10, activelyRated: 7 });
    expect(f!.goodRate).toBeCloseTo(7 / 9);
    expect(f!.rectifyRate).toBe(0.5);
    expect(f!.activeRate).toBe(0.7);
    expect(percentText(f!.goodRate)).toBe('77.8%');
    expect(percentText(null)).toBe('—');
  });

  it('nothing counted: rates are null, not 0 or NaN', () => {
    const [f] = computeFigures([r({ excluded: true })], []);
    expect(f).toMatchObject({ rated: 0, goodRate: null, activeRate: null, rectifyRate: null, excluded: 1 });
  });

  const rating = fc.record({
    key: fc.constantFrom('w1', 'w2', 'w3'),
    level: fc.constantFrom(...LEVELS),
    isDefault: fc.boolean(),
    excluded: fc.boolean(),
    round: fc.constantFrom(1, 1, 2),
    workOrderStatus: fc.option(fc.constantFrom(...WORK_ORDER_STATUSES), { nil: null }),
    count: fc.integer({ min: 0, max: 20 }),
  });
  const caseCount = fc.record({ key: fc.constantFrom('w1', 'w2', 'w4'), finished: fc.integer({ min: 0, max: 30 }), activelyRated: fc.integer({ min: 0, max: 30 }) });

  it('property: every rate within 0–1; the numerators never exceed their denominators; the total adds up', () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 30 }), fc.array(caseCount, { maxLength: 5 }), (ratings, cases) => {
        const figures = computeFigures(ratings, cases);
        for (const f of figures) {
          for (const v of [f.goodRate, f.activeRate, f.rectifyRate]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          expect(f.good).toBeLessThanOrEqual(f.rated);
          expect(f.bad + f.good).toBe(f.rated);
          expect(f.rectified).toBeLessThanOrEqual(f.bad);
        }
        const total = totalFigure(figures);
        expect(total.rated).toBe(ratings.filter((x) => x.round === 1 && !x.excluded).reduce((s, x) => s + x.count, 0));
        expect(total.excluded).toBe(ratings.filter((x) => x.round === 1 && x.excluded).reduce((s, x) => s + x.count, 0));
      }),
    );
  });

  it('property: upholding an appeal (marking a rating excluded) never changes another group and never adds to a count', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 20 }), fc.nat(), (ratings, pick) => {
        const i = pick % ratings.length;
        const after = ratings.map((x, j) => (j === i ? { ...x, excluded: true } : x));
        const a = new Map(computeFigures(ratings, []).map((f) => [f.key, f]));
        const b = new Map(computeFigures(after, []).map((f) => [f.key, f]));
        for (const [key, f] of a) {
          const g = b.get(key)!;
          if (key !== ratings[i]!.key) expect(g).toEqual(f);
          expect(g.rated).toBeLessThanOrEqual(f.rated);
          expect(g.bad).toBeLessThanOrEqual(f.bad);
        }
      }),
    );
  });
});
