/**
 * 评先评优 (issue 13 §3): the lists of a scope — a center, or a county (township) with every center below it — from
 * the closed monthly results (src/modules/assessment/results.ts), ranked by the domain's rules
 * (src/domain/assessment/awards.ts). Nothing is stored: the closed results are frozen, so the same question gives the
 * same list; a month not closed is named, never ranked on part of the data.
 */
import {
  quarterlyFlags,
  yearlyModels,
  yearMonths,
  yearTiers,
  type AwardSettings,
  type Center,
  type Coverage,
} from '../../domain/assessment/awards.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { addMonths } from '../../domain/calendar/months.js';
import type { QuarterlyAward, TierList, YearlyAward } from '../../domain/contract/awards.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { closedMonthlyResults, type MonthlyResult } from '../assessment/results.js';
import type { Actor } from '../auth/actor.js';
import { listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { serviceStartsOf } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';
import { awardSettings } from './settings.js';

interface Scope {
  root: { orgId: string; name: string; centerName: string; level: 'county' | 'township' | 'village' };
  centers: Center[];
  centerName: Map<string, string>;
  results: MonthlyResult[];
  settings: AwardSettings;
}

/**
 * The scope asked for (the actor's own organisation by default, else one of their tree) and its year's closed
 * results. The centers taking part: the township and county centers with a window, and any center (a village room
 * too) with a closed result in the year. Their months are expected: one not closed is named as missing.
 */
async function loadScope(ctx: AppContext, actor: Actor, orgId: string | undefined, year: number): Promise<Scope> {
  const { db } = ctx.database;
  const rootId = orgId ?? actor.orgId;
  if (!(await scopeOf(db, actor)).has(rootId)) throw forbidden('查看该机构的评先评优名单（只能查看本中心及下级中心）');
  const orgs = await listOrgs(db);
  const root = orgs.find((o) => o.id === rootId);
  if (!root) throw notFound('该机构');
  const ids = [...subtreeIds(orgs.map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })), root.id)];
  const results = await closedMonthlyResults(db, ids, yearMonths(year));
  // village rooms have windows too, but take part only when the assessment scores them (they then have results)
  const levelOf = new Map(orgs.map((o) => [o.id, o.level]));
  const withWindows = (await listWindows(db, ids)).filter((w) => w.active === 1 && levelOf.get(w.org_id) !== 'village').map((w) => w.org_id);
  const taking = new Set([...withWindows, ...results.map((r) => r.orgId)]);
  const centerName = new Map(orgs.map((o) => [o.id, o.center_name]));
  // in the tree's order (listOrgs is by code)
  const centers = orgs.filter((o) => ids.includes(o.id) && taking.has(o.id)).map((o) => ({ orgId: o.id, name: o.center_name }));
  return {
    root: { orgId: root.id, name: root.name, centerName: root.center_name, level: root.level },
    centers,
    centerName,
    results,
    settings: await awardSettings(db),
  };
}

function common(ctx: AppContext, scope: Scope, months: string[], c: Coverage & { complete: boolean }) {
  const now = ctx.clock();
  const thisMonth = localDate(now, ctx.config.timeZone).slice(0, 7);
  return {
    scope: { ...scope.root, centers: scope.centers },
    settings: scope.settings,
    months,
    held: c.held,
    missing: c.missing.map((m) => ({ month: m.month, centers: m.centers, notOver: m.month >= thisMonth })),
    complete: c.complete,
    generatedAt: now.toISOString(),
  };
}

/** The quarter of last month on the center's clock: what the page shows unless asked. */
export const lastQuarter = (ctx: AppContext): string => {
  const month = addMonths(localDate(ctx.clock(), ctx.config.timeZone).slice(0, 7), -1);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
};
export const lastYear = (ctx: AppContext): number => Number(addMonths(localDate(ctx.clock(), ctx.config.timeZone).slice(0, 7), -1).slice(0, 4));

export async function quarterlyAward(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; quarter?: string | undefined }): Promise<QuarterlyAward> {
  const quarter = query.quarter ?? lastQuarter(ctx);
  const scope = await loadScope(ctx, actor, query.orgId, Number(quarter.slice(0, 4)));
  const award = quarterlyFlags(quarter, scope.centers, scope.results, scope.settings);
  return {
    ...common(ctx, scope, award.months, award),
    quarter,
    top: award.top,
    times: award.times,
    required: award.required,
    entries: award.entries.map((e) => ({ ...e, orgName: scope.centerName.get(e.orgId) ?? '' })),
  };
}

export async function yearlyAward(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; year?: number | undefined }): Promise<YearlyAward> {
  const year = query.year ?? lastYear(ctx);
  const scope = await loadScope(ctx, actor, query.orgId, year);
  const award = yearlyModels(year, scope.centers, scope.results, scope.settings);
  return {
    ...common(ctx, scope, award.months, award),
    year,
    top: award.top,
    required: award.required,
    entries: award.entries.map((e) => ({ ...e, orgName: scope.centerName.get(e.orgId) ?? '' })),
  };
}

export async function tierList(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; year?: number | undefined }): Promise<TierList> {
  const year = query.year ?? lastYear(ctx);
  const scope = await loadScope(ctx, actor, query.orgId, year);
  const people = [...new Set(scope.results.filter((r) => r.subjectKind === 'person').map((r) => r.subjectId))];
  const tz = ctx.config.timeZone;
  const serviceStart = await serviceStartsOf(ctx.database.db, people, (at) => localDate(at, tz));
  const list = yearTiers({ year, centers: scope.centers, results: scope.results, serviceStart, settings: scope.settings });
  return {
    ...common(ctx, scope, list.months, list),
    year,
    counted: list.counted,
    places: list.places,
    sizes: list.sizes,
    serviceCutoff: list.serviceCutoff,
    entries: list.entries.map((e) => ({ ...e, orgName: scope.centerName.get(e.orgId) ?? '' })),
  };
}
