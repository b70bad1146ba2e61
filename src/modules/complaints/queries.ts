/** Reading complaints: the ledger of the viewer's center (or a supervisor's tree), one complaint with its timeline. */
import { localDate } from '../../domain/calendar/office-hours.js';
import { DEFAULT_COMPLAINT_LIMITS, type ComplaintLimits } from '../../domain/complaints/complaints.js';
import { toJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { putSetting } from '../settings/repo.js';
import * as repo from './repo.js';
import { assertMaySee, complaintViewer, mayHandleHere, limitsOf, LIMITS_KEY, presentComplaintDetail, presentComplaints, visibleOrgIds } from './view.js';

export interface ComplaintQuery {
  orgId?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  light?: 'green' | 'yellow' | 'red' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listComplaints(ctx: AppContext, actor: Actor, query: ComplaintQuery) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const viewer = await complaintViewer(db, actor);
  const filter: repo.ComplaintFilter = {
    orgIds: visibleOrgIds(viewer),
    orgId: query.orgId,
    status: query.status,
    source: query.source,
    light: query.light,
    q: query.q?.trim() || undefined,
    today: localDate(now, ctx.config.timeZone),
  };
  const pageSize = query.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    repo.listComplaints(db, filter, { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize }),
    repo.countComplaints(db, filter),
  ]);
  return { complaints: await presentComplaints(db, viewer, rows, now, ctx.config.timeZone), total };
}

export async function getComplaint(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const c = await repo.findComplaint(db, id);
  if (!c) throw notFound('该投诉');
  const viewer = await complaintViewer(db, actor);
  assertMaySee(viewer, c);
  // every read of a full personal record by staff is logged (ARCHITECTURE.md): those handling it see the phone
  if (mayHandleHere(viewer, c)) await recordAudit(db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'complaint.read', targetType: 'complaint', targetId: id });
  return presentComplaintDetail(db, viewer, c, ctx.clock(), ctx.config.timeZone);
}

export const getComplaintLimits = (ctx: AppContext) => limitsOf(ctx.database.db);

/** The system administrator sets the limits (working days); recorded in the audit log. */
export async function setComplaintLimits(ctx: AppContext, actor: Actor, limits: ComplaintLimits): Promise<ComplaintLimits> {
  const now = ctx.clock();
  const value = { ...DEFAULT_COMPLAINT_LIMITS, ...limits };
  await ctx.database.db.transaction().execute(async (trx) => {
    await putSetting(trx, LIMITS_KEY, toJson(value), now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.complaintLimits', targetType: 'settings', detail: value });
  });
  return value;
}
