/**
 * Next year's State Council arrangement, awaited at the year end (DOMAIN.md rule 3). Pure and without the lunar
 * tables of provisional.ts, so the console can use it too.
 */
import { yearOf, type IsoDate } from './calendar.js';

/**
 * From this month (October) next year's arrangement is awaited: the administrator is reminded to import it, and the
 * calendar page offers the year, provisional until imported. The notice usually comes in November, and deadlines
 * counted from the autumn on begin to reach into the new year.
 */
export const NEXT_YEAR_AWAITED_FROM_MONTH = 10;

export interface YearChoice {
  year: number;
  /** not imported: its days are the provisional ones */
  provisional: boolean;
}

/**
 * The years the calendar page offers on `today` (a local date): every year imported, this year, next year from
 * October (or once imported), and `shown`, the year on screen. In order, each provisional unless imported.
 */
export function calendarYearChoices(loadedYears: Iterable<number>, today: IsoDate, shown: number): YearChoice[] {
  const loaded = new Set(loadedYears);
  const year = yearOf(today);
  const years = new Set([...loaded, year, shown]);
  if (Number(today.slice(5, 7)) >= NEXT_YEAR_AWAITED_FROM_MONTH) years.add(year + 1);
  return [...years].sort((a, b) => a - b).map((y) => ({ year: y, provisional: !loaded.has(y) }));
}
