import { rankMatch, type Searchable } from '@domain/catalog/match';

/**
 * Picking an item from a drop-down list in the console (the ledger's 办理事项, the consultation item, a hall
 * service's items, a center's 可办事项) finds it the way every other search does (issue 7 §6): by the name, a
 * 俗称, the code or their pinyin (dbsq, 低保, dibao), with the server's own matching rules
 * (src/domain/catalog/match.ts) over the pinyin GET /api/items sends with each item; best match first.
 */
export interface ItemOption {
  value: string;
  label: string;
  item: Searchable;
}

/** An option for the item, labelled as the caller wants it. */
export const itemOption = (item: Searchable, label: string): ItemOption => ({ value: item.code, label, item });

/** antd Select's `showSearch` for such options. */
export const itemOptionSearch = {
  filterOption: (input: string, option?: ItemOption) => (option ? rankMatch(option.item, input) > 0 : false),
  filterSort: (a: ItemOption, b: ItemOption, info: { searchValue: string }) =>
    info.searchValue.trim() ? rankMatch(b.item, info.searchValue) - rankMatch(a.item, info.searchValue) : 0,
};

/** The same test for lists that filter rows of their own (antd Transfer). */
export const itemMatches = (item: Searchable, input: string): boolean => rankMatch(item, input) > 0;
