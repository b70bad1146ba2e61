/**
 * The dashboards (issue 9 §4): the director's center with its exceptions first, a clerk's own red, yellow and due
 * cases, and the tree below a supervisor with a center's windows and twelve months. Nothing is counted here: the
 * lists and totals are the ledger's own (cases/queries.ts listCases, countLights with the same filter the console
 * opens when a number is clicked), the per-center and per-window numbers grouped counts in SQL
 * (cases/dashboard-queries.ts), the months the case-event counters (events/dashboard-queries.ts).
 */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { addMonths, monthStart } from '../../domain/calendar/months.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import { toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { centerApplications } from '../applications/queries.js';
import type { Actor } from '../auth/actor.js';
import { emptyNumbers, numbersByReceivingCenter, numbersByWindow, overdueByMonth, todaysCaseNumbers, type CaseNumbers } from '../cases/dashboard-queries.js';
import { countLights, listCases, type LedgerQuery } from '../cases/queries.js';
import { countReturnedSince, eventCountsByMonth } from '../events/dashboard-queries.js';
import { listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { getPresence } from '../presence/service.js';
import { listWindows } from '../windows/repo.js';
import { supervisionByCenter, supervisionCounts } from './supervision-counts.js';

/** How many cases of each list the dashboards show (the number beside them is the whole list's). */
const SAMPLE = 5;

type Filter = Omit<LedgerQuery, 'page' | 'pageSize'>;

async function sample(ctx: AppContext, actor: Actor, filter: Filter) {
  const { cases, total } = await listCases(ctx, actor, { ...filter, page: 1, pageSize: SAMPLE });
  return { cases, total };
}

/** A local day's bounds as instants [from, to): what the ledger's from/to dates mean. */
function dayBounds(day: string, tz: string) {
  return { from: zonedInstant(day, '00:00', tz).toISOString(), to: zonedInstant(addCalendarDays(day, 1), '00:00', tz).toISOString() };
}

export async function directorDashboard(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const now = ctx.clock();
  const today = localDate(now, tz);
  const org = (await listOrgs(db)).find((o) => o.id === actor.orgId);
  if (!org) throw notFound('本中心');
  const scope = [...(await scopeOf(db, actor))];

  const lights = (await countLights(ctx, actor, {})).counts;
  const red = await sample(ctx, actor, { light: 'red' });
  const yellow = await sample(ctx, actor, { light: 'yellow' });
  const dueToday = await sample(ctx, actor, { view: 'due-today' });
  const extensions = await sample(ctx, actor, { view: 'extensions' });
  const refusalsToReview = await sample(ctx, actor, { view: 'refusals-to-review' });
  // returns of online applications at pre-review are refusals too (rule 2): the same list, kept by their own module
  const applicationRefusalsToReview = await centerApplications(ctx, actor, { view: 'refusals-to-review', page: 1, pageSize: SAMPLE });

  const presence = await getPresence(ctx, actor);
  const staff = presence.staff.map((p) => ({ id: p.id, name: p.name, awayReason: p.awayReason, awaySince: p.awaySince, posts: p.posts, away: p.away }));
  const strip = ({ away: _away, ...p }: (typeof staff)[number]) => p;

  const { from, to } = dayBounds(today, tz);
  const numbers = await todaysCaseNumbers(db, scope, from, to);
  const returned = await countReturnedSince(db, numbers.returnedCandidates, from);

  return {
    orgId: org.id,
    orgName: org.center_name,
    today,
    lights,
    red,
    yellow,
    dueToday,
    extensions,
    refusalsToReview,
    applicationRefusalsToReview,
    presence: {
      present: staff.filter((p) => !p.away).map(strip),
      away: staff.filter((p) => p.away).map(strip),
      unmanned: presence.unmanned,
    },
    todayNumbers: { received: numbers.received, accepted: numbers.accepted, completed: numbers.completed, returned },
    supervision: await supervisionCounts(ctx, actor, scope, today),
  };
}

export async function clerkDashboard(ctx: AppContext, actor: Actor) {
  const today = localDate(ctx.clock(), ctx.config.timeZone);
  const of = async (view: 'mine' | 'first-responded') => ({
    red: await sample(ctx, actor, { view, light: 'red' }),
    yellow: await sample(ctx, actor, { view, light: 'yellow' }),
    dueToday: await sample(ctx, actor, { view, dueToday: 'true' }),
  });
  return { today, mine: await of('mine'), firstResponded: await of('first-responded') };
}

export async function supervisorDashboard(ctx: AppContext, actor: Actor, query: { orgId?: string }) {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const now = ctx.clock();
  const today = localDate(now, tz);
  const scope = await scopeOf(db, actor);
  const rootId = query.orgId ?? actor.orgId;
  if (!scope.has(rootId)) throw forbidden('查看该机构的统计');
  const orgs = await listOrgs(db);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root = byId.get(rootId);
  if (!root) throw notFound('该机构');

  // the tree below the root in order (listOrgs is by code), each with its depth
  const children = new Map<string, typeof orgs>();
  for (const o of orgs) if (o.parent_id) children.set(o.parent_id, [...(children.get(o.parent_id) ?? []), o]);
  const tree: { org: (typeof orgs)[number]; depth: number }[] = [];
  const walk = (o: (typeof orgs)[number], depth: number) => {
    tree.push({ org: o, depth });
    for (const c of children.get(o.id) ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  const subtree = tree.map((n) => n.org.id).filter((id) => scope.has(id));

  // from the viewer's own organisation down to the root
  const path: { orgId: string; name: string }[] = [];
  for (let o = root as (typeof orgs)[number] | undefined; o; o = o.parent_id ? byId.get(o.parent_id) : undefined) {
    path.unshift({ orgId: o.id, name: o.name });
    if (o.id === actor.orgId) break;
  }

  const month = today.slice(0, 7);
  const monthFrom = `${month}-01`;
  const monthTo = addCalendarDays(`${addMonths(month, 1)}-01`, -1);
  const at = {
    now: now.toISOString(),
    monthFrom: zonedInstant(monthFrom, '00:00', tz).toISOString(),
    monthTo: monthStart(addMonths(month, 1), tz),
  };

  // each center's own numbers, added up over its subtree (sums of the grouped counts: no case is read twice)
  const own = await numbersByReceivingCenter(db, subtree, at);
  const supervisionOwn = await supervisionByCenter(ctx, actor, subtree, today);
  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level }));
  const centers = tree
    .filter((n) => scope.has(n.org.id))
    .map(({ org, depth }) => {
      const numbers = emptyNumbers();
      const below = [...subtreeIds(nodes, org.id)].filter((id) => scope.has(id));
      for (const id of below) {
        const n = own.get(id);
        if (n) for (const k of Object.keys(numbers) as (keyof CaseNumbers)[]) numbers[k] += n[k];
      }
      return { orgId: org.id, parentId: org.parent_id, level: org.level, name: org.name, centerName: org.center_name, depth, numbers, supervision: supervisionOwn.sum(below) };
    });

  const windowRows = (await listWindows(db, [root.id])).filter((w) => toBool(w.active));
  const byWindow = await numbersByWindow(
    db,
    subtree,
    windowRows.map((w) => w.id),
    at,
  );
  const windows = windowRows.map((w) => ({ windowId: w.id, name: w.name, numbers: byWindow.get(w.id) ?? emptyNumbers() }));

  // twelve months up to this one
  const months = Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11));
  const bounds = [...months, addMonths(month, 1)].map((m) => monthStart(m, tz));
  const events = await eventCountsByMonth(db, subtree, ['intake', 'complete'], `${months[0]}-01`, today);
  const overdue = await overdueByMonth(db, subtree, bounds, at.now);
  const trends = months.map((m, i) => ({
    month: m,
    received: events.filter((e) => e.month === m && e.type === 'intake').reduce((s, e) => s + e.count, 0),
    completed: events.filter((e) => e.month === m && e.type === 'complete').reduce((s, e) => s + e.count, 0),
    overdue: overdue[i] ?? 0,
  }));

  return {
    root: { orgId: root.id, name: root.name, centerName: root.center_name, level: root.level },
    path,
    month: { from: monthFrom, to: monthTo },
    centers,
    windows,
    trends,
    supervision: await supervisionCounts(ctx, actor, subtree, today),
  };
}
