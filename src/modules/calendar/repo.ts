import { buildCalendar, type CalendarOverride, type WorkingCalendar } from '../../domain/calendar/calendar.js';
import { withProvisionalYears } from '../../domain/calendar/provisional.js';
import { fromBool, toBool } from '../../db/portable.js';
import { prepared } from '../../db/prepared.js';
import type { Db } from '../../server/context.js';

/**
 * The calendar is read on nearly every request (deadlines, lights) and changes once a year. The loaded calendar
 * is kept while the database's stamp (each year and when it was imported, and the number of days) is the same:
 * one small query instead of reading and rebuilding every holiday. Another process importing a year changes the
 * stamp, so every app process on a shared PostgreSQL sees the new year on its next request.
 * Years not imported count provisionally (DOMAIN.md rule 3): deadlines never stop at an unannounced year.
 *
 * Answers that only show a date (the calendar endpoint, the public progress page) may take `recent`: the calendar
 * checked within the last second, with no query at all (issue 8: the stamp's round trip was a third of such a
 * request on PostgreSQL). A write always takes `verified`, so a stored deadline is never counted on a calendar
 * another process has just replaced; an import in this process drops the cache at once.
 */
let cached: { stamp: string; calendar: WorkingCalendar; checkedAt: number } | null = null;
const RECENT_MS = 1000;

const calendarStamp = prepared((db) =>
  db
    .selectFrom('calendar_years')
    .select(['year', 'imported_at'])
    .select((eb) => eb.selectFrom('calendar_days').select((d) => d.fn.countAll().as('n')).as('days'))
    .orderBy('year'),
);

export async function loadCalendar(db: Db, freshness: 'verified' | 'recent' = 'verified'): Promise<WorkingCalendar> {
  if (freshness === 'recent' && cached && performance.now() - cached.checkedAt < RECENT_MS) return cached.calendar;
  // one round trip: the years with the number of days alongside (a year's days are stored with the year)
  const years = await calendarStamp(db);
  const stamp = `${years.map((y) => `${y.year}@${y.imported_at}`).join(',')}#${years[0]?.days ?? 0}`;
  if (cached?.stamp === stamp) {
    cached.checkedAt = performance.now();
    return cached.calendar;
  }
  const days = await db.selectFrom('calendar_days').selectAll().execute();
  const calendar = withProvisionalYears(
    buildCalendar(
      years.map((y) => Number(y.year)),
      days.map((d) => ({ date: d.date, working: toBool(d.working), note: d.note })),
    ),
  );
  cached = { stamp, calendar, checkedAt: performance.now() };
  return calendar;
}

/** Drops the kept calendar: after an import in this process has committed (or failed), readers load it anew. */
export function forgetCalendar(): void {
  cached = null;
}

export const listYears = (db: Db) =>
  db
    .selectFrom('calendar_years')
    .leftJoin('calendar_days', 'calendar_days.year', 'calendar_years.year')
    .select(['calendar_years.year', 'calendar_years.source', 'calendar_years.imported_at'])
    .select((eb) => eb.fn.count<number>('calendar_days.date').as('days'))
    .groupBy(['calendar_years.year', 'calendar_years.source', 'calendar_years.imported_at'])
    .orderBy('calendar_years.year')
    .execute();

/** Replaces one year's arrangement as a whole: a new announcement supersedes the old one entirely. */
export async function replaceYear(
  db: Db,
  year: number,
  source: string,
  overrides: CalendarOverride[],
  by: { userId: string | null; at: string },
): Promise<void> {
  await db.deleteFrom('calendar_days').where('year', '=', year).execute();
  await db
    .insertInto('calendar_years')
    .values({ year, source, imported_at: by.at, imported_by: by.userId })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source, imported_at: by.at, imported_by: by.userId }))
    .execute();
  if (overrides.length > 0) {
    await db
      .insertInto('calendar_days')
      .values(overrides.map((o) => ({ date: o.date, year, working: fromBool(o.working), note: o.note })))
      .execute();
  }
}
