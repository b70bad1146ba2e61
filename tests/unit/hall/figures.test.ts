// 排队统计的口径: waiting is taking the number → its call, serving is 开始办理 → 办结, minutes never negative; who left
// before being served. One definition for the figures page and a case's own queue record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leftUnserved, ticketMinutes, wasServed } from '../../../src/domain/hall/figures.js';
import { TICKET_STATUSES } from '../../../src/domain/hall/ticket.js';

const base = Date.parse('2026-03-02T01:00:00Z');
const instant = fc.integer({ min: 0, max: 600 }).map((m) => new Date(base + m * 60_000).toISOString());

describe('the figures of a number', () => {
  it('waits from taking to the call and is served from start to finish', () => {
    expect(ticketMinutes({ issuedAt: '2026-03-02T01:00:00Z', calledAt: '2026-03-02T01:12:30Z', startedAt: '2026-03-02T01:14:00Z', finishedAt: '2026-03-02T01:22:00Z' })).toEqual({ waiting: 12.5, serving: 8 });
    expect(ticketMinutes({ issuedAt: '2026-03-02T01:00:00Z', calledAt: null, startedAt: null, finishedAt: null })).toEqual({ waiting: null, serving: null });
    expect(ticketMinutes({ issuedAt: '2026-03-02T01:00:00Z', calledAt: '2026-03-02T01:05:00Z', startedAt: '2026-03-02T01:06:00Z', finishedAt: null }).serving).toBeNull();
  });

  it('property: minutes are never negative, and null exactly while the step has not happened', () => {
    fc.assert(
      fc.property(instant, fc.option(instant), fc.option(instant), fc.option(instant), (issuedAt, calledAt, startedAt, finishedAt) => {
        const m = ticketMinutes({ issuedAt, calledAt, startedAt, finishedAt });
        expect(m.waiting === null).toBe(calledAt === null);
        expect(m.serving === null).toBe(startedAt === null || finishedAt === null);
        for (const v of [m.waiting, m.serving]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('property: nobody both was served and left unserved; a number still in line today has not left', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), fc.option(instant), fc.constantFrom('2026-03-01', '2026-03-02'), (status, startedAt, day) => {
        const today = '2026-03-02';
        expect(wasServed(status, startedAt) && leftUnserved(status, day, today)).toBe(false);
        if (day === today && (status === 'waiting' || status === 'called')) expect(leftUnserved(status, day, today)).toBe(false);
        if (day < today && (status === 'waiting' || status === 'called')) expect(leftUnserved(status, day, today)).toBe(true);
      }),
    );
  });
});
