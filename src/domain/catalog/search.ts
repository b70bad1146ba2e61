/**
 * The pinyin side of finding an item (the matching itself is match.ts): the full pinyin and initials of an
 * item's name and common names (俗称), from pinyin-pro, which reads polyphones in context (重点 zhong, 银行 hang,
 * 村长 zhang); a few service words it misreads are fixed below. Server-side only: the dictionary is too big for
 * the phones, so the pinyin travels with the items (GET /api/items answers each item's `pinyin`).
 *
 * Pure: no I/O.
 */
import { pinyin } from 'pinyin-pro';
import * as match from './match.js';
import type { Searchable, SearchKeys } from './match.js';

export type { Searchable, SearchKeys } from './match.js';
export { normalizeText, queryPatterns, SERVICE_WORDS, withoutServiceWords } from './match.js';

/** Words whose reading pinyin-pro gets wrong in this domain (checked against the service vocabulary). */
const READING_FIXES: Record<string, string[]> = {
  还款: ['huan', 'kuan'],
  还贷: ['huan', 'dai'],
  还本: ['huan', 'ben'],
  单亲: ['dan', 'qin'],
};
const FIX_WORDS = Object.keys(READING_FIXES).sort((a, b) => b.length - a.length);

function syllables(run: string): { syllable: string; first: string }[] {
  const out: { syllable: string; first: string }[] = [];
  let plain = '';
  const flush = () => {
    if (plain === '') return;
    for (const p of pinyin(plain, { type: 'all', toneType: 'none', v: true, nonZh: 'consecutive' })) {
      if (p.isZh && p.pinyin !== '') out.push({ syllable: p.pinyin, first: p.pinyin[0]! });
      else {
        // Latin letters and digits are kept as one token; punctuation (“”（）、…) is dropped.
        const kept = p.origin.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        for (const token of kept.split(' ')) if (token !== '') out.push({ syllable: token, first: token });
      }
    }
    plain = '';
  };
  for (let i = 0; i < run.length; ) {
    const fix = FIX_WORDS.find((w) => run.startsWith(w, i));
    if (fix) {
      flush();
      for (const s of READING_FIXES[fix]!) out.push({ syllable: s, first: s[0]! });
      i += fix.length;
    } else {
      const ch = String.fromCodePoint(run.codePointAt(i)!);
      plain += ch;
      i += ch.length;
    }
  }
  flush();
  return out;
}

/** The pinyin keys of a name or common name. */
export function searchKeys(name: string): SearchKeys {
  const parts = syllables(name);
  return { full: parts.map((p) => p.syllable).join(''), initials: parts.map((p) => p.first).join('') };
}

/** The pinyin of the item's name, then of each of its common names, in order (match.ts's `pinyin`). */
export function itemPinyin(item: { name: string; aliases?: readonly string[] }): SearchKeys[] {
  return [item.name, ...(item.aliases ?? [])].map(searchKeys);
}

/** The text stored with an item for the database to narrow a search with LIKE (see match.searchTextOf). */
export function searchText(item: { code: string; name: string; aliases?: readonly string[] }): string {
  return match.searchTextOf(item, itemPinyin(item));
}

const withPinyin = <T extends Searchable>(item: T): T => (item.pinyin ? item : { ...item, pinyin: itemPinyin(item) });

/** match.rankMatch, with the pinyin computed when the item does not carry it. */
export const rankMatch = (item: Searchable, q: string): number => match.rankMatch(withPinyin(item), q);

/** Does the query find the item (pinyin computed when missing). */
export const matchesQuery = (item: Searchable, q: string): boolean => rankMatch(item, q) > 0;

/** The items the query finds, best first (ties keep the given order); pinyin computed when missing. */
export const searchItems = <T extends Searchable>(items: readonly T[], q: string): T[] => match.searchItems(items, q, rankMatch);
