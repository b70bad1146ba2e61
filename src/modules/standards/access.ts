/**
 * Who stands where in a center's standardisation round (issue 13 §4):
 * - the center's side: a village's own agent, or the director of the township it belongs to (on its behalf); a
 *   township center's own director;
 * - the county's side: a director or supervisor (纪检监察员) of a county-level organisation, for centers below it;
 * - readers: anyone holding standards.view whose organisation is the center or above it.
 */
import { hasPermission } from '../../domain/roles.js';
import { CHECKLIST_LEVELS, type ChecklistLevel } from '../../domain/standards/checklist.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';

export interface Standing {
  center: boolean;
  county: boolean;
  view: boolean;
}

export const isAssessedLevel = (level: string): level is ChecklistLevel => (CHECKLIST_LEVELS as readonly string[]).includes(level);

export function centerSide(actor: Actor, org: Pick<OrgsTable, 'id' | 'level' | 'parent_id'>): boolean {
  if (!hasPermission(actor.roles, 'standards.self')) return false;
  if (actor.roles.includes('agent') && org.level === 'village' && org.id === actor.orgId) return true;
  if (actor.roles.includes('director')) {
    if (org.level === 'township' && org.id === actor.orgId) return true;
    if (org.level === 'village' && org.parent_id === actor.orgId) return true;
  }
  return false;
}

export async function isCountyInspector(db: Db, actor: Actor): Promise<boolean> {
  if (!hasPermission(actor.roles, 'standards.inspect')) return false;
  if (!actor.roles.includes('director') && !actor.roles.includes('supervisor')) return false;
  return (await findOrg(db, actor.orgId))?.level === 'county';
}

export async function standingOf(db: Db, actor: Actor, org: OrgsTable): Promise<Standing> {
  const scope = await scopeOf(db, actor);
  const center = centerSide(actor, org);
  const county = scope.has(org.id) && org.id !== actor.orgId && (await isCountyInspector(db, actor));
  const view = center || county || (hasPermission(actor.roles, 'standards.view') && scope.has(org.id));
  return { center, county, view };
}

/** The assessed center, with where the actor stands; 404 when it is not one, 403 when the actor may not see it. */
export async function assessedCenter(db: Db, actor: Actor, orgId: string): Promise<{ org: OrgsTable & { level: ChecklistLevel }; standing: Standing }> {
  const org = await findOrg(db, orgId);
  if (!org || !isAssessedLevel(org.level)) throw notFound('该乡镇便民服务中心或村便民服务室');
  const standing = await standingOf(db, actor, org);
  if (!standing.view) throw forbidden('查看该中心的标准化建设情况');
  return { org: org as OrgsTable & { level: ChecklistLevel }, standing };
}

/** The centers the actor fills in the self-assessment for. */
export async function ownCenters(db: Db, actor: Actor): Promise<OrgsTable[]> {
  const orgs = await listOrgs(db);
  return orgs.filter((o) => isAssessedLevel(o.level) && centerSide(actor, o));
}
