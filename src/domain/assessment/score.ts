/**
 * 百分制考核的计分 (issue 13 §2): a window's or a person's month from its deductions and bonuses. Base 100; each
 * deduction counts up to what is left under its rule's monthly cap and its category's cap (in the order they
 * happened); bonuses add up to 10, so a score lies between 0 and 110. A cancelled (appeal upheld) or withdrawn item
 * is kept on record and counts nothing. The chief representative (首席代表) of a window carries a share (half by
 * default) of each of the window's deductions as items of their own. Pure.
 */
import { BASE_SCORE, CATEGORY_INFO, MAX_SCORE, MIN_SCORE, type Category, type RuleSource } from './rules.js';

export interface ScoreRule {
  code: string;
  category: Category;
  source: RuleSource;
  cap: number | null;
}

export interface ScoreItem {
  id: string;
  ruleCode: string;
  /** positive: lost (deduction) or gained (bonus) */
  points: number;
  /** only active items count */
  status: 'active' | 'withdrawn' | 'cancelled';
  occurredAt: string;
}

export interface ScoredSubject {
  score: number;
  /** points lost after caps, positive */
  deducted: number;
  /** points gained after the bonus cap */
  bonus: number;
  /** what each item counted after the caps (0 for an item not active, or beyond a cap) */
  counted: Map<string, number>;
}

/** Rounds to halves' precision safely (a chief's share of an odd deduction is x.5). */
const tidy = (n: number) => Math.round(n * 100) / 100;

export function scoreSubject(items: readonly ScoreItem[], rules: ReadonlyMap<string, ScoreRule>): ScoredSubject {
  const ordered = [...items].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byRule = new Map<string, number>();
  const byCategory = new Map<Category, number>();
  const counted = new Map<string, number>();
  let deducted = 0;
  let bonus = 0;
  for (const item of ordered) {
    const rule = rules.get(item.ruleCode);
    if (!rule || item.status !== 'active' || !(item.points > 0)) {
      counted.set(item.id, 0);
      continue;
    }
    const ruleLeft = rule.cap === null ? Infinity : rule.cap - (byRule.get(rule.code) ?? 0);
    const categoryLeft = CATEGORY_INFO[rule.category].cap - (byCategory.get(rule.category) ?? 0);
    const n = tidy(Math.max(0, Math.min(item.points, ruleLeft, categoryLeft)));
    counted.set(item.id, n);
    byRule.set(rule.code, tidy((byRule.get(rule.code) ?? 0) + n));
    byCategory.set(rule.category, tidy((byCategory.get(rule.category) ?? 0) + n));
    if (rule.source === 'bonus') bonus = tidy(bonus + n);
    else deducted = tidy(deducted + n);
  }
  const score = tidy(Math.min(MAX_SCORE, Math.max(MIN_SCORE, BASE_SCORE - deducted + bonus)));
  return { score, deducted, bonus, counted };
}

/** The default share of the window's deductions the chief representative carries. */
export const CHIEF_SHARE = 0.5;

/**
 * The chief's share of the window's items: each active deduction of the window, at `share` of its points, as an item
 * of the chief's (id prefixed, so it never collides with the window's own). Bonuses of the window are not shared.
 */
export function chiefShareItems(windowItems: readonly ScoreItem[], rules: ReadonlyMap<string, ScoreRule>, share = CHIEF_SHARE): ScoreItem[] {
  return windowItems
    .filter((i) => rules.get(i.ruleCode)?.source !== 'bonus')
    .map((i) => ({ ...i, id: `chief:${i.id}`, points: tidy(i.points * share) }));
}

/** The last local date an item recorded on `recordedOn` may be appealed: `days` calendar days after. */
export function appealDeadline(recordedOn: string, days: number): string {
  const t = new Date(`${recordedOn}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Why an appeal cannot be filed, or null. */
export function appealProblem(input: {
  monthStatus: 'open' | 'closed';
  itemStatus: ScoreItem['status'];
  isBonus: boolean;
  hasAppeal: boolean;
  own: boolean;
  today: string;
  deadline: string;
}): string | null {
  if (!input.own) return '只能对本人或本人窗口的扣分提出申诉。';
  if (input.monthStatus === 'closed') return '这个月的考核已经结束（已关账），不能再申诉。';
  if (input.isBonus) return '加分项目不需要申诉。';
  if (input.itemStatus !== 'active') return '这条扣分已经不计分，无需申诉。';
  if (input.hasAppeal) return '这条扣分已经申诉过了，请等待或查看中心主任的决定。';
  if (input.today > input.deadline) return `申诉期已过（截至 ${input.deadline}），不能再申诉。如有异议请当面与中心主任沟通。`;
  return null;
}

/** A line of the month as closing sees it: could its subject still appeal it, and until when. */
export interface ClosingItem {
  itemStatus: ScoreItem['status'];
  isBonus: boolean;
  hasAppeal: boolean;
  /** the last local date it may be appealed (appealDeadline) */
  deadline: string;
}

/** `2026-12-12` → `12月12日`, as a clerk reads a date in a message. */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The day after a local date. */
const nextDay = (date: string) => appealDeadline(date, 1);

/**
 * The deductions of the month its staff may still appeal on `today` (active, not a bonus, not appealed yet, inside
 * the appeal window), and the last day of the latest window among them. Closing freezes the month and takes the
 * right to appeal away, so it must wait for these (issue 13 §2: 本人在记录后 N 天内可申诉).
 */
export function stillAppealable(items: readonly ClosingItem[], today: string): { count: number; until: string | null } {
  let count = 0;
  let until: string | null = null;
  for (const i of items) {
    if (i.isBonus || i.itemStatus !== 'active' || i.hasAppeal || i.deadline < today) continue;
    count += 1;
    if (until === null || i.deadline > until) until = i.deadline;
  }
  return { count, until };
}

/** Why a month cannot be closed, or null. */
export function closeProblem(input: { status: 'open' | 'closed'; month: string; currentMonth: string; pendingAppeals: number; today: string; items: readonly ClosingItem[] }): string | null {
  if (input.status === 'closed') return '这个月的考核已经关账。';
  if (input.month >= input.currentMonth) return '这个月还没有过完，月底以后才能关账。';
  if (input.pendingAppeals > 0) return `还有 ${input.pendingAppeals} 条申诉没有处理，请先逐条作出决定再关账。`;
  const open = stillAppealable(input.items, input.today);
  if (open.count > 0 && open.until)
    return `还有 ${open.count} 条扣分在申诉期内（至 ${monthDay(open.until)}），申诉期满后才能关账，${monthDay(nextDay(open.until))}起可以关账。`;
  return null;
}
