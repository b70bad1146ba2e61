/**
 * 排名 (issue 13): one way to rank scores for the monthly ranking, the quarterly 流动红旗 and the yearly 标兵.
 * Standard competition ranking ("1224"): higher score first, equal scores share a rank and the next rank skips
 * as many places as were shared, so "in the top 10" never names more than ten places' worth of scores by accident
 * of order. Ties list in id order so the same input always prints the same list. Pure.
 */
export interface Scored {
  id: string;
  score: number;
}

export type Ranked<T extends Scored> = T & { rank: number };

export function rankByScore<T extends Scored>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.score === item.score ? previous.rank : i + 1;
    ranked.push({ ...item, rank });
  });
  return ranked;
}

/** Whether a ranked entry is within the first `n` places (ties at place n are all in). */
export const inTop = (rank: number, n: number): boolean => rank <= n;
