/** Reading notices: a center's list and one notice with its versions (staff), and what the public sees today. */
import { localDate } from '../../domain/calendar/office-hours.js';
import type { NoticeDetail, NoticeList, PublicNotice } from '../../domain/notices/contract.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg, orgsByIds } from '../orgs/repo.js';
import { assertMayManage, manageableCenters } from './access.js';
import * as repo from './repo.js';
import { presentNotices, presentVersions } from './view.js';

export async function listNotices(ctx: AppContext, actor: Actor, orgId?: string): Promise<NoticeList> {
  const { db } = ctx.database;
  const centerId = orgId ?? actor.orgId;
  await assertMayManage(db, actor, centerId);
  const orgs = await orgsByIds(db, [...(await manageableCenters(db, actor))]);
  const rows = await repo.noticesOf(db, centerId);
  return {
    orgId: centerId,
    orgName: orgs.get(centerId)?.center_name ?? '',
    centers: [...orgs.values()].sort((a, b) => (a.code < b.code ? -1 : 1)).map((o) => ({ id: o.id, name: o.center_name })),
    notices: await presentNotices(db, rows, orgs, ctx.clock()),
  };
}

export async function getNotice(ctx: AppContext, actor: Actor, id: string): Promise<NoticeDetail> {
  const { db } = ctx.database;
  const row = await repo.findNotice(db, id);
  if (!row) throw notFound('该公告');
  await assertMayManage(db, actor, row.org_id);
  const [notice] = await presentNotices(db, [row], await orgsByIds(db, [row.org_id]), ctx.clock());
  return { ...notice!, versions: await presentVersions(db, await repo.versionsOf(db, id)) };
}

/** The notices a center shows the public on its local date today (for the 政务公开 page). */
export async function shownNoticesOf(db: Db, orgId: string, now: Date): Promise<PublicNotice[]> {
  const org = await findOrg(db, orgId);
  if (!org) return [];
  const rows = await repo.shownNotices(db, orgId, localDate(now, org.time_zone));
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, startDate: r.start_date, endDate: r.end_date }));
}
