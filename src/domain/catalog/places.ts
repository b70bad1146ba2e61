/**
 * Where an item can be done, as the public guide lists it (办事指南 “办理地点”): the centers that offer it (可办事项)
 * at a level its guide allows — county first, then the townships, then each township's villages under it. Pure.
 */
import { ORG_LEVELS, type OrgLevel } from '../orgs/tree.js';

export interface PlaceCandidate {
  orgId: string;
  parentId: string | null;
  level: OrgLevel;
  code: string;
}

/**
 * The offerings a villager may act on: only levels the guide accepts (an offering left over from before the guide
 * changed is not an open door), ordered county → township → its villages, each group by code.
 */
export function orderPlaces<T extends PlaceCandidate>(candidates: readonly T[], acceptLevels: readonly OrgLevel[]): T[] {
  const open = candidates.filter((c) => acceptLevels.includes(c.level));
  const byId = new Map(open.map((c) => [c.orgId, c]));
  const rank = (c: T) => ORG_LEVELS.indexOf(c.level);
  // a village sorts under its township (by the township's code) when the township is listed too
  const groupCode = (c: T) => (c.level === 'village' && c.parentId && byId.has(c.parentId) ? byId.get(c.parentId)!.code : c.code);
  return [...open].sort((a, b) => {
    const ga = a.level === 'county' ? 0 : 1;
    const gb = b.level === 'county' ? 0 : 1;
    if (ga !== gb) return ga - gb;
    const ca = groupCode(a);
    const cb = groupCode(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0;
  });
}
