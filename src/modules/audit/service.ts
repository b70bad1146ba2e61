import { auditActionName } from '../../domain/audit.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { zonedInstant } from '../../domain/calendar/office-hours.js';
import { fromJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { describeEntries } from './describe.js';
import * as repo from './repo.js';

export interface AuditQuery {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  page?: number;
  pageSize?: number;
}

/** The filter of a query: its dates are local days of the deployment, `to` included. */
export function auditFilter(ctx: AppContext, query: AuditQuery): repo.AuditFilter {
  const tz = ctx.config.timeZone;
  return {
    ...(query.from && { from: zonedInstant(query.from, '00:00', tz).toISOString() }),
    ...(query.to && { to: zonedInstant(addCalendarDays(query.to, 1), '00:00', tz).toISOString() }),
    ...(query.userId && { userId: query.userId }),
    ...(query.action && { action: query.action }),
  };
}

/** The audit administrator's reading of the log, newest first. */
export async function listAudit(ctx: AppContext, query: AuditQuery) {
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const { db } = ctx.database;
  const { rows, total } = await repo.listEntries(db, auditFilter(ctx, query), { offset: (page - 1) * pageSize, limit: pageSize });
  const views = rows.map((row) => ({ action: row.action, userId: row.user_id, targetType: row.target_type, targetId: row.target_id, detail: fromJson<unknown>(row.detail, null), at: row.at }));
  const texts = await describeEntries(ctx, db, views);
  return {
    entries: rows.map((row, i) => ({
      id: row.id,
      seq: Number(row.seq),
      at: row.at,
      userId: row.user_id,
      username: row.username ?? null,
      userName: row.user_name ?? null,
      action: row.action,
      actionName: auditActionName(row.action),
      targetType: row.target_type,
      targetId: row.target_id,
      detail: views[i]!.detail,
      detailText: texts[i]!,
      ip: row.ip,
      hash: row.hash,
    })),
    total,
    page,
    pageSize,
  };
}

/** Recomputes the whole chain; the check itself is recorded afterwards (so it does not check its own entry). */
export async function verifyAudit(ctx: AppContext, by: { actor: Actor | null; ip?: string | null }) {
  const result = await repo.verifyChain(ctx.database.db);
  await repo.recordAudit(ctx.database.db, {
    at: ctx.clock(),
    userId: by.actor?.userId ?? null,
    action: 'audit.verify',
    targetType: 'audit',
    detail: result,
    ip: by.ip ?? null,
  });
  return result;
}
