import type { OrgLevel } from '../orgs/tree.js';

/** A center may offer (receive) an item only at a level the item's guide lists in its acceptLevels. */
export function offeringProblem(item: { code: string; name: string; acceptLevels: readonly OrgLevel[] }, level: OrgLevel, levelName: string): string | null {
  return item.acceptLevels.includes(level) ? null : `事项“${item.name}”（${item.code}）的办事指南不允许在${levelName}级受理，不能设为本中心可办事项。`;
}
