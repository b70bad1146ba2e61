import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAttempt, classifyProviderCode, maskPhone, rateLimitedUntil, smsExpiredBefore } from '../../../src/domain/notifications/sending.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

describe('sending an SMS: retries, the final failure, the per-phone limit', () => {
  it('a sent message is sent; a transient error is tried again after the backoff (5 s, 10 s …); the last attempt fails it', () => {
    expect(afterAttempt({ ok: true, providerId: 'biz-1' }, 1, 5, NOW)).toEqual({ status: 'sent', nextAttemptAt: null, sentAt: NOW.toISOString(), lastError: null });
    const busy = { ok: false as const, code: 'isp.SYSTEM_ERROR', message: '系统错误', retryable: true };
    expect(afterAttempt(busy, 1, 5, NOW)).toMatchObject({ status: 'pending', nextAttemptAt: '2026-03-02T02:00:05.000Z', lastError: 'isp.SYSTEM_ERROR：系统错误' });
    expect(afterAttempt(busy, 2, 5, NOW).nextAttemptAt).toBe('2026-03-02T02:00:10.000Z');
    expect(afterAttempt(busy, 5, 5, NOW)).toMatchObject({ status: 'failed', nextAttemptAt: null });
  });

  it('an answer no retry can fix (a wrong number, an unknown template) fails at once', () => {
    const wrong = classifyProviderCode('isv.MOBILE_NUMBER_ILLEGAL', 'invalid mobile number');
    expect(wrong).toMatchObject({ retryable: false, message: '手机号码格式不正确（invalid mobile number）' });
    expect(afterAttempt(wrong, 1, 5, NOW).status).toBe('failed');
    expect(classifyProviderCode('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控').retryable).toBe(true);
    expect(classifyProviderCode('Something.New', '?').retryable).toBe(true);
  });

  it('never fails a retryable message before its last attempt, never leaves it pending after (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (attempts, max) => {
        const out = afterAttempt({ ok: false, code: 'TIMEOUT', message: '超时', retryable: true }, attempts, max, NOW);
        expect(out.status).toBe(attempts >= max ? 'failed' : 'pending');
        if (out.status === 'pending') expect(out.nextAttemptAt! > NOW.toISOString()).toBe(true);
      }),
    );
  });

  it('limits messages per phone and hour: the next waits until the oldest of the hour is an hour old', () => {
    const at = (min: number) => new Date(NOW.getTime() - min * 60_000).toISOString();
    expect(rateLimitedUntil([at(50), at(10)], NOW, 3)).toBeNull();
    expect(rateLimitedUntil([at(50), at(30), at(10)], NOW, 3)!.toISOString()).toBe(new Date(NOW.getTime() + 10 * 60_000).toISOString());
    // older than an hour does not count
    expect(rateLimitedUntil([at(70), at(65), at(10)], NOW, 3)).toBeNull();
  });

  it('masks phones for lists', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('****');
  });

  it('an SMS expires three days (72 hours, whatever the calendar) after the step it tells about', () => {
    expect(smsExpiredBefore(NOW)).toBe('2026-02-27T02:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (now) => {
        expect(now.getTime() - Date.parse(smsExpiredBefore(now))).toBe(72 * 3_600_000);
      }),
    );
  });
});
