/**
 * Finding an item the way a clerk or villager types: part of the name (低保), the code (MZ-003, mz003), the
 * pinyin initials (dbsq) or the full pinyin (dibao). Pinyin comes from pinyin-pro, which reads polyphones in
 * context (重点 zhong, 银行 hang, 村长 zhang); a few service words it misreads are fixed below.
 *
 * Pure: no I/O.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  /** Full pinyin without tones or spaces, ü as v, latin letters and digits kept: 'dibaoshenqing'. */
  full: string;
  /** First letter of each syllable, latin letters and digits kept whole: 'dbsq'. */
  initials: string;
}

/** Words whose reading pinyin-pro gets wrong in this domain (checked against the service vocabulary). */
const READING_FIXES: Record<string, string[]> = {
  还款: ['huan', 'kuan'],
  还贷: ['huan', 'dai'],
  还本: ['huan', 'ben'],
  单亲: ['dan', 'qin'],
};
const FIX_WORDS = Object.keys(READING_FIXES).sort((a, b) => b.length - a.length);

const HAN = /\p{Script=Han}/u;

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

/** The pinyin keys of an item name, stored with the item so the database can filter on them. */
export function searchKeys(name: string): SearchKeys {
  const parts = syllables(name);
  return { full: parts.map((p) => p.syllable).join(''), initials: parts.map((p) => p.first).join('') };
}

/** Lower case, no spaces, no punctuation: what a query and a name are compared as. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const normalizeCode = (code: string) => code.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');

export interface Searchable {
  code: string;
  name: string;
  /** Precomputed pinyin keys; computed from the name when missing. */
  keys?: SearchKeys;
}

/**
 * How well an item answers a query; higher is better, 0 is no match. Exact code first, then the exact name,
 * names that start with the query, codes that start with it, then pinyin initials/full pinyin prefixes, then
 * substrings anywhere. An empty query matches everything equally (1).
 */
export function rankMatch(item: Searchable, q: string): number {
  const query = normalizeText(q);
  if (query === '') return 1;
  const code = item.code.toLowerCase();
  const codeQuery = normalizeCode(q);
  const plainCode = normalizeCode(item.code);
  if (q.trim().toLowerCase() === code || (codeQuery !== '' && codeQuery === plainCode)) return 100;
  const name = normalizeText(item.name);
  if (name === query) return 90;
  if (name.startsWith(query)) return 80;
  if (codeQuery !== '' && /[a-z]/.test(query) && plainCode.startsWith(codeQuery)) return 70;
  const latinQuery = HAN.test(query) ? '' : query.replace(/[^a-z0-9]/g, '');
  const keys = item.keys ?? searchKeys(item.name);
  if (latinQuery !== '') {
    if (keys.initials.startsWith(latinQuery)) return 60;
    if (keys.full.startsWith(latinQuery)) return 55;
  }
  if (name.includes(query)) return 50;
  if (latinQuery !== '') {
    if (keys.initials.includes(latinQuery)) return 40;
    if (keys.full.includes(latinQuery)) return 30;
  }
  if (codeQuery !== '' && (plainCode.includes(codeQuery) || code.includes(q.trim().toLowerCase()))) return 20;
  return 0;
}

/**
 * Does the query find the item: any substring of the name, the code, the pinyin initials or the full pinyin,
 * case-insensitive, spaces and punctuation ignored.
 */
export function matchesQuery(item: Searchable, q: string): boolean {
  return rankMatch(item, q) > 0;
}

/** The items the query finds, best first (ties keep the given order). */
export function searchItems<T extends Searchable>(items: readonly T[], q: string): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rankMatch(item, q) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map((r) => r.item);
}
