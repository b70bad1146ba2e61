// 信访 state machine and clocks (src/domain/petitions/petitions.ts): one table, the law's periods in calendar days
// (across month ends and the year end), lights, one extension of at most 30 days, the review windows, at most five
// representatives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, buildCalendar, fromEpochDay, toEpochDay } from '../../src/domain/calendar/calendar.js';
import {
  MAX_REPRESENTATIVES,
  PETITION_ACTIONS,
  PETITION_STATUSES,
  PERIODS,
  TRANSITIONS,
  allowedPetitionActions,
  clockLight,
  dayCounter,
  decidePetition,
  dueDates,
  isGroup,
  petitionClocks,
  petitionLight,
  type PetitionActor,
  type PetitionCommand,
  type PetitionState,
} from '../../src/domain/petitions/petitions.js';

const count = dayCounter('calendar');
const receptionist: PetitionActor = { userId: 'xf', roles: ['petition'], atCenter: true };
const clerk: PetitionActor = { userId: 'clerk', roles: ['clerk'], atCenter: true };
const elsewhere: PetitionActor = { userId: 'xf2', roles: ['petition'], atCenter: false };
const ctx = (today: string, actor = receptionist) => ({ now: new Date(`${today}T09:00:00+08:00`), today, actor, count });

function registered(today: string, persons = 1): PetitionState {
  const d = decidePetition(null, { action: 'register', persons, representatives: isGroup(persons) ? [{ name: '代表' }] : [], issue: '反映问题', handling: 'reply' }, ctx(today));
  if (!d.ok) throw new Error(d.message);
  return d.petition;
}
function apply(p: PetitionState, command: PetitionCommand, today: string): PetitionState {
  const d = decidePetition(p, command, ctx(today));
  if (!d.ok) throw new Error(d.message);
  return d.petition;
}

/** Any date from 2024 to 2030 (month ends, leap days and year ends included). */
const anyDate = fc.integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2030-12-31') }).map(fromEpochDay);

describe('信访的状态', () => {
  it('the table names every action and only known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...PETITION_ACTIONS].sort());
    for (const t of Object.values(TRANSITIONS)) {
      for (const s of t.from) expect(s === null || PETITION_STATUSES.includes(s)).toBe(true);
      expect(t.to === null || PETITION_STATUSES.includes(t.to)).toBe(true);
    }
  });

  it('never leaves the table: any sequence of commands gives a status the table allows, or a refusal', () => {
    const commands: PetitionCommand[] = [
      { action: 'accept' },
      { action: 'reject', text: '理由' },
      { action: 'solve', text: '已解决' },
      { action: 'hand_over', department: '民政办', text: '请核实', replyBy: '2026-03-05' },
      { action: 'department_reply', text: '已核实' },
      { action: 'extend', days: 10, text: '理由' },
      { action: 'reception', leaderName: '马振华', receivedOn: '2026-03-02', text: '决定' },
      { action: 'answer', text: '答复' },
      { action: 'request_review' },
      { action: 'review_answer', text: '复查' },
      { action: 'request_recheck' },
      { action: 'recheck_answer', text: '复核' },
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 15 }), (seq) => {
        let p = registered('2026-03-02');
        for (const c of seq) {
          const d = decidePetition(p, c, ctx('2026-03-02'));
          if (d.ok) {
            const t = TRANSITIONS[c.action];
            expect(t.from).toContain(p.status);
            expect(d.petition.status).toBe(t.to ?? p.status);
            expect(d.petition.version).toBe(p.version + 1);
            p = d.petition;
          } else {
            expect([403, 409, 422]).toContain(d.status);
          }
        }
      }),
    );
  });

  it('only the petition roles of the center act', () => {
    const p = registered('2026-03-02');
    expect(decidePetition(p, { action: 'accept' }, ctx('2026-03-02', clerk))).toMatchObject({ ok: false, status: 403 });
    expect(decidePetition(p, { action: 'accept' }, ctx('2026-03-02', elsewhere))).toMatchObject({ ok: false, status: 403 });
    expect(allowedPetitionActions(p, clerk, '2026-03-02', count)).toEqual([]);
    expect(allowedPetitionActions(p, receptionist, '2026-03-02', count)).toEqual(['solve', 'accept', 'reject', 'reception']);
  });

  it('a group is five people or more, with one to five representatives', () => {
    expect([1, 4, 5, 6].map(isGroup)).toEqual([false, false, true, true]);
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${i}` }));
    const register = (persons: number, n: number) => decidePetition(null, { action: 'register', persons, representatives: reps(n), issue: 'x', handling: 'reply' }, ctx('2026-03-02'));
    expect(register(8, MAX_REPRESENTATIVES).ok).toBe(true);
    expect(register(8, MAX_REPRESENTATIVES + 1)).toMatchObject({ ok: false, code: 'PETITION_TOO_MANY_REPRESENTATIVES', status: 422 });
    expect(register(5, 0)).toMatchObject({ ok: false, code: 'PETITION_REPRESENTATIVES_REQUIRED' });
    expect(register(2, 0).ok).toBe(true);
  });
});

describe('信访的时限（自然日）', () => {
  it('acceptance 15 and finish 60 calendar days, across month ends and the year end', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 15 }), (day, after) => {
        const p = registered(day);
        expect(dueDates(p, count).acceptanceDueAt).toBe(addCalendarDays(day, 15));
        expect(toEpochDay(dueDates(p, count).acceptanceDueAt) - toEpochDay(day)).toBe(PERIODS.acceptance);
        const acceptedOn = addCalendarDays(day, after);
        const accepted = apply(p, { action: 'accept' }, acceptedOn);
        expect(toEpochDay(dueDates(accepted, count).finishDueAt!) - toEpochDay(acceptedOn)).toBe(60);
      }),
    );
    expect(dueDates(registered('2026-12-20'), count).acceptanceDueAt).toBe('2027-01-04');
    expect(dueDates(registered('2028-02-14'), count).acceptanceDueAt).toBe('2028-02-29');
  });

  it('one extension of 1 to 30 days before the finish date passes', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5, max: 40 }), (day, days) => {
        const accepted = apply(registered(day), { action: 'accept' }, day);
        const d = decidePetition(accepted, { action: 'extend', days, text: '理由' }, ctx(day));
        if (days >= 1 && days <= 30) {
          expect(d.ok).toBe(true);
          if (!d.ok) return;
          expect(toEpochDay(dueDates(d.petition, count).finishDueAt!) - toEpochDay(day)).toBe(60 + days);
          expect(decidePetition(d.petition, { action: 'extend', days: 1, text: '再延' }, ctx(day))).toMatchObject({ ok: false, code: 'PETITION_EXTENDED_ONCE', status: 409 });
        } else {
          expect(d).toMatchObject({ ok: false, code: 'PETITION_EXTENSION_TOO_LONG' });
        }
      }),
    );
    const accepted = apply(registered('2026-01-01'), { action: 'accept' }, '2026-01-01');
    expect(decidePetition(accepted, { action: 'extend', days: 10, text: '理由' }, ctx('2026-03-03'))).toMatchObject({ ok: false, code: 'PETITION_EXTENSION_TOO_LATE' });
  });

  it('the petitioner asks for 复查 within 30 days of the answer, 复核 within 30 days of the review', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 40 }), (day, wait) => {
        const answered = apply(apply(registered(day), { action: 'accept' }, day), { action: 'answer', text: '答复' }, day);
        const d = decidePetition(answered, { action: 'request_review' }, ctx(addCalendarDays(day, wait)));
        expect(d.ok).toBe(wait <= 30);
        if (!d.ok) return;
        const review = petitionClocks(d.petition, addCalendarDays(day, wait), count).find((c) => c.name === 'review')!;
        expect(toEpochDay(review.dueOn) - toEpochDay(addCalendarDays(day, wait))).toBe(30);
      }),
    );
  });

  it('lights: green, yellow in the last days, red past due; stopped clocks have none', () => {
    expect(clockLight('promise', '2026-03-05', '2026-03-04')).toBe('green');
    expect(clockLight('promise', '2026-03-05', '2026-03-05')).toBe('yellow');
    expect(clockLight('promise', '2026-03-05', '2026-03-06')).toBe('red');
    expect(clockLight('acceptance', '2026-03-17', '2026-03-14')).toBe('yellow');
    expect(clockLight('acceptance', '2026-03-17', '2026-03-13')).toBe('green');
    expect(clockLight('finish', '2026-12-31', '2026-12-26')).toBe('yellow');
    expect(clockLight('finish', '2026-12-31', '2027-01-01')).toBe('red');
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40, max: 40 }), (due, offset) => {
        const today = addCalendarDays(due, offset);
        const light = clockLight('finish', due, today);
        expect(light).toBe(offset > 0 ? 'red' : offset >= -5 ? 'yellow' : 'green');
      }),
    );
    const p = registered('2026-03-02');
    expect(petitionLight(petitionClocks(p, '2026-03-03', count))).toBe('green');
    expect(petitionLight(petitionClocks(p, '2026-03-05', count))).toBe('yellow');
    expect(petitionLight(petitionClocks(p, '2026-03-06', count))).toBe('red');
    const answered = apply(apply(p, { action: 'accept' }, '2026-03-03'), { action: 'answer', text: '答复' }, '2026-03-04');
    const clocks = petitionClocks(answered, '2026-03-20', count);
    expect(clocks.filter((c) => c.light !== null).map((c) => c.name)).toEqual(['reviewRequest']);
    expect(clocks.every((c) => !c.late)).toBe(true);
    expect(petitionLight(clocks)).toBeNull();
  });

  it('a leader reception stops the week clock; late when it came after the week', () => {
    const p = registered('2026-03-02');
    const received = apply(p, { action: 'reception', leaderName: '马振华', receivedOn: '2026-03-10', text: '决定' }, '2026-03-10');
    expect(petitionClocks(received, '2026-03-10', count).find((c) => c.name === 'reception')).toMatchObject({ dueOn: '2026-03-09', stoppedOn: '2026-03-10', light: null, late: true });
  });

  it('working days, when the setting says so, skip weekends and holidays', () => {
    const working = dayCounter('working', buildCalendar([2026], [{ date: '2026-03-04', working: false, note: '测试假日' }]));
    const d = decidePetition(null, { action: 'register', persons: 1, representatives: [], issue: 'x', handling: 'reply' }, { ...ctx('2026-03-02'), count: working });
    if (!d.ok) throw new Error(d.message);
    // 15 working days from Monday 2026-03-02 with Wednesday 03-04 off: 2026-03-24
    expect(dueDates(d.petition, working).acceptanceDueAt).toBe('2026-03-24');
  });
});
