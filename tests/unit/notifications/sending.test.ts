import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAttempt, classifyProviderCode, maskPhone, networkFailure, rateLimitedUntil, sayStoredError, smsExpiredBefore, timeoutFailure, unreadableAnswer } from '../../../src/domain/notifications/sending.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

describe('sending an SMS: retries, the final failure, the per-phone limit', () => {
  it('a sent message is sent; a transient error is tried again after the backoff (5 s, 10 s …); the last attempt fails it', () => {
    expect(afterAttempt({ ok: true, providerId: 'biz-1' }, 1, 5, NOW)).toEqual({ status: 'sent', nextAttemptAt: null, sentAt: NOW.toISOString(), lastError: null });
    const busy = { ok: false as const, code: 'isp.SYSTEM_ERROR', message: '系统错误', retryable: true };
    expect(afterAttempt(busy, 1, 5, NOW)).toMatchObject({ status: 'pending', nextAttemptAt: '2026-03-02T02:00:05.000Z', lastError: '系统错误；系统将自动重发（isp.SYSTEM_ERROR）' });
    expect(afterAttempt(busy, 2, 5, NOW).nextAttemptAt).toBe('2026-03-02T02:00:10.000Z');
    expect(afterAttempt(busy, 5, 5, NOW)).toMatchObject({ status: 'failed', nextAttemptAt: null, lastError: '系统错误；已尝试 5 次仍未发出，不再重发（isp.SYSTEM_ERROR）' });
  });

  it('an answer no retry can fix (a wrong number, an unknown template) fails at once', () => {
    const wrong = classifyProviderCode('isv.MOBILE_NUMBER_ILLEGAL', 'invalid mobile number');
    expect(wrong).toMatchObject({ retryable: false, message: '手机号码不正确，请核对登记的手机号码', detail: 'invalid mobile number' });
    expect(afterAttempt(wrong, 1, 5, NOW)).toMatchObject({ status: 'failed', lastError: '手机号码不正确，请核对登记的手机号码；不再重发（isv.MOBILE_NUMBER_ILLEGAL：invalid mobile number）' });
    expect(classifyProviderCode('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控').retryable).toBe(true);
    expect(classifyProviderCode('Something.New', '?').retryable).toBe(true);
  });

  it('says every failure for the administrator in Chinese first, with the provider\'s code in parentheses at the end', () => {
    expect(afterAttempt(networkFailure('connect ECONNREFUSED 127.0.0.1:3192'), 1, 5, NOW).lastError).toBe(
      '无法连接短信平台，请检查服务器的网络和短信平台地址 SMS_ENDPOINT；系统将自动重发（NETWORK：connect ECONNREFUSED 127.0.0.1:3192）',
    );
    expect(afterAttempt(timeoutFailure(10), 1, 5, NOW).lastError).toBe('短信平台 10 秒内没有应答，请检查服务器的网络；系统将自动重发（TIMEOUT）');
    expect(afterAttempt(unreadableAnswer(502), 1, 5, NOW).lastError).toMatch(/^短信平台返回了无法识别的应答.*（HTTP_502）$/);
    expect(afterAttempt(classifyProviderCode('Something.New', 'odd thing'), 1, 5, NOW).lastError).toBe('短信平台未接受发送，原因见括号内短信平台的说明；系统将自动重发（Something.New：odd thing）');
    const words = fc.constantFrom('isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.AMOUNT_NOT_ENOUGH', 'isp.SYSTEM_ERROR', 'Throttling.User', 'Unknown.Code');
    fc.assert(
      fc.property(words, fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (code, message, attempts) => {
        const error = afterAttempt(classifyProviderCode(code, message), attempts, 5, NOW).lastError!;
        expect(error).toMatch(/^[\u4e00-\u9fff]/);
        expect(error.endsWith(`（${code}${message.trim() ? `：${message.trim()}` : ''}）`)).toBe(true);
      }),
    );
  });

  it('rewords errors stored in the old "CODE：message" form when the 短信记录 shows them', () => {
    expect(sayStoredError('NETWORK：无法连接短信平台（connect ECONNREFUSED 127.0.0.1:3192）')).toBe(
      '无法连接短信平台，请检查服务器的网络和短信平台地址 SMS_ENDPOINT（NETWORK：connect ECONNREFUSED 127.0.0.1:3192）',
    );
    expect(sayStoredError('isv.MOBILE_NUMBER_ILLEGAL：手机号码格式不正确（非法手机号）')).toBe('手机号码不正确，请核对登记的手机号码（isv.MOBILE_NUMBER_ILLEGAL：非法手机号）');
    expect(sayStoredError('超过 3 天未能发出，已过时效，不再发送')).toBe('超过 3 天未能发出，已过时效，不再发送');
    const fresh = afterAttempt(networkFailure('x'), 1, 5, NOW).lastError!;
    expect(sayStoredError(fresh)).toBe(fresh);
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
