import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as match from '../../../src/domain/catalog/match.js';
import {
  itemPinyin,
  matchesQuery,
  queryPatterns,
  rankMatch,
  searchItems,
  searchKeys,
  searchText,
  SERVICE_WORDS,
  withoutServiceWords,
} from '../../../src/domain/catalog/search.js';
import { loadDemoCatalog } from './demo-catalog.js';

const catalog = loadDemoCatalog().items.map((i) => ({ code: String(i.code), name: String(i.name), aliases: (i.aliases ?? []) as string[] }));
/** The demo items by code and name only, as before 俗称 existed. */
const demo = catalog.map(({ code, name }) => ({ code, name }));
const withKeys = demo.map((i) => ({ ...i, pinyin: itemPinyin(i) }));
const byCode = (code: string) => withKeys.find((i) => i.code === code)!;
/** The demo items with their 俗称 and pinyin, as GET /api/items answers them. */
const items = catalog.map((i) => ({ ...i, pinyin: itemPinyin(i) }));
const item = (code: string) => items.find((i) => i.code === code)!;
const codesFound = (q: string) => match.searchItems(items, q).map((i) => i.code);

describe('searchKeys', () => {
  it('full pinyin and initials without tones or spaces', () => {
    expect(searchKeys('低保申请')).toEqual({ full: 'dibaoshenqing', initials: 'dbsq' });
    expect(searchKeys('城乡居民最低生活保障')).toEqual({
      full: 'chengxiangjuminzuidishenghuobaozhang',
      initials: 'cxjmzdshbz',
    });
  });

  it.each([
    ['重点对象', 'zhongdianduixiang', 'zddx'],
    ['重新办理', 'chongxinbanli', 'cxbl'],
    ['银行卡', 'yinhangka', 'yhk'],
    ['行驶证', 'xingshizheng', 'xsz'],
    ['村长', 'cunzhang', 'cz'],
    ['长期', 'changqi', 'cq'],
    ['重度残疾人护理补贴', 'zhongducanjirenhulibutie', 'zdcjrhlbt'],
    ['纠纷调解', 'jiufentiaojie', 'jftj'],
    ['调查核实', 'diaochaheshi', 'dchs'],
    ['新生儿落户', 'xinshengerluohu', 'xselh'],
    ['创业担保贷款还款', 'chuangyedanbaodaikuanhuankuan', 'cydbdkhk'],
    ['单亲家庭', 'danqinjiating', 'dqjt'],
  ])('polyphones read in context: %s → %s', (name, full, initials) => {
    expect(searchKeys(name)).toEqual({ full, initials });
  });

  it('ü is typed as v', () => {
    expect(searchKeys('法律援助').full).toBe('falvyuanzhu');
    expect(searchKeys('独生子女').initials).toBe('dszn');
  });

  it('drops punctuation, keeps latin letters and digits', () => {
    expect(searchKeys('惠民惠农财政补贴“一卡通”发放账户变更')).toEqual({
      full: 'huiminhuinongcaizhengbutieyikatongfafangzhanghubiangeng',
      initials: 'hmhnczbtyktffzhbg',
    });
    expect(searchKeys('出生登记（新生儿落户）').initials).toBe('csdjxselh');
    expect(searchKeys('水电、通信及广电线路报修').initials).toBe('sdtxjgdxlbx');
    expect(searchKeys('B超检查（12345热线）')).toEqual({ full: 'bchaojiancha12345rexian', initials: 'bcjc12345rx' });
    expect(searchKeys('ＡＢＣ证明')).toEqual({ full: 'abczhengming', initials: 'abczm' });
  });
});

describe('matchesQuery', () => {
  const dibao = { code: 'MZ-101', name: '农村低保申请', pinyin: itemPinyin({ name: '农村低保申请' }) };

  it.each(['dbsq', 'DBSQ', 'd b s q', 'ncdbsq', 'dibao', 'di bao shen', 'shenqing', '低保', '低保申请', '农村低保', 'mz-101', 'MZ101', '101'])(
    '农村低保申请 is found by %j',
    (q) => expect(matchesQuery(dibao, q)).toBe(true),
  );

  it.each(['xyz', '低收入', 'dbxq', 'mz-102'])('农村低保申请 is not found by %j', (q) => {
    expect(matchesQuery(dibao, q)).toBe(false);
  });

  it('城乡居民最低生活保障 is found by its substrings in any form', () => {
    const item = byCode('MZ-003');
    for (const q of ['zdsh', 'zdshbz', 'ZDSH', 'cxjm', '最低生活', '生活保障', 'zuidi', 'shenghuobaozhang', 'mz-003', 'Mz003']) {
      expect(matchesQuery(item, q), q).toBe(true);
    }
    // 低保 is how people say it, but it is not a substring of the name (最低生活保障 has 低生): the 俗称 is needed
    expect(matchesQuery(item, '低保')).toBe(false);
    expect(matchesQuery(item, 'dbsq')).toBe(false);
  });

  it('computes the keys when the item does not carry them', () => {
    expect(matchesQuery({ code: 'ZH-002', name: '居住情况证明' }, 'jzqk')).toBe(true);
  });

  it('an empty query matches everything', () => {
    expect(matchesQuery(byCode('MZ-003'), '  ')).toBe(true);
  });

  it('every demo item is found by its code, name, initials and full pinyin', () => {
    for (const item of withKeys) {
      for (const q of [item.code, item.code.toLowerCase(), item.name, item.pinyin[0]!.initials, item.pinyin[0]!.full]) {
        expect(matchesQuery(item, q), `${item.code} ${q}`).toBe(true);
      }
    }
  });

  it('any substring of a name, its initials or its pinyin finds it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withKeys),
        fc.constantFrom('name', 'initials', 'full'),
        fc.nat(),
        fc.nat(),
        (item, field, a, b) => {
          const text = field === 'name' ? item.name : item.pinyin[0]![field as 'initials' | 'full'];
          const start = a % text.length;
          const end = start + 1 + (b % (text.length - start));
          expect(matchesQuery(item, text.slice(start, end))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rankMatch and searchItems', () => {
  it('the exact code comes first', () => {
    expect(searchItems(withKeys, 'MZ-003')[0]?.code).toBe('MZ-003');
    expect(searchItems(withKeys, 'mz003')[0]?.code).toBe('MZ-003');
    expect(rankMatch(byCode('MZ-003'), 'MZ-003')).toBeGreaterThan(rankMatch(byCode('MZ-003'), '城乡居民最低生活保障'));
  });

  it('names that start with the query come before names that only contain it', () => {
    const found = searchItems(withKeys, '居民').map((i) => i.name);
    expect(found.slice(0, 3)).toEqual(['居民身份证申领、换领', '居民身份证丢失补领、损坏换领', '居民在家正常死亡情况证明']);
    expect(found.slice(3)).toContain('城乡居民最低生活保障');
    expect(found.slice(3).every((name) => !name.startsWith('居民') && name.includes('居民'))).toBe(true);
  });

  it('initials that start the name rank above initials found inside it', () => {
    const found = searchItems(withKeys, 'jm').map((i) => i.code);
    expect(found.slice(0, 3)).toEqual(['GA-003', 'GA-004', 'ZH-003']);
    expect(found).toContain('MZ-003'); // cxJMzdshbz
  });

  it('a name prefix outranks a code prefix, which outranks a pinyin match', () => {
    const items = [
      { code: 'LY-001', name: '林木采伐许可' },
      { code: 'LM-001', name: '临时救助' },
      { code: 'ZH-009', name: 'LM热线登记' },
    ];
    expect(searchItems(items, 'lm').map((i) => i.code)).toEqual(['ZH-009', 'LM-001', 'LY-001']);
  });

  it('non-matching items are left out and ties keep their order', () => {
    const found = searchItems(withKeys, '登记');
    expect(found.every((i) => i.name.includes('登记'))).toBe(true);
    expect(found.map((i) => i.code)).toEqual([...found.map((i) => i.code)].sort());
    expect(rankMatch(byCode('MZ-003'), '登记')).toBe(0);
  });
});

describe('俗称 (the names people use)', () => {
  it.each(['dbsq', '低保', 'dibao', 'db', 'DB', '低保户', '低保申请', '申请低保', '低保怎么办', 'sqdb', 'dibaoshenqing', 'dbbl'])(
    '%j finds 城乡居民最低生活保障 first',
    (q) => expect(codesFound(q)[0]).toBe('MZ-003'),
  );

  it.each([
    ['五保', 'MZ-004'],
    ['wubao', 'MZ-004'],
    ['wbsq', 'MZ-004'],
    ['新农合', 'YB-002'],
    ['xnh', 'YB-002'],
    ['准生证', 'JS-002'],
    ['zsz', 'JS-002'],
    ['医保', 'YB-002'],
    ['残疾证', 'MZ-006'],
    ['cjzbl', 'MZ-006'],
    ['宅基地', 'ZJ-001'],
    ['户口迁移', 'GA-005'],
    ['hkqy', 'GA-005'],
    ['社保卡', 'RS-008'],
    ['上户口', 'GA-001'],
  ])('%j finds %s first', (q, code) => expect(codesFound(q)[0]).toBe(code));

  it('does not find what it should not', () => {
    expect(codesFound('dbxq')).not.toContain('MZ-003');
    expect(codesFound('低收')).not.toContain('MZ-003');
    // a service word alone strips to nothing: it finds the items whose own name has it, not every item
    expect(codesFound('申请').length).toBeLessThan(items.length / 2);
    expect(withoutServiceWords('sq')).toEqual([]);
    expect(withoutServiceWords('xsq')).toEqual([]);
  });

  it('the exact name comes before the same 俗称, which comes before names that start with it', () => {
    const list = [
      { code: 'MZ-103', name: '低保金发放', aliases: [] },
      { code: 'MZ-003', name: '城乡居民最低生活保障', aliases: ['低保'] },
      { code: 'MZ-102', name: '低保', aliases: [] },
    ];
    expect(searchItems(list, '低保').map((i) => i.code)).toEqual(['MZ-102', 'MZ-003', 'MZ-103']);
    expect(searchItems(list, 'db').map((i) => i.code)).toEqual(['MZ-102', 'MZ-003', 'MZ-103']);
  });

  it('a name that is what was typed outranks a 俗称 found once the service word is taken off', () => {
    const list = [item('MZ-003'), { code: 'MZ-101', name: '农村低保申请' }];
    expect(searchItems(list, 'dbsq').map((i) => i.code)).toEqual(['MZ-101', 'MZ-003']);
    expect(searchItems(list, '低保申请').map((i) => i.code)).toEqual(['MZ-101', 'MZ-003']);
  });

  it('without the pinyin (an old copy on a phone) characters and the code still match', () => {
    const { pinyin: _p, ...bare } = item('MZ-003');
    expect(match.matchesQuery(bare, '低保')).toBe(true);
    expect(match.matchesQuery(bare, '申请低保')).toBe(true);
    expect(match.matchesQuery(bare, 'mz003')).toBe(true);
    expect(match.matchesQuery(bare, 'dibao')).toBe(false);
  });

  it('the pinyin of each service word is what searchKeys reads', () => {
    for (const w of SERVICE_WORDS) {
      const keys = searchKeys(w.text);
      expect(w.full, w.text).toBe(keys.full);
      expect(w.initials, w.text).toBe(keys.initials.length >= 2 ? keys.initials : '');
    }
  });

  it('every item is found by its name, each 俗称 and their pinyin, ranked with the best (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), fc.nat(), fc.constantFrom('text', 'initials', 'full'), (it, n, form) => {
        const names = [it.name, ...it.aliases];
        const i = n % names.length;
        const q = form === 'text' ? names[i]! : it.pinyin[i]![form as 'initials' | 'full'];
        const rank = match.rankMatch(it, q);
        expect(rank, q).toBeGreaterThan(0);
        // nothing ranks above it (at most a tie: another item with the same 俗称), except codes starting with
        // the letters typed: sf lists the SF- items before 上访 (XF-001), yb the YB- items
        const above = items.filter((other) => match.rankMatch(other, q) > rank);
        expect(above.filter((other) => !other.code.toLowerCase().startsWith(q)).map((other) => other.code), q).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('a 俗称 with a service word before or after it finds the item (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...items.filter((i) => i.aliases.length > 0)),
        fc.nat(),
        fc.constantFrom(...SERVICE_WORDS),
        fc.boolean(),
        fc.boolean(),
        (it, n, word, pinyin, before) => {
          const i = 1 + (n % it.aliases.length);
          const alias = pinyin ? it.pinyin[i]!.initials : it.aliases[i - 1]!;
          const service = pinyin ? word.initials || word.full : word.text;
          const q = before ? service + alias : alias + service;
          expect(match.rankMatch(it, q), q).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the stored search text holds a pattern of every query that finds the item, so SQL can narrow first (property)', () => {
    const texts = new Map(items.map((i) => [i.code, searchText(i)]));
    const pieces = [...new Set(items.flatMap((i) => [i.code, ...[i.name, ...i.aliases]]).join('') + 'dbsqlmzhwbxnh申请办理怎么- 0123')];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...pieces), minLength: 1, maxLength: 6 }), (q) => {
        for (const it of items) {
          if (!match.matchesQuery(it, q)) continue;
          const stored = texts.get(it.code)!;
          // no pattern (only punctuation typed): the database does not narrow, as rankMatch finds everything
          const patterns = queryPatterns(q);
          expect(patterns.length === 0 || patterns.some((p) => stored.includes(p)), `${it.code} ${q}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // and the named examples
    for (const q of ['dbsq', '低保', 'dibao', 'db', '申请低保', 'MZ-003', 'mz 003']) {
      expect(queryPatterns(q).some((p) => texts.get('MZ-003')!.includes(p)), q).toBe(true);
    }
  });
});
