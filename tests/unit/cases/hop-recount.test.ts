import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, buildCalendar } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import type { OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';
import type { CenterTime } from '../../../src/domain/cases/deadlines.js';
import { HOP_KINDS, hopLimit, limitWhenSent, recountHopLimit, type HopKind, type StoredHop } from '../../../src/domain/cases/hops.js';
import { HOP_LIMIT_RECOUNTED, hopRecountDecision } from '../../../src/domain/cases/recount.js';
import { settle, type Center } from '../../../src/domain/cases/settle.js';
import { stateIn } from './fixtures.js';

/**
 * Rule 3 for the village hops (rule 9): a hop's limit counted through a year not imported yet is counted again on
 * the official arrangement once it is imported, as the cases' own deadlines are.
 */
const parsed = (file: unknown) => {
  const r = parseYearFile(file);
  if (!r.ok) throw new Error(r.errors.join());
  return r.value;
};
const shipped = officialYears().map(parsed);
/**
 * Made up for the test (the real 2027 notice is not published): 元旦 Friday 1 to Monday 4 January, Saturday 9 January
 * a make-up working day. The provisional calendar has 1 January off only and no make-up days, so Monday 4 January
 * (the batch day) and Saturday 9 January differ.
 */
const y2027 = parsed({ year: 2027, source: '测试', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', workdays: ['2027-01-09'] }] });
const calendarOf = (years: typeof shipped) => withProvisionalYears(buildCalendar(years.map((y) => y.year), years.flatMap((y) => y.overrides)));
const HOURS: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const provisional: CenterTime = { calendar: calendarOf(shipped), hours: HOURS, timeZone: 'Asia/Shanghai' };
const official: CenterTime = { ...provisional, calendar: calendarOf([...shipped, y2027]) };
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

/** A hop as the server stores it when it opens: its limit counted on the calendar of that day. */
const opened = (kind: HopKind, readyAt: string, t = provisional, patch: Partial<StoredHop> = {}): StoredHop => ({
  kind,
  readyAt: sh(readyAt),
  dueAt: hopLimit(kind, new Date(sh(readyAt)), {}, t).toISOString(),
  sentAt: null,
  receivedAt: null,
  urgent: false,
  ...patch,
});

describe('an open hop counted again on the imported year (rules 3 and 9)', () => {
  it('a case ready at the village on Tuesday 29 December waits for the batch of Monday 4 January (暂定); 元旦 on the Monday moves it to Tuesday', () => {
    const hop = opened('village-township', '2026-12-29T10:00:00');
    expect(hop.dueAt).toBe(sh('2027-01-04T17:30:00'));
    expect(recountHopLimit(hop, official)).toEqual({ dueAt: sh('2027-01-05T17:30:00'), provisional: false });
  });

  it('limits in working days move both ways: a later holiday delays them, a make-up Saturday brings them forward', () => {
    // township → county, 2 working days from Thursday 31 December: Mon 4, Tue 5 → Tue 5, Wed 6
    expect(opened('township-county', '2026-12-31T10:00:00').dueAt).toBe(sh('2027-01-05T17:30:00'));
    expect(recountHopLimit(opened('township-county', '2026-12-31T10:00:00'), official)?.dueAt).toBe(sh('2027-01-06T17:30:00'));
    // the result back to the villager, 3 working days from Wednesday 30 December: Thu 31, Tue 5, Wed 6
    expect(recountHopLimit(opened('hand-back', '2026-12-30T10:00:00'), official)?.dueAt).toBe(sh('2027-01-06T17:30:00'));
    // from Thursday 7 January: Fri 8, Mon 11, Tue 12 provisionally; the make-up Saturday 9 counts: Fri 8, Sat 9, Mon 11
    const fromSeventh = opened('hand-back', '2027-01-07T10:00:00');
    expect(fromSeventh.dueAt).toBe(sh('2027-01-12T17:30:00'));
    expect(recountHopLimit(fromSeventh, official)?.dueAt).toBe(sh('2027-01-11T17:30:00'));
  });

  it('an urgent hop keeps the tighter of its two limits, as when it was sent', () => {
    // ready Thursday 31 December: the next working day is Monday 4 January provisionally, Tuesday 5 officially
    const readyAt = sh('2026-12-31T10:00:00');
    const batch = hopLimit('village-township', new Date(readyAt), {}, provisional);
    const urgent = opened('village-township', '2026-12-31T10:00:00', provisional, {
      urgent: true,
      dueAt: limitWhenSent('village-township', new Date(readyAt), batch, true, provisional).toISOString(),
    });
    expect(urgent.dueAt).toBe(sh('2027-01-04T17:30:00'));
    expect(recountHopLimit(urgent, official)?.dueAt).toBe(sh('2027-01-05T17:30:00'));
  });

  it('a hop done keeps the limit it was judged by; so does one whose day the import does not move', () => {
    const sent = opened('village-township', '2026-12-29T10:00:00', provisional, { sentAt: sh('2026-12-31T09:00:00'), urgent: true });
    expect(recountHopLimit(sent, official)).toBeNull();
    // a hand-back is done only once the villager has the result: sent down is not enough
    const handedBack = opened('hand-back', '2026-12-30T10:00:00', provisional, { sentAt: sh('2026-12-30T10:00:00') });
    expect(recountHopLimit(handedBack, official)).not.toBeNull();
    expect(recountHopLimit({ ...handedBack, receivedAt: sh('2027-01-04T10:00:00') }, official)).toBeNull();
    // ready in early December: the batch of Monday 7 December is not in 2027 at all
    expect(recountHopLimit(opened('village-township', '2026-12-02T10:00:00'), official)).toBeNull();
    // Thursday 7 January → Monday 11 January in both calendars
    expect(recountHopLimit(opened('village-township', '2027-01-07T10:00:00'), official)).toBeNull();
  });

  it('only the day moves: the limit keeps the time of day it was first given', () => {
    // counted when the village closed at 18:00; its office hours are 17:30 now
    const hop = opened('village-township', '2026-12-29T10:00:00', provisional, { dueAt: sh('2027-01-04T18:00:00') });
    expect(recountHopLimit(hop, official)?.dueAt).toBe(sh('2027-01-05T18:00:00'));
  });

  it('a new limit still counted through a year not imported says so', () => {
    // counted on the official 2027 and counted again on a calendar without it: the day moves back, provisional
    const hop = opened('village-township', '2026-12-29T10:00:00', official);
    expect(recountHopLimit(hop, provisional)).toEqual({ dueAt: sh('2027-01-04T17:30:00'), provisional: true });
  });

  it('property: counted again on the calendar it was counted on, no open hop moves; on the imported year it lands where a new hop would', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOP_KINDS), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 8 * 60, max: 18 * 60 }), (kind, offset, minute) => {
        const day = addCalendarDays('2026-12-01', offset);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
        const hop = opened(kind, `${day}T${time}`);
        expect(recountHopLimit(hop, provisional)).toBeNull();
        const next = recountHopLimit(hop, official);
        const fresh = hopLimit(kind, new Date(hop.readyAt), {}, official).toISOString();
        expect(next?.dueAt ?? hop.dueAt).toBe(fresh);
        if (next) expect(next.provisional).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the hop recount as a decision of the one case pipeline', () => {
  const village: Center = { id: 'v', level: 'village', hours: HOURS, timeZone: 'Asia/Shanghai' };
  const township: Center = { id: 't', level: 'township', hours: HOURS, timeZone: 'Asia/Shanghai' };
  const waiting = stateIn('submitted', { receivingLevel: 'village', holderLevel: 'village' });

  it('a limit the import moves: the hop gets it, the case an event from what to what, and nothing else of the case changes', () => {
    const hop = opened('village-township', '2026-12-29T10:00:00');
    const d = hopRecountDecision(waiting, hop, official, '国办发明电〔2026〕1号');
    expect(d).not.toBeNull();
    expect(d!.state).toBe(waiting);
    expect([d!.from, d!.to, d!.clock, d!.deadline, d!.dueRecounted]).toEqual([waiting.status, waiting.status, 'none', null, false]);
    expect(d!.hops).toEqual([{ type: 'move-limit', kind: 'village-township', dueAt: sh('2027-01-05T17:30:00') }]);
    expect(d!.event).toEqual({
      type: HOP_LIMIT_RECOUNTED,
      from: waiting.status,
      to: waiting.status,
      data: {
        message: '村级转报乡镇时限按国务院公布的安排重新计算：原 2027-01-04 17:30 现 2027-01-05 17:30',
        source: '国办发明电〔2026〕1号',
        hop: 'village-township',
        limitBefore: sh('2027-01-04T17:30:00'),
        limitAfter: sh('2027-01-05T17:30:00'),
        provisional: false,
      },
    });
    // settled where the case is, the open hop of that kind is the row that gets the new limit
    const s = settle(waiting, d!, { calendar: official.calendar, chain: [village, township], holder: village, transit: null, openHops: [{ id: 'h1', kind: 'village-township', readyAt: hop.readyAt, dueAt: hop.dueAt, toOrgId: 't' }] }, { now: new Date(sh('2026-12-31T09:00:00')) });
    expect(s.hops).toEqual([{ type: 'limit', id: 'h1', dueAt: sh('2027-01-05T17:30:00') }]);
    expect([s.state, s.holderOrgId, s.dueRecountedAt]).toEqual([waiting, 'v', null]);
  });

  it('property: a limit that stands or a hop already done is no decision at all', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOP_KINDS), fc.integer({ min: 0, max: 60 }), fc.boolean(), (kind, day, done) => {
        const ready = addCalendarDays('2026-11-20', day);
        const hop = opened(kind, `${ready}T10:00:00`);
        const finished = done ? { ...hop, sentAt: sh(`${ready}T11:00:00`), receivedAt: sh(`${ready}T11:00:00`) } : hop;
        expect(hopRecountDecision(waiting, finished, provisional, '测试')).toBeNull();
        if (done) expect(hopRecountDecision(waiting, finished, official, '测试')).toBeNull();
      }),
    );
  });
});
