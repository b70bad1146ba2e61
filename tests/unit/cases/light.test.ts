import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueInstant, type OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { caseLight, nextLightChange, workingMinutesBetween, type Light, type LightFacts } from '../../../src/domain/cases/light.js';
import { CASE_STATUSES } from '../../../src/domain/cases/model.js';
import { DomainError } from '../../../src/domain/errors.js';
import { officialCalendar } from '../calendar/support.js';

const cal = officialCalendar();
const SH = 'Asia/Shanghai';
/** 3.5 h + 3 h: one working day is 390 minutes. */
const HOURS: OfficeHours = {
  sessions: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};
const DAY = 390;

/** A Shanghai wall-clock time, '2026-09-30 16:00'. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const minutes = (from: string, to: string, hours = HOURS, zone = SH) => workingMinutesBetween(cal, at(from), at(to), hours, zone);

/** An in-progress case accepted at `accepted` with `days` working days (0: an 即办件), due as the service computes it. */
function promised(accepted: string, days: number): LightFacts {
  const acceptedAt = at(accepted);
  return {
    kind: days === 0 ? 'immediate' : 'promised',
    status: 'in_progress',
    acceptedAt: acceptedAt.toISOString(),
    dueAt: dueInstant(cal, acceptedAt, days, HOURS, SH).toISOString(),
    pausedAt: null,
  };
}
const light = (c: LightFacts, now: string | Date) => caseLight(c, typeof now === 'string' ? at(now) : now, cal, HOURS, SH);
const next = (c: LightFacts, now: string | Date) => nextLightChange(c, typeof now === 'string' ? at(now) : now, cal, HOURS, SH);

describe('workingMinutesBetween', () => {
  it('counts only office sessions of working days', () => {
    expect(minutes('2026-03-04 00:00', '2026-03-05 00:00')).toBe(DAY); // an ordinary Wednesday
    expect(minutes('2026-03-04 10:00', '2026-03-04 15:00')).toBe(120 + 30); // lunch break does not count
    expect(minutes('2026-03-04 12:30', '2026-03-04 14:00')).toBe(0);
    expect(minutes('2026-03-06 17:00', '2026-03-09 09:00')).toBe(30 + 30); // Friday evening to Monday morning
    expect(minutes('2026-10-01 00:00', '2026-10-08 00:00')).toBe(0); // National Day week
    expect(minutes('2026-10-10 00:00', '2026-10-11 00:00')).toBe(DAY); // Saturday, a make-up working day
  });

  it('is 0 when to is not after from', () => {
    expect(minutes('2026-03-04 10:00', '2026-03-04 10:00')).toBe(0);
    expect(minutes('2026-03-05 10:00', '2026-03-04 10:00')).toBe(0);
  });

  it('counts seconds as fractions of a minute', () => {
    expect(workingMinutesBetween(cal, at('2026-03-04 09:00'), new Date(at('2026-03-04 09:00').getTime() + 90_000), HOURS, SH)).toBe(1.5);
  });

  it('follows the office hours of the center and its time zone', () => {
    const single: OfficeHours = { sessions: [{ start: '09:00', end: '17:00' }] };
    expect(minutes('2026-03-04 00:00', '2026-03-06 00:00', single)).toBe(2 * 480);
    // Beijing 10:00–12:00 is 08:00–10:00 in Urumqi (UTC+6): 90 minutes of an 08:30 session, 60 of a 09:00 one.
    expect(workingMinutesBetween(cal, at('2026-03-04 10:00'), at('2026-03-04 12:00'), HOURS, 'Asia/Urumqi')).toBe(90);
    expect(workingMinutesBetween(cal, at('2026-03-04 10:00'), at('2026-03-04 12:00'), single, 'Asia/Urumqi')).toBe(60);
  });

  it('refuses a year whose arrangement is not loaded, rather than guess', () => {
    expect(() => minutes('2026-12-31 10:00', '2027-01-05 10:00')).toThrow(DomainError);
  });
});

describe('workingMinutesBetween, properties over 2025–2026', () => {
  // A day inside the loaded years at both ends, so that the other time zones stay inside them too.
  const FIRST = at('2025-01-02 00:00').getTime();
  const LAST = at('2026-12-30 23:59').getTime();
  const instant = fc.integer({ min: FIRST, max: LAST }).map((t) => new Date(t));
  /** Sorted instants, mostly within a few weeks of each other so that both ends and the middle all matter. */
  const near = (n: number) =>
    fc
      .tuple(fc.integer({ min: FIRST, max: LAST - 60 * 86_400_000 }), fc.array(fc.integer({ min: 0, max: 60 * 86_400_000 }), { minLength: n, maxLength: n }))
      .map(([base, offsets]) => offsets.map((o) => new Date(base + o)).sort((a, b) => a.getTime() - b.getTime()));
  const W = (a: Date, b: Date, zone = SH) => workingMinutesBetween(cal, a, b, HOURS, zone);

  it('is additive: (a,b) + (b,c) = (a,c), in China and in zones with summer time', () => {
    fc.assert(
      fc.property(fc.oneof(near(3), fc.tuple(instant, instant, instant).map((t) => t.sort((x, y) => x.getTime() - y.getTime()))), fc.constantFrom(SH, 'Asia/Urumqi', 'Europe/Berlin', 'America/New_York'), ([a, b, c], zone) => {
        expect(W(a!, b!, zone) + W(b!, c!, zone)).toBeCloseTo(W(a!, c!, zone), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('is never negative and never more than the wall-clock minutes', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const w = W(a, b);
        return w >= 0 && w <= Math.max(0, (b.getTime() - a.getTime()) / 60_000);
      }),
      { numRuns: 300 },
    );
  });

  it('over whole local days is 390 minutes per working day of the calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 20 }), (offset, span) => {
        const from = new Date(at('2025-01-01 00:00').getTime() + offset * 86_400_000);
        const to = new Date(from.getTime() + span * 86_400_000);
        let working = 0;
        for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) {
          const date = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
          if (cal.overrides.get(date)?.working ?? ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) working++;
        }
        return W(from, to) === working * DAY;
      }),
      { numRuns: 200 },
    );
  });
});

describe('caseLight', () => {
  describe('the example of the National Day week (a 6-day case accepted Tuesday 2026-09-22 10:00)', () => {
    const c = promised('2026-09-22 10:00', 6);

    it('is due at the close of Thursday 2026-10-08, after the Mid-Autumn and National Day holidays', () => {
      expect(c.dueAt).toBe(at('2026-10-08 17:30').toISOString());
    });

    it('on 2026-09-30 16:00 is yellow: 1.5 h + the 6.5 h of 10-08 = 8 h left is more than a day, but 82 % is used', () => {
      expect(minutes('2026-09-30 16:00', '2026-10-08 17:30')).toBe(90 + DAY);
      expect(minutes('2026-09-22 10:00', '2026-09-30 16:00')).toBe(2160); // of 2640: 81.8 %
      expect(light(c, '2026-09-30 16:00')).toBe('yellow');
    });

    it('is red one minute after the close of the due day, and still yellow at the close itself', () => {
      expect(light(c, '2026-10-08 17:30')).toBe('yellow');
      expect(light(c, new Date(at('2026-10-08 17:30').getTime() + 1))).toBe('red');
      expect(light(c, '2026-10-08 17:31')).toBe('red');
    });

    it('does not turn red during the holiday week although the calendar days run on', () => {
      expect(light(c, '2026-10-07 23:59')).toBe('yellow');
    });
  });

  describe('rule 1: at most one working day of office time left', () => {
    // Accepted Wednesday 2026-03-04 09:00 with 3 working days: due Monday 2026-03-09 17:30; 1530 minutes in all.
    const c = promised('2026-03-04 09:00', 3);

    it('is green on Friday 17:00 (30 min + Monday = 420 min left, 72.5 % used)', () => {
      expect(c.dueAt).toBe(at('2026-03-09 17:30').toISOString());
      expect(light(c, '2026-03-06 17:00')).toBe('green');
    });

    it('is yellow from the close on Friday: the weekend adds no time', () => {
      expect(minutes('2026-03-06 17:30', '2026-03-09 17:30')).toBe(DAY);
      expect(light(c, '2026-03-06 17:30')).toBe('yellow');
      expect(light(c, '2026-03-08 12:00')).toBe('yellow');
    });

    it('a short case over the holiday week: green until the close of 09-30, yellow from it', () => {
      const short = promised('2026-09-29 09:00', 2); // due 2026-10-08 17:30 as well, 1140 minutes in all
      expect(light(short, '2026-09-30 16:00')).toBe('green'); // 480 left, 57.9 % used
      expect(light(short, '2026-09-30 17:29')).toBe('green'); // 391 left
      expect(light(short, '2026-09-30 17:30')).toBe('yellow'); // 390 left
    });
  });

  describe('rule 2: 80 % of the working time used', () => {
    const c = promised('2026-09-22 10:00', 6); // 2640 minutes: 80 % is 2112, reached on 09-30 at 15:12

    it('is green one minute before 80 %, yellow at exactly 80 %, with more than a day still left', () => {
      expect(minutes('2026-09-22 10:00', '2026-09-30 15:12')).toBe(2112);
      expect(minutes('2026-09-30 15:11', '2026-10-08 17:30')).toBeGreaterThan(DAY);
      expect(light(c, '2026-09-30 15:11')).toBe('green');
      expect(light(c, '2026-09-30 15:12')).toBe('yellow');
    });
  });

  describe('immediate cases (rule 12: green for 30 minutes, yellow to the end of that working day, red after)', () => {
    const c = promised('2026-03-04 09:00', 0);

    it('are green at registration and for the first 30 minutes, yellow from the 30th minute', () => {
      expect(c.dueAt).toBe(at('2026-03-04 17:30').toISOString());
      expect(light(c, '2026-03-04 09:00')).toBe('green');
      expect(light(c, '2026-03-04 09:29')).toBe('green');
      expect(light(c, new Date(at('2026-03-04 09:30').getTime() - 1))).toBe('green');
      expect(light(c, '2026-03-04 09:30')).toBe('yellow');
    });

    it('stay yellow until the close of office that day, red after', () => {
      expect(light(c, '2026-03-04 17:30')).toBe('yellow');
      expect(light(c, '2026-03-04 17:31')).toBe('red');
    });

    it('say when they change next: at 30 minutes, then one millisecond after the close; red changes no more', () => {
      expect(next(c, '2026-03-04 09:00')).toEqual(at('2026-03-04 09:30'));
      expect(next(c, '2026-03-04 09:30')).toEqual(new Date(at('2026-03-04 17:30').getTime() + 1));
      expect(next(c, '2026-03-04 17:31')).toBeNull();
    });

    it('registered ten minutes before the close: green until it, then red', () => {
      const late = promised('2026-03-04 17:20', 0);
      expect(light(late, '2026-03-04 17:29')).toBe('green');
      expect(next(late, '2026-03-04 17:20')).toEqual(new Date(at('2026-03-04 17:30').getTime() + 1));
      expect(light(late, '2026-03-04 17:31')).toBe('red');
    });

    it('accepted after the close before the holiday week: due at the close of 10-08, not red during the holidays', () => {
      const after = promised('2026-09-30 18:00', 0);
      expect(after.dueAt).toBe(at('2026-10-08 17:30').toISOString());
      expect(light(after, '2026-10-05 10:00')).toBe('yellow');
      expect(light(after, '2026-10-08 17:31')).toBe('red');
    });

    it('the 30 minutes do not run while the clock is paused', () => {
      const paused: LightFacts = { ...c, status: 'awaiting_supplement', pausedAt: at('2026-03-04 09:10').toISOString() };
      expect(light(paused, '2026-03-04 16:00')).toBe('green');
      expect(next(paused, '2026-03-04 16:00')).toBeNull();
    });
  });

  describe('paused time does not count in "its time" after a resume', () => {
    // 10 working days accepted Monday 2026-03-02 09:00; paused 3 working days, resumed: dueAt moved 3 days later.
    const base = promised('2026-03-02 09:00', 10);
    const moved: LightFacts = { ...base, dueAt: dueInstant(cal, at('2026-03-02 09:00'), 13, HOURS, SH).toISOString(), pausedDays: 3 };

    it('turns yellow at 20 % of the time it was given, not of the span that includes the pause', () => {
      expect(moved.dueAt).toBe(at('2026-03-19 17:30').toISOString());
      // given: 360 min of 03-02 + 10 × 390 = 4260 min; 20 % = 852 min = 2 days and 72 min: from 03-17 16:18
      expect(light(moved, '2026-03-17 16:17')).toBe('green');
      expect(light(moved, '2026-03-17 16:18')).toBe('yellow');
      expect(next(moved, '2026-03-17 10:00')).toEqual(at('2026-03-17 16:18'));
      // counted over the span with the pause, 5430 min, 20 % would be 1086 min: yellow already from 09:54
      expect(light({ ...moved, pausedDays: 0 }, '2026-03-17 10:00')).toBe('yellow');
      expect(light(moved, '2026-03-17 10:00')).toBe('green');
    });
  });

  describe('a paused clock does not age', () => {
    const running = promised('2026-09-22 10:00', 6);
    const paused: LightFacts = { ...running, status: 'paused', pausedAt: at('2026-09-30 10:00').toISOString() };

    it('shows the light of the moment the pause began, however long ago that was', () => {
      expect(light(paused, '2026-09-30 10:00')).toBe('green'); // 73.9 % used, 690 min left
      expect(light(paused, '2026-10-20 10:00')).toBe('green'); // twelve days past the due date
      expect(light(running, '2026-10-20 10:00')).toBe('red');
    });

    it('also while waiting for supplements after acceptance', () => {
      expect(light({ ...paused, status: 'awaiting_supplement' }, '2026-11-02 09:00')).toBe('green');
    });

    it('a case paused after its due date stays red', () => {
      expect(light({ ...paused, pausedAt: at('2026-10-09 09:00').toISOString() }, '2026-10-20 10:00')).toBe('red');
    });

    it('a pause that starts later than now (machines disagree) is read as now', () => {
      expect(light({ ...paused, pausedAt: at('2026-11-01 10:00').toISOString() }, '2026-09-30 10:00')).toBe('green');
    });
  });

  describe('no light', () => {
    const c = promised('2026-03-04 09:00', 3);

    it.each(['completed', 'delivered', 'returned', 'withdrawn'] as const)('for a %s case, even when overdue', (status) => {
      expect(light({ ...c, status }, '2026-03-04 10:00')).toBeNull();
      expect(light({ ...c, status }, '2026-04-01 10:00')).toBeNull();
    });

    it('while the clock has not started: submitted, or awaiting supplements before acceptance', () => {
      expect(light({ kind: 'promised', status: 'submitted', acceptedAt: null, dueAt: null, pausedAt: null }, '2026-03-04 10:00')).toBeNull();
      expect(light({ kind: 'immediate', status: 'awaiting_supplement', acceptedAt: null, dueAt: null, pausedAt: null }, '2026-03-04 10:00')).toBeNull();
    });

    it('every open status with a due date does have a light', () => {
      const open = CASE_STATUSES.filter((s) => !['completed', 'delivered', 'returned', 'withdrawn'].includes(s));
      expect(open).toEqual(['submitted', 'awaiting_supplement', 'in_progress', 'paused']);
      for (const status of open) expect(light({ ...c, status }, '2026-03-04 10:00')).toBe('green');
    });
  });

  it('accepts Date columns as well as ISO strings, and refuses a malformed instant', () => {
    const c = promised('2026-03-04 09:00', 3);
    const dated: LightFacts = { ...c, acceptedAt: new Date(c.acceptedAt!), dueAt: new Date(c.dueAt!) };
    expect(light(dated, '2026-03-06 17:30')).toBe(light(c, '2026-03-06 17:30'));
    expect(() => light({ ...c, dueAt: 'tomorrow' }, '2026-03-04 10:00')).toThrow(DomainError);
  });

  describe('properties', () => {
    const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };
    const accepted = fc.integer({ min: at('2025-01-02 00:00').getTime(), max: at('2026-10-31 00:00').getTime() }).map((t) => new Date(t));
    const aCase = fc.tuple(accepted, fc.integer({ min: 0, max: 20 })).map(([acceptedAt, days]): LightFacts & { due: Date } => {
      const due = dueInstant(cal, acceptedAt, days, HOURS, SH);
      return { kind: days === 0 ? 'immediate' : 'promised', status: 'in_progress', acceptedAt: acceptedAt.toISOString(), dueAt: due.toISOString(), pausedAt: null, due };
    });
    /** An instant from a day before acceptance to ten days after the due date. */
    const around = (c: LightFacts & { due: Date }) => {
      const from = new Date(c.acceptedAt as string).getTime() - 86_400_000;
      return fc.integer({ min: from, max: c.due.getTime() + 10 * 86_400_000 }).map((t) => new Date(t));
    };

    it('only moves forward, green → yellow → red, as now increases (never red back to green)', () => {
      fc.assert(
        fc.property(aCase.chain((c) => fc.tuple(fc.constant(c), around(c), around(c))), ([c, t1, t2]) => {
          const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
          return RANK[light(c, early)!] <= RANK[light(c, late)!];
        }),
        { numRuns: 300 },
      );
    });

    it('in an hourly sweep over a case\'s life the lights are sorted, and red exactly after the due instant', () => {
      fc.assert(
        fc.property(aCase, (c) => {
          const seen: Light[] = [];
          for (let t = new Date(c.acceptedAt as string).getTime(); t <= c.due.getTime() + 86_400_000; t += 3_600_000) {
            const l = light(c, new Date(t))!;
            expect(l === 'red').toBe(t > c.due.getTime());
            seen.push(l);
          }
          expect(seen).toEqual([...seen].sort((a, b) => RANK[a] - RANK[b]));
          expect(seen.at(-1)).toBe('red');
        }),
        { numRuns: 20 },
      );
    });

    it('a paused case shows, at any later now, the light of the moment it was paused', () => {
      fc.assert(
        fc.property(aCase.chain((c) => fc.tuple(fc.constant(c), around(c), fc.integer({ min: 0, max: 60 * 86_400_000 }))), ([c, pausedAt, later]) => {
          const paused: LightFacts = { ...c, status: 'paused', pausedAt: pausedAt.toISOString() };
          return light(paused, new Date(pausedAt.getTime() + later)) === light(c, pausedAt);
        }),
        { numRuns: 200 },
      );
    });

    it('an immediate case is green for exactly 30 minutes, yellow until its due instant, red after', () => {
      const immediate = aCase.filter((c) => c.kind === 'immediate');
      fc.assert(
        fc.property(immediate.chain((c) => fc.tuple(fc.constant(c), around(c))), ([c, t]) => {
          const accepted = new Date(c.acceptedAt as string).getTime();
          const since = Math.max(t.getTime(), accepted);
          const expected = since > c.due.getTime() ? 'red' : since - accepted < 30 * 60_000 ? 'green' : 'yellow';
          return light(c, t) === expected;
        }),
        { numRuns: 300 },
      );
    });

    it('a promised case is yellow whenever at most one working day is left, and green only with more than 20 % left', () => {
      const isPromised = aCase.filter((c) => c.kind === 'promised');
      fc.assert(
        fc.property(isPromised.chain((c) => fc.tuple(fc.constant(c), around(c))), ([c, t]) => {
          const accepted = new Date(c.acceptedAt as string);
          const since = t.getTime() < accepted.getTime() ? accepted : t;
          const left = workingMinutesBetween(cal, since, c.due, HOURS, SH);
          const total = workingMinutesBetween(cal, accepted, c.due, HOURS, SH);
          const l = light(c, t);
          if (since.getTime() > c.due.getTime()) return l === 'red';
          if (left <= DAY) return l === 'yellow';
          return l === (left * 5 <= total ? 'yellow' : 'green');
        }),
        { numRuns: 300 },
      );
    });

    it('nextLightChange is exactly when the light changes: the same light until then, another one from then', () => {
      fc.assert(
        fc.property(
          aCase.chain((c) => fc.tuple(fc.constant(c), around(c), fc.double({ min: 0, max: 1, noNaN: true }))),
          ([c, now, fraction]) => {
            const before = light(c, now);
            const n = next(c, now);
            if (n === null) {
              // only red stays as it is for good
              expect(before).toBe('red');
              return;
            }
            expect(n.getTime()).toBeGreaterThan(now.getTime());
            expect(light(c, n)).not.toBe(before);
            expect(light(c, new Date(n.getTime() - 1))).toBe(before);
            const between = new Date(now.getTime() + Math.floor((n.getTime() - 1 - now.getTime()) * fraction));
            expect(light(c, between)).toBe(before);
          },
        ),
        { numRuns: 400 },
      );
    });

    it('a paused case never changes by itself once its pause has begun; before it, not after it', () => {
      fc.assert(
        fc.property(aCase.chain((c) => fc.tuple(fc.constant(c), around(c), around(c))), ([c, now, pausedAt]) => {
          const paused: LightFacts = { ...c, status: 'paused', pausedAt: pausedAt.toISOString() };
          const n = next(paused, now);
          if (pausedAt.getTime() <= now.getTime()) return n === null;
          return n === null || (n.getTime() <= pausedAt.getTime() && light(paused, n) !== light(paused, now));
        }),
        { numRuns: 300 },
      );
    });
  });
});
