/**
 * One step on a 差评 work order, the same way each time, in ONE transaction: the work order as stored, may the person
 * see it (403), is their copy current (409), does the domain allow the step (403 / 409 / 422); then the change (with
 * the clock of the step owed next, so the light follows), the history step, the step's messages — the outcome SMS
 * to the rater with the signed link after 整改 — and the audit entry last.
 *
 * The rater's rating of the fix comes through the public page with the link's token; it closes the work order and
 * is kept as the rating's second round (评价次数 2, GB/T 39046 表9) in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { FixLevel } from '../../domain/evaluation/levels.js';
import { currentClock, decideWorkOrder, type WorkOrderActor, type WorkOrderCommand, type WorkOrderState, type WorkOrderStatus } from '../../domain/evaluation/work-orders.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson, uniqueViolationTable } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { centerTime } from '../cases/center.js';
import { findCase } from '../cases/repo.js';
import { findOrg } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { publicUrlOf } from '../settings/service.js';
import { fixLink, fixToken, workOrderOfToken } from './work-order-link.js';
import { notifyOutcome } from './work-order-notify.js';
import * as repo from './work-order-repo.js';
import { recordLateWorkOrders } from './work-order-supervision.js';

export function stateOf(row: repo.WorkOrderRow, steps: readonly repo.WorkOrderStepRow[]): WorkOrderState {
  return {
    status: row.status as WorkOrderStatus,
    openedAt: row.opened_at,
    visitDueAt: row.visit_due_at,
    fixDueAt: row.fix_due_at,
    visitedAt: row.visited_at,
    rectifiedAt: row.rectified_at,
    closedAt: row.closed_at,
    fixLevel: row.fix_level as WorkOrderState['fixLevel'],
    version: row.version,
    history: steps.map((s) => ({ action: s.action as WorkOrderCommand['action'], at: s.at, by: s.by_user_id, from: s.from_status as WorkOrderStatus | null, to: s.to_status as WorkOrderStatus, text: s.text, data: fromJson(s.data, {}) })),
  };
}

/** Where a staff member stands on a work order: may see it (their tree), acts for the responsible center. */
export async function staffActorOf(db: Db, actor: Actor, wo: Pick<repo.WorkOrderRow, 'org_id'>): Promise<{ maySee: boolean; actor: WorkOrderActor }> {
  const scope = await scopeOf(db, actor);
  return { maySee: scope.has(wo.org_id), actor: { userId: actor.userId, party: 'center', roles: actor.roles, atResponsibleCenter: actor.orgId === wo.org_id } };
}

interface Done {
  trx: Db;
  before: repo.WorkOrderRow;
  after: repo.WorkOrderRow;
  now: Date;
}

/** Applies a decided step to the stored work order; the caller has checked access and the version. */
async function apply(trx: Db, ctx: AppContext, row: repo.WorkOrderRow, command: WorkOrderCommand, actor: WorkOrderActor, now: Date, userId: string | null): Promise<Done> {
  const org = await findOrg(trx, row.org_id);
  if (!org) throw notFound('责任中心');
  const time = await centerTime(trx, org);
  const steps = await repo.workOrderSteps(trx, row.id);
  const decision = decideWorkOrder(stateOf(row, steps), command, { now, actor, clock: time });
  if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
  const { workOrder: next, step } = decision;
  const clock = currentClock(next, time);
  const at = now.toISOString();
  const patch = {
    status: next.status,
    visited_at: next.visitedAt,
    rectified_at: next.rectifiedAt,
    closed_at: next.closedAt,
    fix_level: next.fixLevel,
    due_at: clock?.dueAt ?? null,
    yellow_at: clock?.yellowAt ?? null,
    // a new step starts without warnings; the same step keeps what was sent
    warned: next.status === row.status ? row.warned : null,
    updated_at: at,
    ...(command.action === 'visit' && { finding: command.finding }),
    ...(command.action === 'rectify' && { outcome: command.outcome.trim() }),
  };
  if (!(await repo.updateWorkOrder(trx, row.id, row.version, patch))) throw versionConflict();
  await repo.insertWorkOrderStep(trx, { id: randomUUID(), work_order_id: row.id, seq: steps.length + 1, action: step.action, at, by_user_id: userId, from_status: step.from, to_status: step.to, text: step.text, data: toJson(step.data) });
  const after = { ...row, ...patch, version: row.version + 1 };
  if (command.action === 'rectify') {
    const c = await findCase(trx, row.case_id);
    if (c?.applicant_phone) {
      const link = fixLink((await publicUrlOf(trx, ctx.config)).url, await fixToken(trx, row.id, now));
      await notifyOutcome(trx, after, c.applicant_phone, org.center_name, command.outcome.trim(), link, now);
    }
  }
  return { trx, before: row, after, now };
}

export type StaffCommand = Extract<WorkOrderCommand, { action: 'visit' | 'rectify' | 'close' }>;

/** 回访核实, 整改反馈, 办结 by the responsible center (expectedVersion: 409 when stale). */
export async function actOnWorkOrder(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: StaffCommand): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findWorkOrder(trx, id);
    if (!row) throw notFound('该整改工单');
    const who = await staffActorOf(trx, actor, row);
    if (!who.maySee) throw forbidden('办理该整改工单（工单不属于您所在的中心）');
    if (row.version !== expectedVersion) throw versionConflict();
    const done = await apply(trx, ctx, row, command, who.actor, now, actor.userId);
    // a visit or rectification done after its limit: JC-12 / JC-13 (the sweep records the ones never done)
    if (command.action !== 'close') await recordLateWorkOrders(trx, [done.after], now, ctx.config.timeZone);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: `workOrder.${command.action}`, targetType: 'rating_work_order', targetId: id, detail: { workOrderNo: row.work_order_no, status: done.after.status } });
  });
}

/** An upheld appeal cancels the rating's work order (in the appeal's transaction); nothing when it has none or it ended. */
export async function cancelWorkOrderOf(trx: Db, ctx: AppContext, ratingId: string, reason: string, now: Date): Promise<void> {
  const row = await repo.findWorkOrderByRating(trx, ratingId);
  if (!row || row.status === 'closed' || row.status === 'cancelled') return;
  await apply(trx, ctx, row, { action: 'cancel', reason }, { userId: null, party: 'system', roles: [], atResponsibleCenter: false }, now, null);
}

/** What the public fix page shows for a token: the case, the outcome told, whether it can still be rated. */
export async function fixPage(ctx: AppContext, token: string) {
  const now = ctx.clock();
  const db = ctx.database.db;
  const id = await workOrderOfToken(db, token, now);
  const row = id ? await repo.findWorkOrder(db, id) : undefined;
  if (!row || row.rectified_at === null) throw notFound('该整改结果（链接不正确或已失效）');
  const org = await findOrg(db, row.org_id);
  return {
    caseNo: row.case_no,
    itemName: row.item_name,
    centerName: org?.center_name ?? '',
    outcome: row.outcome ?? '',
    rectifiedAt: row.rectified_at,
    canRate: row.status === 'awaiting_feedback',
    fixLevel: row.fix_level as FixLevel | null,
  };
}

/** The rater rates the fix by the link: closes the work order and keeps the rating as round 2, once. */
export async function rateFix(ctx: AppContext, token: string, level: FixLevel, comment: string | undefined): Promise<void> {
  const now = ctx.clock();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const id = await workOrderOfToken(trx, token, now);
      const row = id ? await repo.findWorkOrder(trx, id) : undefined;
      if (!row) throw notFound('该整改工单（链接不正确或已失效）');
      if (row.status === 'closed' && row.fix_level !== null) throw new DomainError('WORK_ORDER_FIX_RATED', '您已经评价过整改结果了，每次整改只能评价一次。感谢您的评价！', undefined, 409);
      await apply(trx, ctx, row, { action: 'rate-fix', level, comment }, { userId: null, party: 'rater', roles: [], atResponsibleCenter: false }, now, null);
      const first = await repo.findRating(trx, row.rating_id);
      if (first) {
        await repo.insertRating(trx, {
          ...first,
          id: randomUUID(),
          level,
          comment: comment?.trim() || null,
          channel: 'sms',
          round: 2,
          entered_by: null,
          pad_id: null,
          is_default: 0,
          rated_at: now.toISOString(),
          created_at: now.toISOString(),
          idempotency_key: null,
          excluded_at: null,
          excluded_by: null,
          excluded_reason: null,
          appeal_id: null,
          version: 1,
        });
      }
      await recordAudit(trx, { at: now, userId: null, action: 'workOrder.rate-fix', targetType: 'rating_work_order', targetId: row.id, detail: { workOrderNo: row.work_order_no, level } });
    });
  } catch (error) {
    if (uniqueViolationTable(error) !== null) throw new DomainError('WORK_ORDER_FIX_RATED', '您已经评价过整改结果了，每次整改只能评价一次。感谢您的评价！', undefined, 409);
    throw error;
  }
}
