/**
 * The figures of one center's monthly report (issue 13 §1): its own cases per window, item and department, and, for a
 * township or the county, a row per center below with that center's whole subtree. Everything is a grouped count in
 * SQL; the rates are the domain's (src/domain/statistics/measures.ts, the evaluation's computeFigures for ratings).
 * Received, finished, on time and overdue use exactly the conditions of the supervision report
 * (src/modules/cases/report-queries.ts), so the numbers open ledgers of the same totals.
 */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { addMonths, monthBounds } from '../../domain/calendar/months.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { computeFigures, type CaseCount, type RatingCount } from '../../domain/evaluation/figures.js';
import { subtreeIds, type OrgLevel } from '../../domain/orgs/tree.js';
import { windowLabel } from '../../domain/statistics/labels.js';
import { emptyRaw, ratingRaw, sumRaw, workingDaysToFinish, type RawCounts } from '../../domain/statistics/measures.js';
import type { Db } from '../../server/context.js';
import { loadCalendar } from '../calendar/repo.js';
import { finishedCaseTimes, monthCaseGroups } from '../cases/monthly-report-queries.js';
import { itemsByIds } from '../catalog/repo.js';
import { complaintCountsOfMonth } from '../complaints/stats.js';
import { ratedOpeningsByWindow, ratingCountsByGroup } from '../evaluation/monthly-report-figures.js';
import { listOrgs } from '../orgs/repo.js';
import { petitionCountsByCenter } from '../petitions/monthly-counts.js';
import { windowsByIds } from '../windows/repo.js';

export interface GroupRow {
  key: string;
  name: string;
  raw: RawCounts;
}
export interface CenterRow {
  orgId: string;
  name: string;
  level: OrgLevel;
  raw: RawCounts;
}
/** What a version of a report stores (raw counts only: the measures are worked out when shown). */
export interface ReportFigures {
  month: string;
  from: string;
  to: string;
  org: { orgId: string; name: string; centerName: string; level: OrgLevel };
  /** the center's own cases (本级) */
  own: RawCounts;
  /** each center directly below, with everything under it */
  below: CenterRow[];
  /** the center and everything below it */
  total: RawCounts;
  windows: GroupRow[];
  items: GroupRow[];
  departments: GroupRow[];
}

const NO_WINDOW = '未指定窗口';
const NO_DEPARTMENT = '未指定部门';

/** The raw counts of every center of `orgIds` (own cases only), and of the groups of `detailOrgId`. */
async function countCenters(db: Db, orgIds: string[], detailOrgId: string, month: string, timeZone: string, now: Date, centerNameOf: (orgId: string) => string | null) {
  const { from, to } = monthBounds(month, timeZone);
  const centers = new Map<string, RawCounts>();
  const groups = { window: new Map<string, GroupRow>(), item: new Map<string, GroupRow>(), department: new Map<string, GroupRow>() };
  const center = (id: string) => centers.get(id) ?? centers.set(id, emptyRaw()).get(id)!;
  if (orgIds.length === 0) return { centers, groups };

  const cases = await monthCaseGroups(db, orgIds, from, to, now.toISOString());
  const times = await finishedCaseTimes(db, orgIds, from, to);
  const ratings = await ratingCountsByGroup(db, orgIds, from, to);
  const openings = await ratedOpeningsByWindow(db, orgIds, from, to);
  // names of the center's windows and the departments of its items (their own modules)
  const mine = <T extends { orgId: string }>(rows: T[]) => rows.filter((r) => r.orgId === detailOrgId);
  const windows = await windowsByIds(db, [...mine(cases), ...mine(ratings), ...mine(openings)].map((r) => r.windowId));
  const items = await itemsByIds(db, [...new Set([...mine(cases), ...mine(ratings)].map((r) => r.itemId))]);
  // a case escalated to the county is finished at a window of the county center: named with its center
  const windowName = (id: string | null) => {
    const w = id ? windows.get(id) : undefined;
    return w ? windowLabel(w.name, centerNameOf(w.org_id), w.org_id === detailOrgId) : NO_WINDOW;
  };
  type Keys = { windowId: string | null; itemId: string; itemCode: string; itemName: string };
  const groupOf = (kind: keyof typeof groups, g: Keys): GroupRow => {
    const department = items.get(g.itemId)?.department || null;
    const [key, name] =
      kind === 'window' ? [g.windowId ?? '', windowName(g.windowId)] : kind === 'item' ? [g.itemCode, g.itemName] : [department ?? '', department ?? NO_DEPARTMENT];
    return groups[kind].get(key) ?? groups[kind].set(key, { key, name, raw: emptyRaw() }).get(key)!;
  };
  const add = (raw: RawCounts, part: Partial<RawCounts>) => {
    for (const [k, v] of Object.entries(part) as [keyof RawCounts, number][]) raw[k] += v;
  };
  const bump = (orgId: string, g: Keys, part: Partial<RawCounts>) => {
    add(center(orgId), part);
    if (orgId === detailOrgId) for (const kind of ['window', 'item', 'department'] as const) add(groupOf(kind, g).raw, part);
  };

  for (const c of cases) {
    const { orgId, windowId, itemId, itemCode, itemName, ...counts } = c;
    bump(orgId, { windowId, itemId, itemCode, itemName }, counts);
  }
  // working days to finish: each case finished in the month, from its acceptance (or registration) to completion
  const cal = await loadCalendar(db, 'recent');
  for (const t of times) {
    const days = workingDaysToFinish(cal, localDate(new Date(t.startedAt), timeZone), localDate(new Date(t.completedAt), timeZone));
    bump(t.orgId, t, { workingDays: days, timedCases: 1 });
  }

  // ratings: the evaluation's computeFigures over the center's, each window's, item's and department's counts
  const ratingFigures = (keyOf: (r: (typeof ratings)[number]) => string | null, caseCounts: CaseCount[] | null) => {
    const counts: RatingCount[] = [];
    for (const r of ratings) {
      const key = keyOf(r);
      if (key !== null) counts.push({ ...r, key });
    }
    // an item or department has no finished-case count of its own: every first rating stands for a finished case
    const derived = new Map<string, CaseCount>();
    for (const r of counts) {
      const c = derived.get(r.key) ?? derived.set(r.key, { key: r.key, finished: 0, activelyRated: 0 }).get(r.key)!;
      c.finished += r.count;
      if (!r.isDefault && !r.excluded) c.activelyRated += r.count;
    }
    return computeFigures(counts, caseCounts ?? [...derived.values()]);
  };
  for (const f of ratingFigures((r) => r.orgId, openings.map((o) => ({ key: o.orgId, finished: o.finished, activelyRated: o.rated })))) add(center(f.key), ratingRaw(f));
  const inCenter = (r: { orgId: string }) => r.orgId === detailOrgId;
  const windowOpenings = openings.filter(inCenter).map((o) => ({ key: o.windowId ?? '', finished: o.finished, activelyRated: o.rated }));
  const byKey = new Map<string, Keys>(ratings.filter(inCenter).flatMap((r) => [[`w:${r.windowId ?? ''}`, r], [`i:${r.itemCode}`, r], [`d:${items.get(r.itemId)?.department || ''}`, r]]));
  for (const f of ratingFigures((r) => (inCenter(r) ? `w:${r.windowId ?? ''}` : null), windowOpenings.map((c) => ({ ...c, key: `w:${c.key}` })))) add(groupOf('window', byKey.get(f.key) ?? { windowId: f.key.slice(2) || null, itemId: '', itemCode: '', itemName: '' }).raw, ratingRaw(f));
  for (const f of ratingFigures((r) => (inCenter(r) ? `i:${r.itemCode}` : null), null)) add(groupOf('item', byKey.get(f.key)!).raw, ratingRaw(f));
  for (const f of ratingFigures((r) => (inCenter(r) ? `d:${items.get(r.itemId)?.department || ''}` : null), null)) add(groupOf('department', byKey.get(f.key)!).raw, ratingRaw(f));

  // complaints (their own module's count) and petitions: per center
  for (const c of await complaintCountsOfMonth(db, month, orgIds)) {
    center(c.orgId).complaints += c.received;
    center(c.orgId).complaintsUpheld += c.upheld;
  }
  for (const [orgId, n] of await petitionCountsByCenter(db, orgIds, from, to)) center(orgId).petitions += n;
  return { centers, groups };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** The figures of `orgId`'s report for `month`, as they stand at `now`. */
export async function computeReportFigures(db: Db, orgId: string, month: string, timeZone: string, now: Date): Promise<ReportFigures> {
  const orgs = await listOrgs(db);
  const root = orgs.find((o) => o.id === orgId);
  if (!root) throw new Error(`unknown org ${orgId}`);
  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level }));
  const ids = [...subtreeIds(nodes, orgId)];
  const { centers, groups } = await countCenters(db, ids, orgId, month, timeZone, now, (id) => orgs.find((o) => o.id === id)?.center_name ?? null);
  const of = (id: string) => centers.get(id) ?? emptyRaw();
  const children = orgs.filter((o) => o.parent_id === orgId);
  return {
    month,
    from: `${month}-01`,
    to: addCalendarDays(`${addMonths(month, 1)}-01`, -1),
    org: { orgId, name: root.name, centerName: root.center_name, level: root.level },
    own: of(orgId),
    below: children.map((c) => ({ orgId: c.id, name: c.center_name, level: c.level, raw: sumRaw([...subtreeIds(nodes, c.id)].map(of)) })),
    total: sumRaw(ids.map(of)),
    windows: [...groups.window.values()].sort(byName),
    items: [...groups.item.values()].sort(byName),
    departments: [...groups.department.values()].sort(byName),
  };
}
