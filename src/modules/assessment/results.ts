/**
 * B → C (issue 13): the closed monthly results. When the director closes a month, every window's and person's final
 * score (after appeals) is frozen in `assessment_results`; part C (评先评优) ranks them per month. A month not closed
 * for a center is simply absent.
 */
import type { Db } from '../../server/context.js';
import { assessmentSettings } from './settings.js';

export interface MonthlyResult {
  /** 'YYYY-MM' */
  month: string;
  /** the center the window/person belongs to */
  orgId: string;
  subjectKind: 'window' | 'person';
  /** windows.id or users.id */
  subjectId: string;
  /** window name or person's name */
  name: string;
  /** final score of the closed month (base 100, bonuses up to 110) */
  score: number;
  /** points deducted that month, positive number (after appeals), before bonuses */
  deducted: number;
}

/** Results of months that are closed (after appeals), for the given centers and months. */
export async function closedMonthlyResults(db: Db, orgIds: string[], months: string[]): Promise<MonthlyResult[]> {
  if (orgIds.length === 0 || months.length === 0) return [];
  const rows = await db
    .selectFrom('assessment_results as r')
    .innerJoin('assessment_months as m', (j) => j.onRef('m.org_id', '=', 'r.org_id').onRef('m.month', '=', 'r.month'))
    .select(['r.month', 'r.org_id', 'r.subject_kind', 'r.subject_id', 'r.name', 'r.score', 'r.deducted'])
    .where('m.status', '=', 'closed')
    .where('r.org_id', 'in', [...new Set(orgIds)])
    .where('r.month', 'in', [...new Set(months)])
    .orderBy('r.month')
    .orderBy('r.org_id')
    .orderBy('r.subject_kind')
    .orderBy('r.subject_id')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    orgId: r.org_id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    name: r.name,
    score: Number(r.score),
    deducted: Number(r.deducted),
  }));
}

export interface PublishedRanking {
  month: string;
  windows: { name: string; score: number; rank: number }[];
  people: { name: string; score: number; rank: number }[];
}

/** The latest closed month's ranking of a center for its 政务公开 page, only when the county publishes it (setting). */
export async function publishedRanking(db: Db, orgId: string): Promise<PublishedRanking | null> {
  if (!(await assessmentSettings(db)).publishRanking) return null;
  const latest = await db.selectFrom('assessment_months').select('month').where('org_id', '=', orgId).where('status', '=', 'closed').orderBy('month', 'desc').limit(1).executeTakeFirst();
  if (!latest) return null;
  const rows = await db.selectFrom('assessment_results').selectAll().where('org_id', '=', orgId).where('month', '=', latest.month).execute();
  const of = (kind: 'window' | 'person') =>
    rows
      .filter((r) => r.subject_kind === kind)
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'))
      .map((r) => ({ name: r.name, score: Number(r.score), rank: r.rank }));
  return { month: latest.month, windows: of('window'), people: of('person') };
}
