// 差评整改工单 (issue 10 §1): the one transition table, the deadlines on the official calendar (weekends, holidays,
// 调休, the year end into a provisional year), the lights, and the appeal's table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkingDays, isWorkingDay, type IsoDate } from '../../../src/domain/calendar/calendar.js';
import { localDate, type OfficeHours } from '../../../src/domain/calendar/office-hours.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { decideAppeal, type AppealActor, type AppealState } from '../../../src/domain/evaluation/appeals.js';
import {
  TRANSITIONS,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  allowedWorkOrderActions,
  currentClock,
  decideWorkOrder,
  lightAt,
  workOrderDeadlines,
  workOrderLight,
  yellowFrom,
  type WorkOrderActor,
  type WorkOrderCommand,
  type WorkOrderState,
} from '../../../src/domain/evaluation/work-orders.js';
import type { Role } from '../../../src/domain/roles.js';
import { officialCalendar } from '../calendar/support.js';

const calendar = withProvisionalYears(officialCalendar());
const hours: OfficeHours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const TZ = 'Asia/Shanghai';
const clock = { calendar, hours, timeZone: TZ };
const at = (s: string) => new Date(s);

const system: WorkOrderActor = { userId: null, party: 'system', roles: [], atResponsibleCenter: false };
const rater: WorkOrderActor = { userId: null, party: 'rater', roles: [], atResponsibleCenter: false };
const staff = (roles: Role[], here = true): WorkOrderActor => ({ userId: 'u1', party: 'center', roles, atResponsibleCenter: here });
const clerk = staff(['clerk']);
const director = staff(['director']);

const open = (now = at('2026-03-02T09:30:00+08:00')) => {
  const d = decideWorkOrder(null, { action: 'open', visitDays: 1, fixDays: 15 }, { now, actor: system, clock });
  if (!d.ok) throw new Error(d.message);
  return d.workOrder;
};

describe('the transition table', () => {
  it('opens, visits, rectifies, and the rater closes it; each step one more history entry and version', () => {
    let wo = open();
    expect(wo).toMatchObject({ status: 'visit_pending', version: 1 });
    const steps: [WorkOrderCommand, WorkOrderActor][] = [
      [{ action: 'visit', finding: 'confirmed', content: '已回访' }, clerk],
      [{ action: 'rectify', measures: '增开窗口', outcome: '已增开窗口' }, clerk],
      [{ action: 'rate-fix', level: 'satisfied' }, rater],
    ];
    for (const [command, actor] of steps) {
      const d = decideWorkOrder(wo, command, { now: at('2026-03-03T10:00:00+08:00'), actor, clock });
      expect(d.ok, JSON.stringify(d)).toBe(true);
      if (d.ok) {
        expect(d.workOrder.history).toHaveLength(wo.history.length + 1);
        expect(d.workOrder.version).toBe(wo.version + 1);
        wo = d.workOrder;
      }
    }
    expect(wo).toMatchObject({ status: 'closed', fixLevel: 'satisfied' });
  });

  it('any sequence of commands by anyone stays inside the table: a step is accepted exactly when the table allows it', () => {
    const command = fc.constantFrom<WorkOrderCommand>(
      { action: 'visit', finding: 'partly', content: '回访' },
      { action: 'rectify', measures: '措施', outcome: '结果' },
      { action: 'rate-fix', level: 'basic' },
      { action: 'close', reason: '群众未评价' },
      { action: 'cancel', reason: '申诉成立' },
    );
    const actor = fc.constantFrom(system, rater, clerk, director, staff(['leader']), staff(['supervisor']), staff(['director'], false));
    fc.assert(
      fc.property(fc.array(fc.tuple(command, actor), { maxLength: 12 }), (seq) => {
        let wo: WorkOrderState = open();
        let now = at('2026-03-02T10:00:00+08:00').getTime();
        for (const [c, a] of seq) {
          now += 3 * 86_400_000; // three days each step: the 7 days before closing pass too
          const allowed = allowedWorkOrderActions(wo, a).includes(c.action);
          const d = decideWorkOrder(wo, c, { now: new Date(now), actor: a, clock });
          if (d.ok) {
            expect(allowed).toBe(true);
            expect(TRANSITIONS[c.action].from).toContain(wo.status);
            expect(d.workOrder.status).toBe(TRANSITIONS[c.action].to);
            expect(WORK_ORDER_STATUSES).toContain(d.workOrder.status);
            wo = d.workOrder;
          } else if (d.code !== 'WORK_ORDER_FEEDBACK_PENDING') {
            expect(allowed).toBe(false);
          }
        }
      }),
    );
  });

  it('who may: the center visits and rectifies, the director (not a clerk) closes, the rater rates, the system cancels', () => {
    const wo = open();
    expect(allowedWorkOrderActions(wo, clerk)).toEqual(['visit']);
    expect(allowedWorkOrderActions(wo, staff(['clerk'], false))).toEqual([]);
    expect(allowedWorkOrderActions(wo, staff(['supervisor']))).toEqual([]);
    expect(allowedWorkOrderActions(wo, system)).toEqual(['cancel']);
    const refused = decideWorkOrder(wo, { action: 'visit', finding: 'confirmed', content: 'x' }, { now: at('2026-03-02T10:00:00+08:00'), actor: staff(['supervisor']), clock });
    expect(refused).toMatchObject({ ok: false, code: 'WORK_ORDER_NOT_ALLOWED', status: 403 });
    expect(WORK_ORDER_ACTIONS.filter((a) => TRANSITIONS[a].by === 'center')).toEqual(['visit', 'rectify', 'close']);
  });

  it('closing without the rater waits 7 natural days after the outcome was told', () => {
    let wo = open();
    for (const c of [{ action: 'visit', finding: 'confirmed', content: '回访' }, { action: 'rectify', measures: '措施', outcome: '结果' }] as WorkOrderCommand[]) {
      const d = decideWorkOrder(wo, c, { now: at('2026-03-03T10:00:00+08:00'), actor: clerk, clock });
      if (!d.ok) throw new Error(d.message);
      wo = d.workOrder;
    }
    expect(decideWorkOrder(wo, { action: 'close', reason: '未评价' }, { now: at('2026-03-09T23:00:00+08:00'), actor: director, clock })).toMatchObject({ ok: false, code: 'WORK_ORDER_FEEDBACK_PENDING' });
    expect(decideWorkOrder(wo, { action: 'close', reason: '未评价' }, { now: at('2026-03-10T08:00:00+08:00'), actor: director, clock })).toMatchObject({ ok: true });
    expect(decideWorkOrder(wo, { action: 'close', reason: '未评价' }, { now: at('2026-03-10T08:00:00+08:00'), actor: clerk, clock })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('deadlines on the official calendar', () => {
  it('the visit the next working day, the fix 15 working days on, at the close of office: over 春节, 调休 and National Day', () => {
    // Friday 13 Feb 2026: 14 Feb (Saturday) is a 调休 working day; 15–23 Feb 春节
    const d = workOrderDeadlines(at('2026-02-13T10:00:00+08:00'), 1, 15, clock);
    expect(d.visitDueAt).toBe(at('2026-02-14T17:30:00+08:00').toISOString());
    // 14 Feb, 24–28 Feb (28th a 调休 Saturday), 2–6 Mar, 9–12 Mar: the 15th working day is 12 March
    expect(localDate(new Date(d.fixDueAt), TZ)).toBe('2026-03-12');
    // 30 Sep 2026: National Day 1–7 Oct, 10 Oct (Saturday) a 调休 working day
    expect(workOrderDeadlines(at('2026-09-30T16:00:00+08:00'), 1, 15, clock).visitDueAt).toBe(at('2026-10-08T17:30:00+08:00').toISOString());
    // after closing on a Friday: still counted from that day
    expect(workOrderDeadlines(at('2026-03-06T18:30:00+08:00'), 1, 15, clock).visitDueAt).toBe(at('2026-03-09T17:30:00+08:00').toISOString());
  });

  it('property: each due day is a working day exactly N working days after the day of the 差评, across the year end', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-20T00:00:00Z') }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 60 }), (ms, visit, fix) => {
        const now = new Date(ms);
        const d = workOrderDeadlines(now, visit, fix, clock);
        const day = localDate(now, TZ);
        for (const [due, n] of [[d.visitDueAt, visit], [d.fixDueAt, fix]] as const) {
          const dueDay = localDate(new Date(due), TZ);
          expect(isWorkingDay(calendar, dueDay)).toBe(true);
          expect(countWorkingDays(calendar, day, dueDay)).toBe(n);
          expect(new Date(due).toISOString()).toMatch(/T09:30:00\.000Z$/); // 17:30 in Asia/Shanghai
        }
        expect(d.fixDueAt >= d.visitDueAt).toBe(true);
      }),
    );
  });
});

describe('lights', () => {
  it('yellow from the start of the working day before the due day (the last day before a holiday week), red after the due instant', () => {
    // due Monday 9 March: yellow from Friday 6 March 00:00
    expect(yellowFrom(at('2026-03-09T17:30:00+08:00').toISOString(), clock)).toBe(at('2026-03-06T00:00:00+08:00').toISOString());
    // due 8 October 2026 (after National Day): the working day before is 30 September
    expect(yellowFrom(at('2026-10-08T17:30:00+08:00').toISOString(), clock)).toBe(at('2026-09-30T00:00:00+08:00').toISOString());
    const wo = open(at('2026-03-02T09:30:00+08:00'));
    // fix due 23 March; the visit is owed first (due 3 March, yellow at once)
    expect(workOrderLight(wo, at('2026-03-02T09:31:00+08:00'), clock)).toBe('yellow');
    expect(workOrderLight(wo, at('2026-03-03T17:30:00+08:00'), clock)).toBe('yellow');
    expect(workOrderLight(wo, at('2026-03-03T17:30:01+08:00'), clock)).toBe('red');
    const visited = decideWorkOrder(wo, { action: 'visit', finding: 'confirmed', content: 'x' }, { now: at('2026-03-03T10:00:00+08:00'), actor: clerk, clock });
    if (!visited.ok) throw new Error(visited.message);
    expect(workOrderLight(visited.workOrder, at('2026-03-19T23:59:00+08:00'), clock)).toBe('green');
    expect(workOrderLight(visited.workOrder, at('2026-03-20T00:00:00+08:00'), clock)).toBe('yellow');
    expect(workOrderLight(visited.workOrder, at('2026-03-24T09:00:00+08:00'), clock)).toBe('red');
  });

  it('property: the light never goes back (green → yellow → red) as time passes, and is null once nothing is owed', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2027-01-31T00:00:00Z') }), fc.array(fc.integer({ min: 0, max: 40 * 86_400_000 }), { minLength: 2, maxLength: 8 }), (start, offsets) => {
        const wo = open(new Date(start));
        const c = currentClock(wo, clock)!;
        const rank = { green: 0, yellow: 1, red: 2 } as const;
        const seen = [...offsets].sort((a, b) => a - b).map((o) => rank[lightAt(c, new Date(start + o))!]);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
        expect(Date.parse(c.yellowAt)).toBeLessThan(Date.parse(c.dueAt));
      }),
    );
    expect(currentClock({ status: 'awaiting_feedback', visitDueAt: 'x', fixDueAt: 'y' }, clock)).toBeNull();
  });
});

describe('申诉复核', () => {
  const dir: AppealActor = { userId: 'd', roles: ['director'], atRatedCenter: true, coversCenter: true };
  const sup: AppealActor = { userId: 's', roles: ['supervisor'], atRatedCenter: false, coversCenter: true };
  const now = at('2026-03-02T10:00:00+08:00');
  const request = (level = 'dissatisfied', actor = dir) => decideAppeal(null, { action: 'request', reason: 'malicious', evidence: '录像为证' }, { now, actor, level });

  it('the director asks about a 差评 with evidence, a supervisor of the tree decides with a reason; once', () => {
    const asked = request();
    expect(asked).toMatchObject({ ok: true, appeal: { status: 'pending' } });
    const a = (asked as { appeal: AppealState }).appeal;
    expect(request('satisfied')).toMatchObject({ ok: false, code: 'APPEAL_NOT_A_BAD_RATING' });
    expect(request('dissatisfied', sup)).toMatchObject({ ok: false, status: 403 });
    expect(decideAppeal(null, { action: 'request', reason: 'other', evidence: '  ' }, { now, actor: dir, level: 'dissatisfied' })).toMatchObject({ ok: false, code: 'APPEAL_TEXT_REQUIRED' });
    expect(decideAppeal(a, { action: 'uphold', decision: '属实' }, { now, actor: dir, level: 'dissatisfied' })).toMatchObject({ ok: false, status: 403 });
    expect(decideAppeal(a, { action: 'uphold', decision: '属实' }, { now, actor: { ...sup, coversCenter: false }, level: 'dissatisfied' })).toMatchObject({ ok: false, status: 403 });
    const upheld = decideAppeal(a, { action: 'uphold', decision: '属实' }, { now, actor: sup, level: 'dissatisfied' });
    expect(upheld).toMatchObject({ ok: true, appeal: { status: 'upheld', decidedBy: 's', version: 2 } });
    const again = decideAppeal((upheld as { appeal: AppealState }).appeal, { action: 'reject', decision: 'x' }, { now, actor: sup, level: 'dissatisfied' });
    expect(again).toMatchObject({ ok: false, code: 'APPEAL_WRONG_STATE', status: 409 });
    expect(decideAppeal(a, { action: 'request', reason: 'malicious', evidence: 'x' }, { now, actor: dir, level: 'dissatisfied' })).toMatchObject({ ok: false, status: 409 });
  });

  it('a supervisor who is also the asking director cannot decide their own appeal', () => {
    const both: AppealActor = { userId: 'x', roles: ['director', 'supervisor'], atRatedCenter: true, coversCenter: true };
    const a = (request('dissatisfied', both) as { appeal: AppealState }).appeal;
    expect(decideAppeal(a, { action: 'uphold', decision: '属实' }, { now, actor: both, level: 'dissatisfied' })).toMatchObject({ ok: false, code: 'APPEAL_OWN_DECISION' });
  });
});

// keep the type in use (IsoDate is the calendar's date type)
export type { IsoDate };

describe('JC-12 / JC-13 over a work order', () => {
  const facts = {
    id: 'wo1',
    workOrderNo: '整改〔2026〕1号',
    caseId: 'c1',
    caseNo: '410899101-20260302-0001',
    orgId: 'o1',
    windowId: 'w1',
    personId: 'p1',
    status: 'visit_pending' as const,
    visitDueAt: at('2026-03-03T17:30:00+08:00').toISOString(),
    fixDueAt: at('2026-03-23T17:30:00+08:00').toISOString(),
    visitedAt: null,
    rectifiedAt: null,
  };
  it('fires once per step after its due instant plus the grace; never for a cancelled work order', async () => {
    const { lateFiring } = await import('../../../src/domain/evaluation/work-orders.js');
    expect(lateFiring(facts, 'visit', at('2026-03-03T17:30:00+08:00'), 0, TZ)).toBeNull();
    const f = lateFiring(facts, 'visit', at('2026-03-03T17:31:00+08:00'), 0, TZ)!;
    expect(f).toMatchObject({ ruleCode: 'rating-visit-late', occurrence: 'wo1:visit', caseId: 'c1', personId: 'p1', occurredAt: facts.visitDueAt });
    expect(f.text).toContain('至 2026-03-03 17:31 仍未回访核实');
    expect(lateFiring(facts, 'visit', at('2026-03-03T17:31:00+08:00'), 30, TZ)).toBeNull();
    const done = lateFiring({ ...facts, status: 'rectifying', visitedAt: at('2026-03-04T09:00:00+08:00').toISOString() }, 'visit', at('2026-03-05T09:00:00+08:00'), 0, TZ)!;
    expect(done.text).toContain('实际于 2026-03-04 09:00 回访核实，超时 15 小时 30 分钟。');
    expect(lateFiring({ ...facts, status: 'cancelled' }, 'fix', at('2026-04-30T09:00:00+08:00'), 0, TZ)).toBeNull();
    expect(lateFiring(facts, 'fix', at('2026-03-24T09:00:00+08:00'), 0, TZ)).toMatchObject({ ruleCode: 'rating-fix-late', occurrence: 'wo1:fix' });
  });
});
