/**
 * 签到、签退 and the month's attendance table (issue 12 §4). The time is the server's clock; the day and the
 * judgement (late, early leave) follow the center's zone, office hours and working calendar.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { isWeekend, isWorkingDay, type IsoDate, type WorkingCalendar } from '../../domain/calendar/calendar.js';
import { localDate, localTime, type OfficeHours } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { hasPermission, ROLE_NAMES, type Role } from '../../domain/roles.js';
import { judgeSignIn, judgeSignOut, monthAttendance, monthBounds, officeSpan, type MonthAttendance } from '../../domain/staff/attendance.js';
import { LEAVE_KINDS, type Half, type LeaveKind } from '../../domain/staff/leave.js';
import { fromBool, fromJson, toBool } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import { assertInScope } from '../orgs/service.js';
import { listUsers } from '../users/repo.js';
import { allowedFrom, networksOf, plainAddress } from './network.js';
import * as repo from './repo.js';

/** Whose attendance a center keeps: the people who run it, work its windows, or receive petitions. */
export const ATTENDING_ROLES: readonly Role[] = ['director', 'leader', 'clerk', 'agent', 'petition'];

/** A working day by the calendar; a year not loaded falls back to Monday–Friday rather than failing a sign-in. */
export function workingDayOf(cal: WorkingCalendar, day: IsoDate): boolean {
  try {
    return isWorkingDay(cal, day);
  } catch {
    return !isWeekend(day);
  }
}

const hoursOf = (org: OrgsTable): OfficeHours => fromJson<OfficeHours>(org.office_hours, { sessions: [] });

export const presentRecord = (r: repo.AttendanceRow | undefined, tz: string) =>
  r
    ? {
        day: r.day,
        workingDay: toBool(r.working_day),
        signInAt: r.sign_in_at,
        signInTime: localTime(new Date(r.sign_in_at), tz),
        late: toBool(r.late),
        minutesLate: r.minutes_late,
        signOutAt: r.sign_out_at,
        signOutTime: r.sign_out_at ? localTime(new Date(r.sign_out_at), tz) : null,
        early: toBool(r.early),
        minutesEarly: r.minutes_early,
      }
    : null;

async function centerOf(db: Db, orgId: string) {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该中心');
  return org;
}

/** GET /api/attendance/today: today's record of the person, the office hours, and whether this address may sign. */
export async function attendanceToday(ctx: AppContext, actor: Actor, ip: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const org = await centerOf(db, actor.orgId);
  const tz = org.time_zone;
  const day = localDate(now, tz);
  const networks = await networksOf(db, org.id);
  return {
    day,
    now: now.toISOString(),
    workingDay: workingDayOf(await loadCalendar(db, 'recent'), day),
    officeHours: officeSpan(hoursOf(org)),
    record: presentRecord(await repo.findRecord(db, actor.userId, day), tz),
    networkRestricted: networks.length > 0,
    fromAllowedNetwork: allowedFrom(ip, networks),
    address: plainAddress(ip),
  };
}

async function assertNetwork(db: Db, orgId: string, ip: string): Promise<void> {
  if (allowedFrom(ip, await networksOf(db, orgId))) return;
  throw new DomainError(
    'NOT_FROM_CENTER_NETWORK',
    `签到、签退只能在中心的办公网络内进行，您现在的网络地址（${plainAddress(ip)}）不在中心设置的范围内。请连接中心的办公网络后再试；如中心网络有变动，请中心主任在“考勤签到”页调整签到网络。`,
    undefined,
    403,
  );
}

/** Where and when a sign-in or sign-out happens: the person's center (from its network, when it says so), now, its day. */
async function punchAt(ctx: AppContext, actor: Actor, ip: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const org = await centerOf(db, actor.orgId);
  await assertNetwork(db, org.id, ip);
  return { db, now, org, tz: org.time_zone, day: localDate(now, org.time_zone) };
}

/** 签到: once per day; a second try is answered with the first time (409), never a second record. */
export async function signIn(ctx: AppContext, actor: Actor, ip: string) {
  const { db, now, org, tz, day } = await punchAt(ctx, actor, ip);
  const working = workingDayOf(await loadCalendar(db, 'recent'), day);
  const judged = judgeSignIn(hoursOf(org), localTime(now, tz), working);
  const already = (r: repo.AttendanceRow) =>
    new DomainError('ALREADY_SIGNED_IN', `您今天 ${localTime(new Date(r.sign_in_at), tz)} 已经签到，不用重复签到。下班离开时请点“签退”。`, undefined, 409);
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await repo.findRecord(trx, actor.userId, day);
      if (existing) throw already(existing);
      const at = now.toISOString();
      await repo.insertRecord(trx, {
        id: randomUUID(),
        org_id: org.id,
        user_id: actor.userId,
        day,
        working_day: fromBool(working),
        sign_in_at: at,
        sign_in_ip: plainAddress(ip),
        late: fromBool(judged.late),
        minutes_late: judged.minutesLate,
        sign_out_at: null,
        sign_out_ip: null,
        early: 0,
        minutes_early: 0,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'attendance.signIn', targetType: 'user', targetId: actor.userId, detail: { day, late: judged.late } });
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // two clicks at the same moment: the other one's record won the unique index
    const stored = await repo.findRecord(db, actor.userId, day);
    if (stored) throw already(stored);
    throw error;
  }
  return presentRecord(await repo.findRecord(db, actor.userId, day), tz)!;
}

/** 签退: after signing in; signing out again later moves the time (the last one counts). */
export async function signOut(ctx: AppContext, actor: Actor, ip: string) {
  const { db, now, org, tz, day } = await punchAt(ctx, actor, ip);
  await db.transaction().execute(async (trx) => {
    const record = await repo.findRecord(trx, actor.userId, day);
    if (!record) {
      throw new DomainError('NOT_SIGNED_IN', '您今天还没有签到，不能签退。上班时忘记签到的，请向中心主任说明情况。', undefined, 409);
    }
    const judged = judgeSignOut(hoursOf(org), localTime(now, tz), toBool(record.working_day));
    await repo.updateRecord(trx, record.id, {
      sign_out_at: now.toISOString(),
      sign_out_ip: plainAddress(ip),
      early: fromBool(judged.early),
      minutes_early: judged.minutesEarly,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'attendance.signOut', targetType: 'user', targetId: actor.userId, detail: { day, early: judged.early } });
  });
  return presentRecord(await repo.findRecord(db, actor.userId, day), tz)!;
}

export interface PersonMonth extends MonthAttendance {
  userId: string;
  name: string;
  post: string;
}

export interface CenterMonth {
  orgId: string;
  orgName: string;
  month: string;
  /** working days of the calendar in the month */
  workingDays: number;
  /** absence is judged for days before this one */
  judgedBefore: IsoDate;
  people: PersonMonth[];
}

/**
 * The month's attendance of a center's staff, one row per person (for the console table, its export and the
 * assessment of issue 13): days attended, late, early leave, leave days by kind, and 缺勤 — working days before
 * today with neither a sign-in nor any approved leave. `now` (the app's clock, from the caller) decides "today".
 */
export async function attendanceOfMonth(db: Db, orgId: string, month: string, now: Date): Promise<CenterMonth> {
  const org = await centerOf(db, orgId);
  const cal = await loadCalendar(db, 'recent');
  const isWorking = (d: IsoDate) => workingDayOf(cal, d);
  const { first, last } = monthBounds(month);
  const today = localDate(now, org.time_zone);
  const [users, records, leaves] = await Promise.all([listUsers(db, [orgId]), repo.recordsOfOrg(db, orgId, first, last), repo.approvedLeavesBetween(db, orgId, first, last)]);
  let workingDays = 0;
  for (let d = first; d <= last; d = addDay(d)) if (isWorking(d)) workingDays++;
  const people: PersonMonth[] = [];
  for (const u of users) {
    const roles = fromJson<Role[]>(u.roles, []);
    const role = ATTENDING_ROLES.find((r) => roles.includes(r));
    if (!toBool(u.active) || !role) continue;
    const figures = monthAttendance({
      month,
      isWorking,
      today,
      records: records.filter((r) => r.user_id === u.id).map((r) => ({ day: r.day, late: toBool(r.late), early: toBool(r.early) })),
      leaves: leaves
        .filter((l) => l.user_id === u.id)
        .map((l) => ({ kind: l.kind as LeaveKind, fromDate: l.from_date, fromHalf: l.from_half as Half, toDate: l.to_date, toHalf: l.to_half as Half })),
    });
    people.push({ userId: u.id, name: u.name, post: ROLE_NAMES[role], ...figures });
  }
  people.sort((a, b) => ATTENDING_ROLES.indexOf(roleOfName(a.post)) - ATTENDING_ROLES.indexOf(roleOfName(b.post)) || a.name.localeCompare(b.name, 'zh-CN'));
  return { orgId, orgName: org.center_name || org.name, month, workingDays, judgedBefore: today, people };
}

const roleOfName = (post: string): Role => (Object.entries(ROLE_NAMES).find(([, n]) => n === post)?.[0] ?? 'clerk') as Role;
const addDay = (d: IsoDate): IsoDate => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/** GET /api/attendance/month: the center's table for the director and the leader; anyone else sees their own row. */
export async function monthTable(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string) {
  const { db } = ctx.database;
  const id = orgId ?? actor.orgId;
  const all = hasPermission(actor.roles, 'attendance.view');
  if (id !== actor.orgId) {
    if (!all) throw forbidden('查看其他中心的考勤');
    await assertInScope(db, actor, id);
  }
  const table = await attendanceOfMonth(db, id, month, ctx.clock());
  return { ...table, canViewAll: all, people: all ? table.people : table.people.filter((p) => p.userId === actor.userId) };
}

/** 考勤统计 as an Excel workbook: one row per person, leave days per kind in their own columns. */
export async function monthWorkbook(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string): Promise<{ buffer: Buffer; name: string }> {
  const table = await monthTable(ctx, actor, orgId, month);
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet(`${month} 考勤`, { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = ['姓名', '岗位', '出勤天数', '迟到（次）', '早退（次）', ...LEAVE_KINDS.map((k) => `${k}（天）`), '请假合计（天）', '缺勤（天）', '缺勤日期'];
  sheet.addRow([`${table.orgName} ${month.slice(0, 4)}年${Number(month.slice(5, 7))}月考勤统计（本月工作日 ${table.workingDays} 天，缺勤统计至 ${table.judgedBefore} 前）`]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow(headers).font = { bold: true };
  for (const p of table.people) {
    sheet.addRow([p.name, p.post, p.attendedDays, p.late, p.early, ...LEAVE_KINDS.map((k) => p.leaveDays[k]), p.leaveTotal, p.absentDays, p.absentDates.map((d) => d.slice(5)).join('、')]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 12 : i === 1 ? 14 : i === headers.length - 1 ? 40 : 10));
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), name: `${table.orgName}${month}考勤统计.xlsx` };
}
