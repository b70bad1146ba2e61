/**
 * SMS verification codes for registering and for resetting a password (issue 11 §2). A code is six random digits,
 * kept only as a hash; its text goes to the phone through the notifications outbox (template `applicant-code`),
 * written in the same transaction as the code. With no SMS provider configured the message stays in the outbox
 * marked 未配置短信通道 and the administrator reads it in 短信记录 — the code is never in an API answer.
 *
 * Limits: per phone one code a minute and ten a day (counted in one statement, see repo.takeSend); per client
 * address by the route's rate limit; per code five tries (each counted before the comparison).
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { CODE_PURPOSE_NAMES, CODE_RULES, codeThrottle, isCodeShape, newCode, plainDigits, type CodePurpose } from '../../domain/people/applicant-account.js';
import type { CodeSent } from '../../domain/people/applicant-contract.js';
import type { AppContext } from '../../server/context.js';
import { HttpError } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { checkedPhone } from './checks.js';
import * as repo from './repo.js';

/** The stored form of a code: bound to its row, so equal codes of two rows never share a hash. */
export const codeHash = (codeId: string, code: string) => createHash('sha256').update(`${codeId}:${code}`).digest('hex');

type Client = { ip: string | null };

export async function sendCode(ctx: AppContext, input: { phone: string; purpose: CodePurpose }, client: Client): Promise<CodeSent> {
  const { db } = ctx.database;
  const phone = checkedPhone(input.phone);
  const existing = await repo.findByPhone(db, phone);
  if (input.purpose === 'register' && existing) throw phoneRegistered();
  if (input.purpose === 'reset' && !existing) throw phoneNotRegistered();

  const now = ctx.clock();
  const nowIso = now.toISOString();
  const today = localDate(now, ctx.config.timeZone);
  const id = randomUUID();
  const code = newCode(randomInt);
  const sent = await db.transaction().execute(async (trx) => {
    const taken = await repo.takeSend(trx, {
      phone,
      day: today,
      now: nowIso,
      notBefore: new Date(now.getTime() - CODE_RULES.resendSeconds * 1000).toISOString(),
      perDay: CODE_RULES.perPhonePerDay,
    });
    if (!taken) return false;
    await repo.pruneCodes(trx, phone, new Date(now.getTime() - 7 * 86_400_000).toISOString());
    await repo.insertCode(trx, {
      id,
      phone,
      purpose: input.purpose,
      code_hash: codeHash(id, code),
      created_at: nowIso,
      expires_at: new Date(now.getTime() + CODE_RULES.validMinutes * 60_000).toISOString(),
      attempts: 0,
      consumed_at: null,
      ip: client.ip,
    });
    await enqueue(
      trx,
      [{ channel: 'sms', to: phone, template: 'applicant-code', params: { purpose: CODE_PURPOSE_NAMES[input.purpose], code, minutes: String(CODE_RULES.validMinutes) }, dedupeKey: `applicant-code:${id}` }],
      now,
    );
    await recordAudit(trx, { at: now, userId: null, action: 'applicant.codeSent', targetType: 'applicant', targetId: existing?.id ?? null, detail: { phone: maskPhone(phone), purpose: input.purpose }, ip: client.ip });
    return true;
  });
  if (!sent) {
    const state = await repo.findSends(db, phone);
    const why = codeThrottle({ day: state?.day ?? null, sentToday: state?.sent_today ?? 0, lastSentAt: state?.last_sent_at ?? null }, now, today);
    if (!why.ok && why.reason === 'day') {
      throw new HttpError('CODE_DAILY_LIMIT', `这个手机号码今天已获取 ${CODE_RULES.perPhonePerDay} 次验证码，请明天再试，或到便民服务中心窗口办理。`, { retryAfterSeconds: null }, 429);
    }
    const wait = !why.ok && why.reason === 'wait' ? why.retryAfterSeconds : CODE_RULES.resendSeconds;
    throw new HttpError('CODE_TOO_SOON', `验证码已发送，请 ${wait} 秒后再重新获取。`, { retryAfterSeconds: wait }, 429);
  }
  return {
    phone: maskPhone(phone),
    purpose: input.purpose,
    expiresInSeconds: CODE_RULES.validMinutes * 60,
    resendAfterSeconds: CODE_RULES.resendSeconds,
    smsConfigured: ctx.config.sms !== null,
  };
}

export const phoneRegistered = () => new HttpError('PHONE_REGISTERED', '这个手机号码已经注册过网上办事账号，请直接登录；忘记密码的，请点“找回密码”。', undefined, 409);
export const phoneNotRegistered = () => new HttpError('PHONE_NOT_REGISTERED', '这个手机号码还没有注册网上办事账号，请先注册。', { errors: [{ path: 'phone', message: '这个手机号码还没有注册' }] }, 422);

const codeProblem = (code: string, message: string) => new HttpError(code, message, { errors: [{ path: 'code', message }] }, 422);

/**
 * Checks the code a person typed against the latest code sent to the phone for the purpose. The try is counted
 * before the comparison; a wrong one is audited. Gives the code's id, to be used up (repo.consumeCode) in the
 * transaction of what it allows.
 */
export async function checkCode(ctx: AppContext, input: { phone: string; purpose: CodePurpose; code: string; applicantId: string | null }, client: Client): Promise<string> {
  const { db } = ctx.database;
  const typed = plainDigits(input.code);
  if (!isCodeShape(typed)) throw codeProblem('CODE_INVALID', `验证码是短信中的 ${CODE_RULES.length} 位数字，请核对后重新输入。`);
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const latest = await repo.latestCode(db, input.phone, input.purpose);
  if (!latest) throw codeProblem('CODE_NOT_SENT', '请先点“获取验证码”，再填写短信中的验证码。');
  const attempt = await repo.takeCodeTry(db, latest.id, nowIso, CODE_RULES.maxAttempts);
  if (!attempt) {
    if (latest.consumed_at) throw codeProblem('CODE_USED', '这个验证码已经用过了，请重新获取验证码。');
    if (latest.expires_at <= nowIso) throw codeProblem('CODE_EXPIRED', `验证码已过期（${CODE_RULES.validMinutes} 分钟内有效），请重新获取验证码。`);
    throw codeProblem('CODE_EXHAUSTED', '验证码输错次数过多，已经作废，请重新获取验证码。');
  }
  const expected = Buffer.from(attempt.code_hash, 'hex');
  const given = Buffer.from(codeHash(latest.id, typed), 'hex');
  if (expected.length === given.length && timingSafeEqual(expected, given)) return latest.id;
  await recordAudit(db, { at: now, userId: null, action: 'applicant.codeFailed', targetType: 'applicant', targetId: input.applicantId, detail: { phone: maskPhone(input.phone), purpose: input.purpose, attempt: Number(attempt.attempts) }, ip: client.ip });
  const left = CODE_RULES.maxAttempts - Number(attempt.attempts);
  throw left > 0
    ? codeProblem('CODE_WRONG', `验证码不正确，请核对短信中的 ${CODE_RULES.length} 位数字（还可以再试 ${left} 次）。`)
    : codeProblem('CODE_EXHAUSTED', '验证码输错次数过多，已经作废，请重新获取验证码。');
}

/** The code was used by another request a moment ago (two taps, two tabs). */
export const codeUsedMeanwhile = () => codeProblem('CODE_USED', '这个验证码已经用过了，请重新获取验证码。');
