/**
 * Applicants' sessions: signing in with phone and password (lock-out as for staff: LOGIN_MAX_FAILURES wrong
 * passwords lock the account for LOGIN_LOCK_MINUTES, counted in one statement before the password is checked),
 * signing out, and the account behind the `bianmin_applicant` cookie. A session of its own, apart from the staff's:
 * a clerk signed in on the hall's computer is not an applicant, nor the other way round.
 */
import { createHash, randomBytes } from 'node:crypto';
import { localTime } from '../../domain/calendar/office-hours.js';
import { APPLICANT_SESSION, maskName, maskNumber } from '../../domain/people/applicant-account.js';
import type { ApplicantView } from '../../domain/people/applicant-contract.js';
import { maskPhone, parseMobile } from '../../domain/people/id-number.js';
import { toBool } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { HttpError } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import * as repo from './repo.js';

/** The applicant's cookie: httpOnly, SameSite=Lax (a link from an SMS opens the account signed in), Secure with COOKIE_SECURE=1. */
export const APPLICANT_COOKIE = 'bianmin_applicant';
/** The cookie goes only to the public API: the staff console and its API never see it. */
export const APPLICANT_COOKIE_PATH = '/api/public';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** After a day without a wrong password the count starts again. */
const QUIET_MS = 24 * 3_600_000;

export type Client = { ip: string | null; userAgent?: string | null };

export interface SignedIn {
  token: string;
  applicant: ApplicantView;
}

export function applicantView(row: repo.ApplicantRow): ApplicantView {
  return {
    id: row.id,
    kind: row.kind,
    nameMasked: maskName(row.name, row.kind),
    phoneMasked: maskPhone(row.phone),
    numberMasked: maskNumber(row.id_number ?? row.credit_code ?? ''),
    realNameVerified: toBool(row.real_name_verified),
    realNameVerifiedAt: row.real_name_verified_at,
    realNameMethod: row.real_name_method === 'gb11643' || row.real_name_method === 'gb32100' ? row.real_name_method : null,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** A new session for an account, in the caller's transaction; gives the cookie's token. */
export async function openSession(trx: Db, ctx: AppContext, applicantId: string, client: Client): Promise<string> {
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  await repo.insertSession(trx, {
    id: hashToken(token),
    applicant_id: applicantId,
    created_at: now.toISOString(),
    absolute_expires_at: new Date(now.getTime() + APPLICANT_SESSION.absoluteHours * 3_600_000).toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

const lockedError = (ctx: AppContext, lockedUntil: string, justNow: boolean) => {
  const { maxFailures, lockMinutes } = ctx.config.login;
  return new HttpError(
    'ACCOUNT_LOCKED',
    justNow
      ? `密码连续输错 ${maxFailures} 次，账号已锁定 ${lockMinutes} 分钟。请稍后再试，或用“找回密码”重新设置密码。`
      : `密码连续输错次数过多，账号已暂时锁定，请于 ${localTime(new Date(lockedUntil), ctx.config.timeZone)} 后再试，或用“找回密码”重新设置密码。`,
    { lockedUntil },
    423,
  );
};

export async function signIn(ctx: AppContext, input: { phone: string; password: string }, client: Client): Promise<SignedIn> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const { maxFailures, lockMinutes } = ctx.config.login;
  const mobile = parseMobile(input.phone);
  const phone = mobile.ok ? mobile.value : input.phone.trim().slice(0, 30);
  const masked = maskPhone(phone);
  const guess = await repo.takeGuess(db, {
    phone,
    now: nowIso,
    quietSince: new Date(now.getTime() - QUIET_MS).toISOString(),
    maxFailures,
    lockedUntil: new Date(now.getTime() + lockMinutes * 60_000).toISOString(),
  });
  const failed = (reason: string, applicantId: string | null) =>
    recordAudit(db, { at: now, userId: null, action: 'applicant.failed', targetType: 'applicant', targetId: applicantId, detail: { phone: masked, reason }, ip: client.ip });
  if (!guess) {
    const account = await repo.findByPhone(db, phone);
    if (account?.locked_until && account.locked_until > nowIso) {
      // locked: the password is not even looked at
      await failed('locked', account.id);
      throw lockedError(ctx, account.locked_until, false);
    }
    // no such account: the same Argon2 work, so the time taken does not tell either
    await verifyPassword(await dummyPasswordHash(), input.password);
    await failed('unknown', null);
    throw new HttpError('INVALID_CREDENTIALS', '手机号码或密码不正确。还没有账号的，请先注册。', undefined, 401);
  }
  if (await verifyPassword(guess.password_hash, input.password)) {
    const token = await db.transaction().execute(async (trx) => {
      await repo.signedIn(trx, guess.id, nowIso);
      const t = await openSession(trx, ctx, guess.id, client);
      await recordAudit(trx, { at: now, userId: null, action: 'applicant.login', targetType: 'applicant', targetId: guess.id, detail: { phone: masked }, ip: client.ip });
      return t;
    });
    const row = await repo.findById(db, guess.id);
    return { token, applicant: applicantView(row!) };
  }
  await failed('password', guess.id);
  if (guess.locked_until) {
    await recordAudit(db, { at: now, userId: null, action: 'applicant.locked', targetType: 'applicant', targetId: guess.id, detail: { phone: masked, until: guess.locked_until }, ip: client.ip });
    throw lockedError(ctx, guess.locked_until, true);
  }
  throw new HttpError('INVALID_CREDENTIALS', `手机号码或密码不正确。再输错 ${maxFailures - Number(guess.failed_attempts)} 次，账号将被锁定 ${lockMinutes} 分钟。`, undefined, 401);
}

export const notSignedIn = () => new HttpError('APPLICANT_UNAUTHENTICATED', '请先登录网上办事账号。', undefined, 401);
const sessionExpired = () => new HttpError('APPLICANT_SESSION_EXPIRED', '登录已过期，请重新登录。', undefined, 401);

export interface ApplicantActor {
  applicantId: string;
  sessionId: string;
}

/** The account behind a cookie's token; an expired session is ended and refused with 401. */
export async function resolveApplicant(ctx: AppContext, token: string | undefined): Promise<ApplicantActor> {
  if (!token) throw notSignedIn();
  const { db } = ctx.database;
  const now = ctx.clock();
  const id = hashToken(token);
  const row = await repo.findLiveSession(db, id);
  if (!row) throw sessionExpired();
  const idleLimit = new Date(now.getTime() - APPLICANT_SESSION.idleMinutes * 60_000).toISOString();
  if (row.absolute_expires_at <= now.toISOString() || row.last_seen_at < idleLimit) {
    await repo.endSession(db, id, now.toISOString());
    throw sessionExpired();
  }
  // last_seen at most once a minute: reading a page must not turn into a write per request
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) await repo.touchSession(db, id, now.toISOString());
  return { applicantId: row.applicant_id, sessionId: id };
}

export async function currentApplicant(ctx: AppContext, actor: ApplicantActor): Promise<{ applicant: ApplicantView }> {
  const row = await repo.findById(ctx.database.db, actor.applicantId);
  if (!row) throw notSignedIn();
  return { applicant: applicantView(row) };
}

export async function signOut(ctx: AppContext, token: string | undefined, client: Client): Promise<void> {
  if (!token) return;
  const { db } = ctx.database;
  const now = ctx.clock();
  const session = await repo.findLiveSession(db, hashToken(token));
  if (!session) return;
  await db.transaction().execute(async (trx) => {
    await repo.endSession(trx, session.id, now.toISOString());
    await recordAudit(trx, { at: now, userId: null, action: 'applicant.logout', targetType: 'applicant', targetId: session.applicant_id, ip: client.ip });
  });
}
