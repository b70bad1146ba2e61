import chineseDays from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { countWorkingDays, daysOfYear, isWorkingDay } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';
import { noticeMakeupDays, noticeOffDays, officialCalendar } from './support.js';

const YEARS = [2025, 2026];
const cal = officialCalendar();

function overridesOf(year: number) {
  const file = officialYears().find((f) => f.year === year);
  const r = parseYearFile(file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value.overrides;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('officialYears', () => {
  it('ships 2025 and 2026, each citing its notice', () => {
    const files = officialYears();
    expect(files.map((f) => f.year)).toEqual(YEARS);
    expect(files[0]!.source).toBe('国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
    expect(files[1]!.source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it('gives a fresh copy each time, so no caller can change the shipped data', () => {
    officialYears()[0]!.holidays.length = 0;
    expect(officialYears()[0]!.holidays.length).toBe(6);
  });
});

describe.each(YEARS)('%i: the shipped file says exactly what the notice says', (year) => {
  it('days off', () => {
    expect(sorted(overridesOf(year).filter((o) => !o.working).map((o) => o.date))).toEqual(sorted(noticeOffDays(year)));
  });

  it('make-up working days', () => {
    expect(sorted(overridesOf(year).filter((o) => o.working).map((o) => o.date))).toEqual(sorted(noticeMakeupDays(year)));
  });
});

/**
 * The chinese-days package (ARCHITECTURE.md names it as the source of working-day data) is an independent
 * transcription of the same notices. Any disagreement must be investigated, not silently "fixed".
 *
 * Its bundled data is time-zone free, but its API (1.5.7) is not: it parses 'YYYY-MM-DD' as UTC and reads
 * the fields back in local time, so on a machine west of UTC (e.g. TZ=America/New_York) its answers are a
 * day off (2026 gets 242 working days). Our own code never calls it. Its API is compared only where it
 * reads dates back correctly; its data is compared everywhere.
 */
const apiUsable = chineseDays.getDayDetail('2026-02-14').date === '2026-02-14';

describe.each(YEARS)('%i: agrees with the chinese-days package', (year) => {
  const inYear = (m: Record<string, string>) => Object.keys(m).filter((d) => d.startsWith(`${year}-`));

  it('its data: the same days off and the same make-up days', () => {
    expect(sorted(inYear(chineseDaysData.holidays))).toEqual(sorted(noticeOffDays(year)));
    expect(sorted(inYear(chineseDaysData.workdays))).toEqual(sorted(noticeMakeupDays(year)));
  });

  it.skipIf(!apiUsable)('its API: isWorkday agrees on every day of the year', () => {
    const disagreements = daysOfYear(cal, year)
      .filter((d) => chineseDays.isWorkday(d.date) !== isWorkingDay(cal, d.date))
      .map((d) => d.date);
    expect(disagreements).toEqual([]);
  });

  it.skipIf(!apiUsable)('its API: the same number of working days (248)', () => {
    expect(chineseDays.getWorkdaysInRange(`${year}-01-01`, `${year}-12-31`)).toHaveLength(248);
    expect(countWorkingDays(cal, `${year - 1}-12-31`, `${year}-12-31`)).toBe(248);
  });
});
