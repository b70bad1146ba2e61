/**
 * 查找事项 on the agent's phone: the server's own matching rules (src/domain/catalog/match.ts, bundled, not
 * copied) over the village's downloaded item list, so 低保, dbsq, dibao or 申请低保 find 城乡居民最低生活保障 here
 * exactly as at the township's window, with or without a signal. The pinyin dictionary stays on the server:
 * GET /api/items sends each item's pinyin with it. An item list cached before that still matches by name,
 * 俗称 and code. The agent's old habit of typing a category (社会救助) still lists that category, after the rest.
 */
import { normalizeText, rankMatch, type SearchKeys } from '@domain/catalog/match';

export interface FindableItem {
  code: string;
  name: string;
  category: string;
  aliases?: readonly string[];
  pinyin?: readonly SearchKeys[];
}

/** The items the typed text finds, best first; all of them, in their order, for an empty text. */
export function findItems<T extends FindableItem>(items: readonly T[], q: string): T[] {
  const query = normalizeText(q);
  if (query === '') return [...items];
  return items
    .map((item, index) => ({ item, index, rank: rankMatch(item, q) || (normalizeText(item.category).includes(query) ? 0.5 : 0) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map((r) => r.item);
}
