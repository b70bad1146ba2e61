import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { formatDate as formatDay } from '@shared/notices/text';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The signed-in person's center keeps its own clock (Asia/Shanghai, or Asia/Urumqi …): every moment the console
 * shows is read on it, as the notices, SMS and exports print it, even on a hall computer whose own time zone was
 * set wrong. Set from the session (lib/auth.ts); before sign-in, the browser's own.
 */
let centerZone: string | null = null;

export function setCenterTimeZone(zone: string | null): void {
  centerZone = zone;
}

/** A stored moment (ISO 8601) on the center's clock, to format. */
export const atCenter = (iso: string): Dayjs => (centerZone ? dayjs(iso).tz(centerZone) : dayjs(iso));

/**
 * Now as the center's wall clock reads it, as a plain Dayjs of the browser: date pickers work in wall dates, so
 * "today" (the default, the last day allowed) is the center's today even on a computer whose clock is set to
 * another zone. A date picked is sent as 'YYYY-MM-DD'; a time picked goes through centerInstant.
 */
export const centerNow = (): Dayjs => (centerZone ? dayjs(dayjs().tz(centerZone).format('YYYY-MM-DDTHH:mm:ss.SSS')) : dayjs());

/** The moment a date and time picked in the console (on the center's wall clock) names, as ISO 8601. */
export const centerInstant = (wall: Dayjs): string =>
  centerZone ? dayjs.tz(wall.format('YYYY-MM-DDTHH:mm:ss'), centerZone).toISOString() : wall.toISOString();

// dates and office hours as a printed notice writes them: one wording for the console and the public pages
export { formatSessions } from '@shared/notices/text';

/** A moment stored with its zone (…Z, …+08:00), as opposed to a day or a wall time. */
const ZONED = /T.*(Z|[+-]\d{2}:?\d{2})$/;

/** "2026年3月9日": a day as it is, a stored moment by its day on the center's clock. */
export const formatDate = (value: string | null | undefined): string =>
  value && ZONED.test(value) ? formatDay(atCenter(value).format('YYYY-MM-DD')) : formatDay(value);

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? atCenter(iso).format('YYYY年M月D日 HH:mm') : '—';

/** To the second, for jobs that run every 30 seconds or every minute. */
export const formatDateTimeSeconds = (iso: string | null | undefined): string =>
  iso ? atCenter(iso).format('YYYY年M月D日 HH:mm:ss') : '—';

export const yesNo = (value: boolean): string => (value ? '是' : '否');

/** 大小 as people read it: 字节, KB or MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
