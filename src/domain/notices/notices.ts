/**
 * 公告 of a center on its 政务公开 page (DOMAIN.md "Transparency", issue 11 §3): a notice has a start date, a minimum
 * display period in calendar days and an optional end date. The public sees it from its start date up to and
 * including its end date, unless it was withdrawn. Withdrawing it before the minimum period has run needs a recorded
 * reason; afterwards none is needed.
 *
 * Days are the center's calendar days (Asia/Shanghai for the demo region): a notice starting 2026-12-01 with a
 * minimum of 7 days is shown 12-01 … 12-07; on 12-07 it is still within the period, from 12-08 00:00 local time it
 * has run. Pure: the clock and the zone are arguments.
 */
import { addCalendarDays, isIsoDate, toEpochDay, type IsoDate } from '../calendar/calendar.js';
import { localDate } from '../calendar/office-hours.js';

export const NOTICE_STATUSES = ['published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_ACTIONS = ['publish', 'edit', 'withdraw'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];
export const NOTICE_ACTION_NAMES: Record<NoticeAction, string> = { publish: '发布', edit: '修改', withdraw: '撤下' };

export const NOTICE_LIMITS = { title: 60, body: 5000, reason: 500, minDays: 365, maxDays: 3650 } as const;
/** What the form offers when nobody chose: most 公示 run at least 5 working days, a week covers it. */
export const DEFAULT_MIN_DAYS = 7;

export interface NoticeTerms {
  startDate: IsoDate;
  minDays: number;
  endDate: IsoDate | null;
}

export interface NoticeState extends NoticeTerms {
  status: NoticeStatus;
}

/** The first local day on which the minimum period has run (the notice was shown `minDays` whole days). */
export const minimumEndsAfter = (t: Pick<NoticeTerms, 'startDate' | 'minDays'>): IsoDate => addCalendarDays(t.startDate, t.minDays);

/** Calendar days the notice has been shown by `today` (0 before its start; today counts as a day shown). */
export function daysShown(t: Pick<NoticeTerms, 'startDate'>, today: IsoDate): number {
  return Math.max(0, toEpochDay(today) - toEpochDay(t.startDate) + 1);
}

/** Is the minimum display period still running at `now` (in the center's `timeZone`)? */
export function withinMinimumPeriod(t: Pick<NoticeTerms, 'startDate' | 'minDays'>, now: Date, timeZone: string): boolean {
  return localDate(now, timeZone) < minimumEndsAfter(t);
}

/** Does the public see the notice on `today` (local date)? */
export function isShown(n: NoticeState, today: IsoDate): boolean {
  return n.status === 'published' && n.startDate <= today && (n.endDate === null || today <= n.endDate);
}

export type NoticeRefusal = { ok: false; code: string; message: string; status: 409 | 422 };
const refuse = (code: string, message: string, status: 409 | 422 = 422): NoticeRefusal => ({ ok: false, code, message, status });

/**
 * What is wrong with a minimum period of `minDays` days, or null: a whole number of days within the limit and, once
 * the notice is being shown (`started` is the period it started with), not shorter than that. The publishing form
 * checks the same words before it sends.
 */
export function minDaysProblem(minDays: number, started: number | null = null): string | null {
  if (!Number.isInteger(minDays)) return '最短公示天数须是整数。';
  if (minDays < 1) return '最短公示天数至少 1 天。';
  if (minDays > NOTICE_LIMITS.minDays) return `最短公示天数不超过 ${NOTICE_LIMITS.minDays} 天。`;
  if (started !== null && minDays < started) return `该公告已开始公示，最短公示天数不能少于原定的 ${started} 天。`;
  return null;
}

/** The terms a notice may be published or edited with. */
export function checkTerms(t: NoticeTerms): { ok: true } | NoticeRefusal {
  if (!isIsoDate(t.startDate)) return refuse('NOTICE_BAD_DATE', '开始日期不正确，请按 YYYY-MM-DD 填写一个真实存在的日期。');
  const minDays = minDaysProblem(t.minDays);
  if (minDays) return refuse('NOTICE_BAD_MIN_DAYS', minDays);
  if (t.endDate !== null) {
    if (!isIsoDate(t.endDate)) return refuse('NOTICE_BAD_DATE', '结束日期不正确，请按 YYYY-MM-DD 填写一个真实存在的日期。');
    const lastMinimumDay = addCalendarDays(t.startDate, t.minDays - 1);
    if (t.endDate < lastMinimumDay) {
      return refuse('NOTICE_END_TOO_EARLY', `结束日期不能早于 ${lastMinimumDay}：从 ${t.startDate} 起至少要公示 ${t.minDays} 天。`);
    }
    if (toEpochDay(t.endDate) - toEpochDay(t.startDate) > NOTICE_LIMITS.maxDays) return refuse('NOTICE_BAD_DATE', '结束日期离开始日期太远（超过十年），请核对。');
  }
  return { ok: true };
}

/**
 * Publishing a new notice at `now`: it cannot start on a past day (a back-dated start would count days nobody saw
 * it towards the minimum period).
 */
export function decidePublish(t: NoticeTerms, now: Date, timeZone: string): { ok: true } | NoticeRefusal {
  const terms = checkTerms(t);
  if (!terms.ok) return terms;
  const today = localDate(now, timeZone);
  if (t.startDate < today) return refuse('NOTICE_START_PAST', `开始日期不能早于今天（${today}）：公示天数从群众能看到的那天算起。`);
  return { ok: true };
}

/**
 * May the notice's terms change from `before` to `after` at `now`? Once the public has begun to see it, its start
 * date stays and its minimum period cannot be shortened: otherwise an edit would do what a withdrawal without a
 * reason may not.
 */
export function decideEdit(before: NoticeState, after: NoticeTerms, now: Date, timeZone: string): { ok: true } | NoticeRefusal {
  if (before.status === 'withdrawn') return refuse('NOTICE_WITHDRAWN', '该公告已撤下，不能再修改。如需重新公开，请发布一条新公告。', 409);
  const terms = checkTerms(after);
  if (!terms.ok) return terms;
  const today = localDate(now, timeZone);
  if (before.startDate > today && after.startDate < today) return refuse('NOTICE_START_PAST', `开始日期不能早于今天（${today}）。`);
  if (before.startDate <= today) {
    if (after.startDate !== before.startDate) return refuse('NOTICE_STARTED', `该公告已于 ${before.startDate} 开始公示，开始日期不能再改。`);
    const shortened = minDaysProblem(after.minDays, before.minDays);
    if (shortened) return refuse('NOTICE_STARTED', shortened);
  }
  return { ok: true };
}

/**
 * Withdrawing the notice at `now`: inside the minimum period only with a reason (recorded with the withdrawal);
 * after it, with or without one.
 */
export function decideWithdrawal(n: NoticeState, reason: string | null | undefined, now: Date, timeZone: string): { ok: true; early: boolean } | NoticeRefusal {
  if (n.status === 'withdrawn') return refuse('NOTICE_WITHDRAWN', '该公告已经撤下了。', 409);
  const early = withinMinimumPeriod(n, now, timeZone);
  if (early && !(reason ?? '').trim()) {
    return refuse(
      'NOTICE_REASON_REQUIRED',
      `该公告要公示满 ${n.minDays} 天（到 ${addCalendarDays(n.startDate, n.minDays - 1)} 为止），现在撤下须填写撤下原因，原因将记录在案。`,
    );
  }
  return { ok: true, early };
}
