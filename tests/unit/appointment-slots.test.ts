// 预约的时段 (src/domain/hall/slots.ts): plans, the published days (working days of the official calendar, 调休 days
// open, the next year provisionally), the places left, and the booking, check-in and cancel decisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWorkingDay } from '../../src/domain/calendar/calendar.js';
import { withProvisionalYears } from '../../src/domain/calendar/provisional.js';
import { checkPlan, decideBooking, decideCancel, decideCheckIn, noShowDue, openSlots, publishedDays, reminderDue, takenKey, type SlotRange } from '../../src/domain/hall/slots.js';
import { officialCalendar } from './calendar/support.js';

const calendar = withProvisionalYears(officialCalendar());
const plan: SlotRange[] = [
  { start: '09:00', end: '10:00', capacity: 5 },
  { start: '10:00', end: '11:00', capacity: 1 },
  { start: '14:30', end: '16:00', capacity: 3 },
];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A valid plan: ordered, non-overlapping ranges within the day. */
const arbPlan = fc
  .uniqueArray(fc.integer({ min: 0, max: 47 }), { minLength: 1, maxLength: 10 })
  .chain((starts) =>
    fc.tuple(
      fc.constant([...starts].sort((a, b) => a - b)),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: starts.length, maxLength: starts.length }),
    ),
  )
  .map(([starts, caps]) => starts.map((s, i) => ({ start: hhmm(s * 30), end: hhmm(s * 30 + 30 > 1439 ? 1439 : s * 30 + 30), capacity: caps[i]! })));
const arbDay = fc.integer({ min: 0, max: 800 }).map((n) => addCalendarDays('2025-01-01', n));
const arbTime = fc.integer({ min: 0, max: 1439 }).map(hhmm);

describe('plans', () => {
  it('accepts ordered, non-overlapping ranges', () => {
    fc.assert(fc.property(arbPlan, (p) => checkPlan(p).ok));
  });
  it('refuses overlap, reversed times, bad capacity and bad times, in Chinese', () => {
    const r1 = checkPlan([{ start: '09:00', end: '10:30', capacity: 5 }, { start: '10:00', end: '11:00', capacity: 1 }]);
    expect(r1.ok === false && r1.message).toMatch(/重叠/);
    const r2 = checkPlan([{ start: '10:00', end: '09:00', capacity: 1 }]);
    expect(r2.ok === false && r2.message).toMatch(/早于结束时间/);
    expect(checkPlan([{ start: '09:00', end: '10:00', capacity: 0 }]).ok).toBe(false);
    expect(checkPlan([{ start: '9:00', end: '10:00', capacity: 1 }]).ok).toBe(false);
  });
});

describe('published days', () => {
  it('国庆 2026 is closed, the 调休 Saturday 10-10 open, the Sunday after closed', () => {
    const days = publishedDays(calendar, { today: '2026-09-28', time: '10:00' }, 14);
    expect(days).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });
  it('the next year counts provisionally: 元旦 2027 closed', () => {
    const days = publishedDays(calendar, { today: '2026-12-28', time: '08:00' }, 7);
    expect(days).toContain('2026-12-31');
    expect(days).not.toContain('2027-01-01');
    expect(days).toContain('2027-01-04');
  });
  it('only working days, never before today or beyond the window, in order', () => {
    fc.assert(
      fc.property(arbDay, fc.integer({ min: 1, max: 60 }), (today, ahead) => {
        const days = publishedDays(calendar, { today, time: '08:00' }, ahead);
        for (const d of days) {
          expect(isWorkingDay(calendar, d)).toBe(true);
          expect(d >= today && d <= addCalendarDays(today, ahead)).toBe(true);
        }
        expect([...days].sort()).toEqual(days);
      }),
    );
  });
});

describe('open slots', () => {
  it('places left are capacity minus taken, never below 0; nothing past is shown', () => {
    fc.assert(
      fc.property(arbPlan, arbDay, arbTime, fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 300 }))), (p, today, time, takes) => {
        const taken = new Map<string, number>();
        for (const [i, n] of takes) {
          const r = p[i % p.length]!;
          taken.set(takenKey(today, r.start), n);
        }
        for (const day of openSlots(calendar, p, { today, time }, 7, taken)) {
          expect(isWorkingDay(calendar, day.date)).toBe(true);
          for (const s of day.slots) {
            expect(s.left).toBe(Math.max(0, s.capacity - (taken.get(takenKey(day.date, s.start)) ?? 0)));
            if (day.date === today) expect(s.end > time).toBe(true);
          }
        }
      }),
    );
  });
});

describe('booking', () => {
  const now = { today: '2026-09-28', time: '10:00' };
  const book = (day: string, start: string, taken = 0, has = false) => decideBooking(calendar, plan, now, 14, { day, start }, taken, has);

  it('says why, in order: past, not published, closed, unknown slot, over, full, already booked', () => {
    const code = (d: ReturnType<typeof book>) => (d.ok ? 'ok' : d.code);
    expect(code(book('2026-09-27', '09:00'))).toBe('SLOT_PAST');
    expect(code(book('2026-10-13', '09:00'))).toBe('SLOT_NOT_PUBLISHED');
    expect(code(book('2026-10-02', '09:00'))).toBe('SLOT_CLOSED');
    expect(code(book('2026-10-11', '09:00'))).toBe('SLOT_CLOSED');
    expect(code(book('2026-10-10', '09:00'))).toBe('ok');
    expect(code(book('2026-09-29', '08:00'))).toBe('SLOT_UNKNOWN');
    expect(code(book('2026-09-28', '09:00'))).toBe('SLOT_PAST');
    expect(code(book('2026-09-28', '10:00'))).toBe('ok');
    expect(code(book('2026-09-29', '10:00', 1))).toBe('SLOT_FULL');
    expect(code(book('2026-09-29', '09:00', 0, true))).toBe('ALREADY_BOOKED');
  });

  it('a booking allowed is on a published working day, not past, with a place left', () => {
    fc.assert(
      fc.property(arbPlan, arbDay, arbTime, fc.integer({ min: -3, max: 20 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 300 }), fc.boolean(), (p, today, time, offset, i, taken, has) => {
        const r = p[i % p.length]!;
        const day = addCalendarDays(today, offset);
        const d = decideBooking(calendar, p, { today, time }, 7, { day, start: r.start }, taken, has);
        if (d.ok) {
          expect(isWorkingDay(calendar, day)).toBe(true);
          expect(offset >= 0 && offset <= 7).toBe(true);
          expect(taken).toBeLessThan(r.capacity);
          expect(has).toBe(false);
          expect(day > today || r.end > time).toBe(true);
        } else {
          expect(d.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
    );
  });
});

describe('check-in, cancel, reminder, no-show', () => {
  const b = { status: 'booked', day: '2026-09-29', start: '09:00', end: '10:00' };
  it('check-in only on the day of a booking still booked', () => {
    expect(decideCheckIn(b, { today: '2026-09-29', time: '08:30' }).ok).toBe(true);
    expect(decideCheckIn(b, { today: '2026-09-28', time: '08:30' })).toMatchObject({ code: 'CHECK_IN_TOO_EARLY' });
    expect(decideCheckIn({ ...b, status: 'checked_in' }, { today: '2026-09-29', time: '08:30' })).toMatchObject({ code: 'ALREADY_CHECKED_IN' });
    expect(decideCheckIn({ ...b, status: 'cancelled' }, { today: '2026-09-29', time: '08:30' }).ok).toBe(false);
  });
  it('cancel until the slot ends', () => {
    expect(decideCancel(b, { today: '2026-09-29', time: '09:59' }).ok).toBe(true);
    expect(decideCancel(b, { today: '2026-09-29', time: '10:00' })).toMatchObject({ code: 'SLOT_PAST' });
    expect(decideCancel({ ...b, status: 'cancelled' }, { today: '2026-09-28', time: '10:00' })).toMatchObject({ code: 'APPOINTMENT_NOT_ACTIVE' });
  });
  it('reminder the day before, once; no-show after the day', () => {
    expect(reminderDue({ ...b, reminded: false }, { today: '2026-09-28', time: '18:00' })).toBe(true);
    expect(reminderDue({ ...b, reminded: true }, { today: '2026-09-28', time: '18:00' })).toBe(false);
    expect(reminderDue({ ...b, reminded: false }, { today: '2026-09-27', time: '18:00' })).toBe(false);
    expect(noShowDue(b, { today: '2026-09-29', time: '23:59' })).toBe(false);
    expect(noShowDue(b, { today: '2026-09-30', time: '00:01' })).toBe(true);
    expect(noShowDue({ ...b, status: 'checked_in' }, { today: '2026-09-30', time: '00:01' })).toBe(false);
  });
});
