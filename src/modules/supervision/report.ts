/**
 * The monthly supervision report (监察月报, issue 9 §4): for a month and an organisation of the viewer's tree, per
 * center below it (a county's townships, each with its villages' figures) the cases received, completed, completed on
 * time and overdue, the violations recorded by rule and by status, the 督办单 issued by level, answered (late) and
 * closed; and the rules fired most. Every number is a grouped count in SQL (cases/report-queries.ts, report-repo.ts);
 * here they are only added up over each center's subtree.
 */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { addMonths, lastMonth, monthBounds } from '../../domain/calendar/months.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import type { ReportNumbers, SupervisionReport } from '../../domain/contract/supervision-report.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import { CARD_LEVELS, type CardLevel } from '../../domain/supervision/cards.js';
import { RULE_BY_CODE, RULES, type RuleCode } from '../../domain/supervision/rules.js';
import { VIOLATION_STATUSES, type ViolationStatus } from '../../domain/supervision/violations.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { emptyMonthCaseNumbers, monthCaseNumbersByCenter, type MonthCaseNumbers } from '../cases/report-queries.js';
import { listOrgs } from '../orgs/repo.js';
import { listRuleRows } from './repo.js';
import { violationScope } from './service.js';
import { cardAnswersByCenter, cardsIssuedByCenterLevel, violationsByCenterRuleStatus } from './report-repo.js';

interface Raw {
  cases: MonthCaseNumbers;
  byRule: Map<string, number>;
  byStatus: Map<string, number>;
  byLevel: Map<string, number>;
  replied: number;
  repliedLate: number;
  closed: number;
}
const emptyRaw = (): Raw => ({ cases: emptyMonthCaseNumbers(), byRule: new Map(), byStatus: new Map(), byLevel: new Map(), replied: 0, repliedLate: 0, closed: 0 });
const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

function addInto(t: Raw, r: Raw): void {
  for (const k of Object.keys(t.cases) as (keyof MonthCaseNumbers)[]) t.cases[k] += r.cases[k];
  for (const [k, n] of r.byRule) bump(t.byRule, k, n);
  for (const [k, n] of r.byStatus) bump(t.byStatus, k, n);
  for (const [k, n] of r.byLevel) bump(t.byLevel, k, n);
  t.replied += r.replied;
  t.repliedLate += r.repliedLate;
  t.closed += r.closed;
}

export async function supervisionReport(ctx: AppContext, actor: Actor, query: { month?: string | undefined; orgId?: string | undefined }): Promise<SupervisionReport> {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const now = ctx.clock();
  const month = query.month ?? lastMonth(now, tz);
  // the viewer's tree (orgs scopeOf) for supervisors, leaders and directors; window staff their own center: the
  // violations list's own scope, so each number equals the list the viewer opens
  const scope = await violationScope(db, actor);
  const rootId = query.orgId ?? actor.orgId;
  if (!scope.has(rootId)) throw forbidden('查看该机构的监察月报');
  const orgs = await listOrgs(db);
  const root = orgs.find((o) => o.id === rootId);
  if (!root) throw notFound('该机构');

  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level }));
  const ids = [...subtreeIds(nodes, root.id)].filter((id) => scope.has(id));
  const { from, to } = monthBounds(month, tz);

  const own = new Map<string, Raw>();
  const of = (id: string) => own.get(id) ?? own.set(id, emptyRaw()).get(id)!;
  for (const [id, n] of await monthCaseNumbersByCenter(db, ids, from, to, now.toISOString())) of(id).cases = n;
  for (const v of await violationsByCenterRuleStatus(db, ids, from, to)) {
    if (!RULE_BY_CODE.has(v.ruleCode)) continue;
    bump(of(v.orgId).byRule, v.ruleCode, v.count);
    bump(of(v.orgId).byStatus, v.status, v.count);
  }
  for (const c of await cardsIssuedByCenterLevel(db, ids, from, to)) bump(of(c.orgId).byLevel, c.level, c.count);
  const lateFrom = (replyBy: string) => zonedInstant(addCalendarDays(replyBy, 1), '00:00', tz).toISOString();
  for (const [id, a] of await cardAnswersByCenter(db, ids, from, to, lateFrom)) Object.assign(of(id), a);

  const ruleRows = new Map((await listRuleRows(db)).map((r) => [r.code, r]));
  const ruleCounts = (m: Map<string, number>) =>
    RULES.filter((r) => (m.get(r.code) ?? 0) > 0).map((r) => ({
      ruleCode: r.code as RuleCode,
      ruleNumber: ruleRows.get(r.code)?.number ?? r.number,
      name: ruleRows.get(r.code)?.name ?? r.name,
      count: m.get(r.code)!,
    }));
  const present = (r: Raw): ReportNumbers => ({
    cases: { ...r.cases, onTimeRate: r.cases.completed > 0 ? r.cases.completedOnTime / r.cases.completed : null },
    violations: {
      total: [...r.byRule.values()].reduce((s, n) => s + n, 0),
      byRule: ruleCounts(r.byRule),
      byStatus: Object.fromEntries(VIOLATION_STATUSES.map((s) => [s, r.byStatus.get(s) ?? 0])) as Record<ViolationStatus, number>,
    },
    cards: {
      issued: [...r.byLevel.values()].reduce((s, n) => s + n, 0),
      byLevel: Object.fromEntries(CARD_LEVELS.map((l) => [l, r.byLevel.get(l) ?? 0])) as Record<CardLevel, number>,
      replied: r.replied,
      repliedLate: r.repliedLate,
      closed: r.closed,
    },
  });
  const sumOver = (members: Iterable<string>) => {
    const t = emptyRaw();
    for (const id of members) if (scope.has(id)) addInto(t, own.get(id) ?? emptyRaw());
    return t;
  };

  const children = orgs.filter((o) => o.parent_id === root.id && scope.has(o.id)); // listOrgs is by code
  const rows = [
    { orgId: root.id, name: root.center_name, level: root.level, subtree: false, numbers: present(own.get(root.id) ?? emptyRaw()) },
    ...children.map((c) => ({ orgId: c.id, name: c.center_name, level: c.level, subtree: true, numbers: present(sumOver(subtreeIds(nodes, c.id))) })),
  ];
  const total = sumOver(ids);
  const topRules = ruleCounts(total.byRule)
    .sort((a, b) => b.count - a.count || a.ruleNumber.localeCompare(b.ruleNumber))
    .slice(0, 10);
  return {
    month,
    from: `${month}-01`,
    to: addCalendarDays(`${addMonths(month, 1)}-01`, -1),
    org: { orgId: root.id, name: root.name, centerName: root.center_name, level: root.level },
    rows,
    total: present(total),
    topRules,
    generatedAt: now.toISOString(),
  };
}
