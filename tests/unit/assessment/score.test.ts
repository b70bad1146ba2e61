import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_INFO, CATEGORIES, manualPointsProblem, MAX_SCORE, MIN_SCORE, ruleEditProblem, ruleOfViolation, SHIPPED_RULES, usesAttendance, VIOLATIONS_WITH_OWN_RULE } from '../../../src/domain/assessment/rules.js';
import { appealDeadline, appealProblem, chiefShareItems, closeProblem, scoreSubject, stillAppealable, type ScoreItem, type ScoreRule } from '../../../src/domain/assessment/score.js';

const RULES = new Map<string, ScoreRule>(SHIPPED_RULES.map((r) => [r.code, { code: r.code, category: r.category, source: r.source, cap: r.cap }]));
const CODES = SHIPPED_RULES.map((r) => r.code);

const item = fc.record({
  id: fc.uuid(),
  ruleCode: fc.constantFrom(...CODES),
  points: fc.integer({ min: 1, max: 20 }),
  status: fc.constantFrom('active' as const, 'active' as const, 'withdrawn' as const, 'cancelled' as const),
  occurredAt: fc.integer({ min: 0, max: 30 }).map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString()),
});
const items = fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 60 });

const mk = (id: string, ruleCode: string, points: number, status: ScoreItem['status'] = 'active', day = 1): ScoreItem => ({ id, ruleCode, points, status, occurredAt: `2026-03-${String(day).padStart(2, '0')}T01:00:00.000Z` });

describe('the county rule set', () => {
  it('deduction categories add up to the base of 100 and bonuses to 10', () => {
    const deductions = CATEGORIES.filter((c) => c !== 'bonus').reduce((n, c) => n + CATEGORY_INFO[c].cap, 0);
    expect(deductions).toBe(100);
    expect(CATEGORY_INFO.bonus.cap).toBe(MAX_SCORE - 100);
    expect(SHIPPED_RULES.find((r) => r.code === 'case-overdue')).toMatchObject({ points: 5, source: 'auto', category: 'promise' });
    expect(SHIPPED_RULES.find((r) => r.code === 'absence-half-day')).toMatchObject({ points: 3, category: 'presence' });
    expect(SHIPPED_RULES.find((r) => r.code === 'fee-beyond-standard')).toMatchObject({ points: 5, category: 'fees' });
  });
});

describe('scoreSubject', () => {
  it('never above 110 nor below 0 (the floor); deducted and bonus within their caps', () => {
    fc.assert(
      fc.property(items, (list) => {
        const s = scoreSubject(list, RULES);
        expect(s.score).toBeLessThanOrEqual(MAX_SCORE);
        expect(s.score).toBeGreaterThanOrEqual(MIN_SCORE);
        expect(s.deducted).toBeLessThanOrEqual(100);
        expect(s.bonus).toBeLessThanOrEqual(10);
        expect(s.score).toBe(Math.min(110, Math.max(0, 100 - s.deducted + s.bonus)));
      }),
    );
  });

  it('respects every rule’s monthly cap and every category’s cap; each item counts at most its points', () => {
    fc.assert(
      fc.property(items, (list) => {
        const s = scoreSubject(list, RULES);
        const byRule = new Map<string, number>();
        const byCategory = new Map<string, number>();
        for (const i of list) {
          const n = s.counted.get(i.id)!;
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(i.points);
          if (i.status !== 'active') expect(n).toBe(0);
          byRule.set(i.ruleCode, (byRule.get(i.ruleCode) ?? 0) + n);
          const cat = RULES.get(i.ruleCode)!.category;
          byCategory.set(cat, (byCategory.get(cat) ?? 0) + n);
        }
        for (const [code, n] of byRule) {
          const cap = RULES.get(code)!.cap;
          if (cap !== null) expect(n).toBeLessThanOrEqual(cap);
        }
        for (const [cat, n] of byCategory) expect(n).toBeLessThanOrEqual(CATEGORY_INFO[cat as keyof typeof CATEGORY_INFO].cap);
      }),
    );
  });

  it('caps count in the order things happened', () => {
    // hop-late: 1 point each, at most 5 a month
    const list = Array.from({ length: 7 }, (_, k) => mk(`h${k}`, 'hop-late', 1, 'active', k + 1));
    const s = scoreSubject(list, RULES);
    expect(s.deducted).toBe(5);
    expect(s.counted.get('h5')).toBe(0);
    expect(s.counted.get('h0')).toBe(1);
    // four overdue cases: 20 points, but promise is worth 15
    expect(scoreSubject([1, 2, 3, 4].map((d) => mk(`o${d}`, 'case-overdue', 5, 'active', d)), RULES).score).toBe(85);
  });

  it('an upheld appeal (cancelled) or a withdrawn item takes its points away, never adds any', () => {
    fc.assert(
      fc.property(items, fc.nat(), (list, pick) => {
        fc.pre(list.length > 0);
        const target = list[pick % list.length]!;
        const before = scoreSubject(list, RULES);
        const after = scoreSubject(
          list.map((i) => (i.id === target.id ? { ...i, status: 'cancelled' as const } : i)),
          RULES,
        );
        expect(after.counted.get(target.id)).toBe(0);
        if (RULES.get(target.ruleCode)!.source === 'bonus') expect(after.score).toBeLessThanOrEqual(before.score);
        else expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });
});

describe('chief representative’s share', () => {
  it('carries half of each of the window’s deductions, none of its bonuses', () => {
    const windowItems = [mk('a', 'case-overdue', 5), mk('b', 'complaint-upheld', 5), mk('c', 'bonus-praise', 3)];
    const shares = chiefShareItems(windowItems, RULES);
    expect(shares.map((s) => [s.id, s.points])).toEqual([
      ['chief:a', 2.5],
      ['chief:b', 2.5],
    ]);
    expect(scoreSubject(shares, RULES).score).toBe(95);
  });

  it('the chief never loses more than half of what the window lost before caps, and keeps the items’ status', () => {
    fc.assert(
      fc.property(items, (list) => {
        const shares = chiefShareItems(list, RULES);
        const window = scoreSubject(list, RULES);
        const chief = scoreSubject(shares, RULES);
        const windowRaw = list.filter((i) => i.status === 'active' && RULES.get(i.ruleCode)!.source !== 'bonus').reduce((n, i) => n + i.points, 0);
        expect(chief.deducted).toBeLessThanOrEqual(windowRaw / 2 + 1e-9);
        expect(chief.bonus).toBe(0);
        for (const s of shares) expect(list.find((i) => `chief:${i.id}` === s.id)!.status).toBe(s.status);
        expect(chief.score).toBeGreaterThanOrEqual(window.score - window.bonus);
      }),
    );
  });
});

describe('appeals and closing', () => {
  const base = { monthStatus: 'open' as const, itemStatus: 'active' as const, isBonus: false, hasAppeal: false, own: true, today: '2026-03-10', deadline: appealDeadline('2026-03-06', 5) };
  it('within the period, once, only one’s own active deduction of an open month', () => {
    expect(appealDeadline('2026-03-28', 5)).toBe('2026-04-02');
    expect(appealProblem(base)).toBeNull();
    expect(appealProblem({ ...base, today: '2026-03-12' })).toContain('申诉期已过');
    expect(appealProblem({ ...base, hasAppeal: true })).toContain('已经申诉过');
    expect(appealProblem({ ...base, own: false })).toContain('本人');
    expect(appealProblem({ ...base, monthStatus: 'closed' })).toContain('关账');
    expect(appealProblem({ ...base, isBonus: true })).toContain('加分');
    expect(appealProblem({ ...base, itemStatus: 'cancelled' })).toContain('不计分');
  });
  it('closing waits for the month’s end and for every appeal', () => {
    const c = { status: 'open' as const, month: '2026-03', currentMonth: '2026-04', pendingAppeals: 0, today: '2026-04-10', items: [] };
    expect(closeProblem({ ...c, currentMonth: '2026-03' })).toContain('还没有过完');
    expect(closeProblem({ ...c, pendingAppeals: 2 })).toContain('2 条申诉');
    expect(closeProblem(c)).toBeNull();
    expect(closeProblem({ ...c, status: 'closed' })).toContain('已经关账');
  });
  it('closing waits until no deduction of the month can still be appealed, and says from when it can close', () => {
    const item = { itemStatus: 'active' as const, isBonus: false, hasAppeal: false, deadline: appealDeadline('2026-12-07', 5) };
    const c = { status: 'open' as const, month: '2026-11', currentMonth: '2026-12', pendingAppeals: 0, today: '2026-12-07', items: [item] };
    expect(closeProblem(c)).toBe('还有 1 条扣分在申诉期内（至 12月12日），申诉期满后才能关账，12月13日起可以关账。');
    // the last day of the window still counts; the day after, the month closes
    expect(closeProblem({ ...c, today: '2026-12-12' })).toContain('申诉期内');
    expect(closeProblem({ ...c, today: '2026-12-13' })).toBeNull();
    // a bonus, an appealed or a no-longer-counting line gives nothing to appeal
    expect(closeProblem({ ...c, items: [{ ...item, isBonus: true }, { ...item, hasAppeal: true }, { ...item, itemStatus: 'cancelled' }, { ...item, itemStatus: 'withdrawn' }] })).toBeNull();
    // the latest window is the date named; a window across the year end reads right
    expect(closeProblem({ ...c, items: [item, { ...item, deadline: '2026-12-09' }] })).toContain('还有 2 条扣分在申诉期内（至 12月12日）');
    expect(closeProblem({ ...c, month: '2026-12', currentMonth: '2027-01', today: '2027-01-01', items: [{ ...item, deadline: '2026-12-31' }, { ...item, deadline: appealDeadline('2026-12-31', 5) }] })).toContain('（至 1月5日），申诉期满后才能关账，1月6日起');
    // pending appeals are named first: they need the director's decision, not waiting
    expect(closeProblem({ ...c, pendingAppeals: 1 })).toContain('1 条申诉没有处理');
  });
  it('stillAppealable: closing is allowed exactly when every deadline is before today', () => {
    const date = fc.integer({ min: 0, max: 60 }).map((n) => appealDeadline('2026-11-20', n));
    const line = fc.record({ itemStatus: fc.constantFrom('active' as const, 'withdrawn' as const, 'cancelled' as const), isBonus: fc.boolean(), hasAppeal: fc.boolean(), deadline: date });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), date, (items, today) => {
        const open = items.filter((i) => i.itemStatus === 'active' && !i.isBonus && !i.hasAppeal && i.deadline >= today);
        const r = stillAppealable(items, today);
        expect(r.count).toBe(open.length);
        expect(r.until).toBe(open.length ? open.map((i) => i.deadline).sort().at(-1) : null);
        expect(closeProblem({ status: 'open', month: '2026-10', currentMonth: '2026-11', pendingAppeals: 0, today, items }) === null).toBe(open.length === 0);
      }),
    );
  });
  it('manual points stay within the rule; rule edits are bounded', () => {
    const result = SHIPPED_RULES.find((r) => r.code === 'result-error')!;
    expect(manualPointsProblem(result, 2)).toBeNull();
    expect(manualPointsProblem(result, 5)).toBeNull();
    expect(manualPointsProblem(result, 6)).toContain('2～5');
    expect(manualPointsProblem(SHIPPED_RULES.find((r) => r.code === 'case-overdue')!, 5)).toContain('自动');
    expect(ruleEditProblem({ source: 'auto' }, { points: 5, maxPoints: 8, cap: null })).toContain('自动');
    expect(ruleEditProblem({ source: 'manual' }, { points: 5, maxPoints: 3, cap: null })).not.toBeNull();
    expect(ruleEditProblem({ source: 'manual' }, { points: 2, maxPoints: 5, cap: 10 })).toBeNull();
  });
});

describe('which records count under which automatic rule', () => {
  it('a confirmed fee violation counts under 收费超标准, one another rule already counts nowhere, the rest under 监察违规', () => {
    expect(ruleOfViolation('fee-not-standard')).toBe('fee-beyond-standard');
    for (const code of VIOLATIONS_WITH_OWN_RULE.filter((c) => c !== 'fee-not-standard')) expect(ruleOfViolation(code)).toBeNull();
    expect(ruleOfViolation('supplement-beyond-notice')).toBe('violation-confirmed');
  });

  it('a center with no sign-in in the month does not use attendance; one sign-in anywhere and it does', () => {
    expect(usesAttendance([])).toBe(false);
    expect(usesAttendance([{ attendedDays: 0 }, { attendedDays: 0 }])).toBe(false);
    expect(usesAttendance([{ attendedDays: 0 }, { attendedDays: 1 }])).toBe(true);
  });
});
