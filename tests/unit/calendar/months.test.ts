import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, MONTH_PATTERN, monthBounds } from '../../../src/domain/calendar/months.js';

const month = fc.tuple(fc.integer({ min: 1950, max: 2200 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('months', () => {
  it('rolls over years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -11)).toBe('2025-04');
  });

  it('adding n then -n gives the month back, always a valid month', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -600, max: 600 }), (m, n) => {
        expect(addMonths(m, n)).toMatch(MONTH_PATTERN);
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
      }),
    );
  });

  it('a month begins at midnight of its first day on the center clock and ends where the next begins', () => {
    expect(monthBounds('2026-12', 'Asia/Shanghai')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    fc.assert(
      fc.property(month, (m) => {
        const { from, to } = monthBounds(m, 'Asia/Shanghai');
        expect(to).toBe(monthBounds(addMonths(m, 1), 'Asia/Shanghai').from);
        expect(Date.parse(to) - Date.parse(from)).toBeGreaterThanOrEqual(28 * 86_400_000);
      }),
    );
  });

  it('refuses what is no month', () => {
    for (const bad of ['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01']) expect(bad).not.toMatch(MONTH_PATTERN);
  });
});
