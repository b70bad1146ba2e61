import { describe, expect, it } from 'vitest';
import { checkMaterials } from '../../../src/domain/cases/materials.js';

const GUIDE = [
  { name: '申请表', main: true },
  { name: '居民身份证', main: true },
  { name: '结婚证（已婚的提供）', main: false },
  { name: '照片', main: false },
];

describe('checkMaterials: the intake checklist against the guide', () => {
  it('everything ticked: nothing missing', () => {
    expect(checkMaterials(GUIDE, GUIDE.map((m) => ({ name: m.name, provided: true })))).toEqual({
      provided: ['申请表', '居民身份证', '结婚证（已婚的提供）', '照片'],
      missing: [],
      missingMain: [],
    });
  });

  it('a main material left off the list is missing; an attachment left off does not apply to this applicant', () => {
    const r = checkMaterials(GUIDE, [{ name: '申请表', provided: true }, { name: '照片', provided: false }]);
    expect(r).toEqual({ provided: ['申请表'], missing: ['居民身份证', '照片'], missingMain: ['居民身份证'] });
  });

  it('a material ticked twice is on file once', () => {
    expect(checkMaterials(GUIDE, [{ name: '申请表', provided: true }, { name: '申请表', provided: true }]).provided).toEqual(['申请表']);
  });
});
