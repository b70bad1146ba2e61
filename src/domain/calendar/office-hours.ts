/**
 * A center's office hours and the due instant of a case (DOMAIN.md rule 3): a case accepted on day D with
 * N working days is due at the close of office hours of the N-th working day after D, in the center's zone.
 */
import { DomainError } from '../errors.js';
import { addWorkingDays, isWorkingDay, toEpochDay, type IsoDate, type WorkingCalendar } from './calendar.js';

export interface OfficeSession {
  /** 'HH:mm', 24-hour local time, e.g. '08:30'. */
  start: string;
  /** 'HH:mm', e.g. '12:00'. */
  end: string;
}

/** e.g. { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] } */
export interface OfficeHours {
  sessions: OfficeSession[];
}

const DAY_MS = 86_400_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('INVALID_OFFICE_HOURS', message, details);

/** Throws INVALID_OFFICE_HOURS unless sessions are non-empty, well-formed, each start < end, in order, apart. */
export function validateOfficeHours(hours: OfficeHours): void {
  const sessions = hours?.sessions;
  if (!Array.isArray(sessions) || sessions.length === 0) {
    throw invalid('办公时间至少要设置一个时段，如上午 08:30–12:00。');
  }
  sessions.forEach((s, i) => {
    const label = `第 ${i + 1} 个时段`;
    for (const t of [s?.start, s?.end]) {
      if (typeof t !== 'string' || !HH_MM.test(t)) {
        throw invalid(`${label}的时间“${String(t)}”格式不对，请按 24 小时制 HH:mm 填写，如 08:30、17:30。`, { session: i });
      }
    }
    if (minutes(s.start) >= minutes(s.end)) {
      throw invalid(`${label}的开始时间 ${s.start} 应早于结束时间 ${s.end}。`, { session: i });
    }
    const prev = sessions[i - 1];
    if (prev && minutes(s.start) < minutes(prev.end)) {
      throw invalid(
        `${label}（${s.start}–${s.end}）应排在第 ${i} 个时段（${prev.start}–${prev.end}）之后，且两个时段不能重叠。`,
        { session: i },
      );
    }
  });
}

/** The close of office: the end of the last session. */
export function closingTime(hours: OfficeHours): string {
  validateOfficeHours(hours);
  return hours.sessions[hours.sessions.length - 1]!.end;
}

/**
 * When a case accepted at `acceptedAt` with a limit of `days` working days is due.
 * days = 0 (an immediate case) is due the same day if that is a working day, else the next working day.
 */
export function dueInstant(
  cal: WorkingCalendar,
  acceptedAt: Date,
  days: number,
  hours: OfficeHours,
  timeZone: string,
): Date {
  if (!(acceptedAt instanceof Date) || Number.isNaN(acceptedAt.getTime())) {
    throw new DomainError('INVALID_INSTANT', '受理时间不正确。', { acceptedAt: String(acceptedAt) });
  }
  const close = closingTime(hours);
  const accepted = localDate(acceptedAt, timeZone);
  // The acceptance day itself is never counted (rule 3), except that an immediate case is due that same day —
  // or, when it was accepted on a day off or after closing, at the close of the next working day.
  if (days === 0) {
    const sameDay = zonedInstant(accepted, close, timeZone);
    if (isWorkingDay(cal, accepted) && acceptedAt.getTime() <= sameDay.getTime()) return sameDay;
    return zonedInstant(addWorkingDays(cal, accepted, 1), close, timeZone);
  }
  return zonedInstant(addWorkingDays(cal, accepted, days), close, timeZone);
}

// ---------------------------------------------------------------------------------------------------------
// Time zones through Intl (full IANA data ships with Node), so any zone and its DST rules are right.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DomainError('INVALID_TIME_ZONE', `时区“${timeZone}”无法识别，请填写 IANA 时区名，如 Asia/Shanghai。`, { timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

/** The wall-clock fields of `instant` in `timeZone`, read through Intl (a few microseconds each). */
function wallClockOfIntl(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts as WallClock;
}

/** The zone's offset (wall clock minus UTC, whole seconds) at `instantMs`, from Intl. */
const intlOffset = (instantMs: number, timeZone: string) => {
  const w = wallClockOfIntl(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
};

/**
 * Offsets kept per zone and quarter hour (UTC). Deadlines, lights and ledger rows ask for the wall clock of many
 * instants per request, and Intl's formatToParts was a noticeable share of an intake (issue 8). Zones change their
 * offset at whole quarter hours of UTC, but a quarter is only kept when its first and last second have the same
 * offset; one that holds a change is asked of Intl each time.
 */
const QUARTER_MS = 900_000;
const offsets = new Map<string, number | null>();

/** The zone's offset in ms (wall clock minus UTC) at `instantMs`. */
export function offsetOf(instantMs: number, timeZone: string): number {
  const quarter = Math.floor(instantMs / QUARTER_MS);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const first = intlOffset(quarter * QUARTER_MS, timeZone);
    offset = first === intlOffset(quarter * QUARTER_MS + QUARTER_MS - 1000, timeZone) ? first : null;
    if (offsets.size >= 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset ?? intlOffset(instantMs, timeZone);
}

/** The wall-clock fields of `instant` in `timeZone` (seconds truncated, as Intl gives them). */
function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return wallClockOfIntl(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetOf(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The calendar date of `instant` as seen in `timeZone`. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The wall-clock time ('HH:mm') of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD HH:mm' on the wall clock of `timeZone`, as notices and exports print a moment. */
export function wallTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return `${localDate(instant, timeZone)} ${localTime(instant, timeZone)}`;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` ('HH:mm').
 * The offset can change within the day (DST), so both the offset of the day before and of the day after
 * are tried and the one that reproduces the wall time wins. A repeated wall time gives its first
 * occurrence; a skipped one (in a DST gap) the instant the same distance after the gap, like Temporal's
 * 'compatible'. Office closing times are nowhere near the usual 02:00 changes, so this is only for safety.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  // Deadlines, lights and ledger dates ask for the same few closing times over and over, and each answer costs
  // three Intl formatting calls (a tenth of a request's CPU, issue 8); the answer never changes, so it is kept.
  const key = `${date} ${time} ${timeZone}`;
  const known = zonedInstants.get(key);
  if (known !== undefined) return new Date(known);
  const instant = computeZonedInstant(date, time, timeZone);
  if (zonedInstants.size >= ZONED_INSTANTS_KEPT) zonedInstants.clear();
  zonedInstants.set(key, instant.getTime());
  return instant;
}

const ZONED_INSTANTS_KEPT = 20_000;
const zonedInstants = new Map<string, number>();

function computeZonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  if (!HH_MM.test(time)) throw invalid(`时间“${time}”格式不对，请按 24 小时制 HH:mm 填写，如 17:30。`);
  const wall = toEpochDay(date) * DAY_MS + minutes(time) * 60_000;
  const before = wall - offsetOf(wall - DAY_MS, timeZone);
  const after = wall - offsetOf(wall + DAY_MS, timeZone);
  const valid = [before, after].filter((t) => t + offsetOf(t, timeZone) === wall);
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}
