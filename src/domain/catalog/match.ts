/**
 * Matching an item against what a clerk, an agent or a villager types: part of the name or of a common name
 * (俗称: 低保, 五保, 准生证), the code (MZ-003, mz003), the pinyin initials (dbsq, zdsh) or the full pinyin
 * (dibao). A query that adds a service word to a name (低保申请, dbsq, 申请低保, 五保怎么办) finds it too.
 *
 * This file holds no pinyin dictionary: the pinyin of the name and common names comes with the item
 * (`pinyin`, computed on the server by search.ts), so the agent app on a phone runs exactly this code offline
 * without the 300 KB dictionary. Without `pinyin` only characters and the code are matched.
 *
 * Pure: no I/O.
 */

export interface SearchKeys {
  /** Full pinyin without tones or spaces, ü as v, latin letters and digits kept: 'dibaoshenqing'. */
  full: string;
  /** First letter of each syllable, latin letters and digits kept whole: 'dbsq'. */
  initials: string;
}

export interface Searchable {
  code: string;
  name: string;
  /** 俗称: the names people use for the item (低保 for 城乡居民最低生活保障). */
  aliases?: readonly string[];
  /** The pinyin of the name, then of each alias in order; when missing only characters and the code match. */
  pinyin?: readonly SearchKeys[];
}

/**
 * Words people add to what they want (申请低保, 低保怎么办理), with their pinyin as search.ts computes it
 * (checked by a unit test). A one-letter initial (办 → b) is too ambiguous to strip and is not listed.
 */
export const SERVICE_WORDS: readonly (SearchKeys & { text: string })[] = [
  { text: '怎么办理', full: 'zenmebanli', initials: 'zmbl' },
  { text: '如何办理', full: 'ruhebanli', initials: 'rhbl' },
  { text: '怎么申请', full: 'zenmeshenqing', initials: 'zmsq' },
  { text: '如何申请', full: 'ruheshenqing', initials: 'rhsq' },
  { text: '怎么办', full: 'zenmeban', initials: 'zmb' },
  { text: '申请', full: 'shenqing', initials: 'sq' },
  { text: '办理', full: 'banli', initials: 'bl' },
  { text: '申办', full: 'shenban', initials: 'sb' },
  { text: '申领', full: 'shenling', initials: 'sl' },
  { text: '补办', full: 'buban', initials: 'bb' },
  { text: '手续', full: 'shouxu', initials: 'sx' },
  { text: '流程', full: 'liucheng', initials: 'lc' },
  { text: '办', full: 'ban', initials: '' },
];

const HAN = /\p{Script=Han}/u;

/** Lower case, no spaces, no punctuation: what a query and a name are compared as. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const normalizeCode = (code: string) => code.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The query in the forms it is compared in. */
interface Query {
  raw: string;
  text: string;
  code: string;
  /** Letters and digits of a query without Chinese characters (pinyin is compared with it); '' otherwise. */
  latin: string;
}

function parseQuery(q: string): Query {
  const text = normalizeText(q);
  return { raw: q.trim().toLowerCase(), text, code: normalizeCode(q), latin: HAN.test(text) ? '' : text.replace(/[^a-z0-9]/g, '') };
}

/** Scores of one name (the item's own or a common name); a common name scores ALIAS_PENALTY less. */
const NAME = { exact: 90, prefix: 80, pinyinExact: 65, initialsPrefix: 60, fullPrefix: 55, contains: 50, initialsContains: 40, fullContains: 30 };
const CODE = { exact: 100, prefix: 70, contains: 20 };
const ALIAS_PENALTY = 2;

function nameScore(name: string, keys: SearchKeys | undefined, query: Query): number {
  const text = normalizeText(name);
  if (text === query.text) return NAME.exact;
  if (text.startsWith(query.text)) return NAME.prefix;
  const { latin } = query;
  if (keys && latin !== '') {
    if (keys.initials === latin || keys.full === latin) return NAME.pinyinExact;
    if (keys.initials.startsWith(latin)) return NAME.initialsPrefix;
    if (keys.full.startsWith(latin)) return NAME.fullPrefix;
  }
  if (text.includes(query.text)) return NAME.contains;
  if (keys && latin !== '') {
    if (keys.initials.includes(latin)) return NAME.initialsContains;
    if (keys.full.includes(latin)) return NAME.fullContains;
  }
  return 0;
}

function namesScore(item: Searchable, query: Query): number {
  let best = nameScore(item.name, item.pinyin?.[0], query);
  (item.aliases ?? []).forEach((alias, i) => {
    const score = nameScore(alias, item.pinyin?.[i + 1], query);
    if (score > 0) best = Math.max(best, score - ALIAS_PENALTY);
  });
  return best;
}

function directScore(item: Searchable, query: Query): number {
  const code = item.code.toLowerCase();
  const plainCode = normalizeCode(item.code);
  if (query.raw === code || (query.code !== '' && query.code === plainCode)) return CODE.exact;
  const names = namesScore(item, query);
  const codePrefix = query.code !== '' && /[a-z]/.test(query.text) && plainCode.startsWith(query.code) ? CODE.prefix : 0;
  const codeContains = query.code !== '' && (plainCode.includes(query.code) || code.includes(query.raw)) ? CODE.contains : 0;
  return Math.max(names, codePrefix, codeContains);
}

/** What is left of the query once a service word is taken off its start or end (申请低保 → 低保, dbsq → db). */
export function withoutServiceWords(q: string): string[] {
  const query = parseQuery(q);
  const out = new Set<string>();
  const strip = (text: string, words: string[]) => {
    for (const w of words) {
      if (w === '') continue;
      if (text.length > w.length && text.startsWith(w)) out.add(text.slice(w.length));
      if (text.length > w.length && text.endsWith(w)) out.add(text.slice(0, -w.length));
    }
  };
  if (HAN.test(query.text)) strip(query.text, SERVICE_WORDS.map((w) => w.text));
  else if (query.latin !== '') strip(query.latin, SERVICE_WORDS.flatMap((w) => [w.full, w.initials.length >= 2 ? w.initials : '']));
  // one or two letters left over would find nearly everything
  return [...out].filter((rest) => rest.length >= 2);
}

/** A name found only after a service word was taken off ranks below every direct match. */
const STRIPPED_BASE = 10;

/**
 * How well an item answers a query; higher is better, 0 is no match. Exact code first; then the exact name
 * or common name; names that start with the query; codes that start with it; pinyin equal to the query, then
 * pinyin initials / full pinyin that start with it; names that contain it; pinyin that contains it; codes that
 * contain it; last, a name or common name found once a service word is taken off (dbsq → 低保). A common name
 * ranks just below the item's own name at the same level. An empty query matches everything equally (1).
 */
export function rankMatch(item: Searchable, q: string): number {
  const query = parseQuery(q);
  if (query.text === '') return 1;
  const direct = directScore(item, query);
  if (direct > 0) return direct;
  let best = 0;
  for (const rest of withoutServiceWords(q)) {
    // only a whole name, a name's start or a name containing the rest counts: not a scatter of initials
    const score = namesScore(item, parseQuery(rest));
    if (score >= NAME.contains) best = Math.max(best, STRIPPED_BASE + Math.floor(score / 10));
  }
  return best;
}

/** Does the query find the item (see rankMatch). */
export function matchesQuery(item: Searchable, q: string): boolean {
  return rankMatch(item, q) > 0;
}

/** The items the query finds, best first (ties keep the given order); `rank` defaults to rankMatch. */
export function searchItems<T extends Searchable>(items: readonly T[], q: string, rank: (item: T, q: string) => number = rankMatch): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rank(item, q) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map((r) => r.item);
}

/**
 * The words of a stored search text: the code as written and without its hyphen, then for the name and each
 * common name its compared text, full pinyin and initials. Every query rankMatch accepts is a substring of one
 * of these words or of a queryPatterns() pattern's word, so the database can narrow the list with LIKE before
 * rankMatch orders it.
 */
export function searchTextOf(item: { code: string; name: string; aliases?: readonly string[] }, pinyin: readonly SearchKeys[]): string {
  const names = [item.name, ...(item.aliases ?? [])].flatMap((name, i) => [normalizeText(name), pinyin[i]?.full ?? '', pinyin[i]?.initials ?? '']);
  return [item.code.toLowerCase(), normalizeCode(item.code), ...names].filter((w) => w !== '').join(' ');
}

/** The strings a stored search text must contain for rankMatch to possibly find the item (any one of them). */
export function queryPatterns(q: string): string[] {
  const query = parseQuery(q);
  if (query.text === '') return [];
  const patterns = [query.text, query.code, query.latin, /\s/.test(query.raw) ? '' : query.raw];
  for (const rest of withoutServiceWords(q)) patterns.push(rest);
  return [...new Set(patterns.filter((p) => p !== ''))];
}
