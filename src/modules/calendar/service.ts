import { addWorkingDays, daysOfYear, provisionalYearsBetween } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { officialYears } from '../../domain/calendar/official.js';
import { importReminder, PROVISIONAL_SOURCE, PROVISIONAL_YEARS } from '../../domain/calendar/provisional.js';
import { parseYearFile } from '../../domain/calendar/year-file.js';
import { DomainError } from '../../domain/errors.js';
import { toCount } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { recomputeOpenDeadlines } from '../cases/recompute-deadlines.js';
import { recomputeOpenHopLimits } from '../cases/recompute-hop-limits.js';
import * as repo from './repo.js';

/**
 * Validates and stores one year's arrangement; answers 422 with every problem listed in Chinese. In the same
 * transaction every open case's deadlines are counted again on the new calendar (rule 3: a provisional date
 * becomes official, and moves if the notice differs from the law's days), and so are the limits of the village
 * hops not yet done (rule 9); the cases and hops that moved are returned.
 */
export async function importYear(db: Db, file: unknown, by: { userId: string | null; at: Date; ip?: string | null }) {
  const parsed = parseYearFile(file);
  if (!parsed.ok) {
    throw new DomainError('CALENDAR_FILE_INVALID', `年度节假日安排文件有 ${parsed.errors.length} 处问题，请修改后重新导入。`, {
      errors: parsed.errors.map((message) => ({ path: '', message })),
    });
  }
  const { year, source, overrides } = parsed.value;
  // the kept calendar is dropped once the import is over, whether it committed or not
  const changed = await db
    .transaction()
    .execute(async (trx) => {
      await repo.replaceYear(trx, year, source, overrides, { userId: by.userId, at: by.at.toISOString() });
      const moved = await recomputeOpenDeadlines(trx, { userId: by.userId, at: by.at, source });
      const hops = await recomputeOpenHopLimits(trx, { userId: by.userId, at: by.at, source });
      await recordAudit(trx, {
        at: by.at,
        userId: by.userId,
        ip: by.ip ?? null,
        action: 'calendar.import',
        targetType: 'calendar',
        targetId: String(year),
        detail: { source, days: overrides.length, deadlinesMoved: moved.length, hopLimitsMoved: hops.length },
      });
      return { moved, hops };
    })
    .finally(repo.forgetCalendar);
  return { year, source, days: overrides.length, recomputed: { changed: changed.moved.length, cases: changed.moved, hops: changed.hops } };
}

/** The State Council arrangements shipped with the software, loaded into an empty calendar at first start. */
export async function loadOfficialYears(db: Db, at: Date): Promise<number[]> {
  const loaded = new Set((await repo.listYears(db)).map((y) => Number(y.year)));
  const added: number[] = [];
  for (const file of officialYears()) {
    if (loaded.has(file.year)) continue;
    await importYear(db, file, { userId: null, at });
    added.push(file.year);
  }
  return added;
}

export async function listCalendarYears(ctx: AppContext) {
  return (await repo.listYears(ctx.database.db)).map((y) => ({
    year: Number(y.year),
    source: y.source,
    importedAt: y.imported_at,
    days: toCount(y.days),
  }));
}

/** The N-th working day after `from`; `provisional` when it was counted through a year not imported yet (暂定). */
export async function calendarAddWorkingDays(ctx: AppContext, from: string, days: number) {
  const calendar = await repo.loadCalendar(ctx.database.db, 'recent');
  // Kept per loaded calendar: a new import loads a new calendar object, and the answers of the old one go with it.
  let answers = workingDayAnswers.get(calendar);
  if (!answers) workingDayAnswers.set(calendar, (answers = new Map()));
  const key = `${from}+${days}`;
  const known = answers.get(key);
  if (known) return { ...known };
  const date = addWorkingDays(calendar, from, days);
  const answer = { date, provisional: provisionalYearsBetween(calendar, from, date).length > 0 };
  if (answers.size >= 10_000) answers.clear();
  answers.set(key, answer);
  return { ...answer };
}

const workingDayAnswers = new WeakMap<object, Map<string, { date: string; provisional: boolean }>>();

/**
 * Every day of a year. A year not imported is answered with its provisional days (the law's holidays, no
 * make-up days), marked `provisional: true` with where they come from, so nobody takes them for the notice;
 * a year outside what can be worked out is 404.
 */
export async function calendarDays(ctx: AppContext, year: number) {
  const calendar = await repo.loadCalendar(ctx.database.db, 'recent');
  if (!calendar.years.has(year) && (year < PROVISIONAL_YEARS.first || year > PROVISIONAL_YEARS.last)) {
    throw new DomainError(
      'CALENDAR_YEAR_NOT_LOADED',
      `${year}年的法定节假日安排尚未导入。请系统管理员在“工作日历”中导入该年度安排。`,
      { year },
      404,
    );
  }
  const provisional = !calendar.years.has(year);
  return { year, provisional, ...(provisional && { source: PROVISIONAL_SOURCE }), days: daysOfYear(calendar, year) };
}

/** The administrator's reminder on `now` (the injected clock), in the deployment's time zone; null when none. */
export async function calendarReminder(ctx: AppContext) {
  const today = localDate(ctx.clock(), ctx.config.timeZone);
  const years = (await repo.listYears(ctx.database.db)).map((y) => Number(y.year));
  return { today, reminder: importReminder(years, today) };
}
