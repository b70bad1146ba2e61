import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, fromEpochDay, toEpochDay } from '../../../src/domain/calendar/calendar.js';
import { actionRefusal, dueDateOf, isLateState, reminderDue, submissionState, submitsUpward, type ReportStatus } from '../../../src/domain/statistics/submission.js';

const day = fc.integer({ min: toEpochDay('2026-01-01'), max: toEpochDay('2027-12-31') }).map(fromEpochDay);
const status = fc.constantFrom<ReportStatus>('draft', 'submitted', 'returned');

describe('monthly report submission', () => {
  it('the due date is the due day of the next month, clamped to 1..28', () => {
    expect(dueDateOf('2026-03', 5)).toBe('2026-04-05');
    expect(dueDateOf('2026-12', 5)).toBe('2027-01-05');
    expect(dueDateOf('2026-01', 31)).toBe('2026-02-28');
    expect(dueDateOf('2026-01', 0)).toBe('2026-02-01');
  });

  it('villages and townships submit upward, the county does not', () => {
    expect(submitsUpward('village')).toBe(true);
    expect(submitsUpward('township')).toBe(true);
    expect(submitsUpward('county')).toBe(false);
    expect(actionRefusal('submit', 'draft', 'county')).toContain('无需');
  });

  it('a report not submitted is late exactly when today is after the due date; submitted on the due day is on time', () => {
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), status, (due, today, submittedOn, s) => {
        const state = submissionState({ status: s, submittedOn: s === 'submitted' ? (submittedOn ?? due) : null }, due, today);
        if (s === 'submitted') expect(state).toBe((submittedOn ?? due) > due ? 'submitted_late' : 'submitted');
        // a returned report is not submitted: after the due date it stays late until sent again
        else if (s === 'returned') expect(state).toBe(today > due ? 'returned_late' : 'returned');
        else expect(state).toBe(today > due ? 'late' : 'pending');
        expect(submissionState(null, due, today)).toBe(today > due ? 'late' : 'missing');
        expect(isLateState(state)).toBe(state === 'late' || state === 'submitted_late' || state === 'returned_late');
        // a late report returned (on or after the day it came) still counts as late
        if (s === 'submitted' && (submittedOn ?? due) > due && today >= (submittedOn ?? due)) expect(isLateState(submissionState({ status: 'returned', submittedOn: null }, due, today))).toBe(true);
      }),
    );
  });

  it('submit from draft or returned only; return from submitted only; correct always', () => {
    fc.assert(
      fc.property(status, fc.constantFrom('village', 'township') as fc.Arbitrary<'village' | 'township'>, (s, level) => {
        expect(actionRefusal('submit', s, level) === null).toBe(s !== 'submitted');
        expect(actionRefusal('return', s, level) === null).toBe(s === 'submitted');
        expect(actionRefusal('correct', s, level)).toBeNull();
      }),
    );
  });

  it('reminders start two days before the due date and go on after it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 10 }), (due, offset) => {
        const today = addCalendarDays(due, offset);
        const r = reminderDue(today, due);
        expect(r).toBe(offset < -2 ? null : offset < 0 ? 'before' : offset === 0 ? 'today' : 'overdue');
      }),
    );
  });
});
