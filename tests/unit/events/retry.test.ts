import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDue, RETRY_FIRST_MS, RETRY_MAX_MS, retryAt, retryDelayMs } from '../../../src/domain/events/retry.js';

describe('event consumer retry backoff', () => {
  it('waits 5 s after the first failure, then doubles', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('never waits more than an hour, however many failures', () => {
    expect(retryDelayMs(11)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(1_000_000)).toBe(RETRY_MAX_MS);
  });

  it('a healthy consumer (no failures) does not wait', () => {
    expect(retryDelayMs(0)).toBe(0);
    expect(retryDelayMs(-3)).toBe(0);
  });

  it('never shrinks as failures grow, and stays within [first, max]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const d = retryDelayMs(n);
        expect(d).toBeGreaterThanOrEqual(RETRY_FIRST_MS);
        expect(d).toBeLessThanOrEqual(RETRY_MAX_MS);
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  it('is due when the wait is over, not before', () => {
    const now = new Date('2026-12-06T02:00:00.000Z');
    const at = retryAt(2, now);
    expect(at.toISOString()).toBe('2026-12-06T02:00:10.000Z');
    expect(isDue(null, now)).toBe(true);
    expect(isDue(at.toISOString(), now)).toBe(false);
    expect(isDue(at.toISOString(), new Date(at.getTime()))).toBe(true);
  });
});
