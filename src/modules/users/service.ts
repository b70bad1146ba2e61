import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { accountDutyProblem, hasPermission, PERMISSIONS, refusalAdvice, rolesProblem, type AccountAction, type Role } from '../../domain/roles.js';
import { fromBool, fromJson, toBool, toJson } from '../../db/portable.js';
import { isAwayKind, whereaboutsOf, type Whereabouts } from '../../domain/transparency/whereabouts.js';
import type { UsersTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { duplicate, forbidden, HttpError, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { passwordProblem } from '../../domain/people/password.js';
import { hashPassword } from '../auth/passwords.js';
import { clearFailures, endSessionsOfUser, lockedNames } from '../auth/repo.js';
import { officeDayTexts } from '../duty/office-days.js';
import { findOrg } from '../orgs/repo.js';
import { presentOrg } from '../orgs/presenter.js';
import { assertInScope, scopeOf } from '../orgs/service.js';
import { getLevelNames } from '../settings/service.js';
import { presentUser } from './presenter.js';
import * as repo from './repo.js';

function checkPassword(ctx: AppContext, password: string, username: string): void {
  const problem = passwordProblem(password, { policy: ctx.config.passwordPolicy, username, demo: ctx.config.demo });
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
}

/** 三员分立 and who administers whose account: the table in src/domain/roles.ts decides. */
function checkDuty(actor: Actor, action: AccountAction, target: { roles: readonly Role[]; newRoles?: readonly Role[] }): void {
  const problem = accountDutyProblem(actor.roles, action, target);
  if (problem) throw new HttpError('SEPARATION_OF_DUTIES', problem, { action }, 403);
}

const rolesOf = (user: UsersTable) => fromJson<Role[]>(user.roles, []);

/** Users with the lock-out in force on their name (counted per name in login_failures). */
async function present(ctx: AppContext, db: Db, rows: UsersTable[]) {
  const now = ctx.clock();
  const locks = new Map(
    (await lockedNames(db, rows.map((r) => r.username), now.toISOString())).map((l) => [l.username, l.locked_until]),
  );
  return rows.map((row) => presentUser(row, locks.get(row.username) ?? null));
}

function checkRoles(roles: Role[]): void {
  const problem = rolesProblem(roles);
  if (problem) throw new DomainError('ROLE_SEPARATION', problem);
}

export async function currentUser(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const org = await findOrg(db, actor.orgId);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      name: actor.name,
      roles: actor.roles,
      orgId: actor.orgId,
      mustChangePassword: actor.mustChangePassword ?? false,
      orgName: org?.name ?? '',
      orgLevel: org?.level ?? null,
      org: org ? presentOrg(org) : null,
      officeDay: org?.level === 'village' ? ((await officeDayTexts(db, [org.id])).get(org.id) ?? null) : null,
    },
    levelNames: await getLevelNames(db),
    passwordPolicy: ctx.config.passwordPolicy,
  };
}

/** Staff lists serve user administration and window assignment (A/B posts) by a director. */
export async function listUsersFor(ctx: AppContext, actor: Actor, orgId?: string) {
  if (!hasPermission(actor.roles, 'users.manage') && !hasPermission(actor.roles, 'windows.manage')) {
    throw forbidden('查看人员名单', refusalAdvice(actor.roles, [...new Set([...PERMISSIONS['users.manage'], ...PERMISSIONS['windows.manage']])]));
  }
  const { db } = ctx.database;
  const scope = await scopeOf(db, actor);
  if (orgId && !scope.has(orgId)) throw forbidden('查看该机构的人员');
  const rows = await repo.listUsers(db, orgId ? [orgId] : [...scope]);
  return present(ctx, db, rows);
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: { username: string; name: string; password: string; roles: Role[]; orgId: string; phone?: string | null; serviceStartDate?: string | null | undefined },
) {
  checkRoles(input.roles);
  checkDuty(actor, 'create', { roles: [], newRoles: input.roles });
  checkPassword(ctx, input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await findOrg(trx, input.orgId))) throw notFound('所选机构');
    await assertInScope(trx, actor, input.orgId);
    if (await repo.findUserByUsername(trx, input.username)) throw duplicate(`用户名 ${input.username} `);
    const row = {
      id: randomUUID(),
      username: input.username,
      name: input.name,
      password_hash: passwordHash,
      org_id: input.orgId,
      roles: toJson(input.roles),
      phone: input.phone ?? null,
      active: 1,
      last_login_at: null,
      // an administrator chose this password: the holder sets their own at first sign-in
      must_change_password: 1,
      away: 0,
      away_reason: null,
      away_since: null,
      service_start_date: input.serviceStartDate ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: 1,
    };
    await repo.insertUser(trx, row);
    await recordAudit(trx, {
      at: now,
      userId: actor.userId, ip: actor.ip,
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      detail: { username: row.username, roles: input.roles, orgId: input.orgId },
    });
    return presentUser(row, null);
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; name?: string; roles?: Role[]; orgId?: string; phone?: string | null; serviceStartDate?: string | null | undefined; active?: boolean },
) {
  if (input.roles) checkRoles(input.roles);
  if (id === actor.userId && (input.roles || input.active === false)) {
    throw new DomainError('SELF_CHANGE_FORBIDDEN', '不能修改自己的角色或停用自己的账号，请由另一位管理员操作。');
  }
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const user = await repo.findUser(trx, id);
    if (!user) throw notFound('该人员');
    const roles = rolesOf(user);
    if (input.roles && [...input.roles].sort().join() !== [...roles].sort().join()) {
      checkDuty(actor, 'roles', { roles, newRoles: input.roles });
    }
    const edits =
      (input.name !== undefined && input.name !== user.name) ||
      (input.orgId !== undefined && input.orgId !== user.org_id) ||
      (input.phone !== undefined && input.phone !== user.phone) ||
      (input.serviceStartDate !== undefined && input.serviceStartDate !== (user.service_start_date ?? null)) ||
      (input.active !== undefined && fromBool(input.active) !== user.active);
    if (edits) checkDuty(actor, 'edit', { roles });
    await assertInScope(trx, actor, user.org_id);
    if (input.orgId) {
      if (!(await findOrg(trx, input.orgId))) throw notFound('所选机构');
      await assertInScope(trx, actor, input.orgId);
    }
    const changed = await repo.updateUser(trx, id, input.expectedVersion, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.roles !== undefined && { roles: toJson(input.roles) }),
      ...(input.orgId !== undefined && { org_id: input.orgId }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.serviceStartDate !== undefined && { service_start_date: input.serviceStartDate }),
      ...(input.active !== undefined && { active: fromBool(input.active) }),
      updated_at: now.toISOString(),
    });
    if (!changed) throw versionConflict();
    // A disabled account or a change of roles takes effect now, not at the next sign-in.
    if (input.active === false || input.roles || input.orgId) await endSessionsOfUser(trx, id, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'user.update', targetType: 'user', targetId: id, detail: input });
    return (await present(ctx, trx, [(await repo.findUser(trx, id))!]))[0]!;
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string) {
  const now = ctx.clock();
  const user = await repo.findUser(ctx.database.db, id);
  if (!user) throw notFound('该人员');
  checkDuty(actor, 'resetPassword', { roles: rolesOf(user) });
  checkPassword(ctx, password, user.username);
  const passwordHash = await hashPassword(password);
  return ctx.database.db.transaction().execute(async (trx) => {
    await assertInScope(trx, actor, user.org_id);
    // The administrator knows this password: the holder must replace it at the next sign-in.
    await repo.updateUser(trx, id, null, { password_hash: passwordHash, must_change_password: 1, updated_at: now.toISOString() });
    await clearFailures(trx, user.username);
    await endSessionsOfUser(trx, id, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'user.resetPassword', targetType: 'user', targetId: id });
    return presentUser((await repo.findUser(trx, id))!, null);
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const user = await repo.findUser(trx, id);
    if (!user) throw notFound('该人员');
    checkDuty(actor, 'unlock', { roles: rolesOf(user) });
    await assertInScope(trx, actor, user.org_id);
    await clearFailures(trx, user.username);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'user.unlock', targetType: 'user', targetId: id });
    return presentUser((await repo.findUser(trx, id))!, null);
  });
}

/**
 * Sets a person's 去向 (issue 12 §4): 在岗, or away 下村/开会/请假/出差 with an optional note only staff see. While A
 * is away, B works A's windows (AB岗): new work and A's open cases show in B's list. A person may report
 * themselves; a director or administrator may for staff. The older form { away, reason } still works: away with
 * a reason typed and no kind is 出差.
 */
export async function setPresence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { away?: boolean | undefined; reason?: string | undefined; whereabouts?: Whereabouts | undefined; note?: string | null | undefined },
) {
  const now = ctx.clock();
  if (id !== actor.userId && !hasPermission(actor.roles, 'windows.manage')) throw forbidden('登记他人的在岗情况');
  const kind: Whereabouts = input.whereabouts ?? (input.away ? '出差' : '在岗');
  if (input.whereabouts === undefined && input.away === undefined) {
    throw new DomainError('WHEREABOUTS_REQUIRED', '请选择去向：在岗、下村、开会、请假或出差。', undefined, 400);
  }
  if (input.whereabouts === undefined && input.away && !input.reason?.trim()) {
    throw new DomainError('AWAY_REASON_REQUIRED', '请写明离岗事由（如请假、外出开会、下村走访），以便B岗接手和主任掌握去向。');
  }
  const note = isAwayKind(kind) ? (input.note ?? input.reason ?? '').trim() || null : null;
  return ctx.database.db.transaction().execute(async (trx) => {
    const user = await repo.findUser(trx, id);
    if (!user) throw notFound('该人员');
    await assertInScope(trx, actor, user.org_id);
    await writeWhereabouts(trx, user, kind, note, now);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: isAwayKind(kind) ? 'user.away' : 'user.back', targetType: 'user', targetId: id, detail: { whereabouts: kind, note } });
    return (await present(ctx, trx, [(await repo.findUser(trx, id))!]))[0]!;
  });
}

/**
 * Writes a person's 去向 and keeps the AB switch with it (away = kind ≠ 在岗); `away_since` moves only when the kind
 * changes. For the presence module's leave job too (an approved leave marks the person 请假 and back), inside the
 * caller's transaction.
 */
export async function writeWhereabouts(db: Db, user: UsersTable, kind: Whereabouts, note: string | null, now: Date): Promise<void> {
  const away = isAwayKind(kind);
  const same = whereaboutsOf(toBool(user.away), user.whereabouts) === kind;
  await repo.updateUser(db, user.id, null, {
    away: fromBool(away),
    whereabouts: kind,
    away_reason: away ? note : null,
    away_since: away ? (same && user.away_since ? user.away_since : now.toISOString()) : null,
    updated_at: now.toISOString(),
  });
}
