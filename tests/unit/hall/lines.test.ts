// Which numbers stand in which line (issue 12 §1): a window's line holds the numbers transferred to it and those of
// its services waiting for any window, never a number sent to another window; a service's line holds all its
// waiting numbers. And the one "N in line" SMS rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceLine, windowLine, type LineTicket } from '../../../src/domain/hall/queue-order.js';
import { positionSmsDue, TICKET_STATUSES } from '../../../src/domain/hall/ticket.js';

const at = (minute: number) => new Date(Date.parse('2026-03-02T01:00:00Z') + minute * 60_000).toISOString();
const ticket = (id: string, over: Partial<LineTicket> = {}): LineTicket => ({ id, number: id, priority: 'none', issuedAt: at(Number(id.slice(1))), status: 'waiting', serviceId: 'S', windowId: null, calledAt: null, ...over });

describe('the lines of a hall', () => {
  it('a window calls its services’ numbers and those transferred to it, not one sent to another window', () => {
    const tickets = [ticket('a1'), ticket('a2', { windowId: 'w2' }), ticket('a3', { serviceId: 'H', windowId: 'w1' }), ticket('a4', { serviceId: 'H' }), ticket('a5', { status: 'called', windowId: 'w1', calledAt: at(6) })];
    expect(windowLine(tickets, 'w1', new Set(['S'])).map((t) => t.id)).toEqual(['a1', 'a3']);
    expect(windowLine(tickets, 'w2', new Set(['S'])).map((t) => t.id)).toEqual(['a1', 'a2']);
    expect(serviceLine(tickets, 'S').map((t) => t.id)).toEqual(['a1', 'a2']);
    expect(serviceLine(tickets, 'H').map((t) => t.id)).toEqual(['a3', 'a4']);
  });

  it('property: a line holds only waiting numbers, each of them once, and a service’s line is all its waiting numbers', () => {
    const arb = fc.array(
      fc.record({ status: fc.constantFrom(...TICKET_STATUSES), serviceId: fc.constantFrom('S', 'H'), windowId: fc.constantFrom(null, 'w1', 'w2'), minute: fc.integer({ min: 0, max: 300 }) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const tickets = rows.map((r, i) => ticket(`t${i}`, { status: r.status, serviceId: r.serviceId, windowId: r.windowId, issuedAt: at(r.minute), calledAt: r.status === 'waiting' ? null : at(r.minute + 1) }));
        const line = windowLine(tickets, 'w1', new Set(['S']));
        expect(line.every((t) => t.status === 'waiting' && (t.windowId === 'w1' || (t.windowId === null && t.serviceId === 'S')))).toBe(true);
        expect(new Set(line.map((t) => t.id)).size).toBe(line.length);
        expect(serviceLine(tickets, 'S').map((t) => t.id).sort()).toEqual(tickets.filter((t) => t.status === 'waiting' && t.serviceId === 'S').map((t) => t.id).sort());
      }),
    );
  });
});

describe('排队短信', () => {
  it('is due within N of the head, and never when N is 0 (off)', () => {
    expect(positionSmsDue(3, 3)).toBe(true);
    expect(positionSmsDue(4, 3)).toBe(false);
    expect(positionSmsDue(0, 0)).toBe(false);
    fc.assert(fc.property(fc.nat(50), fc.nat(50), (ahead, n) => positionSmsDue(ahead, n) === (n > 0 && ahead <= n)));
  });
});
