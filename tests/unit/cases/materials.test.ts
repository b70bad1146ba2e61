import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklistProblems } from '../../../src/domain/cases/checklist-problems.js';
import { checkMaterials, type ChecklistEntry } from '../../../src/domain/cases/materials.js';

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

  it('an attachment stated not applicable is neither on file nor missing; one stated not handed over is missing', () => {
    const r = checkMaterials(GUIDE, [
      { name: '申请表', provided: true },
      { name: '居民身份证', provided: false },
      { name: '结婚证（已婚的提供）', provided: false, notApplicable: true },
      { name: '照片', provided: false },
    ]);
    expect(r).toEqual({ provided: ['申请表'], missing: ['居民身份证', '照片'], missingMain: ['居民身份证'] });
  });

  it('read before the checklist is complete (the phone page preview): a main material left off is missing, an attachment is not yet', () => {
    const r = checkMaterials(GUIDE, [{ name: '申请表', provided: true }, { name: '照片', provided: false }]);
    expect(r).toEqual({ provided: ['申请表'], missing: ['居民身份证', '照片'], missingMain: ['居民身份证'] });
  });

  it('a material ticked twice is on file once', () => {
    expect(checkMaterials(GUIDE, [{ name: '申请表', provided: true }, { name: '申请表', provided: true }]).provided).toEqual(['申请表']);
  });
});

describe('checklistProblems: every material of the guide stated once', () => {
  const complete: ChecklistEntry[] = [
    { name: '申请表', provided: true },
    { name: '居民身份证', provided: false },
    { name: '结婚证（已婚的提供）', provided: false, notApplicable: true },
    { name: '照片', provided: true, notApplicable: false },
  ];

  it('a complete checklist has none, whatever it says of each material', () => {
    expect(checklistProblems(GUIDE, complete)).toBeNull();
    expect(checklistProblems([], [])).toBeNull();
  });

  it('names what was left out, stated twice, a main material not applicable, and handed over yet not applicable', () => {
    expect(checklistProblems(GUIDE, complete.slice(1))).toEqual({ notStated: ['申请表'], twice: [], mainNotApplicable: [], contradictory: [] });
    expect(checklistProblems(GUIDE, [...complete, { name: '照片', provided: false }])).toEqual({ notStated: [], twice: ['照片'], mainNotApplicable: [], contradictory: [] });
    expect(checklistProblems(GUIDE, complete.map((m) => (m.name === '申请表' ? { ...m, notApplicable: true } : m)))).toMatchObject({
      mainNotApplicable: ['申请表'],
      contradictory: ['申请表'],
    });
  });

  it('property: none exactly when each guide material is stated once and sensibly; otherwise each problem named', () => {
    const guideArb = fc.uniqueArray(fc.record({ name: fc.constantFrom('甲', '乙', '丙', '丁', '戊'), main: fc.boolean() }), { selector: (m) => m.name, maxLength: 5 });
    const caseArb = guideArb.chain((guide) =>
      fc.record({
        guide: fc.constant(guide),
        checklist: fc.array(
          fc.record({ name: fc.constantFrom('甲', '乙', '丙', '丁', '戊'), provided: fc.boolean(), notApplicable: fc.option(fc.boolean(), { nil: undefined }) }),
          { maxLength: 8 },
        ),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ guide, checklist }) => {
        // names outside the guide are refused elsewhere (MATERIAL_NOT_IN_GUIDE): only guide names here
        const stated = checklist.filter((c) => guide.some((g) => g.name === c.name));
        const times = (name: string) => stated.filter((c) => c.name === name).length;
        const problems = checklistProblems(guide, stated);
        const main = (name: string) => guide.find((g) => g.name === name)!.main;
        const expected = {
          notStated: guide.filter((g) => times(g.name) === 0).map((g) => g.name),
          twice: guide.filter((g) => times(g.name) > 1).map((g) => g.name),
          mainNotApplicable: guide.filter((g) => g.main && stated.some((c) => c.name === g.name && c.notApplicable === true)).map((g) => g.name),
          contradictory: guide.filter((g) => stated.some((c) => c.name === g.name && c.notApplicable === true && c.provided)).map((g) => g.name),
        };
        const fine = Object.values(expected).every((names) => names.length === 0);
        expect(problems).toEqual(fine ? null : expected);
        // a checklist the intake takes reads every material as stated: nothing unstated counts as handed over
        if (fine) {
          const outcome = checkMaterials(guide, stated);
          expect(outcome.provided).toEqual(stated.filter((c) => c.provided).map((c) => c.name));
          expect(outcome.missing.every((n) => stated.some((c) => c.name === n && !c.provided && (c.notApplicable !== true || main(n))))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
