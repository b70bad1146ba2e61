import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTop, rankByScore } from '../../../src/domain/assessment/ranking.js';

const entries = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), score: fc.integer({ min: 0, max: 110 }) }), {
  selector: (e) => e.id,
  maxLength: 40,
});

describe('rankByScore (competition ranking)', () => {
  it('ranks 1224 on ties and lists ties by id', () => {
    const ranked = rankByScore([
      { id: 'c', score: 90 },
      { id: 'a', score: 98 },
      { id: 'd', score: 95 },
      { id: 'b', score: 95 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['d', 2],
      ['c', 4],
    ]);
  });

  it('keeps every entry, orders by score, and a rank is one more than the number scoring strictly higher', () => {
    fc.assert(
      fc.property(entries, (items) => {
        const ranked = rankByScore(items);
        expect(ranked).toHaveLength(items.length);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        for (const r of ranked) expect(r.rank).toBe(1 + items.filter((o) => o.score > r.score).length);
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(entries, fc.integer(), (items, seed) => {
        const shuffled = [...items].sort((a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7));
        expect(rankByScore(shuffled)).toEqual(rankByScore(items));
      }),
    );
  });

  it('counts ties at the last place as in the top n', () => {
    const ranked = rankByScore([
      { id: 'a', score: 100 },
      { id: 'b', score: 99 },
      { id: 'c', score: 99 },
    ]);
    expect(ranked.filter((r) => inTop(r.rank, 2)).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
