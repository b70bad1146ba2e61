import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesQuery, rankMatch, searchItems, searchKeys } from '../../../src/domain/catalog/search.js';
import { loadDemoCatalog } from './demo-catalog.js';

const demo = loadDemoCatalog().items.map((i) => ({ code: String(i.code), name: String(i.name) }));
const withKeys = demo.map((i) => ({ ...i, keys: searchKeys(i.name) }));
const byCode = (code: string) => withKeys.find((i) => i.code === code)!;

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
  const dibao = { code: 'MZ-101', name: '农村低保申请', keys: searchKeys('农村低保申请') };

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
    // 低保 is how people say it, but it is not a substring of the name (最低生活保障 has 低生).
    expect(matchesQuery(item, '低保')).toBe(false);
  });

  it('computes the keys when the item does not carry them', () => {
    expect(matchesQuery({ code: 'ZH-002', name: '居住情况证明' }, 'jzqk')).toBe(true);
  });

  it('an empty query matches everything', () => {
    expect(matchesQuery(byCode('MZ-003'), '  ')).toBe(true);
  });

  it('every demo item is found by its code, name, initials and full pinyin', () => {
    for (const item of withKeys) {
      for (const q of [item.code, item.code.toLowerCase(), item.name, item.keys.initials, item.keys.full]) {
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
          const text = field === 'name' ? item.name : item.keys[field as 'initials' | 'full'];
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
