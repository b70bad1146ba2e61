/**
 * Scoring a standardisation checklist (issue 13 §4). Pure: the checklist's items and what was answered in, scores out.
 *
 * Self-assessment: the center answers each item; the score follows from the answer, never typed by the center —
 * a `check` met gives the item's points, not met 0; a `number` gives the points when the value reaches the item's
 * minimum (area ≥ 40 m²), 0 below it; a `sign` gives the points when the wording on the sign is the center's own
 * name (spaces ignored), 0 otherwise. An item not answered scores 0 and keeps the self-assessment from being submitted.
 *
 * Inspection: the county gives each item a score from 0 to its points (whole or half points). A measured value
 * below a `number` item's minimum cannot earn points. Every item scored below its points is a gap (整改项) and
 * needs a note saying what is missing.
 */
import { isPointValue, totalPoints, type ChecklistItem } from './checklist.js';

export interface SelfAnswer {
  /** check: 达标 true / 不达标 false */
  met?: boolean | null;
  /** number: the value entered (square metres …) */
  value?: number | null;
  /** sign: the wording on the sign */
  text?: string | null;
}

export interface ItemVerdict {
  /** null: not answered yet */
  score: number | null;
  met: boolean | null;
  /** why it did not pass, in Chinese ('面积 32 平方米，不足 40 平方米') */
  reason: string | null;
}

/** The wording compared without spaces (full-width too) and quotes. */
export const signKey = (text: string) => text.replace(/[\s\u3000“”"'‘’「」]/g, '');

export function selfVerdict(item: ChecklistItem, answer: SelfAnswer | undefined, centerName: string): ItemVerdict {
  if (!answer) return { score: null, met: null, reason: null };
  if (item.kind === 'check') {
    if (answer.met === true) return { score: item.points, met: true, reason: null };
    if (answer.met === false) return { score: 0, met: false, reason: '自评未达标' };
    return { score: null, met: null, reason: null };
  }
  if (item.kind === 'number') {
    const value = answer.value;
    if (value === null || value === undefined || !Number.isFinite(value)) return { score: null, met: null, reason: null };
    const min = item.min ?? 0;
    if (value >= min) return { score: item.points, met: true, reason: null };
    const unit = item.unit ?? '';
    return { score: 0, met: false, reason: `${item.title} ${value}${unit}，不足 ${min}${unit}` };
  }
  const text = answer.text?.trim();
  if (!text) return { score: null, met: null, reason: null };
  if (signKey(text) === signKey(centerName)) return { score: item.points, met: true, reason: null };
  return { score: 0, met: false, reason: `标识牌应为“${centerName}”，填写的是“${text}”` };
}

export interface SelfResult {
  items: { code: string; verdict: ItemVerdict }[];
  total: number;
  answered: number;
  /** codes of items not answered yet */
  missing: string[];
}

export function selfAssessment(items: readonly ChecklistItem[], answers: ReadonlyMap<string, SelfAnswer>, centerName: string): SelfResult {
  const verdicts = items.map((item) => ({ code: item.code, verdict: selfVerdict(item, answers.get(item.code), centerName) }));
  return {
    items: verdicts,
    total: totalPoints(verdicts.map((v) => ({ points: v.verdict.score ?? 0 }))),
    answered: verdicts.filter((v) => v.verdict.score !== null).length,
    missing: verdicts.filter((v) => v.verdict.score === null).map((v) => v.code),
  };
}

export interface InspectionInput {
  code: string;
  score: number;
  /** number items: the value the inspector measured */
  value?: number | null;
  /** what is missing (required when the score is below the item's points) */
  note?: string | null;
}

export interface InspectionResult {
  total: number;
  /** items scored below their points: each becomes a gap with the note */
  gaps: { code: string; note: string; lost: number }[];
}

/** Why an inspection cannot be recorded (empty when it can). Every item is scored once. */
export function inspectionProblems(items: readonly ChecklistItem[], scores: readonly InspectionInput[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(items.map((i) => [i.code, i]));
  const seen = new Set<string>();
  for (const s of scores) {
    const item = byCode.get(s.code);
    if (!item) {
      problems.push(`检查表中没有编号为“${s.code}”的项目，请刷新页面后重新评分。`);
      continue;
    }
    if (seen.has(s.code)) problems.push(`“${item.title}”评了两次分，每项只评一次。`);
    seen.add(s.code);
    if (!isPointValue(s.score) || s.score < 0 || s.score > item.points) {
      problems.push(`“${item.title}”的得分须在 0 到 ${item.points} 分之间（整数或半分）。`);
      continue;
    }
    if (item.kind === 'number' && s.value !== null && s.value !== undefined && s.value < (item.min ?? 0) && s.score > 0) {
      problems.push(`“${item.title}”实测 ${s.value}${item.unit ?? ''}，不足标准 ${item.min}${item.unit ?? ''}，该项不得分。`);
    }
    if (s.score < item.points && !s.note?.trim()) problems.push(`“${item.title}”没有得满分，请写明存在的问题（整改内容）。`);
  }
  for (const item of items) if (!seen.has(item.code)) problems.push(`“${item.title}”还没有评分。`);
  return problems;
}

export function inspectionResult(items: readonly ChecklistItem[], scores: readonly InspectionInput[]): InspectionResult {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const gaps: InspectionResult['gaps'] = [];
  for (const item of items) {
    const s = byCode.get(item.code);
    const score = s?.score ?? 0;
    if (score < item.points) gaps.push({ code: item.code, note: s?.note?.trim() || '未达标', lost: item.points - score });
  }
  return { total: totalPoints(items.map((i) => ({ points: byCode.get(i.code)?.score ?? 0 }))), gaps };
}

/** How far the inspection is from the self-assessment: negative when the county found less than the center claimed. */
export const scoreDifference = (self: number | null, inspected: number | null) =>
  self === null || inspected === null ? null : Math.round((inspected - self) * 2) / 2;
