import { buildCalendar, type IsoDate, type WorkingCalendar } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';
import { DomainError } from '../../../src/domain/errors.js';

/**
 * The State Council notices typed in again by hand, independently of src/domain/calendar/official/*.json,
 * so that a slip in either shows up as a disagreement.
 * 2025: 国办发明电〔2024〕12号. 2026: 国务院办公厅关于2026年部分节假日安排的通知.
 */
export const NOTICES: Record<number, { off: [IsoDate, IsoDate][]; makeup: IsoDate[] }> = {
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'], // 元旦
      ['2025-01-28', '2025-02-04'], // 春节
      ['2025-04-04', '2025-04-06'], // 清明节
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午节
      ['2025-10-01', '2025-10-08'], // 国庆节、中秋节
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Days of [from, to] with plain Date arithmetic, deliberately not the code under test. */
export function expand(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const noticeOffDays = (year: number): Set<IsoDate> =>
  new Set(NOTICES[year]!.off.flatMap(([from, to]) => expand(from, to)));
export const noticeMakeupDays = (year: number): Set<IsoDate> => new Set(NOTICES[year]!.makeup);

/** The calendar as the server would load it at first start: the shipped files, parsed and combined. */
export function officialCalendar(): WorkingCalendar {
  const years = officialYears().map((file) => {
    const parsed = parseYearFile(file);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.value;
  });
  return buildCalendar(
    years.map((y) => y.year),
    years.flatMap((y) => y.overrides),
  );
}

/** Runs `fn` and returns the DomainError it throws (fails the test if it throws nothing or something else). */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
