/**
 * Months as the statistics, the supervision report and the dashboards count them: 'YYYY-MM', beginning at 00:00 of
 * the first day on the center's wall clock.
 */
import { localDate, zonedInstant } from './office-hours.js';

/** 'YYYY-MM', month 01 to 12: what a month parameter must look like. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** What a clerk is told when a month is typed otherwise. */
export const MONTH_FORMAT_ERROR = '月份请按 YYYY-MM 填写，如 2026-03';

/** '2026年3月': a month as messages and papers say it. */
export const monthText = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 'YYYY-MM' n months after `month` (n may be negative); years roll over both ways. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant `month` begins in `timeZone` (ISO): 00:00 of its first day there. */
export const monthStart = (month: string, timeZone: string): string => zonedInstant(`${month}-01`, '00:00', timeZone).toISOString();

/** `month` as instants [from, to): from its first moment to the next month's. */
export const monthBounds = (month: string, timeZone: string) => ({ from: monthStart(month, timeZone), to: monthStart(addMonths(month, 1), timeZone) });

/** The month before the one `now` falls in on the center's clock: what a monthly report shows unless asked. */
export const lastMonth = (now: Date, timeZone: string) => addMonths(localDate(now, timeZone).slice(0, 7), -1);
