import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../../../src/domain/calendar/calendar.js';
import {
  closingTime,
  dueInstant,
  localDate,
  localTime,
  validateOfficeHours,
  wallTime,
  zonedInstant,
  type OfficeHours,
} from '../../../src/domain/calendar/office-hours.js';
import { domainError, officialCalendar } from './support.js';

const cal = officialCalendar();
const HOURS: OfficeHours = {
  sessions: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};
const SH = 'Asia/Shanghai';
const due = (acceptedAt: string, days: number, zone = SH, hours = HOURS) =>
  dueInstant(cal, new Date(acceptedAt), days, hours, zone).toISOString();

describe('validateOfficeHours', () => {
  it('accepts the usual two sessions, a single session, and sessions that touch', () => {
    expect(() => validateOfficeHours(HOURS)).not.toThrow();
    expect(() => validateOfficeHours({ sessions: [{ start: '09:00', end: '17:00' }] })).not.toThrow();
    expect(() =>
      validateOfficeHours({ sessions: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '18:00' }] }),
    ).not.toThrow();
  });

  const cases: [string, OfficeHours, string][] = [
    ['no sessions', { sessions: [] }, '办公时间至少要设置一个时段，如上午 08:30–12:00。'],
    ['no hour', { sessions: [{ start: '8:30', end: '12:00' }] }, '第 1 个时段的时间“8:30”格式不对，请按 24 小时制 HH:mm 填写，如 08:30、17:30。'],
    ['24:00', { sessions: [{ start: '08:30', end: '24:00' }] }, '第 1 个时段的时间“24:00”格式不对，请按 24 小时制 HH:mm 填写，如 08:30、17:30。'],
    ['12:60', { sessions: [{ start: '08:30', end: '12:60' }] }, '第 1 个时段的时间“12:60”格式不对，请按 24 小时制 HH:mm 填写，如 08:30、17:30。'],
    ['start after end', { sessions: [{ start: '12:00', end: '08:30' }] }, '第 1 个时段的开始时间 12:00 应早于结束时间 08:30。'],
    ['empty session', { sessions: [{ start: '08:30', end: '08:30' }] }, '第 1 个时段的开始时间 08:30 应早于结束时间 08:30。'],
    [
      'out of order',
      { sessions: [{ start: '14:30', end: '17:30' }, { start: '08:30', end: '12:00' }] },
      '第 2 个时段（08:30–12:00）应排在第 1 个时段（14:30–17:30）之后，且两个时段不能重叠。',
    ],
    [
      'overlapping',
      { sessions: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }] },
      '第 2 个时段（11:00–17:30）应排在第 1 个时段（08:30–12:00）之后，且两个时段不能重叠。',
    ],
  ];
  it.each(cases)('refuses %s', (_, hours, message) => {
    const e = domainError(() => validateOfficeHours(hours));
    expect(e.code).toBe('INVALID_OFFICE_HOURS');
    expect(e.message).toBe(message);
  });

  it('refuses what JSON might bring instead of sessions', () => {
    expect(domainError(() => validateOfficeHours({} as OfficeHours)).code).toBe('INVALID_OFFICE_HOURS');
    expect(domainError(() => validateOfficeHours({ sessions: [{ start: 830 }] } as unknown as OfficeHours)).code).toBe(
      'INVALID_OFFICE_HOURS',
    );
  });

  it('closes at the end of the last session', () => {
    expect(closingTime(HOURS)).toBe('17:30');
  });
});

describe('dueInstant in Asia/Shanghai', () => {
  it('accepted 2026-09-30 10:00 with 1 working day: due 2026-10-08 17:30 (国庆 is 10/1–10/7, 10/8 a working Thursday)', () => {
    expect(due('2026-09-30T10:00:00+08:00', 1)).toBe(new Date('2026-10-08T17:30:00+08:00').toISOString());
    expect(due('2026-09-30T10:00:00+08:00', 1)).toBe('2026-10-08T09:30:00.000Z');
  });

  it('counts N working days from the local acceptance date', () => {
    expect(due('2026-02-13T09:00:00+08:00', 3)).toBe(new Date('2026-02-25T17:30:00+08:00').toISOString());
    expect(due('2025-09-30T16:00:00+08:00', 5)).toBe(new Date('2025-10-14T17:30:00+08:00').toISOString());
  });

  it('days = 0 on a working day is due the same day at close', () => {
    expect(due('2026-03-04T09:00:00+08:00', 0)).toBe(new Date('2026-03-04T17:30:00+08:00').toISOString());
    expect(due('2026-02-14T09:00:00+08:00', 0)).toBe(new Date('2026-02-14T17:30:00+08:00').toISOString()); // make-up Saturday
  });

  it('days = 0 after closing time is due at close of the next working day, never before it was accepted', () => {
    expect(due('2026-03-04T18:10:00+08:00', 0)).toBe(new Date('2026-03-05T17:30:00+08:00').toISOString());
    expect(due('2026-09-30T17:45:00+08:00', 0)).toBe(new Date('2026-10-08T17:30:00+08:00').toISOString());
    expect(due('2026-03-04T17:30:00+08:00', 0)).toBe(new Date('2026-03-04T17:30:00+08:00').toISOString());
  });

  it('days = 0 on a Saturday or a holiday is due at close of the next working day', () => {
    expect(due('2026-03-07T10:00:00+08:00', 0)).toBe(new Date('2026-03-09T17:30:00+08:00').toISOString());
    expect(due('2026-10-01T10:00:00+08:00', 0)).toBe(new Date('2026-10-08T17:30:00+08:00').toISOString());
  });

  it('uses the local date, not the UTC date', () => {
    // 2026-10-08 00:30 in Shanghai is still 10-07 in UTC: the case was accepted on the 8th.
    expect(due('2026-10-07T16:30:00Z', 1)).toBe(new Date('2026-10-09T17:30:00+08:00').toISOString());
    // 23:30 on 9-30 in Shanghai is 15:30 UTC the same day: accepted on the 30th.
    expect(due('2026-09-30T23:30:00+08:00', 1)).toBe(new Date('2026-10-08T17:30:00+08:00').toISOString());
  });

  it('closes at the end of the last session, whatever it is', () => {
    const hours = { sessions: [{ start: '09:00', end: '17:00' }] };
    expect(due('2026-09-30T10:00:00+08:00', 1, SH, hours)).toBe(new Date('2026-10-08T17:00:00+08:00').toISOString());
  });
});

describe('dueInstant in other time zones', () => {
  it('Asia/Urumqi (+06:00, used by some centers in Xinjiang)', () => {
    expect(due('2026-09-30T10:00:00+06:00', 1, 'Asia/Urumqi')).toBe('2026-10-08T11:30:00.000Z');
  });

  it('Pacific/Kiritimati (+14): the local date is a day ahead of UTC', () => {
    // 2026-09-30 20:00 UTC is 10-01 10:00 local, a holiday: an immediate case is due at close on 10-08.
    expect(due('2026-09-30T20:00:00Z', 0, 'Pacific/Kiritimati')).toBe(new Date('2026-10-08T17:30:00+14:00').toISOString());
  });

  it('Pacific/Pago_Pago (−11): the local date is a day behind UTC', () => {
    // 2026-10-01 05:00 UTC is 9-30 18:00 local.
    expect(due('2026-10-01T05:00:00Z', 1, 'Pacific/Pago_Pago')).toBe(new Date('2026-10-08T17:30:00-11:00').toISOString());
  });

  it('America/New_York: the offset of the due day counts, not that of the acceptance day (DST from 2026-03-08)', () => {
    // Accepted Friday 03-06 (EST, −05:00); due Monday 03-09 at 17:30 EDT (−04:00).
    expect(due('2026-03-06T10:00:00-05:00', 1, 'America/New_York')).toBe('2026-03-09T21:30:00.000Z');
  });

  it('Europe/London: back from BST to GMT on 2026-10-25', () => {
    expect(due('2026-10-23T10:00:00+01:00', 1, 'Europe/London')).toBe('2026-10-26T17:30:00.000Z');
  });
});

describe('dueInstant refuses', () => {
  it('invalid office hours', () => {
    const e = domainError(() => dueInstant(cal, new Date('2026-03-02T02:00:00Z'), 1, { sessions: [] }, SH));
    expect(e.code).toBe('INVALID_OFFICE_HOURS');
  });

  it('an unknown time zone', () => {
    const e = domainError(() => dueInstant(cal, new Date('2026-03-02T02:00:00Z'), 1, HOURS, 'Asia/Beijing'));
    expect(e.code).toBe('INVALID_TIME_ZONE');
    expect(e.message).toBe('时区“Asia/Beijing”无法识别，请填写 IANA 时区名，如 Asia/Shanghai。');
  });

  it('an invalid instant, negative or fractional days', () => {
    expect(domainError(() => dueInstant(cal, new Date('nonsense'), 1, HOURS, SH)).code).toBe('INVALID_INSTANT');
    expect(domainError(() => dueInstant(cal, new Date('2026-03-02T02:00:00Z'), -1, HOURS, SH)).code).toBe('INVALID_WORKING_DAYS');
    expect(domainError(() => dueInstant(cal, new Date('2026-03-02T02:00:00Z'), 0.5, HOURS, SH)).code).toBe('INVALID_WORKING_DAYS');
  });

  it('a due date in a year that is not loaded', () => {
    const e = domainError(() => due('2026-12-31T10:00:00+08:00', 1));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.details).toEqual({ year: 2027 });
  });
});

describe('zonedInstant and localDate', () => {
  it('a wall time skipped by DST lands after the gap; a repeated one gives its first occurrence', () => {
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(zonedInstant('2026-04-05', '02:30', 'Australia/Sydney').toISOString()).toBe('2026-04-04T15:30:00.000Z'); // 02:30 AEDT
  });

  it('refuses a malformed time', () => {
    expect(domainError(() => zonedInstant('2026-03-08', '7:30', SH)).code).toBe('INVALID_OFFICE_HOURS');
  });

  const zones = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
  it('round trip: the instant shows the same local date and time in its zone', () => {
    const hhmm = fc.tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    );
    const date = fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2030-12-31') }).map(fromEpochDay);
    fc.assert(
      fc.property(date, hhmm, fc.constantFrom(...zones), (d, t, zone) => {
        const instant = zonedInstant(d, t, zone);
        expect(localDate(instant, zone)).toBe(d);
        const shown = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
        expect(shown).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('the kept quarter-hour offsets give what Intl gives for any instant, across DST changes and historic offsets', () => {
    const intl = (instant: Date, zone: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
          .formatToParts(instant)
          .map((x) => [x.type, x.value]),
      );
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    // all instants from 1900 to 2100, and instants within a minute of each DST change in New York and Lord Howe
    const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    const nearChange = fc
      .tuple(fc.constantFrom(Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 4, 15), Date.UTC(2026, 9, 3, 15, 30)), fc.integer({ min: -60_000, max: 60_000 }))
      .map(([at, d]) => at + d);
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearChange), fc.constantFrom(...zones, 'Pacific/Chatham', 'America/St_Johns'), (ms, zone) => {
        const instant = new Date(ms);
        expect(wallTime(instant.toISOString(), zone)).toBe(intl(instant, zone));
        expect(`${localDate(instant, zone)} ${localTime(instant, zone)}`).toBe(intl(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });
});
