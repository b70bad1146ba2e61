/**
 * 领导带班值班表 (issue 12 §5): the director of a center builds a month's roster of leaders on duty (draft), publishes
 * it when every working day has one (src/domain/duty/roster.ts decides), and changes a published one only with a
 * reason, each change recorded (duty_roster_changes). The public reads the published roster as it is now.
 */
import { randomUUID } from 'node:crypto';
import { weekdayName } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { addMonths, MONTH_PATTERN } from '../../domain/calendar/months.js';
import type { PublicRoster, StaffRoster } from '../../domain/duty/contract.js';
import { assertPublishable, assertSavable, rosterProblems, suggestRotation, workingDaysOf, type Assignment } from '../../domain/duty/roster.js';
import { DomainError } from '../../domain/errors.js';
import { ROLE_NAMES, type Role } from '../../domain/roles.js';
import { fromJson, replayOnUniqueViolation, toBool } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import { listUsers, peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

export interface DutyLeader {
  id: string;
  name: string;
  post: string;
}

/** The center's active people who may be on duty: its leaders and director(s), leaders first. */
export async function leadersOf(db: Db, orgId: string): Promise<DutyLeader[]> {
  const people = (await listUsers(db, [orgId])).filter((u) => toBool(u.active)).map((u) => ({ u, roles: fromJson<Role[]>(u.roles, []) }));
  const rank = (roles: Role[]) => (roles.includes('leader') ? 0 : roles.includes('director') ? 1 : 2);
  return people
    .filter((p) => rank(p.roles) < 2)
    .sort((a, b) => rank(a.roles) - rank(b.roles) || (a.u.username < b.u.username ? -1 : 1))
    .map((p) => ({ id: p.u.id, name: p.u.name, post: ROLE_NAMES[p.roles.includes('leader') ? 'leader' : 'director'] }));
}

const badMonth = () => new DomainError('INVALID_MONTH', '月份请按 YYYY-MM 填写，如 2027-01');

/** The center a director manages the roster of: their own (not a village). */
async function managedCenter(db: Db, actor: Actor, orgId?: string) {
  const id = orgId ?? actor.orgId;
  if (id !== actor.orgId) throw forbidden('编排其他中心的带班值班表');
  const org = await findOrg(db, id);
  if (!org) throw notFound('该中心');
  if (org.level === 'village') throw new DomainError('DUTY_NOT_FOR_VILLAGE', '村级服务站不排领导带班值班表，请在“村固定办公日”中设置每周的办公日。');
  return org;
}

export async function getStaffRoster(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string | undefined): Promise<StaffRoster> {
  const { db } = ctx.database;
  const org = await managedCenter(db, actor, orgId);
  const m = month ?? addMonths(localDate(ctx.clock(), org.time_zone).slice(0, 7), 1);
  if (!MONTH_PATTERN.test(m)) throw badMonth();
  const [cal, leaders, roster] = await Promise.all([loadCalendar(db, 'recent'), leadersOf(db, org.id), repo.findRoster(db, org.id, m)]);
  const working = workingDaysOf(cal, m);
  const assigned = roster ? await repo.rosterDays(db, roster.id) : [];
  const byDay = new Map(assigned.map((a) => [a.day, a.user_id]));
  const changes = roster ? await repo.changesOf(db, roster.id) : [];
  const people = await peopleByIds(db, [...assigned.map((a) => a.user_id), ...changes.flatMap((c) => [c.from_user_id, c.to_user_id, c.by_user_id])]);
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? '') : null);
  const problems = rosterProblems(
    working.map((d) => d.date),
    assigned.map((a) => ({ day: a.day, userId: a.user_id })),
    leaders.map((l) => l.id),
  );
  const turns = new Map<string, number>(leaders.map((l) => [l.id, 0]));
  for (const a of assigned) turns.set(a.user_id, (turns.get(a.user_id) ?? 0) + 1);
  return {
    orgId: org.id,
    orgName: org.center_name,
    month: m,
    status: roster?.status ?? 'none',
    id: roster?.id ?? null,
    version: roster?.version ?? null,
    publishedAt: roster?.published_at ?? null,
    days: working.map((d) => ({ ...d, userId: byDay.get(d.date) ?? null, name: nameOf(byDay.get(d.date) ?? null) })),
    leaders,
    uncovered: problems.uncovered,
    turns: [...turns].map(([userId, days]) => ({ userId, name: nameOf(userId) ?? leaders.find((l) => l.id === userId)?.name ?? '', days })),
    changes: changes.map((c) => ({ at: c.at, action: c.action, day: c.day, fromName: nameOf(c.from_user_id), toName: nameOf(c.to_user_id), reason: c.reason, byName: nameOf(c.by_user_id) ?? '' })),
  };
}

/** A fair rotation for the month, continuing after the last leader on duty before it; days already set are kept. */
export async function suggestRoster(ctx: AppContext, actor: Actor, orgId: string | undefined, month: string, keep: Assignment[] = []) {
  const { db } = ctx.database;
  const org = await managedCenter(db, actor, orgId);
  if (!MONTH_PATTERN.test(month)) throw badMonth();
  const [cal, leaders, last] = await Promise.all([loadCalendar(db, 'recent'), leadersOf(db, org.id), repo.lastLeaderBefore(db, org.id, month)]);
  if (leaders.length === 0) throw new DomainError('DUTY_NO_LEADERS', '本中心还没有带班领导或中心主任的账号，请先请系统管理员添加后再排班。');
  const ids = leaders.map((l) => l.id);
  return { month, assignments: suggestRotation(workingDaysOf(cal, month).map((d) => d.date), ids, last?.user_id ?? null, keep.filter((a) => ids.includes(a.userId))) };
}

async function checked(db: Db, orgId: string, month: string, assignments: readonly Assignment[]) {
  const [cal, leaders] = await Promise.all([loadCalendar(db, 'recent'), leadersOf(db, orgId)]);
  const working = workingDaysOf(cal, month).map((d) => d.date);
  return rosterProblems(working, assignments, leaders.map((l) => l.id));
}

export interface SaveDraftInput {
  orgId?: string | undefined;
  month: string;
  assignments: Assignment[];
  /** the draft's version; absent: the month has no roster yet */
  expectedVersion?: number | undefined;
}

/** Saves the month's draft (all its days at once). A published roster is changed day by day with a reason instead. */
export async function saveDraft(ctx: AppContext, actor: Actor, input: SaveDraftInput): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await managedCenter(db, actor, input.orgId);
  if (!MONTH_PATTERN.test(input.month)) throw badMonth();
  if (input.month < localDate(now, org.time_zone).slice(0, 7)) throw new DomainError('DUTY_MONTH_PAST', '这个月已经过去，不能再编排值班表。');
  assertSavable(await checked(db, org.id, input.month, input.assignments));
  const rows = input.assignments.map((a) => ({ id: randomUUID(), day: a.day, user_id: a.userId }));
  await replayOnUniqueViolation(
    () =>
      db.transaction().execute(async (trx) => {
        const roster = await repo.findRoster(trx, org.id, input.month);
        if (roster?.status === 'published') {
          throw new DomainError('DUTY_ALREADY_PUBLISHED', '这个月的值班表已经发布，调整请逐日点“调整”并填写原因，调整会公开记录。', undefined, 409);
        }
        let id: string;
        if (!roster) {
          if (input.expectedVersion !== undefined) throw versionConflict();
          id = randomUUID();
          await repo.insertRoster(trx, { id, org_id: org.id, month: input.month, status: 'draft', published_at: null, published_by: null, created_by: actor.userId, created_at: at, updated_by: actor.userId, updated_at: at, version: 1 });
        } else {
          if (input.expectedVersion === undefined || !(await repo.touchRoster(trx, roster.id, input.expectedVersion, { updated_by: actor.userId, updated_at: at }))) throw versionConflict();
          id = roster.id;
        }
        await repo.replaceRosterDays(trx, id, rows);
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.roster.save', targetType: 'duty_roster', targetId: id, detail: { orgId: org.id, month: input.month, days: rows.length } });
      }),
    // two first saves at once: the later one finds the other's draft — a stale copy
    async () => {
      throw versionConflict();
    },
  );
}

/** Publishes the draft: every working day must have exactly one leader of the center. */
export async function publishRoster(ctx: AppContext, actor: Actor, input: { orgId?: string | undefined; month: string; expectedVersion: number }): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await managedCenter(db, actor, input.orgId);
  await db.transaction().execute(async (trx) => {
    const roster = await repo.findRoster(trx, org.id, input.month);
    if (!roster) throw new DomainError('DUTY_DAY_UNCOVERED', '这个月还没有编排值班表，请先排好每个工作日的带班领导再发布。');
    if (roster.status === 'published') throw new DomainError('DUTY_ALREADY_PUBLISHED', '这个月的值班表已经发布过了。', undefined, 409);
    if (roster.version !== input.expectedVersion) throw versionConflict();
    const days = await repo.rosterDays(trx, roster.id);
    assertPublishable(await checked(trx, org.id, input.month, days.map((d) => ({ day: d.day, userId: d.user_id }))));
    if (!(await repo.touchRoster(trx, roster.id, input.expectedVersion, { status: 'published', published_at: at, published_by: actor.userId, updated_by: actor.userId, updated_at: at }))) throw versionConflict();
    await repo.insertChange(trx, { id: randomUUID(), roster_id: roster.id, action: 'publish', day: null, from_user_id: null, to_user_id: null, reason: null, version: input.expectedVersion + 1, by_user_id: actor.userId, at });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.roster.publish', targetType: 'duty_roster', targetId: roster.id, detail: { orgId: org.id, month: input.month, days: days.length } });
  });
}

/** Changes one day of a published roster; the reason is required and the change is kept. */
export async function changeRosterDay(
  ctx: AppContext,
  actor: Actor,
  input: { orgId?: string | undefined; month: string; day: string; userId: string; reason: string; expectedVersion: number },
): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const org = await managedCenter(db, actor, input.orgId);
  if (!input.day.startsWith(`${input.month}-`)) throw new DomainError('DUTY_NOT_WORKING_DAY', '调整的日期不在这个月内，请重新选择。');
  if (input.day < localDate(now, org.time_zone)) throw new DomainError('DUTY_DAY_PAST', '已经过去的日子不能再调整带班领导。');
  await db.transaction().execute(async (trx) => {
    const roster = await repo.findRoster(trx, org.id, input.month);
    if (!roster || roster.status !== 'published') throw new DomainError('DUTY_NOT_PUBLISHED', '这个月的值班表还没有发布，直接在草稿里修改后保存即可。', undefined, 409);
    const days = await repo.rosterDays(trx, roster.id);
    const from = days.find((d) => d.day === input.day)?.user_id ?? null;
    if (from === input.userId) throw new DomainError('DUTY_SAME_LEADER', '这一天本来就是这位领导带班，无需调整。');
    const next = [...days.filter((d) => d.day !== input.day).map((d) => ({ day: d.day, userId: d.user_id })), { day: input.day, userId: input.userId }];
    assertSavable(await checked(trx, org.id, input.month, next));
    if (!(await repo.touchRoster(trx, roster.id, input.expectedVersion, { updated_by: actor.userId, updated_at: at }))) throw versionConflict();
    await repo.setRosterDay(trx, roster.id, randomUUID(), input.day, input.userId);
    await repo.insertChange(trx, { id: randomUUID(), roster_id: roster.id, action: 'change', day: input.day, from_user_id: from, to_user_id: input.userId, reason: input.reason, version: input.expectedVersion + 1, by_user_id: actor.userId, at });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.roster.change', targetType: 'duty_roster', targetId: roster.id, detail: { orgId: org.id, day: input.day, from, to: input.userId, reason: input.reason } });
  });
}

/** GET /api/hall/duty-roster: the published roster of the month as it is now; nothing of a draft. */
export async function publicRoster(ctx: AppContext, orgId: string, month: string | undefined): Promise<PublicRoster> {
  const { db } = ctx.database;
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('该便民服务中心');
  const m = month ?? localDate(ctx.clock(), org.time_zone).slice(0, 7);
  if (!MONTH_PATTERN.test(m)) throw badMonth();
  const roster = await repo.findRoster(db, org.id, m);
  const empty: PublicRoster = { orgId: org.id, orgName: org.center_name, month: m, published: false, publishedAt: null, days: [], changedAt: null };
  if (!roster || roster.status !== 'published') return empty;
  const [days, leaders, changes] = await Promise.all([repo.rosterDays(db, roster.id), leadersOf(db, org.id), repo.changesOf(db, roster.id)]);
  const people = await peopleByIds(db, days.map((d) => d.user_id));
  const postOf = (id: string) => leaders.find((l) => l.id === id)?.post ?? ROLE_NAMES.leader;
  return {
    ...empty,
    published: true,
    publishedAt: roster.published_at,
    days: days.map((d) => ({ date: d.day, weekday: weekdayName(d.day), name: people.get(d.user_id)?.name ?? '', post: postOf(d.user_id) })),
    changedAt: changes.find((c) => c.action === 'change')?.at ?? null,
  };
}
