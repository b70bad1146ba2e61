import { describe, expect, it } from 'vitest';
import {
  inferSpecialSteps,
  parseCount,
  validateItem,
  withInferredSpecialSteps,
  type CatalogItem,
} from '../../../src/domain/catalog/item.js';
import { demoItem, loadDemoCatalog } from './demo-catalog.js';

function checked(raw: unknown): CatalogItem {
  const result = validateItem(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const demo = (code: string) => checked(demoItem(code));

describe('inferSpecialSteps on the demo catalog', () => {
  it('MZ-003: the township opinion is publicised for 7 days, counted', () => {
    expect(inferSpecialSteps(demo('MZ-003'))).toEqual([{ name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true }]);
  });

  it('ZR-002: the announcement takes at least 15 working days, not counted; the site is inspected', () => {
    expect(inferSpecialSteps(demo('ZR-002'))).toEqual([
      { name: '公告', kind: 'publicity', limitDays: 15, countsTowardLegal: false },
      { name: '实地查看', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
    ]);
  });

  it('LY-003: damage surveyed on site, compensation publicised (7 days by default)', () => {
    expect(inferSpecialSteps(demo('LY-003'))).toEqual([
      { name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true },
      { name: '现场勘查', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
    ]);
  });

  it('ZJ-001: village publicity and a joint site survey (踏勘)', () => {
    expect(inferSpecialSteps(demo('ZJ-001'))).toEqual([
      { name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true },
      { name: '现场踏勘', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
    ]);
  });

  it('exactly the items whose procedure or notes name publicity or a site visit get steps', () => {
    const withSteps = loadDemoCatalog()
      .items.map((raw) => checked(raw))
      .filter((item) => inferSpecialSteps(item).length > 0)
      .map((item) => item.code);
    expect(withSteps).toEqual(['JS-004', 'LY-001', 'LY-003', 'MZ-003', 'MZ-004', 'NY-004', 'NY-005', 'ZJ-001', 'ZJ-002', 'ZR-002']);
  });

  it('items without such words, and immediate items, get none', () => {
    expect(inferSpecialSteps(demo('MZ-001'))).toEqual([]);
    expect(inferSpecialSteps(demo('MZ-009'))).toEqual([]);
    // ZH-003 says 入户核实 but is finished on the spot: an immediate item has no clock to pause.
    expect(inferSpecialSteps(demo('ZH-003'))).toEqual([]);
  });

  it('every demo item with its inferred steps still passes validateItem', () => {
    for (const raw of loadDemoCatalog().items) {
      const item = withInferredSpecialSteps(checked(raw));
      expect(validateItem(item)).toEqual({ ok: true, value: item });
    }
  });

  it('withInferredSpecialSteps keeps steps an item already has', () => {
    const own = [{ name: '听证', kind: 'hearing' as const, limitDays: 10, countsTowardLegal: false }];
    expect(withInferredSpecialSteps({ ...demo('MZ-003'), specialSteps: own }).specialSteps).toEqual(own);
  });
});

describe('reading days and 不计入 from the public notes', () => {
  const promised = (steps: string[], publicNotes: string | null) => ({ kind: 'promised' as const, steps, publicNotes });

  it.each([
    ['公示7天', 7],
    ['公示期为七日', 7],
    ['公告期不少于15个工作日', 15],
    ['张榜公示不少于十五日', 15],
    ['经5个工作日的公示无异议后发放', 5],
    ['结果在村务公开栏公示，公示期满二十天', 20],
    ['名单按规定公示', 7],
  ])('%s → %i days', (note, days) => {
    expect(inferSpecialSteps(promised(['申请', '审核'], note))).toEqual([
      { name: '公示', kind: 'publicity', limitDays: days, countsTowardLegal: true },
    ].map((s) => (note.includes('公告') ? { ...s, name: '公告' } : s)));
  });

  it('不计入 only affects the step named in the same sentence', () => {
    expect(
      inferSpecialSteps(promised(['申请', '入户调查', '公示'], '残疾评定所需时间不计入承诺时限；入户调查时间不计入承诺时限')),
    ).toEqual([
      { name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true },
      { name: '入户调查', kind: 'site_survey', limitDays: 5, countsTowardLegal: false },
    ]);
  });

  it('a step found only in the steps takes the default days', () => {
    expect(inferSpecialSteps(promised(['申请', '现场踏勘', '审批'], null))).toEqual([
      { name: '现场踏勘', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
    ]);
  });
});

describe('parseCount', () => {
  it.each([
    ['7', 7],
    ['15', 15],
    ['七', 7],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十', 30],
    ['两', 2],
  ])('%s → %i', (text, n) => expect(parseCount(text)).toBe(n));

  it.each(['', '七七', '十十', 'abc', '百'])('%s is not a count', (text) => expect(parseCount(text)).toBeNull());
});
