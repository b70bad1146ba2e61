/** GET /api/public/centers: the county center, its township centers and their village rooms as a tree (政务公开). */
import type { PublicCenterNode, PublicCenterTree } from '../../domain/transparency/contract.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext } from '../../server/context.js';
import { listOrgs } from '../orgs/repo.js';
import { getLevelNames } from '../settings/service.js';

export async function publicCenterTree(ctx: AppContext): Promise<PublicCenterTree> {
  const { db } = ctx.database;
  const [orgs, levels] = await Promise.all([listOrgs(db), getLevelNames(db)]);
  const node = (o: OrgsTable): PublicCenterNode => ({ id: o.id, name: o.center_name, level: o.level, levelName: levels[o.level], address: o.address, phone: o.phone });
  const childrenOf = (id: string) => orgs.filter((o) => o.parent_id === id);
  return {
    centers: orgs
      .filter((o) => o.parent_id === null)
      .map((root) => ({ ...node(root), children: childrenOf(root.id).map((t) => ({ ...node(t), children: childrenOf(t.id).map(node) })) })),
  };
}
