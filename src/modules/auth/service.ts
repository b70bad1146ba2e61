import { createHash, randomBytes } from 'node:crypto';
import { passwordProblem } from '../../domain/people/password.js';
import type { Role } from '../../domain/roles.js';
import { DomainError } from '../../domain/errors.js';
import { localTime } from '../../domain/calendar/office-hours.js';
import { fromJson, toBool } from '../../db/portable.js';
import { HttpError } from '../../server/errors.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from './actor.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { findUserByUsername, recordSuccessfulLogin, setOwnPassword } from '../users/repo.js';
import * as repo from './repo.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** After a day without a wrong password the count starts again (a typo a week is no attack). */
const QUIET_MS = 24 * 3_600_000;

export interface LoginResult {
  token: string;
  user: { id: string; name: string; roles: Role[]; orgId: string; mustChangePassword: boolean };
}

type Client = { ip: string | null; userAgent?: string | null };

const formatTime = (ctx: AppContext, iso: string) => localTime(new Date(iso), ctx.config.timeZone);

const lockedError = (ctx: AppContext, lockedUntil: string, justNow: boolean) => {
  const { maxFailures, lockMinutes } = ctx.config.login;
  return new HttpError(
    'ACCOUNT_LOCKED',
    justNow
      ? `密码连续输错 ${maxFailures} 次，账号已锁定 ${lockMinutes} 分钟。请稍后再试，或请安全管理员解锁。`
      : `密码连续输错次数过多，账号已暂时锁定，请于 ${formatTime(ctx, lockedUntil)} 后再试，或请安全管理员解锁。`,
    { lockedUntil },
    423,
  );
};

/**
 * Checks a password for a name typed at sign-in (or a signed-in person's current password), counting every
 * wrong one. A name no account has is treated exactly like a real one (a hash is checked, failures counted,
 * the same answers and the same lock-out), so the answers never tell which usernames exist. Returns the
 * active account on the right password; throws 401 or 423 otherwise. The failure is audited either way.
 */
async function checkPassword(ctx: AppContext, username: string, password: string, client: Client, purpose: 'login' | 'change') {
  const { db } = ctx.database;
  const now = ctx.clock();
  const { maxFailures, lockMinutes } = ctx.config.login;
  const nowIso = now.toISOString();
  const quietSince = new Date(now.getTime() - QUIET_MS).toISOString();
  const guess = await repo.takeGuess(db, {
    username,
    now: nowIso,
    quietSince,
    maxFailures,
    lockedUntil: new Date(now.getTime() + lockMinutes * 60_000).toISOString(),
  });
  const user = await findUserByUsername(db, username);
  const account = user && toBool(user.active) ? user : undefined;
  const failed = (reason: string) =>
    recordAudit(db, { at: now, userId: user?.id ?? null, action: 'auth.failed', targetType: 'user', targetId: user?.id ?? null, detail: { username, reason, purpose }, ip: client.ip });
  if (!guess) {
    // Locked: the password is not even looked at.
    await failed('locked');
    const lock = await repo.findFailures(db, username);
    throw lockedError(ctx, lock?.locked_until ?? nowIso, false);
  }
  // Same work for a name without an account: a real Argon2 check, so timing does not tell either.
  const right = await verifyPassword(account?.password_hash ?? (await dummyPasswordHash()), password);
  if (right && account) return account;
  await failed(user ? (account ? 'password' : 'inactive') : 'unknown');
  await repo.pruneFailures(db, quietSince, nowIso);
  if (guess.lockedUntil) {
    await recordAudit(db, { at: now, userId: user?.id ?? null, action: 'auth.locked', targetType: 'user', targetId: user?.id ?? null, detail: { username }, ip: client.ip });
    throw lockedError(ctx, guess.lockedUntil, true);
  }
  const left = `再输错 ${maxFailures - guess.failures} 次，账号将被锁定 ${lockMinutes} 分钟。`;
  throw purpose === 'login'
    ? new HttpError('INVALID_CREDENTIALS', `用户名或密码不正确。${left}`, undefined, 401)
    : new HttpError('WRONG_CURRENT_PASSWORD', `原密码不正确，请重新输入。${left}`, undefined, 422);
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = ctx.database;
  const user = await checkPassword(ctx, input.username, input.password, input, 'login');
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.clearFailures(trx, user.username);
    await recordSuccessfulLogin(trx, user.id, at);
    await repo.insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      created_at: at,
      absolute_expires_at: new Date(now.getTime() + ctx.config.session.absoluteHours * 3_600_000).toISOString(),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, { at: now, userId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip: input.ip });
  });
  return {
    token,
    user: {
      id: user.id,
      name: user.name,
      roles: fromJson<Role[]>(user.roles, []),
      orgId: user.org_id,
      mustChangePassword: toBool(user.must_change_password),
    },
  };
}

/**
 * A person sets their own password: the current one first (wrong guesses count toward the lock-out like at
 * sign-in), the new one by the deployment's policy. Their other sessions end; this one stays.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  client: Client,
): Promise<void> {
  const problem = passwordProblem(input.newPassword, { policy: ctx.config.passwordPolicy, username: actor.username, demo: ctx.config.demo });
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
  if (input.newPassword === input.currentPassword) throw new DomainError('SAME_PASSWORD', '新密码不能与原密码相同，请另设一个。');
  const user = await checkPassword(ctx, actor.username, input.currentPassword, client, 'change');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.clearFailures(trx, user.username);
    await setOwnPassword(trx, user.id, passwordHash, now.toISOString());
    await repo.endOtherSessions(trx, user.id, actor.sessionId, now.toISOString());
    await recordAudit(trx, { at: now, userId: user.id, action: 'auth.passwordChanged', targetType: 'user', targetId: user.id, ip: client.ip });
  });
}

export const sessionExpired = () =>
  new HttpError('SESSION_EXPIRED', '您已较长时间未操作，为保护群众信息已自动退出，请重新登录。', undefined, 401);

/** The actor behind a session cookie, or null when there is none; an expired session is ended and refused. */
export async function resolveSession(ctx: AppContext, token: string): Promise<Actor> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const id = hashToken(token);
  const row = await repo.findLiveSession(db, id);
  if (!row || !toBool(row.active)) throw sessionExpired();
  const idleLimit = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000).toISOString();
  if (row.absolute_expires_at <= now.toISOString() || row.last_seen_at < idleLimit) {
    await repo.endSession(db, id, now.toISOString());
    throw sessionExpired();
  }
  // Write last_seen at most once a minute: reading a page must not turn into a write per request.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) await repo.touchSession(db, id, now.toISOString());
  return {
    userId: row.userId,
    username: row.username,
    name: row.name,
    roles: fromJson<Role[]>(row.roles, []),
    orgId: row.org_id,
    sessionId: id,
    mustChangePassword: toBool(row.must_change_password),
  };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.endSession(trx, actor.sessionId, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}
