/**
 * Sending the outbox's SMS (DOMAIN.md "Notifications"): what an attempt's answer means for the message — sent,
 * tried again after a backoff (src/domain/events/retry.ts), or failed for good — and the per-phone rate limit.
 * Pure: the caller passes "now" and what was sent before.
 */
import { retryAt } from '../events/retry.js';

export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STATUS_NAMES: Record<MessageStatus, string> = { pending: '待发送', sent: '已发送', failed: '发送失败' };

/** What the provider answered to one attempt. */
export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; code: string; message: string; retryable: boolean };

/** The note of a message that stays in the outbox because no SMS provider is configured (ARCHITECTURE.md). */
export const NOT_CONFIGURED_NOTE = '未配置短信通道';
export const templateNotConfiguredNote = (setting: string) => `未配置短信模板编号（${setting}）`;
export const RATE_LIMITED_NOTE = '该号码发送过于频繁，稍后自动发送';

/**
 * An SMS not sent within three days of the step it tells about is not sent any more: a villager told weeks later that
 * their case "has been accepted" (the provider was down, or configured only now) is confused, not informed. Three
 * days carry a message over a weekend with the provider out; the 短信记录 keeps it as failed, with this note.
 */
const SMS_LIFETIME_DAYS = 3;
export const EXPIRED_NOTE = `超过 ${SMS_LIFETIME_DAYS} 天未能发出，已过时效，不再发送`;
/** Pending SMS written before this instant have expired at `now`. */
export const smsExpiredBefore = (now: Date): string => new Date(now.getTime() - SMS_LIFETIME_DAYS * 24 * 3_600_000).toISOString();

/** Defaults of the settings an administrator may change (smsMaxAttempts, smsPerPhonePerHour). */
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_PER_PHONE_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

export interface AttemptOutcome {
  status: MessageStatus;
  /** when to try again (pending), else null */
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
}

/**
 * The message after its `attempts`-th attempt (counting this one) answered `result`: sent; failed at once when the
 * provider says it can never succeed (a wrong number, a template it does not know); else tried again after the
 * backoff until `maxAttempts`, then failed.
 */
export function afterAttempt(result: SendResult, attempts: number, maxAttempts: number, now: Date): AttemptOutcome {
  if (result.ok) return { status: 'sent', nextAttemptAt: null, sentAt: now.toISOString(), lastError: null };
  const error = `${result.code}：${result.message}`.slice(0, 500);
  if (!result.retryable || attempts >= maxAttempts) return { status: 'failed', nextAttemptAt: null, sentAt: null, lastError: error };
  return { status: 'pending', nextAttemptAt: retryAt(attempts, now).toISOString(), sentAt: null, lastError: error };
}

/**
 * The per-phone limit: with `perHour` messages sent to the phone in the hour before `now` (`sentAts`), the next
 * waits until the oldest of them is an hour old. Null: it may go now.
 */
export function rateLimitedUntil(sentAts: readonly string[], now: Date, perHour: number): Date | null {
  const since = now.getTime() - HOUR_MS;
  const recent = sentAts.map((s) => Date.parse(s)).filter((t) => t > since).sort((a, b) => a - b);
  if (recent.length < perHour) return null;
  return new Date(recent[recent.length - perHour]! + HOUR_MS);
}

/** A phone as staff lists show it: 138****5678. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/**
 * Aliyun SMS answers (dysmsapi SendSms `Code`) that no retry can fix: the number, the signature, the template,
 * the account. Anything else (flow control, a system error, a timeout, a 5xx) is tried again.
 */
const PERMANENT_CODES: Record<string, string> = {
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码格式不正确',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.SMS_SIGNATURE_ILLEGAL': '短信签名不可用（未审核通过或已停用）',
  'isv.SMS_TEMPLATE_ILLEGAL': '短信模板不可用（未审核通过或模板编号不对）',
  'isv.TEMPLATE_MISSING_PARAMETERS': '短信模板缺少参数',
  'isv.TEMPLATE_PARAMS_ILLEGAL': '短信模板参数不合规',
  'isv.INVALID_PARAMETERS': '参数不正确',
  'isv.INVALID_JSON_PARAM': '模板参数不是有效的 JSON',
  'isv.BLACK_KEY_CONTROL_LIMIT': '短信内容含有禁止的关键字',
  'isv.PARAM_LENGTH_LIMIT': '模板参数超过长度限制',
  'isv.PARAM_NOT_SUPPORT_URL': '模板参数不支持网址',
  'isv.ACCOUNT_NOT_EXISTS': '短信账户不存在',
  'isv.ACCOUNT_ABNORMAL': '短信账户异常',
  'isv.AMOUNT_NOT_ENOUGH': '短信账户余额不足',
  'isv.OUT_OF_SERVICE': '短信业务已停机',
  'isv.PRODUCT_UN_SUBSCRIPT': '未开通短信服务',
  'isv.PRODUCT_UNSUBSCRIBE': '短信服务已退订',
  'isv.DENY_IP_RANGE': '服务器地址不在短信服务允许的范围内',
  'InvalidAccessKeyId.NotFound': 'AccessKey ID 不存在',
  'InvalidAccessKeyId.Inactive': 'AccessKey 已停用',
  SignatureDoesNotMatch: '签名校验失败（AccessKey Secret 不正确）',
  'isv.SMS_TEST_SIGN_TEMPLATE_LIMIT': '测试签名和模板只能发给绑定的号码',
};

/** Flow control and system errors the provider asks to retry later, in Chinese for the 短信记录 page. */
const TRANSIENT_NAMES: Record<string, string> = {
  'isv.BUSINESS_LIMIT_CONTROL': '短信平台流量控制（同一号码发送过于频繁）',
  'isp.SYSTEM_ERROR': '短信平台系统错误',
  'isp.RAM_PERMISSION_DENY': '短信平台权限校验暂不可用',
  'Throttling.User': '短信接口调用过于频繁',
  ServiceUnavailable: '短信平台暂时不可用',
  InternalError: '短信平台内部错误',
};

/** What the provider's code means: retried or not, and its words in Chinese. */
export function classifyProviderCode(code: string, message: string): Extract<SendResult, { ok: false }> {
  const permanent = PERMANENT_CODES[code];
  if (permanent) return { ok: false, code, message: `${permanent}（${message}）`, retryable: false };
  return { ok: false, code, message: TRANSIENT_NAMES[code] ? `${TRANSIENT_NAMES[code]}（${message}）` : message, retryable: true };
}
