/**
 * The 保管期限表, one per center: every catalog item with the period the center keeps its files for (the default for
 * items it has not set); the center's director sets its own center's rows. One's own table is read by default;
 * another center's only when it is in the actor's tree (scopeOf, as dossiers).
 */
import { DEFAULT_RETENTION, RETENTION_NAMES, type RetentionPeriod } from '../../domain/archive/terms.js';
import type { RetentionRow, RetentionTable } from '../../domain/contract/archive.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode, listItems } from '../catalog/repo.js';
import { findOrg } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import { dossierScope } from './access.js';
import * as repo from './repo.js';

/** The center's name as the dossiers show it. */
export const centerName = (org: { center_name: string; name: string }): string => org.center_name || org.name;

async function rowsOf(db: Db, orgId: string, items: readonly { code: string; name: string }[]): Promise<RetentionRow[]> {
  const set = new Map((await repo.retentionRows(db, orgId)).map((r) => [r.item_code, r]));
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

/** The table of center `orgId` (default: the actor's own); 403 for a center outside the actor's tree. */
export async function retentionTable(ctx: AppContext, actor: Actor, orgId?: string): Promise<RetentionTable> {
  const { db } = ctx.database;
  const id = orgId ?? actor.orgId;
  if (!(await dossierScope(db, actor)).has(id)) throw forbidden('查看该中心的保管期限表', '只能查看本中心及下级中心的保管期限表。');
  const org = await findOrg(db, id);
  if (!org) throw notFound('该中心');
  const items = await listItems(db, { status: 'all' });
  return {
    orgId: org.id,
    orgName: centerName(org),
    items: await rowsOf(db, org.id, items),
    defaultPeriod: DEFAULT_RETENTION,
    defaultPeriodName: RETENTION_NAMES[DEFAULT_RETENTION],
  };
}

/**
 * Sets one item's period in the actor's own center's table (audited with the center, the item and the old and new
 * period). Setting the period an item already has is no change: the row is answered as it is and nothing is written.
 */
export async function setRetention(ctx: AppContext, actor: Actor, itemCode: string, period: RetentionPeriod): Promise<RetentionRow> {
  const { db } = ctx.database;
  const item = await findItemByCode(db, itemCode);
  if (!item) throw notFound(`事项编码为 ${itemCode} 的事项`);
  const org = await findOrg(db, actor.orgId);
  if (!org) throw notFound('您所在的中心');
  const now = ctx.clock();
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRetention(trx, org.id, item.code);
    if (before?.period === period) return (await rowsOf(trx, org.id, [item]))[0]!;
    await repo.saveRetention(trx, { org_id: org.id, item_code: item.code, period, updated_at: now.toISOString(), updated_by: actor.userId });
    await recordAudit(trx, {
      at: now,
      userId: actor.userId,
      action: 'archive.retention',
      targetType: 'item',
      targetId: item.code,
      detail: {
        orgId: org.id,
        orgName: centerName(org),
        itemCode: item.code,
        itemName: item.name,
        from: (before?.period as RetentionPeriod | undefined) ?? DEFAULT_RETENTION,
        fromDefault: before === undefined,
        to: period,
      },
      ip: actor.ip ?? null,
    });
    return (await rowsOf(trx, org.id, [item]))[0]!;
  });
}
