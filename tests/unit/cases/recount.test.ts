import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeadline, type CenterTime } from '../../../src/domain/cases/deadlines.js';
import type { CaseState } from '../../../src/domain/cases/model.js';
import { DEADLINE_RECOUNTED, recountDecision } from '../../../src/domain/cases/recount.js';
import { settle, type Center } from '../../../src/domain/cases/settle.js';
import { item, stateIn } from './fixtures.js';
import { after, before, hours } from './year-calendars.js';

const center = { hours, timeZone: 'Asia/Shanghai' };
const t: CenterTime = { calendar: before, ...center };
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const NOW = new Date(sh('2026-12-20T09:00:00'));
const township: Center = { id: 't', level: 'township', ...center };

const started = (from: string, days: number, legalDays = 30) => {
  const s = stateIn('in_progress', { item: item({ promisedDays: days, legalDays }), acceptedAt: sh(from), dueAt: null, legalDueAt: null });
  return applyDeadline(s, { type: 'start', from: sh(from), promisedDays: days, legalDays }, t);
};
const settled = (state: CaseState) => {
  const d = recountDecision(state, after, center, '国办发明电〔2026〕1号');
  if (d === null) throw new Error('nothing to recount');
  return { d, s: settle(state, d, { calendar: after, chain: [township], holder: township, transit: null, openHops: [] }, { now: NOW }) };
};

describe('the deadline recount as a decision (rule 3)', () => {
  it('a due date the import moves: the new dates, an event from what to what, and the 期限已调整 mark', () => {
    const december = started('2026-12-15T10:00:00', 25);
    expect(december).toMatchObject({ dueAt: sh('2027-01-20T17:30:00'), dueProvisional: true });
    const { d, s } = settled(december);
    expect(d).toMatchObject({ action: DEADLINE_RECOUNTED, from: 'in_progress', to: 'in_progress', clock: 'none', hops: [], register: null, dueRecounted: true });
    expect(s.state).toMatchObject({ status: 'in_progress', dueAt: sh('2027-01-19T17:30:00'), dueProvisional: false, deadlineLog: december.deadlineLog });
    expect(s.event).toEqual({
      type: 'deadline-recomputed',
      from: 'in_progress',
      to: 'in_progress',
      data: {
        message: '期限按国务院公布的安排重新计算：原 2027-01-20 17:30（暂定） 现 2027-01-19 17:30',
        source: '国办发明电〔2026〕1号',
        dueProvisional: false,
        dueAt: sh('2027-01-19T17:30:00'),
        previousDueAt: sh('2027-01-20T17:30:00'),
      },
    });
    expect(s.dueRecountedAt).toBe(NOW.toISOString());
    expect(s).toMatchObject({ holderOrgId: 't', transitOrgId: null, completedAt: null, hops: [] });
  });

  it('a due date that stands only loses its 暂定 mark: written, but nothing to record and not listed', () => {
    const early = started('2026-12-15T10:00:00', 15, 15);
    expect(early).toMatchObject({ dueAt: sh('2027-01-06T17:30:00'), dueProvisional: true });
    const { d, s } = settled(early);
    expect(d.event).toBeNull();
    expect(d.dueRecounted).toBe(false);
    expect(s.state).toMatchObject({ dueAt: early.dueAt, legalDueAt: early.legalDueAt, dueProvisional: false });
    expect(s.event).toBeNull();
    expect(s.dueRecountedAt).toBeNull();
  });

  it('a case whose deadlines no longer run keeps its dates, and only its 暂定 mark is read again', () => {
    const done = { ...started('2026-12-15T10:00:00', 25), status: 'completed' as const };
    const { d, s } = settled(done);
    expect(s.state).toMatchObject({ dueAt: done.dueAt, legalDueAt: done.legalDueAt, dueProvisional: false });
    expect(d.event).toBeNull();
  });

  it('property: counted again on the calendar it was counted on, or on a year its dates do not reach, is no decision at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (offset, days, afterImport) => {
        const from = new Date(Date.parse(sh('2026-03-02T10:00:00')) + offset * 86_400_000).toISOString();
        const s = applyDeadline(stateIn('in_progress', { acceptedAt: from, dueAt: null, legalDueAt: null }), { type: 'start', from, promisedDays: days, legalDays: 40 }, t);
        // the import of 2027 can only move what was counted into 2027
        if (afterImport && (s.legalDueAt ?? '') >= sh('2027-01-01T00:00:00')) return;
        expect(recountDecision(s, afterImport ? after : before, center, '测试')).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
