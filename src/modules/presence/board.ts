/**
 * 去向公示 (issue 12 §4): every member of a center's staff with their 去向 (在岗/下村/开会/请假/出差), the staff-only
 * note, since when, today's sign-in and a leave under way — for the console board; and the public form of it
 * (GET /api/hall/presence): names, posts and the kind only, never a phone or the note.
 */
import { localDate, localTime } from '../../domain/calendar/office-hours.js';
import { hasPermission, ROLE_NAMES, type Role } from '../../domain/roles.js';
import { periodText, type Half, type LeaveKind } from '../../domain/staff/leave.js';
import { whereaboutsOf, WHEREABOUTS } from '../../domain/transparency/whereabouts.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { assertInScope } from '../orgs/service.js';
import { listUsers } from '../users/repo.js';
import { listWindows } from '../windows/repo.js';
import { ATTENDING_ROLES } from './attendance.js';
import { centerStaffPresence } from './public.js';
import * as repo from './repo.js';

export async function whereaboutsBoard(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) {
    if (!hasPermission(actor.roles, 'attendance.view')) throw forbidden('查看其他中心的人员去向');
    await assertInScope(db, actor, id);
  }
  const org = await findOrg(db, id);
  if (!org) throw notFound('该中心');
  const now = ctx.clock();
  const tz = org.time_zone;
  const today = localDate(now, tz);
  const [users, windows, records, leaves] = await Promise.all([
    listUsers(db, [id]),
    listWindows(db, [id]),
    repo.recordsOfDay(db, id, today),
    repo.approvedLeavesBetween(db, id, today, today),
  ]);
  const active = windows.filter((w) => toBool(w.active));
  const manage = hasPermission(actor.roles, 'windows.manage');
  const people = users
    .filter((u) => toBool(u.active) && fromJson<Role[]>(u.roles, []).some((r) => ATTENDING_ROLES.includes(r)))
    .map((u) => {
      const roles = fromJson<Role[]>(u.roles, []);
      const record = records.find((r) => r.user_id === u.id);
      const leave = leaves.find((l) => l.user_id === u.id && l.applied_at !== null && l.ended_at === null);
      return {
        id: u.id,
        name: u.name,
        post: ROLE_NAMES[ATTENDING_ROLES.find((r) => roles.includes(r))!],
        posts: active.flatMap((w) => [
          ...(w.post_a_user_id === u.id ? [{ windowName: w.name, post: 'A' as const }] : []),
          ...(w.post_b_user_id === u.id ? [{ windowName: w.name, post: 'B' as const }] : []),
        ]),
        whereabouts: whereaboutsOf(toBool(u.away), u.whereabouts),
        note: u.away_reason,
        since: u.away_since,
        signInTime: record ? localTime(new Date(record.sign_in_at), tz) : null,
        signOutTime: record?.sign_out_at ? localTime(new Date(record.sign_out_at), tz) : null,
        late: record ? toBool(record.late) : false,
        leave: leave
          ? { kind: leave.kind as LeaveKind, periodText: periodText({ fromDate: leave.from_date, fromHalf: leave.from_half as Half, toDate: leave.to_date, toHalf: leave.to_half as Half }) }
          : null,
        canSet: manage || u.id === actor.userId,
      };
    })
    .sort((a, b) => WHEREABOUTS.indexOf(a.whereabouts) - WHEREABOUTS.indexOf(b.whereabouts) || a.name.localeCompare(b.name, 'zh-CN'));
  return { orgId: id, orgName: org.center_name || org.name, date: today, canManage: manage, people };
}

/** GET /api/hall/presence?orgId= (public): who the public meets at the center and where they are — the kind only. */
export async function hallPresence(ctx: AppContext, orgId: string) {
  const { db } = ctx.database;
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该便民服务中心');
  const staff = await centerStaffPresence(db, orgId);
  return {
    orgId,
    orgName: org.center_name || org.name,
    date: localDate(ctx.clock(), org.time_zone),
    staff: staff.map((s) => ({ name: s.name, post: ROLE_NAMES[s.role], whereabouts: s.whereabouts })),
  };
}
