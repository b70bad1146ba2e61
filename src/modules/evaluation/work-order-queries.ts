/** Reading 差评 work orders and appeals as the API shows them (lights against the clock, names, the timeline). */
import { APPEAL_ACTIONS, APPEAL_REASON_NAMES, APPEAL_STATUS_NAMES, allowedAppealActions, type AppealReason, type AppealStatus } from '../../domain/evaluation/appeals.js';
import { LEVEL_NAMES, type FixLevel, type Level } from '../../domain/evaluation/levels.js';
import {
  VISIT_FINDING_NAMES,
  WORK_ORDER_ACTION_NAMES,
  WORK_ORDER_STATUS_NAMES,
  allowedWorkOrderActions,
  lightAt,
  stepLate,
  type VisitFinding,
  type WorkOrderAction,
  type WorkOrderActor,
  type WorkOrderStatus,
} from '../../domain/evaluation/work-orders.js';
import { fromJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';
import * as repo from './work-order-repo.js';

const levelName = (l: string) => LEVEL_NAMES[l as Level] ?? l;

export function summaryOf(w: repo.WorkOrderRow, now: Date) {
  return {
    id: w.id,
    workOrderNo: w.work_order_no,
    status: w.status,
    statusName: WORK_ORDER_STATUS_NAMES[w.status as WorkOrderStatus] ?? w.status,
    visitDueAt: w.visit_due_at,
    fixDueAt: w.fix_due_at,
    visitedAt: w.visited_at,
    rectifiedAt: w.rectified_at,
    light: w.due_at && w.yellow_at ? lightAt({ dueAt: w.due_at, yellowAt: w.yellow_at }, now) : null,
    fixLevel: w.fix_level,
  };
}

/** The work orders of these ratings, by rating id (for the evaluation list: a 差评 carries its work order). */
export async function workOrdersOf(db: Db, ratingIds: readonly string[], now: Date) {
  return new Map((await repo.workOrdersByRatings(db, ratingIds)).map((w) => [w.rating_id, summaryOf(w, now)]));
}

/** The appeals of these ratings, by rating id (status and decision: an excluded rating shows why). */
export async function appealsOf(db: Db, ratingIds: readonly string[]) {
  return new Map(
    (await repo.appealsByRatings(db, ratingIds)).map((a) => [a.rating_id, { id: a.id, status: a.status, statusName: APPEAL_STATUS_NAMES[a.status as AppealStatus] ?? a.status, decision: a.decision, decidedAt: a.decided_at }]),
  );
}

async function present(db: Db, actor: Actor, rows: repo.WorkOrderRow[], now: Date) {
  const [orgs, windows, people] = await Promise.all([orgsByIds(db, rows.map((r) => r.org_id)), windowsByIds(db, rows.map((r) => r.window_id)), peopleByIds(db, rows.map((r) => r.person_id))]);
  return rows.map((w) => {
    const who: WorkOrderActor = { userId: actor.userId, party: 'center', roles: actor.roles, atResponsibleCenter: actor.orgId === w.org_id };
    return {
      ...summaryOf(w, now),
      ratingId: w.rating_id,
      caseId: w.case_id,
      caseNo: w.case_no,
      orgId: w.org_id,
      orgName: orgs.get(w.org_id)?.center_name ?? '',
      windowId: w.window_id,
      windowName: w.window_id ? (windows.get(w.window_id)?.name ?? null) : null,
      personId: w.person_id,
      personName: w.person_id ? (people.get(w.person_id)?.name ?? null) : null,
      itemCode: w.item_code,
      itemName: w.item_name,
      level: w.level,
      levelName: levelName(w.level),
      openedAt: w.opened_at,
      closedAt: w.closed_at,
      dueAt: w.due_at,
      finding: w.finding,
      findingName: w.finding ? (VISIT_FINDING_NAMES[w.finding as VisitFinding] ?? w.finding) : null,
      outcome: w.outcome,
      fixLevelName: w.fix_level ? (LEVEL_NAMES[w.fix_level as FixLevel] ?? w.fix_level) : null,
      visitLate: w.status === 'cancelled' && w.visited_at === null ? false : stepLate(w.visit_due_at, w.visited_at, now),
      fixLate: w.status === 'cancelled' && w.rectified_at === null ? false : stepLate(w.fix_due_at, w.rectified_at, now),
      version: w.version,
      allowedActions: actor.roles.some((r) => ['director', 'leader', 'clerk'].includes(r)) ? allowedWorkOrderActions(w as { status: WorkOrderStatus }, who).filter((a) => a !== 'rate-fix') : ([] as WorkOrderAction[]),
    };
  });
}

export async function listWorkOrdersFor(ctx: AppContext, actor: Actor, q: { orgId?: string | undefined; status?: string | undefined; light?: 'green' | 'yellow' | 'red' | undefined; page?: number | undefined; pageSize?: number | undefined }) {
  const db = ctx.database.db;
  const now = ctx.clock();
  const scope = await scopeOf(db, actor);
  if (q.orgId && !scope.has(q.orgId)) throw forbidden('查看该中心的整改工单');
  const orgIds = q.orgId ? [...(await scopeOf(db, { ...actor, orgId: q.orgId }))] : [...scope];
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.listWorkOrders(db, { orgIds, status: q.status, light: q.light, now: now.toISOString() }, { offset: ((q.page ?? 1) - 1) * pageSize, limit: pageSize });
  return { workOrders: await present(db, actor, rows, now), total };
}

async function presentAppeals(db: Db, actor: Actor, rows: repo.AppealRow[]) {
  const [orgs, people, scope] = await Promise.all([orgsByIds(db, rows.map((a) => a.org_id)), peopleByIds(db, rows.flatMap((a) => [a.requested_by, a.decided_by])), scopeOf(db, actor)]);
  const ratings = new Map<string, repo.RatingRow>();
  for (const a of rows) {
    const r = await repo.findRating(db, a.rating_id);
    if (r) ratings.set(a.rating_id, r);
  }
  return rows.map((a) => {
    const r = ratings.get(a.rating_id);
    return {
      id: a.id,
      ratingId: a.rating_id,
      caseNo: a.case_no,
      orgId: a.org_id,
      orgName: orgs.get(a.org_id)?.center_name ?? '',
      reason: a.reason,
      reasonName: APPEAL_REASON_NAMES[a.reason as AppealReason] ?? a.reason,
      evidence: a.evidence,
      status: a.status,
      statusName: APPEAL_STATUS_NAMES[a.status as AppealStatus] ?? a.status,
      requestedByName: people.get(a.requested_by)?.name ?? '',
      requestedAt: a.requested_at,
      decision: a.decision,
      decidedByName: a.decided_by ? (people.get(a.decided_by)?.name ?? null) : null,
      decidedAt: a.decided_at,
      version: a.version,
      allowedActions: allowedAppealActions(
        { status: a.status as AppealStatus },
        { userId: actor.userId, roles: actor.roles, atRatedCenter: actor.orgId === a.org_id, coversCenter: scope.has(a.org_id) },
      ).filter((x) => x !== 'request' && APPEAL_ACTIONS.includes(x)),
      rating: r ? { level: r.level, levelName: levelName(r.level), comment: r.comment, ratedAt: r.rated_at, excludedAt: r.excluded_at } : null,
    };
  });
}

export async function getWorkOrder(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const now = ctx.clock();
  const row = await repo.findWorkOrder(db, id);
  if (!row) throw notFound('该整改工单');
  if (!(await scopeOf(db, actor)).has(row.org_id)) throw forbidden('查看该整改工单（工单不属于您所在的中心或其下级）');
  const [base] = await present(db, actor, [row], now);
  const steps = await repo.workOrderSteps(db, id);
  const people = await peopleByIds(db, steps.map((s) => s.by_user_id));
  const rating = await repo.findRating(db, row.rating_id);
  const appealRow = await repo.findAppealByRating(db, row.rating_id);
  const [appeal] = appealRow ? await presentAppeals(db, actor, [appealRow]) : [null];
  return {
    ...base!,
    rating: rating
      ? { id: rating.id, level: rating.level, levelName: levelName(rating.level), comment: rating.comment, channel: rating.channel, ratedAt: rating.rated_at, excludedAt: rating.excluded_at, excludedReason: rating.excluded_reason }
      : null,
    appeal: appeal ?? null,
    events: steps.map((s) => ({
      at: s.at,
      type: s.action,
      typeName: WORK_ORDER_ACTION_NAMES[s.action as WorkOrderAction] ?? s.action,
      byName: s.by_user_id ? (people.get(s.by_user_id)?.name ?? null) : s.action === 'rate-fix' ? '评价人' : '系统',
      fromStatus: s.from_status,
      toStatus: s.to_status,
      text: s.text,
      data: fromJson<Record<string, string | null>>(s.data, {}),
    })),
  };
}

export async function listAppealsFor(ctx: AppContext, actor: Actor, q: { status?: string | undefined; page?: number | undefined; pageSize?: number | undefined }) {
  const db = ctx.database.db;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.listAppeals(db, [...(await scopeOf(db, actor))], q.status, { offset: ((q.page ?? 1) - 1) * pageSize, limit: pageSize });
  return { appeals: await presentAppeals(db, actor, rows), total };
}

export async function getAppeal(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const a = await repo.findAppeal(db, id);
  if (!a || !(await scopeOf(db, actor)).has(a.org_id)) throw notFound('该申诉');
  return (await presentAppeals(db, actor, [a]))[0]!;
}
