import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { actingHolder, samePersonProblem } from '../../domain/staff/ab-post.js';
import { fromBool, fromJson, toBool } from '../../db/portable.js';
import { hasPermission, ROLE_NAMES, type Role } from '../../domain/roles.js';
import type { AppContext, Db } from '../../server/context.js';
import { duplicate, forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { assertInScope, scopeOf } from '../orgs/service.js';
import { findUser } from '../users/repo.js';
import * as repo from './repo.js';

type WindowRow = Awaited<ReturnType<typeof repo.listWindows>>[number];

/** The window's posts with who is away, and who works it now (A, or B while A is away; null: unmanned). */
export function windowPosts(row: WindowRow) {
  const postA = row.post_a_user_id ? { userId: row.post_a_user_id, name: row.post_a_name ?? '', away: toBool(row.post_a_away) } : null;
  const postB = row.post_b_user_id ? { userId: row.post_b_user_id, name: row.post_b_name ?? '', away: toBool(row.post_b_away) } : null;
  return { id: row.id, postA, postB, acting: actingHolder({ postA, postB }) };
}

const presentWindow = (row: WindowRow) => ({
  orgId: row.org_id,
  name: row.name,
  department: row.department,
  ...windowPosts(row),
  active: toBool(row.active),
  version: row.version,
});

/**
 * AB posts: A and B are two different active people of the window's own center, each one who may handle cases
 * (cases.handle): the window's cases go to them, and a 信访工作人员 or a 带班领导 could neither take nor finish one.
 */
async function checkPosts(db: Db, orgId: string, postA: string | null, postB: string | null): Promise<void> {
  const same = samePersonProblem(postA, postB);
  if (same) throw new DomainError('AB_POST_SAME_PERSON', same);
  for (const [post, userId] of [['A岗', postA], ['B岗', postB]] as const) {
    if (!userId) continue;
    const user = await findUser(db, userId);
    if (!user || !toBool(user.active) || user.org_id !== orgId) {
      throw new DomainError('POST_USER_INVALID', 'A岗、B岗只能由本中心在岗的工作人员担任，请重新选择。');
    }
    const roles = fromJson<Role[]>(user.roles, []);
    if (!hasPermission(roles, 'cases.handle')) {
      const as = roles.length ? `（${roles.map((r) => ROLE_NAMES[r]).join('、')}）` : '';
      throw new DomainError(
        'POST_USER_CANNOT_HANDLE',
        `${user.name}${as}没有办理办件的权限，不能担任${post}。请选择窗口工作人员或中心主任；如确需由其担任，请先在人员管理中为其加上“窗口工作人员”角色。`,
      );
    }
  }
}

async function presentOne(db: Db, orgId: string, id: string) {
  return presentWindow((await repo.listWindows(db, [orgId])).find((w) => w.id === id)!);
}

export async function listWindowsFor(ctx: AppContext, actor: Actor, orgId?: string) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, actor);
  if (orgId && !scope.has(orgId)) throw forbidden('查看该机构的窗口');
  return (await repo.listWindows(db, orgId ? [orgId] : [...scope])).map(presentWindow);
}

export async function createWindow(
  ctx: AppContext,
  actor: Actor,
  input: { orgId: string; name: string; department?: string | null; postAUserId?: string | null; postBUserId?: string | null },
) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await findOrg(trx, input.orgId))) throw notFound('所选中心');
    await assertInScope(trx, actor, input.orgId);
    if (await repo.findWindowByName(trx, input.orgId, input.name)) throw duplicate(`窗口“${input.name}”`);
    await checkPosts(trx, input.orgId, input.postAUserId ?? null, input.postBUserId ?? null);
    const id = randomUUID();
    await repo.insertWindow(trx, {
      id,
      org_id: input.orgId,
      name: input.name,
      department: input.department ?? null,
      post_a_user_id: input.postAUserId ?? null,
      post_b_user_id: input.postBUserId ?? null,
      active: 1,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: 1,
    });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'window.create', targetType: 'window', targetId: id });
    return presentOne(trx, input.orgId, id);
  });
}

export async function updateWindow(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: {
    expectedVersion: number;
    name?: string;
    department?: string | null;
    postAUserId?: string | null;
    postBUserId?: string | null;
    active?: boolean;
  },
) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const window = await repo.findWindow(trx, id);
    if (!window) throw notFound('该窗口');
    await assertInScope(trx, actor, window.org_id);
    if (input.name && input.name !== window.name && (await repo.findWindowByName(trx, window.org_id, input.name))) {
      throw duplicate(`窗口“${input.name}”`);
    }
    await checkPosts(
      trx,
      window.org_id,
      input.postAUserId !== undefined ? input.postAUserId : window.post_a_user_id,
      input.postBUserId !== undefined ? input.postBUserId : window.post_b_user_id,
    );
    const changed = await repo.updateWindow(trx, id, input.expectedVersion, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.department !== undefined && { department: input.department }),
      ...(input.postAUserId !== undefined && { post_a_user_id: input.postAUserId }),
      ...(input.postBUserId !== undefined && { post_b_user_id: input.postBUserId }),
      ...(input.active !== undefined && { active: fromBool(input.active) }),
      updated_at: now.toISOString(),
    });
    if (!changed) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'window.update', targetType: 'window', targetId: id, detail: input });
    return presentOne(trx, window.org_id, id);
  });
}
