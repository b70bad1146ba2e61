/**
 * 大厅服务设置 (issue 12 §1): the director sets up the services of their center's hall — a code letter (A, B …) the
 * numbers begin with, a name, the windows that call it and the items it covers. Versioned; the code is unique in the
 * center.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { fromJson, replayOnUniqueViolation, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { duplicate, forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';

export interface ServiceInput {
  code: string;
  name: string;
  windowIds: string[];
  itemCodes: string[];
  active?: boolean | undefined;
  sort?: number | undefined;
}

async function checkWindows(db: Db, orgId: string, ids: readonly string[]): Promise<void> {
  const windows = await windowsByIds(db, ids);
  const foreign = ids.filter((id) => windows.get(id)?.org_id !== orgId);
  if (foreign.length > 0) throw new DomainError('HALL_WINDOW_NOT_HERE', '所选窗口不是本中心的窗口（可能已被删除），请刷新页面后重新选择。');
}

export function assertManages(actor: Actor, orgId: string): void {
  if (actor.orgId !== orgId) throw forbidden('设置其他中心的大厅服务');
}

const codeTaken = (code: string) => duplicate(`服务代码“${code}”`);

export async function createService(ctx: AppContext, actor: Actor, orgId: string, input: ServiceInput): Promise<string> {
  assertManages(actor, orgId);
  const now = ctx.clock();
  const at = now.toISOString();
  const id = randomUUID();
  return replayOnUniqueViolation(
    () =>
      ctx.database.db.transaction().execute(async (trx) => {
        await checkWindows(trx, orgId, input.windowIds);
        const existing = await repo.servicesOf(trx, orgId);
        if (existing.some((s) => s.code === input.code)) throw codeTaken(input.code);
        await repo.insertService(trx, {
          id,
          org_id: orgId,
          code: input.code,
          name: input.name,
          window_ids: toJson([...new Set(input.windowIds)]),
          item_codes: toJson([...new Set(input.itemCodes)]),
          active: input.active === false ? 0 : 1,
          sort: input.sort ?? existing.length + 1,
          created_at: at,
          updated_at: at,
          version: 1,
        });
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'hall.service.create', targetType: 'hall_service', targetId: id, detail: { orgId, ...input } });
        return id;
      }),
    async () => {
      throw codeTaken(input.code);
    },
  );
}

export async function updateService(ctx: AppContext, actor: Actor, id: string, version: number, input: Partial<ServiceInput>): Promise<void> {
  const now = ctx.clock();
  const found = await repo.findService(ctx.database.db, id);
  if (!found) throw notFound('该服务');
  assertManages(actor, found.org_id);
  await replayOnUniqueViolation(
    () =>
      ctx.database.db.transaction().execute(async (trx) => {
        if (input.windowIds) await checkWindows(trx, found.org_id, input.windowIds);
        if (input.code !== undefined && input.code !== found.code && (await repo.servicesOf(trx, found.org_id)).some((s) => s.code === input.code)) throw codeTaken(input.code);
        const ok = await repo.updateService(trx, id, version, {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.windowIds !== undefined ? { window_ids: toJson([...new Set(input.windowIds)]) } : {}),
          ...(input.itemCodes !== undefined ? { item_codes: toJson([...new Set(input.itemCodes)]) } : {}),
          ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
          ...(input.sort !== undefined ? { sort: input.sort } : {}),
          updated_at: now.toISOString(),
        });
        if (!ok) throw versionConflict();
        await recordAudit(trx, {
          at: now,
          userId: actor.userId, ip: actor.ip,
          action: 'hall.service.update',
          targetType: 'hall_service',
          targetId: id,
          detail: { before: { code: found.code, name: found.name, windowIds: fromJson(found.window_ids, []), itemCodes: fromJson(found.item_codes, []), active: found.active === 1 }, change: input },
        });
      }),
    async () => {
      throw codeTaken(input.code ?? '');
    },
  );
}

/** Whether a center's hall gives numbers (any service open): the public pages then offer 手机取号 and 预约. */
export const takesNumbers = async (db: Db, orgId: string): Promise<boolean> => (await repo.servicesOf(db, orgId)).some((s) => s.active === 1);
