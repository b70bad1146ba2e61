import { levelLabel, type LevelNames } from '@/lib/levels';
import type { CatalogItem } from '../api/item-schema';

/** "承诺 10 个工作日" / "即办" — the short form for tables. */
export function promisedText(item: Pick<CatalogItem, 'kind' | 'promisedDays'>): string {
  if (item.kind === 'immediate' || !item.promisedDays) return '即办';
  return `${item.promisedDays} 个工作日`;
}

/** The 服务时限 lines of the guide: legal limit, promised limit or 即办. */
export function timeLimitLines(item: Pick<CatalogItem, 'kind' | 'legalDays' | 'promisedDays'>): string[] {
  const lines: string[] = [];
  if (item.legalDays !== null && item.legalDays > 0) lines.push(`法定办结时限：${item.legalDays} 个工作日`);
  if (item.kind === 'immediate' || !item.promisedDays) lines.push('承诺办结时限：即办（材料齐全、符合条件的当场办结）');
  else lines.push(`承诺办结时限：${item.promisedDays} 个工作日`);
  return lines;
}

/** 收费标准: "不收费" or "20 元" with its basis. */
export function feeText(fee: CatalogItem['fee']): { amount: string; basis: string | null } {
  if (fee.amount <= 0) return { amount: '不收费', basis: fee.basis && fee.basis !== '不收费' ? fee.basis : null };
  return { amount: `${fee.amount} 元`, basis: fee.basis || null };
}

export const acceptLevelsText = (levels: readonly string[], names: LevelNames): string =>
  levels.length === 0 ? '—' : levels.map((l) => levelLabel(l, names)).join('、');
