import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/domain/calendar/calendar.js';
import { computeFigures, totalFigure } from '../../../src/domain/evaluation/figures.js';
import { addRaw, emptyRaw, MEASURES, measuresOf, measureText, RAW_KEYS, ratingRaw, sumRaw, workingDaysToFinish, type RawCounts } from '../../../src/domain/statistics/measures.js';

const raw = fc.record(Object.fromEntries(RAW_KEYS.map((k) => [k, fc.nat(50)])) as Record<keyof RawCounts, fc.Arbitrary<number>>).map((r) => {
  // a consistent group: parts never exceed their whole
  const received = r.received;
  return {
    ...r,
    immediate: Math.min(r.immediate, received),
    online: Math.min(r.online, received),
    proxy: Math.min(r.proxy, received),
    returned: Math.min(r.returned, received),
    good: Math.min(r.good, r.rated),
    bad: Math.min(r.bad, r.rated - Math.min(r.good, r.rated)),
    rectified: Math.min(r.rectified, Math.min(r.bad, r.rated - Math.min(r.good, r.rated))),
    complaintsUpheld: Math.min(r.complaintsUpheld, r.complaints),
  } as RawCounts;
});

describe('monthly measures', () => {
  it('adding groups is associative and commutative, and the empty group is neutral', () => {
    fc.assert(
      fc.property(raw, raw, raw, (a, b, c) => {
        expect(addRaw(a, b)).toEqual(addRaw(b, a));
        expect(addRaw(addRaw(a, b), c)).toEqual(addRaw(a, addRaw(b, c)));
        expect(addRaw(a, emptyRaw())).toEqual(a);
        expect(sumRaw([a, b, c])).toEqual(addRaw(addRaw(a, b), c));
      }),
    );
  });

  it('every share and rate lies within 0..1, null where nothing was counted; counts are the raw counts', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const m = measuresOf(r);
        for (const def of MEASURES) {
          const v = m[def.key];
          if (def.unit === '%') {
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          } else if (def.unit === '件') expect(v).toBe(r[def.key as keyof RawCounts]);
        }
        expect(m.immediateShare === null).toBe(r.received === 0);
        expect(m.goodRate === null).toBe(r.rated === 0);
        expect(m.avgWorkingDays === null).toBe(r.timedCases === 0);
      }),
    );
  });

  it('the combined share lies between the shares of its parts', () => {
    fc.assert(
      fc.property(raw, raw, (a, b) => {
        const [x, y, s] = [measuresOf(a).onlineShare, measuresOf(b).onlineShare, measuresOf(addRaw(a, b)).onlineShare];
        if (x !== null && y !== null) {
          expect(s!).toBeGreaterThanOrEqual(Math.min(x, y) - 1e-12);
          expect(s!).toBeLessThanOrEqual(Math.max(x, y) + 1e-12);
        }
      }),
    );
  });

  it('rating rates are the evaluation figures, unchanged', () => {
    const figures = computeFigures(
      [
        { key: 'w', level: 'satisfied', isDefault: false, excluded: false, round: 1, workOrderStatus: null, count: 8 },
        { key: 'w', level: 'dissatisfied', isDefault: false, excluded: false, round: 1, workOrderStatus: 'closed', count: 1 },
        { key: 'w', level: 'very_dissatisfied', isDefault: false, excluded: false, round: 1, workOrderStatus: null, count: 1 },
        { key: 'w', level: 'basic', isDefault: true, excluded: false, round: 1, workOrderStatus: null, count: 2 },
      ],
      [{ key: 'w', finished: 12, activelyRated: 10 }],
    );
    const total = totalFigure(figures);
    const m = measuresOf({ ...emptyRaw(), ...ratingRaw(total) });
    expect(m.goodRate).toBe(total.goodRate);
    expect(m.activeRate).toBe(total.activeRate);
    expect(m.rectifyRate).toBe(total.rectifyRate);
  });

  it('shows shares as percentages, days to one decimal, nothing as a dash', () => {
    expect(measureText('goodRate', 0.9567)).toBe('95.7%');
    expect(measureText('avgWorkingDays', 2.25)).toBe('2.3');
    expect(measureText('received', 12)).toBe('12');
    expect(measureText('onlineShare', null)).toBe('—');
  });

  it('working days to finish: the day of acceptance not counted, weekends and holidays skipped, never negative', () => {
    const cal = buildCalendar([2026], [{ date: '2026-04-06', working: false, note: '清明节' }]);
    expect(workingDaysToFinish(cal, '2026-03-03', '2026-03-03')).toBe(0);
    expect(workingDaysToFinish(cal, '2026-03-03', '2026-03-05')).toBe(2);
    expect(workingDaysToFinish(cal, '2026-04-03', '2026-04-07')).toBe(1); // Fri → Tue over a weekend and 清明
    expect(workingDaysToFinish(cal, '2026-03-05', '2026-03-03')).toBe(0);
  });
});
