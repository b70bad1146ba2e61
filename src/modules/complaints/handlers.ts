/**
 * 承办人 on 受理: the acting person's center's active staff who may handle complaints (主任, 带班领导, 工作人员), the
 * same rule command.ts checks when a handlerId is given.
 */
import { HANDLER_ROLES } from '../../domain/complaints/complaints.js';
import type { ComplaintHandler } from '../../domain/complaints/handlers-contract.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { listUsers } from '../users/repo.js';

export async function complaintHandlers(ctx: AppContext, actor: Actor): Promise<{ handlers: ComplaintHandler[] }> {
  const rows = await listUsers(ctx.database.db, [actor.orgId]);
  const handlers = rows
    .filter((u) => toBool(u.active) && fromJson<string[]>(u.roles, []).some((r) => (HANDLER_ROLES as readonly string[]).includes(r)))
    .map((u) => ({ id: u.id, name: u.name, roles: fromJson<string[]>(u.roles, []), away: toBool(u.away) }));
  return { handlers };
}
