/**
 * A 差评 opens its work order in the rating's own transaction (called from recordRating): for the center, window and
 * person the rating names, with the return visit and rectification deadlines counted on the center's calendar and
 * office hours, the first step of its history, the messages to the director and the responsible person, and the
 * audit entry. Opened once per rating: `rating_id` is unique and a second call finds the first.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { isBadLevel } from '../../domain/evaluation/levels.js';
import { currentClock, daysProblem, decideWorkOrder, DEFAULT_FIX_DAYS, DEFAULT_VISIT_DAYS, workOrderNumber } from '../../domain/evaluation/work-orders.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { centerTime } from '../cases/center.js';
import { findOrg } from '../orgs/repo.js';
import { getSetting, putSetting } from '../settings/repo.js';
import { notifyOpened } from './work-order-notify.js';
import * as repo from './work-order-repo.js';

/** The settings of the work orders: working days for the return visit and the rectification. */
export async function workOrderDays(db: Db): Promise<{ visitDays: number; fixDays: number }> {
  return {
    visitDays: fromJson<number | null>(await getSetting(db, 'ratingVisitDays'), null) ?? DEFAULT_VISIT_DAYS,
    fixDays: fromJson<number | null>(await getSetting(db, 'ratingFixDays'), null) ?? DEFAULT_FIX_DAYS,
  };
}

/** Changes the days (系统管理员): checked by the domain, audited. */
export async function setWorkOrderDays(ctx: AppContext, actor: { userId: string; ip?: string }, days: { visitDays: number; fixDays: number }): Promise<{ visitDays: number; fixDays: number }> {
  const problem = daysProblem(days.visitDays, days.fixDays);
  if (problem) throw new DomainError('WORK_ORDER_INVALID_DAYS', problem);
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, 'ratingVisitDays', toJson(days.visitDays), now.toISOString());
    await putSetting(trx, 'ratingFixDays', toJson(days.fixDays), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.ratingWorkOrderDays', targetType: 'settings', detail: days });
  });
  return days;
}

export async function openWorkOrder(trx: Db, _ctx: AppContext | null, rating: repo.RatingRow, now: Date): Promise<repo.WorkOrderRow | null> {
  if (!isBadLevel(rating.level) || rating.round !== 1 || rating.excluded_at !== null) return null;
  const existing = await repo.findWorkOrderByRating(trx, rating.id);
  if (existing) return existing;
  const org = await findOrg(trx, rating.org_id);
  if (!org) return null;
  const time = await centerTime(trx, org);
  const days = await workOrderDays(trx);
  const decision = decideWorkOrder(null, { action: 'open', ...days }, { now, actor: { userId: null, party: 'system', roles: [], atResponsibleCenter: false }, clock: time });
  if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
  const wo = decision.workOrder;
  const clock = currentClock(wo, time)!;
  const year = Number(localDate(now, org.time_zone).slice(0, 4));
  const seq = await repo.nextWorkOrderSeq(trx, org.id, year);
  const at = now.toISOString();
  const row: repo.WorkOrderRow = {
    id: randomUUID(),
    work_order_no: workOrderNumber(year, seq),
    year,
    seq,
    rating_id: rating.id,
    case_id: rating.case_id,
    case_no: rating.case_no,
    org_id: rating.org_id,
    window_id: rating.window_id,
    person_id: rating.person_id,
    item_code: rating.item_code,
    item_name: rating.item_name,
    level: rating.level,
    status: wo.status,
    opened_at: wo.openedAt,
    visit_due_at: wo.visitDueAt,
    fix_due_at: wo.fixDueAt,
    visited_at: null,
    rectified_at: null,
    closed_at: null,
    finding: null,
    outcome: null,
    fix_level: null,
    due_at: clock.dueAt,
    yellow_at: clock.yellowAt,
    warned: null,
    version: wo.version,
    updated_at: at,
  };
  await repo.insertWorkOrder(trx, row);
  await repo.insertWorkOrderStep(trx, { id: randomUUID(), work_order_id: row.id, seq: 1, action: 'open', at, by_user_id: null, from_status: null, to_status: row.status, text: decision.step.text, data: toJson(decision.step.data) });
  await notifyOpened(trx, row, org.center_name, org.time_zone, now);
  await recordAudit(trx, { at: now, userId: null, action: 'workOrder.open', targetType: 'rating_work_order', targetId: row.id, detail: { workOrderNo: row.work_order_no, ratingId: rating.id, caseNo: rating.case_no } });
  return row;
}
