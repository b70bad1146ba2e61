/**
 * 百分制考核的规则 (issue 13 §2, REFERENCES.md "Window and staff assessment"): the categories of the county rule set
 * with the most a window or person loses in each (they add up to the base of 100), and the shipped rules, seeded into
 * `assessment_rules` by migration 0037 (an administrator changes points, caps and the switch there). Pure.
 */
export const BASE_SCORE = 100;
/** bonuses lift a score to at most this */
export const MAX_SCORE = 110;
/** the floor: a score never goes below it (the category caps add up to 100, so deductions alone reach it at most) */
export const MIN_SCORE = 0;

export const RULE_SOURCES = ['auto', 'manual', 'bonus'] as const;
export type RuleSource = (typeof RULE_SOURCES)[number];
export const RULE_SOURCE_NAMES: Record<RuleSource, string> = { auto: '自动扣分', manual: '主任录入扣分', bonus: '加分' };

export const CATEGORIES = ['presence', 'intake', 'fees', 'promise', 'results', 'conduct', 'records', 'tidiness', 'bonus'] as const;
export type Category = (typeof CATEGORIES)[number];
/** name and the most lost (bonus: gained) in the category in a month */
export const CATEGORY_INFO: Record<Category, { name: string; cap: number }> = {
  presence: { name: '出勤纪律', cap: 20 },
  intake: { name: '受理规范', cap: 15 },
  fees: { name: '收费规范', cap: 10 },
  promise: { name: '承诺时限', cap: 15 },
  results: { name: '办理结果', cap: 15 },
  conduct: { name: '服务作风', cap: 20 },
  records: { name: '台账资料', cap: 3 },
  tidiness: { name: '环境卫生', cap: 2 },
  bonus: { name: '加分项目', cap: MAX_SCORE - BASE_SCORE },
};

export interface AssessmentRule {
  code: string;
  name: string;
  category: Category;
  /** points per occurrence (a deduction's loss, a bonus's gain) */
  points: number;
  /** manual and bonus rules: the director may enter up to this many points for one occurrence (−2…−5) */
  maxPoints: number | null;
  /** the most one window or person loses (gains) under the rule in a month; null: only the category's cap */
  cap: number | null;
  source: RuleSource;
  description: string;
  enabled: boolean;
}

/** The county rule set as shipped (REFERENCES.md), in display order. */
export const SHIPPED_RULES: readonly Omit<AssessmentRule, 'enabled'>[] = [
  { code: 'absence-half-day', name: '无故缺勤', category: 'presence', points: 3, maxPoints: null, cap: 20, source: 'auto', description: '工作日既未签到也未请假，每半天扣 3 分（按考勤记录，一整天记两个半天）。' },
  { code: 'intake-wrong', name: '错误受理', category: 'intake', points: 2, maxPoints: null, cap: null, source: 'manual', description: '不该受理的受理、受理错事项或材料审查不严，每件扣 2 分。' },
  { code: 'refusal-no-reasons', name: '拒办理由不充分', category: 'intake', points: 2, maxPoints: null, cap: null, source: 'auto', description: '退回或不予批准的理由不充分，中心主任在否定报备审查中提出异议的，每件扣 2 分。' },
  { code: 'notice-incomplete', name: '告知不完整', category: 'intake', points: 2, maxPoints: null, cap: null, source: 'manual', description: '一次性告知、受理通知等告知内容不完整，每件扣 2 分。' },
  { code: 'fee-beyond-standard', name: '超标准收费', category: 'fees', points: 5, maxPoints: null, cap: null, source: 'auto', description: '经纪检监察认定收费与法定标准不符的（电子监察“收费与法定标准不符”），每件扣 5 分。' },
  { code: 'case-overdue', name: '承诺件超期', category: 'promise', points: 5, maxPoints: null, cap: null, source: 'auto', description: '超过承诺时限仍未办结，或办结晚于承诺时限，每件扣 5 分（计在到期的月份）。' },
  { code: 'hop-late', name: '转报或回复超时', category: 'promise', points: 1, maxPoints: null, cap: 5, source: 'auto', description: '村级转报、乡镇上报或结果回复晚于时限送出的，每件扣 1 分。' },
  { code: 'result-error', name: '办理结果差错', category: 'results', points: 2, maxPoints: 5, cap: null, source: 'manual', description: '办理结果、证照或文书有差错，视情节每件扣 2～5 分。' },
  { code: 'complaint-upheld', name: '投诉属实', category: 'conduct', points: 5, maxPoints: null, cap: null, source: 'auto', description: '群众投诉经调查属实、计入考核的，每件扣 5 分（计在认定的月份）。' },
  { code: 'bad-rating-verified', name: '差评经核实', category: 'conduct', points: 2, maxPoints: null, cap: 10, source: 'auto', description: '差评整改工单回访核实情况属实或部分属实的，每件扣 2 分。' },
  { code: 'violation-confirmed', name: '监察违规经认定', category: 'conduct', points: 2, maxPoints: null, cap: 10, source: 'auto', description: '电子监察记录经纪检监察认定违规的（超期、收费、转报另有规则的除外），每条扣 2 分。' },
  { code: 'attitude', name: '服务态度', category: 'conduct', points: 2, maxPoints: 5, cap: null, source: 'manual', description: '服务态度生硬、推诿等，视情节每次扣 2～5 分。' },
  { code: 'records-incomplete', name: '台账资料不全', category: 'records', points: 1, maxPoints: null, cap: null, source: 'manual', description: '办件登记、台账、档案资料不全或不及时，每次扣 1 分。' },
  { code: 'tidiness', name: '窗口不整洁', category: 'tidiness', points: 1, maxPoints: null, cap: null, source: 'manual', description: '窗口和桌面不整洁、物品摆放杂乱，每次扣 1 分。' },
  { code: 'bonus-praise', name: '群众表扬', category: 'bonus', points: 2, maxPoints: 5, cap: null, source: 'bonus', description: '收到锦旗、表扬信或媒体表扬的，每次加 2～5 分。' },
  { code: 'bonus-merit', name: '突出贡献', category: 'bonus', points: 2, maxPoints: 5, cap: null, source: 'bonus', description: '工作创新、承担急难任务成绩突出的，每次加 2～5 分。' },
];

/** The supervision rules whose confirmed violations have their own assessment rule (not counted again). */
export const VIOLATIONS_WITH_OWN_RULE: readonly string[] = ['promise-overrun', 'immediate-same-day', 'fee-not-standard', 'hop-village-township', 'hop-township-county', 'hop-hand-back', 'rating-fix-late', 'rating-visit-late'];

/**
 * The assessment rule a confirmed supervision violation counts under: a fee beyond the standard under its own rule,
 * one whose fact another automatic rule already counts (overdue, late hops, late 差评 work) nowhere — never twice —
 * and every other under 监察违规.
 */
export function ruleOfViolation(violationRule: string): 'fee-beyond-standard' | 'violation-confirmed' | null {
  if (violationRule === 'fee-not-standard') return 'fee-beyond-standard';
  return VIOLATIONS_WITH_OWN_RULE.includes(violationRule) ? null : 'violation-confirmed';
}

/** An unexcused absent day counts as two half days (−3 each under the county rule set). */
export const HALF_DAYS_PER_ABSENT_DAY = 2;

/**
 * A center uses attendance in a month when anybody signed in on any day of it; one that keeps no sign-in records
 * (考勤未启用) would otherwise mark every person absent every day.
 */
export const usesAttendance = (people: readonly { attendedDays: number }[]): boolean => people.some((p) => p.attendedDays > 0);

/** Why a rule edit is refused, or null. */
export function ruleEditProblem(rule: Pick<AssessmentRule, 'source'>, edit: { points: number; maxPoints: number | null; cap: number | null }): string | null {
  if (!Number.isInteger(edit.points) || edit.points < 1 || edit.points > 20) return '每次扣（加）分请填 1～20 的整数。';
  if (edit.maxPoints !== null) {
    if (rule.source === 'auto') return '自动扣分按规则分值扣，不设“最多可录”分值。';
    if (!Number.isInteger(edit.maxPoints) || edit.maxPoints < edit.points || edit.maxPoints > 20) return '最多可录分值须是不小于每次分值、不超过 20 的整数。';
  }
  if (edit.cap !== null && (!Number.isInteger(edit.cap) || edit.cap < edit.points || edit.cap > 100)) return '每月封顶分值须是不小于每次分值、不超过 100 的整数；不封顶请留空。';
  return null;
}

/** The points a director may enter for one occurrence of a manual or bonus rule. */
export function manualPointsProblem(rule: Pick<AssessmentRule, 'source' | 'points' | 'maxPoints' | 'name'>, points: number): string | null {
  if (rule.source === 'auto') return `“${rule.name}”由系统按记录自动扣分，不能手工录入。`;
  const max = rule.maxPoints ?? rule.points;
  if (!Number.isInteger(points) || points < rule.points || points > max) {
    return max === rule.points ? `“${rule.name}”每次 ${rule.points} 分。` : `“${rule.name}”每次 ${rule.points}～${max} 分，请在此范围内填写。`;
  }
  return null;
}
