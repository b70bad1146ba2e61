/**
 * The rules of rating (DOMAIN.md "Evaluation", REFERENCES.md 好差评): which case may be rated, by whom, once; when
 * the SMS invitation is due and when the default 基本满意 is written. Pure: instants, the time zone and the
 * settings are arguments.
 */
import { addCalendarDays } from '../calendar/calendar.js';
import { localDate, zonedInstant } from '../calendar/office-hours.js';
import type { RatingChannel } from './channels.js';
import { FIX_LEVELS, type Level } from './levels.js';

/** 3 days without a rating → an SMS invitation (Bozhou); 7 natural days → 基本满意 (Guangdong). Settings. */
export const DEFAULT_INVITE_DAYS = 3;
export const DEFAULT_DEFAULT_DAYS = 7;

/** The pad offers the case finished at its window for this long (then it goes back to its welcome). */
export const PAD_OFFER_MINUTES = 30;

/** The invitation is sent in the daytime, never in the night: at this local time of its day. */
export const INVITE_TIME = '09:00';

/** The statuses in which a case is finished and may be rated. */
export const RATABLE_STATUSES: readonly string[] = ['completed', 'delivered'];

/** Why this case cannot be rated (yet), or null. */
export function notRatable(status: string): string | null {
  if (RATABLE_STATUSES.includes(status)) return null;
  return '该办件尚未办结，办结后才能评价。';
}

/** The rater: every public channel and the paper form speak for the case's applicant. */
export const APPLICANT: string = 'applicant';

export interface RatingRequestFacts {
  channel: RatingChannel;
  /** the center of a staff session carried by the request (a cookie), or null */
  staffOrgId: string | null;
  /** the centers that handled the case (received, held, passed on) */
  caseOrgIds: readonly string[];
  /** a paper form: the staff member keying it in */
  enteredBy: string | null;
}

/**
 * Who may rate (51号: staff must not rate or steer ratings of their own work). A request carrying a staff session of
 * a center that handled the case is refused, whatever channel it claims — a clerk's own phone or a pad on which
 * someone signed in to the console. The paper form is the one case where staff key in a rating: it is marked as
 * entered on the rater's behalf. Returns the refusal, or null.
 */
export function raterRefusal(f: RatingRequestFacts): string | null {
  if (f.channel === 'paper') {
    return f.enteredBy ? null : '纸质评价表须由窗口工作人员或代办员登录后代为录入。';
  }
  if (f.channel === 'default') return null;
  if (f.staffOrgId && f.caseOrgIds.includes(f.staffOrgId)) {
    return '工作人员不能评价本中心办理的办件：请由办事群众本人用手机或窗口评价器评价；纸质评价表请用“代录纸质评价”。';
  }
  return null;
}

export interface ExistingRating {
  isDefault: boolean;
}

/**
 * One rating per case, rater and round: a second answers 409. A default (基本满意 written because nobody rated) only
 * stands in for the applicant: a real rating coming later replaces it.
 */
export function secondRating(existing: ExistingRating | null, incomingIsDefault: boolean): 'insert' | 'replace' | 'conflict' | 'skip' {
  if (!existing) return 'insert';
  if (incomingIsDefault) return 'skip';
  return existing.isDefault ? 'replace' : 'conflict';
}

export const DUPLICATE_MESSAGE = '该办件您已经评价过了，每件事只能评价一次（一事一评）。感谢您的评价！';

/** Round 2 (the rater's rating of a 差评's fix) has three levels only. */
export function levelRefusal(level: Level, round: 1 | 2): string | null {
  if (round === 2 && !(FIX_LEVELS as readonly Level[]).includes(level)) return '对整改结果的评价只有“满意”“基本满意”“不满意”三档。';
  return null;
}

/**
 * When the SMS invitation is due: on the `days`-th natural day after the day the case was finished (local date), at
 * 09:00 — natural days, weekends and holidays included, and never a message in the night.
 */
export function invitationDueAt(completedAt: Date, days: number, timeZone: string): Date {
  const day = addCalendarDays(localDate(completedAt, timeZone), days);
  return zonedInstant(day, INVITE_TIME, timeZone);
}

/**
 * When the default 基本满意 is written: after `days` whole natural days following the day of completion — at the
 * start (00:00 local) of the day after the last of them. Finished on Monday with 7 days: Tuesday … next Monday are
 * the rater's, the default is written from next Tuesday 00:00.
 */
export function defaultDueAt(completedAt: Date, days: number, timeZone: string): Date {
  const day = addCalendarDays(localDate(completedAt, timeZone), days + 1);
  return zonedInstant(day, '00:00', timeZone);
}

/**
 * The latest completion instant whose invitation (or default) is due at `now`: the jobs select the openings finished
 * at or before it. Exact inverse of the functions above at day granularity: finished on local day D is due on
 * D + offset, so the cases due are those finished on local days ≤ today − offset, i.e. before today − offset + 1.
 */
export function finishedBeforeForDue(now: Date, offsetDays: number, time: string, timeZone: string): Date {
  const today = localDate(now, timeZone);
  // a day is due once its own due time is reached
  const dueToday = zonedInstant(today, time, timeZone) <= now;
  const lastDay = addCalendarDays(today, -offsetDays + (dueToday ? 0 : -1));
  // everything finished before the start of the day after lastDay
  return zonedInstant(addCalendarDays(lastDay, 1), '00:00', timeZone);
}

/** Settings: whole days between 1 and 60. */
export function checkDays(value: number, what: string): string | null {
  if (!Number.isInteger(value) || value < 1 || value > 60) return `${what}须为 1 到 60 之间的整数天数。`;
  return null;
}
