// 请假 (issue 12 §4): half-day periods, overlap, working days taken, the instants a leave starts and ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWeekend } from '../../../src/domain/calendar/calendar.js';
import { covers, leaveDays, leaveInstants, overlaps, periodProblem, periodText, whereaboutsOfLeave, type Half, type LeavePeriod } from '../../../src/domain/staff/leave.js';

const weekdays = (d: string) => !isWeekend(d);
const half = fc.constantFrom<Half>('am', 'pm');
const period = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), half, half)
  .map(([start, length, fromHalf, toHalf]): LeavePeriod => ({ fromDate: addCalendarDays('2026-11-01', start), fromHalf, toDate: addCalendarDays('2026-11-01', start + length), toHalf }))
  .filter((p) => periodProblem(p) === null);
const slots = (p: LeavePeriod) => {
  const out: string[] = [];
  for (let d = p.fromDate; d <= p.toDate; d = addCalendarDays(d, 1)) for (const h of ['am', 'pm'] as const) if (covers(p, d, h)) out.push(`${d}${h}`);
  return out;
};

describe('leave periods', () => {
  it('overlap is symmetric and means sharing a half day', () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        const shared = slots(a).some((s) => slots(b).includes(s));
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });
  it('a period overlaps itself; a morning and an afternoon of one day do not overlap', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(overlaps(p, p)).toBe(true);
      }),
    );
    const am: LeavePeriod = { fromDate: '2026-12-07', fromHalf: 'am', toDate: '2026-12-07', toHalf: 'am' };
    const pm: LeavePeriod = { fromDate: '2026-12-07', fromHalf: 'pm', toDate: '2026-12-07', toHalf: 'pm' };
    expect(overlaps(am, pm)).toBe(false);
    expect(periodText(am)).toBe('12月7日上午');
  });
  it('days taken are the working half days covered, halved; split at any day they add up', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 0, max: 20 }), (p, cut) => {
        const total = leaveDays(weekdays, p);
        expect(total).toBe(slots(p).filter((s) => weekdays(s.slice(0, 10))).length / 2);
        const mid = addCalendarDays(p.fromDate, cut);
        if (mid >= p.fromDate && mid < p.toDate) {
          expect(leaveDays(weekdays, p, p.fromDate, mid) + leaveDays(weekdays, p, addCalendarDays(mid, 1), p.toDate)).toBe(total);
        }
      }),
    );
  });
  it('refuses a period that ends before it starts, or an afternoon-to-morning day', () => {
    expect(periodProblem({ fromDate: '2026-12-08', fromHalf: 'am', toDate: '2026-12-07', toHalf: 'pm' })).toContain('早于');
    expect(periodProblem({ fromDate: '2026-12-07', fromHalf: 'pm', toDate: '2026-12-07', toHalf: 'am' })).toContain('下午');
    expect(periodProblem({ fromDate: '2026-12-07', fromHalf: 'pm', toDate: '2026-12-08', toHalf: 'am' })).toBeNull();
  });
  it('starts at 00:00 or 12:00 and ends at 12:00 or the next midnight, in the center zone', () => {
    const p: LeavePeriod = { fromDate: '2026-12-07', fromHalf: 'pm', toDate: '2026-12-08', toHalf: 'pm' };
    expect(leaveInstants(p, 'Asia/Shanghai')).toEqual({ startsAt: new Date('2026-12-07T04:00:00Z'), endsAt: new Date('2026-12-08T16:00:00Z') });
    expect(leaveInstants({ ...p, fromHalf: 'am', toHalf: 'am' }, 'Asia/Shanghai')).toEqual({ startsAt: new Date('2026-12-06T16:00:00Z'), endsAt: new Date('2026-12-08T04:00:00Z') });
  });
  it('公出 is 出差, every other kind 请假', () => {
    expect(whereaboutsOfLeave('公出')).toBe('出差');
    expect(whereaboutsOfLeave('病假')).toBe('请假');
  });
});
