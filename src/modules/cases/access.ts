import { hasPermission } from '../../domain/roles.js';
import type { CasesTable, OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import type { Viewer } from './presenter.js';

export async function actorOrg(db: Db, actor: Actor): Promise<OrgsTable> {
  const org = await findOrg(db, actor.orgId);
  if (!org) throw forbidden('办理办件');
  return org;
}

/**
 * What a person may do with a case: staff of the center that received it, holds it now or is about to receive it
 * see personal data in full (and the last two act); everyone else in scope — a center the case has left,
 * supervisors and leaders above — only reads, masked.
 */
export async function viewerOf(db: Db, actor: Actor, row: CasesTable): Promise<Viewer> {
  const org = await actorOrg(db, actor);
  const own = [row.receiving_org_id, row.holder_org_id, row.transit_org_id].includes(actor.orgId);
  if (!own && !(await scopeOf(db, actor)).has(row.receiving_org_id) && !(await scopeOf(db, actor)).has(row.holder_org_id)) {
    throw forbidden('查看该办件');
  }
  const handles = hasPermission(actor.roles, 'cases.handle');
  return {
    fullPersonalData: own && handles,
    actor: { roles: actor.roles, level: org.level },
    canAct: handles && (row.holder_org_id === actor.orgId || row.transit_org_id === actor.orgId),
  };
}
