/**
 * GET /api/evaluations: the ratings the viewer may see — their center and, for the director, leader and supervisor,
 * the centers below (scopeOf) — filtered and paged in SQL. Each carries who keyed it in (paper) and, once the
 * work-order helper's function exists, the 差评's work order (null until then).
 */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import { RATING_CHANNEL_NAMES, type RatingChannel } from '../../domain/evaluation/channels.js';
import { LEVEL_NAMES, type Level } from '../../domain/evaluation/levels.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './repo.js';
import { appealsOf, workOrdersOf } from './work-order-queries.js';

export interface EvaluationQuery {
  orgId?: string | undefined;
  windowId?: string | undefined;
  level?: Level | undefined;
  channel?: RatingChannel | undefined;
  caseId?: string | undefined;
  /** local dates YYYY-MM-DD, both included */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** What the viewer may see: a clerk his own center only; the others their scope. */
export async function ratingScope(ctx: AppContext, actor: Actor): Promise<string[]> {
  const onlyClerk = actor.roles.every((r) => r === 'clerk' || r === 'agent');
  if (onlyClerk) return [actor.orgId];
  return [...(await scopeOf(ctx.database.db, actor))];
}

/** 00:00 of a local date in the center's time zone. */
const zonedInstantIso = (date: string, tz: string) => zonedInstant(date, '00:00', tz).toISOString();

export async function filterOf(ctx: AppContext, actor: Actor, q: EvaluationQuery): Promise<repo.RatingFilter> {
  const orgIds = await ratingScope(ctx, actor);
  if (q.orgId && !orgIds.includes(q.orgId)) throw forbidden('查看该中心的评价记录');
  const tz = ctx.config.timeZone;
  return {
    orgIds,
    orgId: q.orgId,
    windowId: q.windowId,
    level: q.level,
    channel: q.channel,
    caseId: q.caseId,
    from: q.from ? zonedInstantIso(q.from, tz) : undefined,
    to: q.to ? zonedInstantIso(addCalendarDays(q.to, 1), tz) : undefined,
  };
}

export async function listEvaluations(ctx: AppContext, actor: Actor, q: EvaluationQuery) {
  const { db } = ctx.database;
  const f = await filterOf(ctx, actor, q);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([repo.listRatings(db, f, { offset: (page - 1) * pageSize, limit: pageSize }), repo.countRatings(db, f)]);
  return { evaluations: await presentRatings(ctx, rows), total };
}

export async function presentRatings(ctx: AppContext, rows: repo.RatingRow[]) {
  const { db } = ctx.database;
  const [orgs, windows, people] = await Promise.all([
    orgsByIds(db, rows.map((r) => r.org_id)),
    windowsByIds(db, rows.map((r) => r.window_id)),
    peopleByIds(db, rows.flatMap((r) => [r.person_id, r.entered_by])),
  ]);
  const [workOrders, appeals] = await Promise.all([workOrdersOf(db, rows.map((r) => r.id), ctx.clock()), appealsOf(db, rows.map((r) => r.id))]);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    orgId: r.org_id,
    centerName: orgs.get(r.org_id)?.center_name ?? '',
    windowId: r.window_id,
    windowName: r.window_id ? (windows.get(r.window_id)?.name ?? null) : null,
    person: r.person_id ? { id: r.person_id, name: people.get(r.person_id)?.name ?? null } : null,
    itemCode: r.item_code,
    itemName: r.item_name,
    level: r.level as Level,
    levelName: LEVEL_NAMES[r.level as Level] ?? r.level,
    comment: r.comment,
    channel: r.channel as RatingChannel,
    channelName: RATING_CHANNEL_NAMES[r.channel as RatingChannel] ?? r.channel,
    round: r.round,
    isDefault: r.is_default === 1,
    enteredBy: r.entered_by ? { id: r.entered_by, name: people.get(r.entered_by)?.name ?? null } : null,
    ratedAt: r.rated_at,
    createdAt: r.created_at,
    excluded: r.excluded_at ? { at: r.excluded_at, reason: r.excluded_reason } : null,
    workOrder: workOrders.has(r.id) ? { ...workOrders.get(r.id)!, appeal: appeals.get(r.id) ?? null } : null,
    version: r.version,
  }));
}
