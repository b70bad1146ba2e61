import type { CatalogItem } from '../../domain/catalog/item.js';
import { itemPinyin, searchText, type SearchKeys } from '../../domain/catalog/search.js';
import { fromBool, fromJson, toBool, toJson } from '../../db/portable.js';
import type { ItemsTable } from '../../db/schema.js';

/** The item exactly as catalog.json spells it (API.md), plus its id, status and version. */
export function presentItem(row: ItemsTable) {
  const item: CatalogItem = {
    code: row.code,
    name: row.name,
    aliases: fromJson(row.aliases, []),
    category: row.category,
    department: row.department,
    window: row.window,
    level: row.level,
    acceptLevels: fromJson(row.accept_levels, []),
    kind: row.kind,
    legalDays: row.legal_days,
    promisedDays: row.promised_days,
    joint: fromJson(row.joint, []),
    inPersonRequired: toBool(row.in_person_required),
    proxyAllowed: toBool(row.proxy_allowed),
    onlineAllowed: toBool(row.online_allowed),
    conditions: row.conditions,
    basis: fromJson(row.basis, []),
    steps: fromJson(row.steps, []),
    materials: fromJson(row.materials, []),
    result: row.result,
    fee: fromJson(row.fee, { amount: 0, basis: '' }),
    publicNotes: row.public_notes,
    specialSteps: fromJson(row.special_steps, []),
  };
  return {
    id: row.id,
    ...item,
    status: row.status,
    retiredReason: row.retired_reason,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
export type ItemView = ReturnType<typeof presentItem>;

/** The columns an item writes; used for insert and update alike. */
export function itemColumns(item: CatalogItem) {
  return {
    name: item.name,
    aliases: toJson(item.aliases),
    category: item.category,
    department: item.department,
    window: item.window,
    level: item.level,
    accept_levels: toJson(item.acceptLevels),
    kind: item.kind,
    legal_days: item.legalDays,
    promised_days: item.promisedDays,
    joint: toJson(item.joint),
    in_person_required: fromBool(item.inPersonRequired),
    proxy_allowed: fromBool(item.proxyAllowed),
    online_allowed: fromBool(item.onlineAllowed),
    conditions: item.conditions,
    basis: toJson(item.basis),
    steps: toJson(item.steps),
    materials: toJson(item.materials),
    result: item.result,
    fee: toJson(item.fee),
    public_notes: item.publicNotes,
    special_steps: toJson(item.specialSteps),
    // the code as written (mz-003) and without its hyphen (mz003), the name and 俗称 with their pinyin
    search_text: searchText(item),
  };
}

// The pinyin of a name never changes, and the same few hundred names are asked for on every list.
const pinyinCache = new Map<string, SearchKeys[]>();

/**
 * The item as GET /api/items lists it: with `pinyin`, the full pinyin and initials of its name and then of each
 * 俗称, so a phone can match dbsq or dibao in the downloaded list without the pinyin dictionary (match.ts).
 */
export function withPinyin<T extends { name: string; aliases: string[] }>(item: T): T & { pinyin: SearchKeys[] } {
  const key = JSON.stringify([item.name, ...item.aliases]);
  let pinyin = pinyinCache.get(key);
  if (!pinyin) {
    if (pinyinCache.size >= 20_000) pinyinCache.clear();
    pinyin = itemPinyin(item);
    pinyinCache.set(key, pinyin);
  }
  return { ...item, pinyin };
}
