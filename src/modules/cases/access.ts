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
  const own = isOwnCase(actor.orgId, row);
  if (!own && !caseInScope(await scopeOf(db, actor), row)) {
    throw forbidden('查看该办件');
  }
  return viewerAt(actor, org, row);
}

/** What a person of `org`, allowed to see the case, may do with it: for callers that hold the org already (the intake). */
export function viewerAt(actor: Actor, org: OrgsTable, row: CasesTable): Viewer {
  const handles = hasPermission(actor.roles, 'cases.handle');
  return {
    fullPersonalData: isOwnCase(actor.orgId, row) && handles,
    actor: { roles: actor.roles, level: org.level },
    canAct: handles && (row.holder_org_id === actor.orgId || row.transit_org_id === actor.orgId),
  };
}

type CaseOrgs = Pick<CasesTable, 'receiving_org_id' | 'holder_org_id' | 'transit_org_id'>;

/** Staff of the center that received the case, holds it now or is about to receive it. */
const isOwnCase = (orgId: string, row: CaseOrgs) => [row.receiving_org_id, row.holder_org_id, row.transit_org_id].includes(orgId);
/** A center the case has left, supervisors and leaders above: the case was received or is held in their scope. */
const caseInScope = (scope: ReadonlySet<string>, row: CaseOrgs) => scope.has(row.receiving_org_id) || scope.has(row.holder_org_id);

/**
 * Whether a person may see a case at all — the rule of viewerOf without the database, for callers that hold the
 * person's org and scope already (the live updates check every event against each connection's scope).
 */
export const maySeeCase = (orgId: string, scope: ReadonlySet<string>, row: CaseOrgs) => isOwnCase(orgId, row) || caseInScope(scope, row);
