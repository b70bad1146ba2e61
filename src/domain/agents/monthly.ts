/**
 * 村级便民服务办理情况统计表: how each case a village received counts in its monthly table. Pure: the caller
 * reads the cases of the month and says, for each, whether it was sent up.
 */

export const MONTHLY_COUNTERS = ['received', 'finishedOnSpot', 'forwarded', 'finishedAbove', 'returned', 'handedBack'] as const;
export type MonthlyCounter = (typeof MONTHLY_COUNTERS)[number];
export type MonthlyCounts = Record<MonthlyCounter, number>;

/** The column headings of the table as a village files it. */
export const MONTHLY_COUNTER_NAMES: Record<MonthlyCounter, string> = {
  received: '受理数',
  finishedOnSpot: '当场办结',
  forwarded: '转报乡镇',
  finishedAbove: '上级办结',
  returned: '退回',
  handedBack: '结果已回复',
};

export interface VillageCaseFacts {
  status: string;
  /** set once the case is decided (approved or denied), wherever that was */
  outcome: string | null;
  /** the case went up to the township (in a batch or as urgent) */
  forwarded: boolean;
}

export const noCounts = (): MonthlyCounts => ({ received: 0, finishedOnSpot: 0, forwarded: 0, finishedAbove: 0, returned: 0, handedBack: 0 });

/**
 * The counters one case adds: every case is received; a case decided without going up was finished on the spot,
 * one decided after going up was finished above; a forwarded case handed to the villager is handed back (回复).
 */
export function countsOf(c: VillageCaseFacts): MonthlyCounts {
  const decided = c.outcome !== null;
  return {
    received: 1,
    finishedOnSpot: decided && !c.forwarded ? 1 : 0,
    forwarded: c.forwarded ? 1 : 0,
    finishedAbove: decided && c.forwarded ? 1 : 0,
    returned: c.status === 'returned' ? 1 : 0,
    handedBack: c.forwarded && c.status === 'delivered' ? 1 : 0,
  };
}

export function addCounts(a: MonthlyCounts, b: MonthlyCounts): MonthlyCounts {
  const sum = noCounts();
  for (const key of MONTHLY_COUNTERS) sum[key] = a[key] + b[key];
  return sum;
}
