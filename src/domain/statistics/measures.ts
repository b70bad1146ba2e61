/**
 * 月度统计的口径 (issue 13 §1): every measure of the monthly report is defined here once, for a center, a window, an
 * item or a department. The module counts in SQL (grouped counts over the cases, ratings, complaints, petitions of
 * the month) into `RawCounts`; this file adds them up and divides. Pure.
 *
 * - 收件 received: cases created in the month (the ledger's from/to); 受理 accepted: accepted in the month;
 * - 办结 finished: completed in the month (the ledger's completedFrom/completedTo); 按时办结 onTime: of those, completed
 *   by their due instant (or without one); 超期 overdue: completed in the month after their due instant, or still open
 *   at the month's end past it (as the supervision report counts, src/modules/cases/report-queries.ts);
 * - 退回 returned: received in the month and returned (退件);
 * - 即办件占比, 网上办理占比, 代办占比: immediate cases, online applications, cases registered by a village agent (代办)
 *   over the cases received;
 * - 好评率, 主动评价率, 差评整改率: the evaluation figures (src/domain/evaluation/figures.ts), unchanged;
 * - 投诉受理/属实: complaintCountsOfMonth (src/modules/complaints/stats.ts); 信访: petitions received in the month;
 * - 平均办结工作日: over the cases finished in the month, working days from acceptance (or registration) to completion,
 *   the day of acceptance not counted (a case finished the day it came in took 0 working days).
 */
import { countWorkingDays, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';
import type { Figure } from '../evaluation/figures.js';

export const RAW_KEYS = [
  'received',
  'accepted',
  'finished',
  'onTime',
  'overdue',
  'returned',
  'immediate',
  'online',
  'proxy',
  'workingDays',
  'timedCases',
  'rated',
  'good',
  'ratedFinished',
  'activelyRated',
  'bad',
  'rectified',
  'complaints',
  'complaintsUpheld',
  'petitions',
] as const;
export type RawKey = (typeof RAW_KEYS)[number];
export type RawCounts = Record<RawKey, number>;

export const emptyRaw = (): RawCounts => Object.fromEntries(RAW_KEYS.map((k) => [k, 0])) as RawCounts;

export function addRaw(a: RawCounts, b: RawCounts): RawCounts {
  const out = emptyRaw();
  for (const k of RAW_KEYS) out[k] = a[k] + b[k];
  return out;
}

export const sumRaw = (all: Iterable<RawCounts>): RawCounts => {
  let t = emptyRaw();
  for (const r of all) t = addRaw(t, r);
  return t;
};

/** The rating figures of a group (computeFigures) as raw counts: the rates are then worked out the same way. */
export const ratingRaw = (f: Figure): Pick<RawCounts, 'rated' | 'good' | 'ratedFinished' | 'activelyRated' | 'bad' | 'rectified'> => ({
  rated: f.rated,
  good: f.good,
  ratedFinished: f.finished,
  activelyRated: f.activelyRated,
  bad: f.bad,
  rectified: f.rectified,
});

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The report's columns, in order: key, Chinese heading, unit, and how it is worked out from the raw counts. */
export const MEASURES = [
  { key: 'received', name: '收件数', unit: '件', value: (r: RawCounts) => r.received },
  { key: 'accepted', name: '受理数', unit: '件', value: (r: RawCounts) => r.accepted },
  { key: 'finished', name: '办结数', unit: '件', value: (r: RawCounts) => r.finished },
  { key: 'onTime', name: '按时办结', unit: '件', value: (r: RawCounts) => r.onTime },
  { key: 'overdue', name: '超期件', unit: '件', value: (r: RawCounts) => r.overdue },
  { key: 'returned', name: '退回件', unit: '件', value: (r: RawCounts) => r.returned },
  { key: 'immediateShare', name: '即办件占比', unit: '%', value: (r: RawCounts) => share(r.immediate, r.received) },
  { key: 'onlineShare', name: '网上办理占比', unit: '%', value: (r: RawCounts) => share(r.online, r.received) },
  { key: 'proxyShare', name: '代办占比', unit: '%', value: (r: RawCounts) => share(r.proxy, r.received) },
  { key: 'goodRate', name: '好评率', unit: '%', value: (r: RawCounts) => share(r.good, r.rated) },
  // as the evaluation figures: a case rated in the month but finished before it never lifts the rate above 100 %
  { key: 'activeRate', name: '主动评价率', unit: '%', value: (r: RawCounts) => (r.ratedFinished > 0 ? Math.min(1, r.activelyRated / r.ratedFinished) : null) },
  { key: 'rectifyRate', name: '差评整改率', unit: '%', value: (r: RawCounts) => share(r.rectified, r.bad) },
  { key: 'complaints', name: '投诉受理', unit: '件', value: (r: RawCounts) => r.complaints },
  { key: 'complaintsUpheld', name: '投诉属实', unit: '件', value: (r: RawCounts) => r.complaintsUpheld },
  { key: 'petitions', name: '信访件', unit: '件', value: (r: RawCounts) => r.petitions },
  { key: 'avgWorkingDays', name: '平均办结工作日', unit: '天', value: (r: RawCounts) => (r.timedCases > 0 ? r.workingDays / r.timedCases : null) },
] as const;
export type MeasureKey = (typeof MEASURES)[number]['key'];
export type Measures = Record<MeasureKey, number | null>;
export const MEASURE_KEYS = MEASURES.map((m) => m.key) as MeasureKey[];

/** Every measure of a group from its raw counts. */
export function measuresOf(raw: RawCounts): Measures {
  return Object.fromEntries(MEASURES.map((m) => [m.key, m.value(raw)])) as Measures;
}

/** How a measure reads in the table and the Excel: counts as they are, shares as 12.5%, days to one decimal; '—' for none. */
export function measureText(key: MeasureKey, value: number | null): string {
  if (value === null) return '—';
  const unit = MEASURES.find((m) => m.key === key)!.unit;
  if (unit === '%') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (unit === '天') return (Math.round(value * 10) / 10).toFixed(1);
  return String(value);
}

/** Working days a case took: from the day it was accepted (not counted) to the day it was finished; never negative. */
export function workingDaysToFinish(cal: WorkingCalendar, acceptedOn: IsoDate, finishedOn: IsoDate): number {
  return Math.max(0, countWorkingDays(cal, acceptedOn, finishedOn));
}
