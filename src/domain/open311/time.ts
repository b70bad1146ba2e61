/**
 * Open311 date-times: ISO 8601 with the zone as an offset (`2026-03-02T09:05:00+08:00`), in the time zone of the
 * county the server serves, as the specification requires ("Timezone information … must be included"). Pure.
 */
import { offsetOf } from '../calendar/office-hours.js';

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `instant` as ISO 8601 local time of `timeZone` with its offset, to the second. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = Math.round(offsetOf(instant.getTime(), timeZone) / 60_000);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
