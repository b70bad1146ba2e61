import { offeringProblem } from '../../domain/catalog/offering.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson } from '../../db/portable.js';
import type { OrgLevel } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { assertInScope } from '../orgs/service.js';
import { getLevelNames } from '../settings/service.js';
import { listWindows } from '../windows/repo.js';
import * as repo from './repo.js';

export async function orgItemCodes(ctx: AppContext, actor: Actor, orgId: string) {
  const { db } = ctx.database;
  if (!(await findOrg(db, orgId))) throw notFound('该机构');
  await assertInScope(db, actor, orgId);
  return { itemCodes: await repo.listOrgItemCodes(db, orgId) };
}

/**
 * Sets which items a center offers. Each item goes to the center's window of the same name as the item's
 * receiving window, if the center has one (the window can be changed later).
 */
export async function replaceOfferings(db: Db, orgId: string, itemCodes: string[]): Promise<void> {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该机构');
  const levelNames = await getLevelNames(db);
  const windows = await listWindows(db, [orgId]);
  const rows: { item_id: string; window_id: string | null }[] = [];
  const problems: string[] = [];
  for (const code of new Set(itemCodes)) {
    const item = await repo.findItemByCode(db, code);
    if (!item || item.status !== 'active') {
      problems.push(`事项 ${code} 不存在或已停用`);
      continue;
    }
    const problem = offeringProblem(
      { code, name: item.name, acceptLevels: fromJson<OrgLevel[]>(item.accept_levels, []) },
      org.level,
      levelNames[org.level],
    );
    if (problem) problems.push(problem);
    else rows.push({ item_id: item.id, window_id: windows.find((w) => w.name === item.window)?.id ?? null });
  }
  if (problems.length > 0) {
    throw new DomainError('OFFERING_INVALID', `可办事项未保存：${problems.join('；')}`, {
      errors: problems.map((message) => ({ path: 'itemCodes', message })),
    });
  }
  await repo.replaceOrgItems(db, orgId, rows);
}

export async function setOrgItems(ctx: AppContext, actor: Actor, orgId: string, itemCodes: string[]) {
  const at = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await assertInScope(trx, actor, orgId);
    await replaceOfferings(trx, orgId, itemCodes);
    await recordAudit(trx, { at, userId: actor.userId, ip: actor.ip, action: 'org.items', targetType: 'org', targetId: orgId, detail: { count: itemCodes.length } });
  });
  return { itemCodes: await repo.listOrgItemCodes(ctx.database.db, orgId) };
}
