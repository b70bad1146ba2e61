/**
 * Sending the outbox's SMS (DOMAIN.md "Notifications"): what an attempt's answer means for the message — sent,
 * tried again after a backoff (src/domain/events/retry.ts), or failed for good — and the per-phone rate limit.
 * Pure: the caller passes "now" and what was sent before.
 */
import { retryAt } from '../events/retry.js';

export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STATUS_NAMES: Record<MessageStatus, string> = { pending: '待发送', sent: '已发送', failed: '发送失败' };

/**
 * What the provider answered to one attempt. A failure's `message` is said for the administrator, in Chinese, with
 * what to check; `code` (the provider's, or NETWORK, TIMEOUT, HTTP_502 …) and `detail` (the provider's or the
 * system's own words) go in parentheses at its end, for whoever asks the provider.
 */
export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; code: string; message: string; detail?: string; retryable: boolean };

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
  if (!result.retryable) return { status: 'failed', nextAttemptAt: null, sentAt: null, lastError: sendErrorText(result, '不再重发') };
  if (attempts >= maxAttempts) return { status: 'failed', nextAttemptAt: null, sentAt: null, lastError: sendErrorText(result, `已尝试 ${attempts} 次仍未发出，不再重发`) };
  return { status: 'pending', nextAttemptAt: retryAt(attempts, now).toISOString(), sentAt: null, lastError: sendErrorText(result, '系统将自动重发') };
}

/**
 * A failed attempt as the 短信记录 says it to the administrator: what went wrong and what to check, what happens
 * next, then the provider's code and own words in parentheses (what the provider's support asks for).
 */
export function sendErrorText(failure: Pick<Extract<SendResult, { ok: false }>, 'code' | 'message' | 'detail'>, next: string): string {
  const said = failure.message.replace(/[。；;，,\s]+$/u, '');
  const detail = failure.detail?.trim();
  const tail = `（${failure.code}${detail ? `：${detail}` : ''}）`;
  return `${said}；${next}${tail}`.slice(0, 500);
}

/**
 * An error stored before the errors were worded for the administrator ("NETWORK：无法连接短信平台（…）"), as it is said
 * now: the Chinese first, the code in parentheses at the end. Anything else is shown as stored.
 */
export function sayStoredError(stored: string): string {
  const old = /^([A-Za-z][A-Za-z0-9_.]*)：([\s\S]+)$/u.exec(stored);
  if (!old) return stored;
  const [, code, message] = old;
  const known = PERMANENT_CODES[code!] ?? TRANSIENT_NAMES[code!] ?? OWN_CODES[code!];
  // "手机号码格式不正确（非法手机号）": the provider's words were already in parentheses
  const words = /^(.*?)（([^（）]*)）$/u.exec(message!);
  const detail = words ? words[2] : known ? message : undefined;
  return `${known ?? words?.[1] ?? message}（${code}${detail ? `：${detail}` : ''}）`;
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
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码不正确，请核对登记的手机号码',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.SMS_SIGNATURE_ILLEGAL': '短信签名不可用：签名未审核通过或已停用，请核对 SMS_SIGN_NAME',
  'isv.SMS_TEMPLATE_ILLEGAL': '短信模板不可用：模板未审核通过，或填写的模板编号不对，请在短信设置中核对',
  'isv.TEMPLATE_MISSING_PARAMETERS': '短信模板缺少参数',
  'isv.TEMPLATE_PARAMS_ILLEGAL': '短信模板参数不合规',
  'isv.INVALID_PARAMETERS': '参数不正确',
  'isv.INVALID_JSON_PARAM': '模板参数不是有效的 JSON',
  'isv.BLACK_KEY_CONTROL_LIMIT': '短信内容含有禁止的关键字',
  'isv.PARAM_LENGTH_LIMIT': '模板参数超过长度限制',
  'isv.PARAM_NOT_SUPPORT_URL': '模板参数不支持网址',
  'isv.ACCOUNT_NOT_EXISTS': '短信账户不存在',
  'isv.ACCOUNT_ABNORMAL': '短信账户异常',
  'isv.AMOUNT_NOT_ENOUGH': '短信账户余额不足，请充值',
  'isv.OUT_OF_SERVICE': '短信业务已停机',
  'isv.PRODUCT_UN_SUBSCRIPT': '未开通短信服务',
  'isv.PRODUCT_UNSUBSCRIBE': '短信服务已退订',
  'isv.DENY_IP_RANGE': '服务器地址不在短信服务允许的范围内',
  'InvalidAccessKeyId.NotFound': 'AccessKey ID 不存在',
  'InvalidAccessKeyId.Inactive': 'AccessKey 已停用',
  SignatureDoesNotMatch: '签名校验失败：AccessKey Secret 不正确',
  'isv.SMS_TEST_SIGN_TEMPLATE_LIMIT': '测试签名和模板只能发给绑定的号码',
};

/** Flow control and system errors the provider asks to retry later, in Chinese for the 短信记录 page. */
const TRANSIENT_NAMES: Record<string, string> = {
  'isv.BUSINESS_LIMIT_CONTROL': '短信平台流量控制：同一号码发送过于频繁',
  'isp.SYSTEM_ERROR': '短信平台系统错误',
  'isp.RAM_PERMISSION_DENY': '短信平台权限校验暂不可用',
  'Throttling.User': '短信接口调用过于频繁',
  ServiceUnavailable: '短信平台暂时不可用',
  InternalError: '短信平台内部错误',
};

/** Our own codes for what went wrong before the provider answered (src/modules/notifications/sms.ts). */
const OWN_CODES: Record<string, string> = {
  NETWORK: '无法连接短信平台，请检查服务器的网络和短信平台地址 SMS_ENDPOINT',
  TIMEOUT: '短信平台没有及时应答',
};

/** An error of the connection to the provider (our code NETWORK), said for the administrator. */
export const networkFailure = (detail: string): Extract<SendResult, { ok: false }> => ({ ok: false, code: 'NETWORK', message: OWN_CODES.NETWORK!, detail, retryable: true });

/** No answer within the time allowed (our code TIMEOUT). */
export const timeoutFailure = (seconds: number): Extract<SendResult, { ok: false }> => ({
  ok: false,
  code: 'TIMEOUT',
  message: `短信平台 ${seconds} 秒内没有应答，请检查服务器的网络`,
  retryable: true,
});

/** An answer that is not the provider's JSON (a proxy's error page, a wrong SMS_ENDPOINT). */
export const unreadableAnswer = (status: number): Extract<SendResult, { ok: false }> => ({
  ok: false,
  code: `HTTP_${status}`,
  message: '短信平台返回了无法识别的应答，请检查短信平台地址 SMS_ENDPOINT 是否正确',
  retryable: true,
});

/** What the provider's code means: retried or not, and its words in Chinese. */
export function classifyProviderCode(code: string, message: string): Extract<SendResult, { ok: false }> {
  const detail = message.trim() || undefined;
  const permanent = PERMANENT_CODES[code];
  if (permanent) return { ok: false, code, message: permanent, ...(detail && { detail }), retryable: false };
  return { ok: false, code, message: TRANSIENT_NAMES[code] ?? '短信平台未接受发送，原因见括号内短信平台的说明', ...(detail && { detail }), retryable: true };
}
