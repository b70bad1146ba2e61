/**
 * Who manages a center's notices: its director (only their own center), or the system administrator (any center of
 * their tree). Everyone else is refused with 403 — and so is a director of another center, whatever they ask for.
 */
import { hasPermission } from '../../domain/roles.js';
import type { Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../orgs/service.js';

export async function manageableCenters(db: Db, actor: Actor): Promise<Set<string>> {
  if (!hasPermission(actor.roles, 'notices.manage')) return new Set();
  if (actor.roles.includes('sysadmin')) return scopeOf(db, actor);
  return new Set([actor.orgId]);
}

export async function assertMayManage(db: Db, actor: Actor, orgId: string): Promise<void> {
  if (!(await manageableCenters(db, actor)).has(orgId)) throw forbidden('管理该中心的公告');
}
