/** The 保管期限表: every catalog item with its period (the default for items not set yet); the director sets one. */
import { DEFAULT_RETENTION, RETENTION_NAMES, type RetentionPeriod } from '../../domain/archive/terms.js';
import type { RetentionRow, RetentionTable } from '../../domain/contract/archive.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode, listItems } from '../catalog/repo.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

async function rowsOf(db: Db, items: readonly { code: string; name: string }[]): Promise<RetentionRow[]> {
  const set = new Map((await repo.retentionRows(db)).map((r) => [r.item_code, r]));
  const people = await peopleByIds(db, [...set.values()].map((r) => r.updated_by));
  return items.map((item) => {
    const r = set.get(item.code);
    const period = (r?.period as RetentionPeriod | undefined) ?? DEFAULT_RETENTION;
    return {
      itemCode: item.code,
      itemName: item.name,
      period,
      periodName: RETENTION_NAMES[period],
      isDefault: r === undefined,
      updatedAt: r?.updated_at ?? null,
      updatedByName: r?.updated_by ? (people.get(r.updated_by)?.name ?? null) : null,
    };
  });
}

export async function retentionTable(ctx: AppContext): Promise<RetentionTable> {
  const { db } = ctx.database;
  const items = await listItems(db, { status: 'all' });
  return { items: await rowsOf(db, items), defaultPeriod: DEFAULT_RETENTION, defaultPeriodName: RETENTION_NAMES[DEFAULT_RETENTION] };
}

export async function setRetention(ctx: AppContext, actor: Actor, itemCode: string, period: RetentionPeriod): Promise<RetentionRow> {
  const { db } = ctx.database;
  const item = await findItemByCode(db, itemCode);
  if (!item) throw notFound(`事项编码为 ${itemCode} 的事项`);
  const now = ctx.clock();
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRetention(trx, item.code);
    await repo.saveRetention(trx, { item_code: item.code, period, updated_at: now.toISOString(), updated_by: actor.userId });
    await recordAudit(trx, {
      at: now,
      userId: actor.userId,
      action: 'archive.retention',
      targetType: 'item',
      targetId: item.code,
      detail: { itemName: item.name, from: before?.period ?? null, to: period },
      ip: actor.ip ?? null,
    });
    return (await rowsOf(trx, [item]))[0]!;
  });
}
