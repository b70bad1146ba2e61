import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import { HttpError } from '../../server/errors.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from './actor.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import * as repo from './repo.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidCredentials = (detail?: string) =>
  new HttpError('INVALID_CREDENTIALS', `用户名或密码不正确。${detail ?? ''}`, undefined, 401);

export interface LoginResult {
  token: string;
  user: { id: string; name: string; roles: Role[]; orgId: string };
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const { maxFailures, lockMinutes } = ctx.config.login;
  const user = await repo.findUserByUsername(db, input.username);
  if (!user || !toBool(user.active)) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const until = new Intl.DateTimeFormat('zh-CN', { timeZone: ctx.config.timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(user.locked_until));
    throw new HttpError(
      'ACCOUNT_LOCKED',
      `密码连续输错次数过多，账号已暂时锁定，请于 ${until} 后再试，或请系统管理员解锁。`,
      { lockedUntil: user.locked_until },
      423,
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_logins + 1;
    if (failures >= maxFailures) {
      const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
      await repo.recordFailedLogin(db, user.id, 0, lockedUntil);
      await recordAudit(db, { at: now, userId: user.id, action: 'auth.locked', targetType: 'user', targetId: user.id });
      throw new HttpError(
        'ACCOUNT_LOCKED',
        `密码连续输错 ${maxFailures} 次，账号已锁定 ${lockMinutes} 分钟。请稍后再试，或请系统管理员解锁。`,
        { lockedUntil },
        423,
      );
    }
    await repo.recordFailedLogin(db, user.id, failures, null);
    throw invalidCredentials(`再输错 ${maxFailures - failures} 次，账号将被锁定 ${lockMinutes} 分钟。`);
  }

  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.recordSuccessfulLogin(trx, user.id, at);
    await repo.insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      created_at: at,
      absolute_expires_at: new Date(now.getTime() + ctx.config.session.absoluteHours * 3_600_000).toISOString(),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, { at: now, userId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return { token, user: { id: user.id, name: user.name, roles: fromJson<Role[]>(user.roles, []), orgId: user.org_id } };
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
  };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.endSession(trx, actor.sessionId, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}
