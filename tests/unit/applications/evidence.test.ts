// Evidence reuse (issue 11 §2): a material checked once is not asked for again while valid; an unchecked upload, a
// promise, an expired one and a per-application form are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VALIDITY_DAYS,
  TRUST_LEVELS,
  checkedAtWindow,
  RENEW_AFTER_DAYS,
  isPerApplication,
  materialKey,
  onFile,
  type Evidence,
} from '../../../src/domain/applications/evidence.js';
import { addCalendarDays } from '../../../src/domain/calendar/calendar.js';

const ev = (materialName: string, level: Evidence['level'], validUntil: string | null = null, checkedAt = '2026-01-01T00:00:00.000Z', id = materialName + level): Evidence => ({
  id,
  materialName,
  level,
  validUntil,
  checkedAt,
});
const guide = [{ name: '居民身份证' }, { name: '户口簿' }, { name: '最低生活保障申请书' }, { name: '收入证明' }];

describe('what is on file', () => {
  it('A and B valid today spare the applicant; C, D, expired and per-application forms do not', () => {
    const found = onFile(
      guide,
      [ev('居民身份证（原件）', 'B', '2030-01-01'), ev('户口簿', 'C'), ev('收入证明', 'B', '2026-03-01'), ev('最低生活保障申请书', 'A')],
      '2026-03-02',
    );
    expect([...found.keys()]).toEqual(['居民身份证']);
  });

  it('valid on its last day, not the day after', () => {
    expect(onFile(guide, [ev('户口簿', 'B', '2026-03-02')], '2026-03-02').has('户口簿')).toBe(true);
    expect(onFile(guide, [ev('户口簿', 'B', '2026-03-02')], '2026-03-03').has('户口簿')).toBe(false);
  });

  it('the highest level wins, then the latest check', () => {
    const a = ev('户口簿', 'A', null, '2025-01-01T00:00:00.000Z', 'a');
    const b = ev('户口簿', 'B', null, '2026-02-01T00:00:00.000Z', 'b');
    const b2 = ev('户口簿', 'B', null, '2026-02-02T00:00:00.000Z', 'b2');
    expect(onFile(guide, [b, a, b2], '2026-03-02').get('户口簿')?.id).toBe('a');
    expect(onFile(guide, [b, b2], '2026-03-02').get('户口簿')?.id).toBe('b2');
  });

  it('names match across brackets, spaces and 原件/复印件', () => {
    for (const name of ['居民身份证', '居民身份证(原件)', '居民身份证（复印件）', ' 居民身份证 ', '居民身份证复印件']) {
      expect(materialKey(name)).toBe('居民身份证');
    }
    expect(materialKey('结婚证（已婚的提供）')).not.toBe(materialKey('结婚证（离婚的提供）'));
  });

  it('property: never returns evidence below B, expired, or for a per-application form', () => {
    const names = ['居民身份证', '户口簿', '申请表', '委托书', '收入证明'];
    const evidence = fc.record({
      materialName: fc.constantFrom(...names),
      level: fc.constantFrom(...TRUST_LEVELS),
      validUntil: fc.option(fc.constantFrom('2026-01-01', '2026-03-02', '2027-01-01'), { nil: null }),
      checkedAt: fc.constant('2026-01-01T00:00:00.000Z'),
      id: fc.uuid(),
    });
    fc.assert(
      fc.property(fc.array(evidence, { maxLength: 12 }), (list) => {
        const found = onFile(names.map((name) => ({ name })), list, '2026-03-02');
        for (const [name, e] of found) {
          expect(['A', 'B']).toContain(e.level);
          expect(e.validUntil === null || e.validUntil >= '2026-03-02').toBe(true);
          expect(isPerApplication(name)).toBe(false);
          expect(materialKey(e.materialName)).toBe(materialKey(name));
        }
      }),
    );
  });
});

describe('what a window check leaves for next time', () => {
  it('level B until the clerk’s date or a year; forms and expired ones not kept; an A is not downgraded', () => {
    const kept = checkedAtWindow(
      [{ name: '居民身份证', validUntil: '2036-05-01' }, { name: '户口簿' }, { name: '最低生活保障申请书' }, { name: '收入证明', validUntil: '2026-01-01' }, { name: '结婚证', validUntil: null }],
      [ev('户口簿', 'A')],
      '2026-03-02',
    );
    expect(kept).toEqual([
      { materialName: '居民身份证', level: 'B', validUntil: '2036-05-01' },
      { materialName: '结婚证', level: 'B', validUntil: null },
    ]);
    const defaulted = checkedAtWindow([{ name: '收入证明' }], [], '2026-03-02');
    expect(defaulted).toEqual([{ materialName: '收入证明', level: 'B', validUntil: addCalendarDays('2026-03-02', DEFAULT_VALIDITY_DAYS) }]);
  });

  it('writes a check again only when it moves the validity on by more than RENEW_AFTER_DAYS', () => {
    const onFile = [ev('营业执照', 'B', addCalendarDays('2026-03-02', DEFAULT_VALIDITY_DAYS)), ev('结婚证', 'B', null)];
    // the same company brings the same licence again a week later, and a month later: nothing new to keep
    expect(checkedAtWindow([{ name: '营业执照' }, { name: '结婚证' }], onFile, '2026-03-09')).toEqual([]);
    expect(checkedAtWindow([{ name: '营业执照' }], onFile, addCalendarDays('2026-03-02', RENEW_AFTER_DAYS))).toEqual([]);
    // a day past that, the check renews it for a year from then
    const later = addCalendarDays('2026-03-02', RENEW_AFTER_DAYS + 1);
    expect(checkedAtWindow([{ name: '营业执照' }], onFile, later)).toEqual([{ materialName: '营业执照', level: 'B', validUntil: addCalendarDays(later, DEFAULT_VALIDITY_DAYS) }]);
  });
});

describe('what an application must carry', () => {
  it('every main material, uploaded or on file, matched across 原件/复印件; attachments may be left out', async () => {
    const { missingMainMaterials, missingMainMessage } = await import('../../../src/domain/applications/materials.js');
    const guide = [{ name: '居民身份证', main: true }, { name: '户口簿', main: true }, { name: '收入证明', main: false }];
    expect(missingMainMaterials(guide, ['居民身份证（复印件）'])).toEqual(['户口簿']);
    expect(missingMainMaterials(guide, ['居民身份证', '户口簿'])).toEqual([]);
    expect(missingMainMessage(['户口簿', '居民身份证'])).toBe('请上传以下必交材料后再提交：户口簿、居民身份证。');
  });
});
