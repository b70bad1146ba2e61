// 标准化建设 scoring (issue 13 §4): the seeded checklists total 100; a self-assessment score follows from each answer
// (area against its minimum, the sign against the center's name); an inspection scores every item within its points,
// and every item below full points is a gap carrying what it lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklistProblems, CHECKLIST_LEVELS, groupsOf, SEED_CHECKLISTS, totalPoints, type ChecklistItem } from '../../../src/domain/standards/checklist.js';
import { inspectionProblems, inspectionResult, scoreDifference, selfAssessment, selfVerdict, signKey, type SelfAnswer } from '../../../src/domain/standards/scoring.js';

const village = SEED_CHECKLISTS.village.items;
const area = village.find((i) => i.code === 'V-PLACE-AREA')!;
const sign = village.find((i) => i.code === 'V-SIGN-NAME')!;
const NAME = '柳河村便民服务室';

/** A checklist of 1..12 items whose points total 100 (whole and half points). */
const arbChecklist: fc.Arbitrary<ChecklistItem[]> = fc
  .array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 })
  .map((weights) => {
    const halves = weights.map((w) => w);
    const sum = halves.reduce((a, b) => a + b, 0);
    // spread 200 half points by weight, the rest to the last item
    const parts = halves.map((w) => Math.max(1, Math.floor((w / sum) * 200)));
    const used = parts.slice(0, -1).reduce((a, b) => a + b, 0);
    parts[parts.length - 1] = 200 - used;
    return parts;
  })
  .filter((parts) => parts.every((p) => p >= 1))
  .chain((parts) =>
    fc.tuple(...parts.map(() => fc.constantFrom<'check' | 'number' | 'sign'>('check', 'number', 'sign'))).map((kinds) =>
      parts.map((p, i): ChecklistItem => ({ code: `C-${i}`, group: `组${i % 3}`, title: `项目${i}`, requirement: '标准', points: p / 2, kind: kinds[i]!, min: kinds[i] === 'number' ? 40 : null, unit: '平方米' })),
    ),
  );

const arbAnswerOf = (item: ChecklistItem): fc.Arbitrary<SelfAnswer> =>
  item.kind === 'check'
    ? fc.record({ met: fc.option(fc.boolean(), { nil: null }) })
    : item.kind === 'number'
      ? fc.record({ value: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }) })
      : fc.record({ text: fc.constantFrom(NAME, ` ${NAME} `, '柳河村 便民服务室', '柳河村便民服务站', '', null) });
const arbAnswer = (item: ChecklistItem): fc.Arbitrary<SelfAnswer | undefined> => fc.option(arbAnswerOf(item), { nil: undefined });

describe('checklists', () => {
  it('both seeded checklists are valid, total 100, the village one is the 五有', () => {
    for (const level of CHECKLIST_LEVELS) {
      expect(checklistProblems(SEED_CHECKLISTS[level].items)).toEqual([]);
      expect(totalPoints(SEED_CHECKLISTS[level].items)).toBe(100);
    }
    expect(groupsOf(village).map((g) => g.group)).toEqual(['有场所', '有标识', '有制度上墙', '有代办员', '有代办记录']);
    expect(area).toMatchObject({ kind: 'number', min: 40 });
  });

  it('refuses a total other than 100, repeated codes, a number item without its standard value', () => {
    expect(checklistProblems(village.slice(1)).join()).toContain('合计须为 100 分，现在是 85 分');
    expect(checklistProblems([...village.slice(0, -1), { ...village.at(-1)!, code: village[0]!.code }]).join()).toContain('重复');
    expect(checklistProblems(village.map((i) => (i.code === area.code ? { ...i, min: null } : i))).join()).toContain('标准值');
    expect(checklistProblems(village.map((i, n) => (n === 0 ? { ...i, points: 14.3 } : n === 1 ? { ...i, points: 10.7 } : i))).join()).toContain('半分');
  });

  it('any generated checklist of whole and half points totalling 100 is accepted', () => {
    fc.assert(fc.property(arbChecklist, (items) => checklistProblems(items).length === 0));
  });
});

describe('self-assessment', () => {
  it('area: 40 m² and more earns the points, less earns none and says why', () => {
    expect(selfVerdict(area, { value: 40 }, NAME)).toEqual({ score: 15, met: true, reason: null });
    expect(selfVerdict(area, { value: 39.5 }, NAME)).toMatchObject({ score: 0, met: false, reason: '服务场所面积 39.5平方米，不足 40平方米' });
    expect(selfVerdict(area, { value: null }, NAME).score).toBeNull();
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (v) => selfVerdict(area, { value: v }, NAME).score === (v >= 40 ? 15 : 0)));
  });

  it('sign: the center’s own name, spaces and quotes ignored; anything else earns none', () => {
    expect(selfVerdict(sign, { text: '“柳河村　便民服务室”' }, NAME).score).toBe(10);
    expect(selfVerdict(sign, { text: '柳河村便民服务站' }, NAME)).toMatchObject({ score: 0, reason: '标识牌应为“柳河村便民服务室”，填写的是“柳河村便民服务站”' });
    expect(selfVerdict(sign, { text: '  ' }, NAME).score).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => signKey(s) === signKey(` ${s}\u3000`)));
  });

  it('totals: every item scores its points or nothing; the total is their sum within 0..100; missing = unanswered', () => {
    fc.assert(
      fc.property(
        arbChecklist.chain((items) => fc.tuple(fc.constant(items), fc.tuple(...items.map(arbAnswer)))),
        ([items, answers]) => {
          const map = new Map<string, SelfAnswer>();
          items.forEach((item, i) => answers[i] && map.set(item.code, answers[i]!));
          const result = selfAssessment(items, map, NAME);
          for (const [i, item] of items.entries()) {
            const score = result.items[i]!.verdict.score;
            expect(score === null || score === 0 || score === item.points).toBe(true);
          }
          const sum = totalPoints(result.items.map((v) => ({ points: v.verdict.score ?? 0 })));
          expect(result.total).toBe(sum);
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(100);
          expect(result.answered + result.missing.length).toBe(items.length);
          if (result.missing.length === 0 && result.items.every((v) => v.verdict.met)) expect(result.total).toBe(100);
        },
      ),
    );
  });
});

describe('inspection', () => {
  const arbScores = (items: ChecklistItem[]) => fc.tuple(...items.map((i) => fc.integer({ min: 0, max: i.points * 2 }).map((h) => h / 2)));

  it('the total is the sum of the scores; every item below its points is one gap carrying what it lost', () => {
    fc.assert(
      fc.property(
        arbChecklist.chain((items) => fc.tuple(fc.constant(items), arbScores(items))),
        ([items, scores]) => {
          const input = items.map((item, i) => ({ code: item.code, score: scores[i]!, note: scores[i]! < item.points ? '问题' : null }));
          expect(inspectionProblems(items, input)).toEqual([]);
          const result = inspectionResult(items, input);
          expect(result.total).toBe(totalPoints(input.map((s) => ({ points: s.score }))));
          expect(result.gaps.map((g) => g.code)).toEqual(items.filter((item, i) => scores[i]! < item.points).map((i) => i.code));
          expect(totalPoints(result.gaps.map((g) => ({ points: g.lost })))).toBe(Math.round((100 - result.total) * 2) / 2);
        },
      ),
    );
  });

  it('refuses a score beyond the points, a missing item or note, and points for an area below the standard', () => {
    const full = village.map((i) => ({ code: i.code, score: i.points }));
    expect(inspectionProblems(village, full)).toEqual([]);
    expect(inspectionProblems(village, full.slice(1)).join()).toContain('“服务场所面积”还没有评分');
    expect(inspectionProblems(village, full.map((s) => (s.code === area.code ? { ...s, score: 16 } : s))).join()).toContain('0 到 15 分');
    expect(inspectionProblems(village, full.map((s) => (s.code === area.code ? { ...s, score: 10 } : s))).join()).toContain('请写明存在的问题');
    expect(inspectionProblems(village, full.map((s) => (s.code === area.code ? { ...s, value: 35 } : s))).join()).toContain('实测 35平方米，不足标准 40平方米');
    expect(inspectionProblems(village, [...full, { code: 'X', score: 1 }]).join()).toContain('没有编号为“X”');
  });

  it('the difference between self and inspected scores', () => {
    expect(scoreDifference(93, 91.5)).toBe(-1.5);
    expect(scoreDifference(null, 90)).toBeNull();
  });
});
