/**
 * The county → township → village tree. A user's scope is their organisation and everything below it.
 */
export const ORG_LEVELS = ['county', 'township', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgNode {
  id: string;
  parentId: string | null;
  level: OrgLevel;
}

export interface LevelNames {
  county: string;
  township: string;
  village: string;
}

export const DEFAULT_LEVEL_NAMES: LevelNames = { county: '县', township: '乡镇', village: '村' };

/** Suffix of a center's full name at each level, e.g. 柳河乡 + 便民服务中心. */
export const CENTER_SUFFIX: Record<OrgLevel, string> = {
  county: '政务服务中心',
  township: '便民服务中心',
  village: '便民服务室',
};

/** The level a child of `parent` must have; null for a village, which has no children. */
export function childLevel(parent: OrgLevel | null): OrgLevel | null {
  if (parent === null) return 'county';
  const next = ORG_LEVELS[ORG_LEVELS.indexOf(parent) + 1];
  return next ?? null;
}

/** Is `level` above (closer to the county than) `other`? */
export const isAbove = (level: OrgLevel, other: OrgLevel): boolean =>
  ORG_LEVELS.indexOf(level) < ORG_LEVELS.indexOf(other);

/** Ids of `rootId` and all organisations below it. */
export function subtreeIds(orgs: readonly OrgNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const org of orgs) {
    if (org.parentId === null) continue;
    const list = children.get(org.parentId) ?? [];
    list.push(org.id);
    children.set(org.parentId, list);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}
