import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, countsOf, MONTHLY_COUNTERS, noCounts } from '../../../src/domain/agents/monthly.js';

const STATUSES = ['submitted', 'awaiting_supplement', 'in_progress', 'paused', 'completed', 'returned', 'withdrawn', 'delivered'];

describe('how a village case counts in the monthly table', () => {
  it('a certificate finished on the spot and handed over: received and finished on the spot, not handed back from above', () => {
    expect(countsOf({ status: 'delivered', outcome: 'approved', forwarded: false })).toEqual({
      received: 1, finishedOnSpot: 1, forwarded: 0, finishedAbove: 0, returned: 0, handedBack: 0,
    });
  });

  it('a forwarded case decided above and handed to the villager counts as forwarded, finished above and handed back', () => {
    expect(countsOf({ status: 'delivered', outcome: 'approved', forwarded: true })).toEqual({
      received: 1, finishedOnSpot: 0, forwarded: 1, finishedAbove: 1, returned: 0, handedBack: 1,
    });
    // decided above, not yet handed over
    expect(countsOf({ status: 'completed', outcome: 'denied', forwarded: true })).toMatchObject({ finishedAbove: 1, handedBack: 0 });
  });

  it('a case waiting at the village is only received; a returned one is returned', () => {
    expect(countsOf({ status: 'submitted', outcome: null, forwarded: false })).toEqual({ ...noCounts(), received: 1 });
    expect(countsOf({ status: 'returned', outcome: null, forwarded: true })).toEqual({ ...noCounts(), received: 1, forwarded: 1, returned: 1 });
  });

  it('property: finished on the spot and finished above never both; neither exceeds received; totals add up', () => {
    const caseArb = fc.record({ status: fc.constantFrom(...STATUSES), outcome: fc.constantFrom(null, 'approved', 'denied'), forwarded: fc.boolean() });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
        const all = cases.map(countsOf);
        for (const c of all) {
          expect(c.finishedOnSpot + c.finishedAbove).toBeLessThanOrEqual(1);
          expect(c.handedBack).toBeLessThanOrEqual(c.forwarded);
        }
        const total = all.reduce(addCounts, noCounts());
        expect(total.received).toBe(cases.length);
        for (const key of MONTHLY_COUNTERS) expect(total[key]).toBe(all.reduce((n, c) => n + c[key], 0));
        expect(total.forwarded).toBe(cases.filter((c) => c.forwarded).length);
      }),
    );
  });
});
