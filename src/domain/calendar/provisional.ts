/**
 * The provisional (暂定) calendar of a year whose State Council arrangement is not imported yet (DOMAIN.md
 * rule 3). The notice for next year usually comes in November, but a 20-working-day case accepted in December
 * already ends in January: the service must not stop. Until the notice is imported, a year counts weekends plus
 * the holidays that 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025) fixes by law:
 *
 *   元旦 1 day (1 January) · 春节 4 days (农历除夕 and 正月初一 to 初三) · 清明节 1 day (the 清明 solar term) ·
 *   劳动节 2 days (1–2 May) · 端午节 1 day (农历五月初五) · 中秋节 1 day (农历八月十五) · 国庆节 3 days (1–3 October)
 *
 * plus the day off in lieu the same law (第六条) gives when such a day falls on a Saturday or Sunday (补假: the next
 * weekday after the holiday). Never any make-up working days (调休上班): only the State Council sets those, and a
 * guessed working Saturday would shorten a citizen's time limit. Lunar dates and the solar term come from the
 * chinese-days package. Pure: the year is the argument, nothing reads the clock or the database.
 */
import chineseDays from 'chinese-days';
import { addCalendarDays, isWeekend, toEpochDay, yearOf, type CalendarOverride, type IsoDate, type WorkingCalendar } from './calendar.js';
import { NEXT_YEAR_AWAITED_FROM_MONTH } from './next-year.js';

/** Where provisional days come from, as shown next to a year that is not imported. */
export const PROVISIONAL_SOURCE = '按《全国年节及纪念日放假办法》推算的法定节假日（暂定，不含调休）';

/** The lunar table of chinese-days ends in 2100; earlier years are before the 2024 revision and never needed. */
export const PROVISIONAL_YEARS = { first: 2000, last: 2099 } as const;

export interface StatutoryHoliday {
  /** as the State Council notices name them */
  name: string;
  /** the days the law itself names, in order */
  dates: IsoDate[];
}

/** Suffix of the note of a day off in lieu (补假) of a statutory day that fell on a weekend. */
export const IN_LIEU_SUFFIX = '补假';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number): IsoDate => `${year}-${pad(month)}-${pad(day)}`;

/**
 * The Gregorian date of lunar `month`/`day` (not a leap month) that falls within [from, to] of the Gregorian
 * year. chinese-days' own lunar-to-solar conversion reads dates in the machine's local time and is a day off west
 * of UTC; its solar-to-lunar conversion counts whole days from a fixed instant and is right everywhere, so the
 * window is scanned with that instead.
 */
function lunarDay(year: number, month: number, day: number, from: [number, number], to: [number, number]): IsoDate {
  for (let d = isoOf(year, from[0], from[1]); d <= isoOf(year, to[0], to[1]); d = addCalendarDays(d, 1)) {
    const lunar = chineseDays.getLunarDate(d);
    if (lunar.lunarMon === month && lunar.lunarDay === day && !lunar.isLeap) return d;
  }
  throw new Error(`no lunar ${month}/${day} in ${year} between ${from.join('-')} and ${to.join('-')}`);
}

/**
 * The 清明 solar term. chinese-days computes the day of the month right but builds it at UTC midnight and prints
 * it in local time: west of UTC (a negative offset) that prints the day before, which is undone here so the
 * answer does not depend on the machine's time zone.
 */
function qingming(year: number): IsoDate {
  const printed = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const westOfUtc = new Date(Date.UTC(year, 3, 15)).getDate() !== 15;
  return westOfUtc ? addCalendarDays(printed, 1) : printed;
}

/** The holidays 全国年节及纪念日放假办法 (2024) names for `year`, each with the days it names (no 补假). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < PROVISIONAL_YEARS.first || year > PROVISIONAL_YEARS.last) {
    throw new RangeError(`statutory holidays are worked out for ${PROVISIONAL_YEARS.first}–${PROVISIONAL_YEARS.last}, not ${year}`);
  }
  // 正月初一 lies between 21 January and 20 February.
  const springFestival = lunarDay(year, 1, 1, [1, 20], [2, 21]);
  return [
    { name: '元旦', dates: [isoOf(year, 1, 1)] },
    { name: '春节', dates: [-1, 0, 1, 2].map((n) => addCalendarDays(springFestival, n)) }, // 除夕, 初一 to 初三
    { name: '清明节', dates: [qingming(year)] },
    { name: '劳动节', dates: [isoOf(year, 5, 1), isoOf(year, 5, 2)] },
    { name: '端午节', dates: [lunarDay(year, 5, 5, [5, 25], [6, 25])] },
    { name: '中秋节', dates: [lunarDay(year, 8, 15, [9, 5], [10, 10])] },
    { name: '国庆节', dates: [isoOf(year, 10, 1), isoOf(year, 10, 2), isoOf(year, 10, 3)] },
  ];
}

export interface ProvisionalYear {
  year: number;
  source: string;
  /** days off only, in date order: the statutory days and the days in lieu; never a working day */
  overrides: CalendarOverride[];
}

/**
 * The provisional arrangement of `year`: the statutory days off, and for each of them that falls on a weekend
 * the next weekday after it that is not already off (补假). When two holidays share a day (中秋 on a 国庆 day)
 * the day is named after both and no extra day is given: the law grants days in lieu only for weekends.
 */
export function provisionalYear(year: number): ProvisionalYear {
  const off = new Map<IsoDate, string>();
  // Latest first, so a shared day reads as the notices write it: 国庆节、中秋节.
  for (const h of statutoryHolidays(year).reverse()) {
    for (const d of h.dates) off.set(d, off.has(d) ? `${off.get(d)!}、${h.name}` : h.name);
  }
  const statutory = [...off.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [date, name] of statutory) {
    if (!isWeekend(date)) continue;
    let d = addCalendarDays(date, 1);
    while (isWeekend(d) || off.has(d)) d = addCalendarDays(d, 1);
    off.set(d, `${name}${IN_LIEU_SUFFIX}`);
  }
  const overrides = [...off.entries()]
    .filter(([date]) => yearOf(date) === year)
    .sort(([a], [b]) => toEpochDay(a) - toEpochDay(b))
    .map(([date, note]) => ({ date, working: false, note }));
  return { year, source: PROVISIONAL_SOURCE, overrides };
}

/**
 * `cal` with every year it has not loaded filled in provisionally (within PROVISIONAL_YEARS; other years stay
 * refused). The imported years are untouched. Each year is worked out once per calendar.
 */
export function withProvisionalYears(cal: WorkingCalendar): WorkingCalendar {
  const cache = new Map<number, ReadonlyMap<IsoDate, CalendarOverride> | null>();
  const provisional = (year: number) => {
    if (!cache.has(year)) {
      const inRange = Number.isInteger(year) && year >= PROVISIONAL_YEARS.first && year <= PROVISIONAL_YEARS.last;
      cache.set(year, inRange ? new Map(provisionalYear(year).overrides.map((o) => [o.date, o])) : null);
    }
    return cache.get(year)!;
  };
  return { years: cal.years, overrides: cal.overrides, provisional };
}

export interface ImportReminder {
  /** the year whose arrangement is missing */
  year: number;
  message: string;
}

/**
 * What the administrator is reminded of on `today` (a local date): the current year missing (deadlines of the
 * whole year are provisional), or from 1 October next year's arrangement not imported yet. Null otherwise.
 */
export function importReminder(loadedYears: Iterable<number>, today: IsoDate): ImportReminder | null {
  const loaded = new Set(loadedYears);
  const year = yearOf(today);
  if (!loaded.has(year)) {
    return {
      year,
      message: `${year}年节假日安排尚未导入，本年度的办件期限都是按法定节假日推算的暂定日期（不含调休）。请尽快在“工作日历”中导入国务院办公厅公布的${year}年安排，导入后在办办件的期限自动重新计算。`,
    };
  }
  if (Number(today.slice(5, 7)) >= NEXT_YEAR_AWAITED_FROM_MONTH && !loaded.has(year + 1)) {
    return {
      year: year + 1,
      message: `${year + 1}年节假日安排尚未导入。国务院办公厅一般在 11 月前后公布下一年的安排，公布后请在“工作日历”中导入；导入前落在${year + 1}年的办件期限按法定节假日暂定计算（不含调休），导入后自动重新计算。`,
    };
  }
  return null;
}
