import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_FIELD_LABELS,
  itemInputSchema,
  validateItem,
  type CatalogItem,
} from '../../../src/domain/catalog/item.js';
import { demoItem, loadDemoCatalog } from './demo-catalog.js';

const CJK = /[\u3400-\u9fff]/;

function errorsOf(input: unknown): string[] {
  const result = validateItem(input);
  if (result.ok) throw new Error('expected the item to be refused');
  return result.errors;
}

function valid(input: unknown): CatalogItem {
  const result = validateItem(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

describe('the demo catalog', () => {
  const catalog = loadDemoCatalog();

  it('has 56 items', () => {
    expect(catalog.items).toHaveLength(56);
  });

  it.each(catalog.items.map((item) => [item.code as string, item] as const))('%s passes validateItem', (_code, item) => {
    const result = validateItem(item);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('keeps every field as catalog.json spells it, adding only the defaults', () => {
    for (const raw of catalog.items) {
      const item = valid(raw);
      expect(item).toEqual({ publicNotes: null, ...raw, specialSteps: [] });
    }
  });

  it('validating a checked item again changes nothing', () => {
    for (const raw of catalog.items) {
      const once = valid(raw);
      expect(valid(once)).toEqual(once);
    }
  });
});

describe('field labels', () => {
  it('name every field of the schema in Chinese', () => {
    expect(Object.keys(ITEM_FIELD_LABELS).sort()).toEqual(Object.keys(itemInputSchema.shape).sort());
    for (const label of Object.values(ITEM_FIELD_LABELS)) expect(label).toMatch(CJK);
  });
});

describe('schema messages', () => {
  it('name the field in Chinese', () => {
    const errors = errorsOf({
      ...demoItem('MZ-003'),
      code: 5,
      name: '  ',
      level: 'city',
      acceptLevels: ['x'],
      conditions: '',
      basis: [],
      steps: [''],
      materials: [{ name: '' }],
      result: undefined,
      fee: { amount: -1 },
      promisedDays: 1.5,
      extra: 1,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        '事项编码必须是文字',
        '事项名称不能为空',
        '办理层级只能是县、乡镇或村（county、township、village）',
        '可受理层级第1项：可受理层级只能是县、乡镇或村（county、township、village）',
        '办理条件不能为空',
        '设定依据至少填写一项',
        '办理流程第1项：环节名称不能为空',
        '申报材料第1项：材料名称不能为空',
        '申报材料第1项：缺少材料份数',
        '缺少办理结果',
        '收费标准：收费金额不能为负数',
        '缺少收费标准的收费依据',
        '服务时限：承诺办结时限必须是整数个工作日',
        '事项信息有不认识的字段：extra',
      ]),
    );
  });

  it('a missing item, list or fee says what is missing', () => {
    expect(errorsOf(null)).toEqual(['事项信息必须是一个对象（JSON 对象）']);
    const { fee: _fee, materials: _materials, ...rest } = demoItem('MZ-003');
    expect(errorsOf(rest)).toEqual(expect.arrayContaining(['缺少收费标准', '缺少申报材料']));
  });

  it('special steps are checked', () => {
    const errors = errorsOf({
      ...demoItem('MZ-003'),
      specialSteps: [{ name: '公示', kind: 'vote', limitDays: 0, countsTowardLegal: 'yes' }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        '特殊环节第1项：特殊环节的环节类型只能是现场踏勘、公示、听证、专家评审或检验检测（site_survey、publicity、hearing、expert_review、testing）',
        '特殊环节第1项：特殊环节的时限至少为1天',
        '特殊环节第1项：特殊环节“是否计入法定办结时限”必须是是或否',
      ]),
    );
  });

  it('the fee is in yuan, to the fen at most', () => {
    expect(valid({ ...demoItem('GA-003'), fee: { amount: 12.5, basis: '工本费' } }).fee.amount).toBe(12.5);
    expect(errorsOf({ ...demoItem('GA-003'), fee: { amount: 12.345, basis: '工本费' } })).toContain(
      '收费标准：收费金额最多精确到分（两位小数）',
    );
  });

  it('trims text, upper-cases the code and turns an empty public note into null', () => {
    const item = valid({ ...demoItem('MZ-003'), code: ' mz-003 ', name: ' 城乡居民最低生活保障 ', publicNotes: '  ' });
    expect(item.code).toBe('MZ-003');
    expect(item.name).toBe('城乡居民最低生活保障');
    expect(item.publicNotes).toBeNull();
  });

  it('legalDays, joint, publicNotes and specialSteps may be left out', () => {
    const { legalDays: _l, joint: _j, publicNotes: _p, ...rest } = demoItem('MZ-001');
    const item = valid(rest);
    expect(item.legalDays).toBeNull();
    expect(item.joint).toEqual([]);
    expect(item.publicNotes).toBeNull();
    expect(item.specialSteps).toEqual([]);
  });

  it('every message is Chinese, whatever is broken (property)', () => {
    const base = demoItem('ZR-002');
    const keys = [...Object.keys(itemInputSchema.shape), 'stray'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 2 }), { minKeys: 1, maxKeys: 6 }),
        (broken) => {
          const result = validateItem({ ...base, ...broken });
          if (result.ok) return;
          for (const message of result.errors) {
            expect(message).toMatch(CJK);
            expect(message).not.toMatch(/Invalid|expected|received/i);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rules across fields', () => {
  it('the promised time may not exceed the legal time', () => {
    expect(errorsOf({ ...demoItem('MZ-003'), legalDays: 20, promisedDays: 25 })).toContain(
      '服务时限：承诺办结时限（25个工作日）不能超过法定办结时限（20个工作日）',
    );
    expect(valid({ ...demoItem('MZ-003'), legalDays: 25, promisedDays: 25 }).promisedDays).toBe(25);
    expect(valid({ ...demoItem('MZ-003'), legalDays: null, promisedDays: 40 }).promisedDays).toBe(40);
  });

  it('an immediate item is promised in 0 days', () => {
    expect(errorsOf({ ...demoItem('MZ-002'), promisedDays: 3 })).toContain(
      '服务时限：即办件当场办结，承诺办结时限必须为0；需要时间办理的请把办件类型改为承诺件',
    );
  });

  it('a promised item takes at least one day', () => {
    expect(errorsOf({ ...demoItem('MZ-001'), promisedDays: 0 })).toContain(
      '服务时限：承诺件的承诺办结时限至少为1个工作日；能当场办结的请把办件类型改为即办件',
    );
  });

  it('an item is not received above the level that decides it', () => {
    expect(errorsOf({ ...demoItem('MZ-001'), acceptLevels: ['village', 'township', 'county'] })).toContain(
      '可受理层级不能高于办理层级：本事项由乡镇级办理，不能由县级受理',
    );
    expect(errorsOf({ ...demoItem('ZH-002'), acceptLevels: ['county', 'township', 'village'] })).toContain(
      '可受理层级不能高于办理层级：本事项由村级办理，不能由县、乡镇级受理',
    );
    expect(errorsOf({ ...demoItem('MZ-001'), acceptLevels: ['village', 'village'] })).toContain('可受理层级有重复：村');
  });

  it('materials: at least one, unique names, at least one main', () => {
    expect(errorsOf({ ...demoItem('MZ-003'), materials: [] })).toContain('申报材料至少填写一项（办事指南是收取材料的唯一依据）');
    expect(
      errorsOf({
        ...demoItem('MZ-003'),
        materials: [
          { name: '居民身份证', main: true, copies: 1, original: true },
          { name: '居民身份证', main: false, copies: 1, original: true },
        ],
      }),
    ).toContain('申报材料名称重复：居民身份证');
    expect(
      errorsOf({
        ...demoItem('MZ-003'),
        materials: [{ name: '居民户口簿', main: false, copies: 1, original: true }],
      }),
    ).toContain('申报材料中至少要有一项主件（缺少主件的申请将被退回）');
  });

  it('codes look like MZ-003', () => {
    const message = '事项编码格式不正确：应为字母、短横线加数字，如 MZ-003';
    for (const code of ['MZ003', '003', 'MZ-', 'MZ-ABC', '民政-001', 'MZ 003', 'MZ--003']) {
      expect(errorsOf({ ...demoItem('MZ-003'), code }), code).toContain(message);
    }
    for (const code of ['MZ-003', 'mz-003', 'GA-1', 'ZHONGXIN-000123', 'MZ-003-01']) {
      expect(validateItem({ ...demoItem('MZ-003'), code }).ok, code).toBe(true);
    }
  });

  it('an item that needs the applicant in person can never be done by proxy', () => {
    expect(errorsOf({ ...demoItem('MZ-009'), proxyAllowed: true })).toEqual([
      '须本人到场的事项不能代办：请把“可代办”改为“否”（结婚、离婚、收养登记等必须当事人亲自办理）',
    ]);
  });

  it('joint departments and special step names are not repeated', () => {
    expect(errorsOf({ ...demoItem('ZJ-001'), joint: ['乡镇自然资源所', '乡镇自然资源所'] })).toContain('联办部门重复：乡镇自然资源所');
    const step = { name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true };
    expect(errorsOf({ ...demoItem('MZ-003'), specialSteps: [step, step] })).toContain('特殊环节名称重复：公示');
  });

  it('all problems are listed at once, schema and cross-field alike', () => {
    const errors = errorsOf({ ...demoItem('MZ-009'), name: '', proxyAllowed: true, materials: [] });
    expect(errors).toEqual([
      '事项名称不能为空',
      '申报材料至少填写一项（办事指南是收取材料的唯一依据）',
      '须本人到场的事项不能代办：请把“可代办”改为“否”（结婚、离婚、收养登记等必须当事人亲自办理）',
    ]);
  });
});

describe('俗称 (aliases)', () => {
  it('are optional, trimmed, at most 10 of at most 20 characters, each named by position', () => {
    const { aliases: _a, ...bare } = demoItem('MZ-003');
    expect(valid(bare).aliases).toEqual([]);
    expect(valid({ ...bare, aliases: [' 低保 ', '低保户'] }).aliases).toEqual(['低保', '低保户']);
    expect(errorsOf({ ...bare, aliases: ['低保', ''] })).toEqual(['俗称第2项：俗称不能为空']);
    expect(errorsOf({ ...bare, aliases: ['城乡居民最低生活保障待遇资格申请认定'.repeat(2)] })).toEqual(['俗称第1项：俗称不能超过20个字']);
    expect(errorsOf({ ...bare, aliases: Array.from({ length: 11 }, (_, i) => `低保${i}`) })).toEqual(['俗称不能超过10个']);
    expect(errorsOf({ ...bare, aliases: '低保' })).toEqual(['俗称必须是列表']);
  });

  it('are not repeated and do not repeat the name', () => {
    expect(errorsOf({ ...demoItem('MZ-003'), aliases: ['低保', '低保'] })).toEqual(['俗称重复：低保']);
    expect(errorsOf({ ...demoItem('MZ-003'), aliases: ['城乡居民最低生活保障'] })).toEqual(['俗称“城乡居民最低生活保障”与事项名称相同，不必再填']);
  });

  it('hold no invisible or control characters, like every name: 低保 with a zero-width space is not a second 低保', () => {
    const refusal = '俗称第2项：俗称中有看不见的字符或控制字符（多为从网页、聊天软件复制时带入），请删除后重新输入俗称。';
    for (const bad of ['低\u200b保', '低保\u202e户', '低\u0007保', '低\t保', '低\ufeff保户', '低\u2066保']) {
      expect(errorsOf({ ...demoItem('MZ-003'), aliases: ['低保', bad] }), JSON.stringify(bad)).toEqual([refusal]);
    }
    // middle dots, Latin letters and brackets are ordinary characters
    expect(valid({ ...demoItem('MZ-003'), aliases: ['低保', '低保·城市', 'dibao（拼音）'] }).aliases).toHaveLength(3);
  });
});
