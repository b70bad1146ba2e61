/**
 * The slot plan of each service and how many days ahead a center publishes (issue 12 §3): the director edits them;
 * a plan is versioned (409 when someone saved meanwhile). Bookings already made keep their places when a plan
 * changes; a smaller capacity only stops new bookings.
 */
import { checkPlan, SLOT_LIMITS, type SlotRange } from '../../domain/hall/slots.js';
import { DomainError } from '../../domain/errors.js';
import { toJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { servicesOf } from '../hall/repo.js';
import { putSetting } from '../settings/repo.js';
import { centerOf, daysAheadKey, daysAheadOf, rangesOf, refused, serviceOf } from './common.js';
import * as repo from './repo.js';

export async function listPlans(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('查看其他中心的预约时段');
  await centerOf(db, id);
  const plans = new Map((await repo.plansOf(db, id)).map((p) => [p.service_id, p]));
  return {
    orgId: id,
    daysAhead: await daysAheadOf(db, id),
    services: (await servicesOf(db, id))
      .filter((s) => s.active === 1)
      .map((s) => ({ serviceId: s.id, serviceName: s.name, code: s.code, ranges: rangesOf(plans.get(s.id)), version: plans.get(s.id)?.version ?? null })),
  };
}

export async function savePlan(ctx: AppContext, actor: Actor, serviceId: string, ranges: SlotRange[], expectedVersion: number | null): Promise<void> {
  const now = ctx.clock();
  const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
  const decision = checkPlan(sorted);
  if (!decision.ok) throw refused(decision);
  await ctx.database.db.transaction().execute(async (trx) => {
    const service = await serviceOf(trx, serviceId);
    if (service.org_id !== actor.orgId) throw forbidden('设置其他中心的预约时段');
    const stored = await repo.findPlan(trx, serviceId);
    const at = now.toISOString();
    if (!stored) {
      if (expectedVersion !== null) throw versionConflict();
      await repo.insertPlan(trx, { service_id: serviceId, org_id: service.org_id, ranges: toJson(sorted), updated_by: actor.userId, updated_at: at, version: 1 });
    } else if (stored.version !== expectedVersion || !(await repo.updatePlan(trx, serviceId, stored.version, { ranges: toJson(sorted), updated_by: actor.userId, updated_at: at }))) {
      throw versionConflict();
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'appointment.plan', targetType: 'hall_service', targetId: serviceId, detail: { orgId: service.org_id, ranges: sorted } });
  });
}

export async function setDaysAhead(ctx: AppContext, actor: Actor, orgId: string | undefined, daysAhead: number): Promise<number> {
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('设置其他中心的预约');
  if (!Number.isInteger(daysAhead) || daysAhead < 1 || daysAhead > SLOT_LIMITS.daysAhead) {
    throw new DomainError('VALIDATION_FAILED', `提前放号天数须是 1 到 ${SLOT_LIMITS.daysAhead} 之间的整数。`, { errors: [{ path: 'daysAhead', message: '天数不对' }] }, 400);
  }
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, daysAheadKey(id), toJson(daysAhead), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'appointment.daysAhead', targetType: 'org', targetId: id, detail: { daysAhead } });
  });
  return daysAhead;
}
