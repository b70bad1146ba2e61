// Open311 batch requests (src/domain/open311/tokens.ts): what the queue does after an attempt, which download
// failures may pass, and what GET tokens/{token} answers in each state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAttempt, combinedKind, fetchFailureKind, MAX_ATTEMPTS, RETRY_AFTER_MS, tokenAnswerOf, TOKEN_STATUSES, type AttemptOutcome } from '../../../src/domain/open311/tokens.js';

const NOW = new Date('2026-03-02T01:00:00Z');
const outcome = fc.oneof(
  fc.constant<AttemptOutcome>({ ok: true }),
  fc.record({ ok: fc.constant(false as const), kind: fc.constantFrom('passing' as const, 'final' as const), reasons: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 3 }) }),
);

describe('afterAttempt', () => {
  it('done on success; a final failure fails at once; a passing one waits, and fails after MAX_ATTEMPTS', () => {
    expect(afterAttempt(1, { ok: true }, NOW)).toEqual({ status: 'done' });
    expect(afterAttempt(1, { ok: false, kind: 'final', reasons: ['不是 PDF。'] }, NOW)).toEqual({ status: 'failed', error: '不是 PDF。' });
    expect(afterAttempt(1, { ok: false, kind: 'passing', reasons: ['超时。'] }, NOW)).toEqual({ status: 'queued', nextAttemptAt: new Date(NOW.getTime() + RETRY_AFTER_MS[0]!), error: '超时。' });
    expect(afterAttempt(2, { ok: false, kind: 'passing', reasons: ['超时。'] }, NOW)).toEqual({ status: 'queued', nextAttemptAt: new Date(NOW.getTime() + RETRY_AFTER_MS[1]!), error: '超时。' });
    expect(afterAttempt(MAX_ATTEMPTS, { ok: false, kind: 'passing', reasons: ['超时。'] }, NOW)).toEqual({ status: 'failed', error: '超时。' });
  });

  it('a request driven by any outcomes ends done or failed within MAX_ATTEMPTS attempts, each retry later than the last', () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: MAX_ATTEMPTS, maxLength: MAX_ATTEMPTS + 2 }), (outcomes) => {
        let now = NOW;
        let attempts = 0;
        for (const o of outcomes) {
          attempts++;
          const next = afterAttempt(attempts, o, now);
          if (next.status !== 'queued') {
            expect(attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
            expect(next.status).toBe(o.ok ? 'done' : 'failed');
            return;
          }
          expect(o.ok).toBe(false);
          expect(next.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
          now = next.nextAttemptAt;
        }
        throw new Error('still queued after every outcome');
      }),
    );
  });
});

describe('download failures', () => {
  it('timeouts, unreachable servers and 5xx/429/408 may pass; everything else is the client’s to fix', () => {
    expect(['timeout', 'network'].map((r) => fetchFailureKind(r, ''))).toEqual(['passing', 'passing']);
    expect(['500', '503', '429', '408'].map((c) => fetchFailureKind('status', c))).toEqual(['passing', 'passing', 'passing', 'passing']);
    expect(['404', '403', '410'].map((c) => fetchFailureKind('status', c))).toEqual(['final', 'final', 'final']);
    expect(['scheme', 'private', 'too_large', 'redirects'].map((r) => fetchFailureKind(r, ''))).toEqual(['final', 'final', 'final', 'final']);
    expect(combinedKind(['passing', 'passing'])).toBe('passing');
    expect(combinedKind(['passing', 'final'])).toBe('final');
  });
});

describe('tokenAnswerOf', () => {
  it('the specification’s two fields; the id only once done; a failure adds the reason as service_notice', () => {
    const token = '0123456789abcdef01234567';
    expect(tokenAnswerOf({ token, status: 'queued', applicationNo: null, error: null })).toEqual([{ service_request_id: null, token }]);
    expect(tokenAnswerOf({ token, status: 'working', applicationNo: null, error: '超时。' })).toEqual([{ service_request_id: null, token }]);
    expect(tokenAnswerOf({ token, status: 'done', applicationNo: 'WS20260302-0001', error: null })).toEqual([{ service_request_id: 'WS20260302-0001', token }]);
    const failed = tokenAnswerOf({ token, status: 'failed', applicationNo: null, error: 'attribute[MATERIAL_1]：不是 PDF。' }) as Record<string, unknown>[];
    expect(Object.keys(failed[0]!)).toEqual(['service_request_id', 'token', 'service_notice']);
    expect(failed[0]!.service_request_id).toBeNull();
    expect(failed[0]!.service_notice).toContain('attribute[MATERIAL_1]');
    expect(TOKEN_STATUSES).toEqual(['queued', 'working', 'done', 'failed']);
  });
});
