// The order of the hall's waiting line (issue 12 §1): checked-in appointments first, then priority balanced against
// waiting time with a hard bound, one total deterministic order, and no normal number starved however many priority
// numbers arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY, nextInLine, orderQueue, type QueueEntry, type QueuePolicy } from '../../../src/domain/hall/queue-order.js';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src/domain/hall/ticket.js';

const T0 = Date.parse('2026-12-07T00:30:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const entry = (id: string, priority: TicketPriority, minute: number): QueueEntry => ({ id, number: `A${id.padStart(3, '0')}`, priority, issuedAt: at(minute) });

const arbEntry = fc.record({
  id: fc.uuid(),
  number: fc.stringMatching(/^[A-D]\d{3}$/),
  priority: fc.constantFrom(...TICKET_PRIORITIES),
  issuedAt: fc.integer({ min: 0, max: 600 }).map(at),
});
const arbPolicy = fc.record({ priorityBonusMinutes: fc.integer({ min: 0, max: 60 }), maxOvertakes: fc.integer({ min: 1, max: 5 }) });
const arbRecent = fc.array(fc.constantFrom(...TICKET_PRIORITIES), { maxLength: 8 });

describe('排队顺序', () => {
  it('is a permutation of the line, the same whatever order the numbers are read in (total and deterministic)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { selector: (e) => e.id, maxLength: 40 }), arbRecent, arbPolicy, fc.integer(), (line, recent, policy, seed) => {
        const ordered = orderQueue(line, recent, policy);
        expect(ordered.map((e) => e.id).sort()).toEqual(line.map((e) => e.id).sort());
        const shuffled = fc.sample(fc.shuffledSubarray(line, { minLength: line.length, maxLength: line.length }), { numRuns: 1, seed })[0]!;
        expect(orderQueue(shuffled, recent, policy).map((e) => e.id)).toEqual(ordered.map((e) => e.id));
      }),
    );
  });

  it('puts checked-in appointments first unless a normal number is owed its turn', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { selector: (e) => e.id, maxLength: 30 }), arbPolicy, (line, policy) => {
        const ordered = orderQueue(line, [], policy);
        const firstOther = ordered.findIndex((e) => e.priority !== 'appointment');
        if (firstOther >= 0) expect(ordered.slice(firstOther).every((e) => e.priority !== 'appointment')).toBe(true);
      }),
    );
  });

  it('serves a priority number before a normal one taken at the same time, but not before one who waited longer than the bonus', () => {
    const policy: QueuePolicy = { priorityBonusMinutes: 15, maxOvertakes: 3 };
    expect(nextInLine([entry('1', 'none', 10), entry('2', 'elderly', 10)], [], policy)?.id).toBe('2');
    expect(nextInLine([entry('1', 'none', 10), entry('2', 'disabled', 20)], [], policy)?.id).toBe('2');
    expect(nextInLine([entry('1', 'none', 10), entry('2', 'green', 30)], [], policy)?.id).toBe('1');
    expect(nextInLine([entry('1', 'none', 10), entry('2', 'appointment', 60)], [], policy)?.id).toBe('2');
  });

  it('a priority number never passes a normal one that waited longer than the bonus (the hard bound)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry.filter((e) => e.priority !== 'appointment'), { selector: (e) => e.id, maxLength: 30 }), arbPolicy, (line, policy) => {
        const ordered = orderQueue(line, [], policy);
        ordered.forEach((a, i) => {
          for (const b of ordered.slice(i + 1)) {
            if (a.priority !== 'none' && b.priority === 'none') {
              expect(Date.parse(a.issuedAt) - policy.priorityBonusMinutes * 60_000).toBeLessThanOrEqual(Date.parse(b.issuedAt));
            }
          }
        });
      }),
    );
  });

  it('calls the longest-waiting normal number after maxOvertakes priority calls in a row', () => {
    const line = [entry('1', 'none', 0), entry('2', 'elderly', 5), entry('3', 'appointment', 6)];
    expect(nextInLine(line, ['elderly', 'green', 'appointment'], DEFAULT_QUEUE_POLICY)?.id).toBe('1');
    expect(nextInLine(line, ['elderly', 'none', 'appointment'], DEFAULT_QUEUE_POLICY)?.id).toBe('3');
  });

  it('never starves a normal number: called within (normal numbers before it + 1) × (maxOvertakes + 1) calls, however many priority numbers arrive', () => {
    // a simulation: before each call any number of numbers arrive (most of them priority), one is called
    const arrivals = fc.array(fc.array(fc.constantFrom<TicketPriority>('elderly', 'disabled', 'green', 'appointment', 'appointment', 'none'), { maxLength: 6 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(arrivals, arbPolicy, fc.integer({ min: 1, max: 10 }), (steps, policy, minutesPerCall) => {
        let waiting: (QueueEntry & { normalsBefore: number; waitedCalls: number })[] = [];
        const recent: TicketPriority[] = [];
        let n = 0;
        let minute = 0;
        const bound = (e: { normalsBefore: number }) => (e.normalsBefore + 1) * (policy.maxOvertakes + 1);
        const drain = (batch: TicketPriority[]) => {
          for (const p of batch) {
            const normalsBefore = waiting.filter((w) => w.priority === 'none').length;
            waiting.push({ ...entry(String(++n), p, minute), normalsBefore, waitedCalls: 0 });
          }
          const next = nextInLine(waiting, recent, policy);
          if (!next) return;
          waiting = waiting.filter((w) => w.id !== next.id);
          recent.unshift(next.priority);
          for (const w of waiting) {
            w.waitedCalls++;
            if (w.priority === 'none') expect(w.waitedCalls, `number ${w.id} waited too long`).toBeLessThan(bound(w));
          }
          minute += minutesPerCall;
        };
        for (const batch of steps) drain(batch);
        // and afterwards, with a flood of priority numbers before every call, the normal ones still get out
        while (waiting.some((w) => w.priority === 'none')) drain(['elderly', 'appointment', 'green']);
      }),
    );
  });
});
