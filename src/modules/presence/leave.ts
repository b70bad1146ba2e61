/**
 * 请假 (issue 12 §4): a member of staff files a leave (kind, half-day period, reason); the director approves or
 * refuses it with a reason (versioned, 409 on a stale copy). An approved leave marks the person away (去向 请假, or
 * 出差 for 公出) for its period: the leave job starts and ends it by itself, and approval applies it at once when
 * the period has already begun — so AB routing (rule 8) sends their new work to the backup and stops when they
 * return.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { hasPermission } from '../../domain/roles.js';
import { leaveDays, leaveInstants, overlaps, periodProblem, periodText, whereaboutsOfLeave, LEAVE_STATUS_NAMES, type Half, type LeaveKind, type LeavePeriod, type LeaveStatus } from '../../domain/staff/leave.js';
import { replayOnUniqueViolation, toBool } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import { assertInScope } from '../orgs/service.js';
import { enqueue, enqueueInbox } from '../notifications/outbox.js';
import { activeWithRole, findUser, peopleByIds } from '../users/repo.js';
import { writeWhereabouts } from '../users/service.js';
import { whereaboutsOf } from '../../domain/transparency/whereabouts.js';
import { workingDayOf } from './attendance.js';
import * as repo from './repo.js';

export interface LeaveInput extends LeavePeriod {
  /** for whom (a director filing for a member of staff); oneself when left out */
  userId?: string | undefined;
  kind: LeaveKind;
  reason: string;
}

const periodOf = (r: repo.LeaveRow): LeavePeriod => ({ fromDate: r.from_date, fromHalf: r.from_half as Half, toDate: r.to_date, toHalf: r.to_half as Half });

async function present(db: Db, rows: repo.LeaveRow[], actor: Actor) {
  const people = await peopleByIds(db, rows.flatMap((r) => [r.user_id, r.decided_by, r.created_by]));
  const manage = hasPermission(actor.roles, 'attendance.approve');
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    userName: people.get(r.user_id)?.name ?? '',
    kind: r.kind as LeaveKind,
    fromDate: r.from_date,
    fromHalf: r.from_half as Half,
    toDate: r.to_date,
    toHalf: r.to_half as Half,
    periodText: periodText(periodOf(r)),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    days: Number(r.days),
    reason: r.reason,
    status: r.status as LeaveStatus,
    statusName: LEAVE_STATUS_NAMES[r.status as LeaveStatus] ?? r.status,
    decidedBy: r.decided_by ? (people.get(r.decided_by)?.name ?? '') : null,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    underWay: r.applied_at !== null && r.ended_at === null,
    createdBy: people.get(r.created_by)?.name ?? '',
    createdAt: r.created_at,
    version: r.version,
    /** what the one asking may do with it now */
    canDecide: manage && r.status === 'pending' && r.user_id !== actor.userId,
    canCancel: (r.user_id === actor.userId || manage) && (r.status === 'pending' || (r.status === 'approved' && r.applied_at === null && r.ended_at === null)),
  }));
}
export type LeaveView = Awaited<ReturnType<typeof present>>[number];

async function overlapProblem(db: Db, userId: string, period: LeavePeriod, exceptId: string | null): Promise<DomainError | null> {
  const other = (await repo.liveLeavesOf(db, userId)).find((l) => l.id !== exceptId && overlaps(periodOf(l), period));
  if (!other) return null;
  return new DomainError(
    'LEAVE_OVERLAPS',
    `${periodText(periodOf(other))}已有一条请假（${other.kind}，${LEAVE_STATUS_NAMES[other.status as LeaveStatus]}），与这次的日期重叠。请撤回或调整原来的请假后再提交。`,
    { leaveId: other.id },
    409,
  );
}

/** POST /api/leaves: filed by the person (or by the director for them); an Idempotency-Key makes a double submit one. */
export async function fileLeave(ctx: AppContext, actor: Actor, input: LeaveInput, key: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const userId = input.userId ?? actor.userId;
  // the key answers with its request only for the same one: sent again for other days or another person it is refused
  const fingerprint = requestFingerprint('POST /api/leaves', input);
  const sameKeyed = (stored: repo.LeaveRow | undefined) => {
    if (!stored) return undefined;
    assertSameRequest(stored.idempotency_fingerprint, fingerprint);
    return { id: stored.id, replayed: true };
  };
  const replay = async () => sameKeyed(await repo.findLeaveByKey(db, actor.userId, key));
  const problem = periodProblem(input);
  if (problem) throw new DomainError('LEAVE_PERIOD_INVALID', problem, undefined, 422);
  const done = await replayOnUniqueViolation(
    () =>
      db.transaction().execute(async (trx) => {
        const stored = sameKeyed(await repo.findLeaveByKey(trx, actor.userId, key));
        if (stored) return stored;
        const person = await findUser(trx, userId);
        if (!person || !toBool(person.active)) throw notFound('该人员');
        if (userId !== actor.userId) {
          if (!hasPermission(actor.roles, 'attendance.approve')) throw forbidden('替他人请假');
          await assertInScope(trx, actor, person.org_id);
        }
        const org = await findOrg(trx, person.org_id);
        if (!org) throw notFound('该人员所在的中心');
        const cal = await loadCalendar(trx, 'recent');
        const days = leaveDays((d) => workingDayOf(cal, d), input);
        if (days === 0) throw new DomainError('LEAVE_NO_WORKING_DAY', `${periodText(input)}都是休息日，不用请假。`, undefined, 422);
        const clash = await overlapProblem(trx, userId, input, null);
        if (clash) throw clash;
        const { startsAt, endsAt } = leaveInstants(input, org.time_zone);
        const at = now.toISOString();
        const row: repo.LeaveRow = {
          id: randomUUID(),
          org_id: org.id,
          user_id: userId,
          kind: input.kind,
          from_date: input.fromDate,
          from_half: input.fromHalf,
          to_date: input.toDate,
          to_half: input.toHalf,
          starts_at: startsAt.toISOString(),
          ends_at: endsAt.toISOString(),
          days,
          reason: input.reason.trim(),
          status: 'pending',
          decided_by: null,
          decided_at: null,
          decision_reason: null,
          applied_at: null,
          ended_at: null,
          idempotency_key: key,
          idempotency_fingerprint: fingerprint,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          version: 1,
        };
        await repo.insertLeave(trx, row);
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'leave.request', targetType: 'leave', targetId: row.id, detail: { userId, kind: row.kind, period: periodText(input), days } });
        // the center's director is told in the console (never about their own leave, nor about one they filed themselves)
        const directors = (await activeWithRole(trx, org.id, 'director')).filter((id) => id !== userId && id !== actor.userId);
        await enqueueInbox(
          trx,
          directors,
          { template: 'leave-requested', params: { name: person.name, kind: row.kind, period: periodText(input), days: String(days) }, dedupe: `leave-requested:${row.id}` },
          now,
        );
        return { id: row.id, replayed: false };
      }),
    replay,
  );
  return { ...done, leave: await getLeave(ctx, actor, done.id) };
}

export async function getLeave(ctx: AppContext, actor: Actor, id: string): Promise<LeaveView> {
  const { db } = ctx.database;
  const row = await repo.findLeave(db, id);
  if (!row) throw notFound('该请假记录');
  if (row.user_id !== actor.userId) {
    if (!hasPermission(actor.roles, 'attendance.view') && !hasPermission(actor.roles, 'attendance.approve')) throw forbidden('查看他人的请假');
    await assertInScope(db, actor, row.org_id);
  }
  return (await present(db, [row], actor))[0]!;
}

/** GET /api/leaves: the director and leader see the center's; anyone else their own. */
export async function listLeavesFor(ctx: AppContext, actor: Actor, q: { orgId?: string | undefined; status?: LeaveStatus | undefined; mine?: boolean | undefined }) {
  const { db } = ctx.database;
  const orgId = q.orgId ?? actor.orgId;
  const all = !q.mine && (hasPermission(actor.roles, 'attendance.view') || hasPermission(actor.roles, 'attendance.approve'));
  if (orgId !== actor.orgId) {
    if (!all) throw forbidden('查看其他中心的请假');
    await assertInScope(db, actor, orgId);
  }
  const rows = await repo.listLeaves(db, { orgId, status: q.status, userId: all ? undefined : actor.userId });
  return { leaves: await present(db, rows, actor), canApprove: hasPermission(actor.roles, 'attendance.approve') };
}

/**
 * 审批: approve or refuse (a refusal says why). Nobody approves their own leave. Approving a period already under
 * way marks the person away at once; one already over is only recorded.
 */
export async function decideLeave(ctx: AppContext, actor: Actor, id: string, input: { decision: 'approve' | 'refuse'; expectedVersion: number; reason?: string | undefined }) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refuse' && !reason) {
    throw new DomainError('REFUSAL_REASON_REQUIRED', '不批准请假时请写明理由，申请人会看到。', undefined, 422);
  }
  await db.transaction().execute(async (trx) => {
    const row = await repo.findLeave(trx, id);
    if (!row) throw notFound('该请假记录');
    await assertInScope(trx, actor, row.org_id);
    if (row.user_id === actor.userId) throw new DomainError('LEAVE_OWN', '不能审批本人的请假，请报上级领导审批。', undefined, 403);
    if (row.version !== input.expectedVersion) throw versionConflict();
    if (row.status !== 'pending') {
      throw new DomainError('LEAVE_DECIDED', `这条请假已经${LEAVE_STATUS_NAMES[row.status as LeaveStatus] ?? '处理'}，不能再审批。请刷新页面查看。`, undefined, 409);
    }
    if (input.decision === 'approve') {
      const clash = await overlapProblem(trx, row.user_id, periodOf(row), row.id);
      if (clash) throw clash;
    }
    const at = now.toISOString();
    const ok = await repo.updateLeave(trx, id, input.expectedVersion, {
      status: input.decision === 'approve' ? 'approved' : 'refused',
      decided_by: actor.userId,
      decided_at: at,
      decision_reason: reason,
      updated_at: at,
    });
    if (!ok) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: input.decision === 'approve' ? 'leave.approve' : 'leave.refuse', targetType: 'leave', targetId: id, detail: { reason } });
    await enqueue(
      trx,
      [
        {
          channel: 'inbox',
          to: row.user_id,
          template: 'leave-decided',
          params: {
            kind: row.kind,
            period: periodText(periodOf(row)),
            result: input.decision === 'approve' ? '已批准' : '未获批准',
            reason: reason ? `，${input.decision === 'approve' ? '意见' : '理由'}：${reason}。` : '。',
          },
          dedupeKey: `leave-decided:${id}`,
        },
      ],
      now,
    );
    if (input.decision === 'approve') await applyLeave(trx, (await repo.findLeave(trx, id))!, now);
  });
  return getLeave(ctx, actor, id);
}

/** 撤回: the person (or the director) withdraws a leave not yet begun; one under way ends by setting 在岗. */
export async function cancelLeave(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const { db } = ctx.database;
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    const row = await repo.findLeave(trx, id);
    if (!row) throw notFound('该请假记录');
    if (row.user_id !== actor.userId) {
      if (!hasPermission(actor.roles, 'attendance.approve')) throw forbidden('撤回他人的请假');
      await assertInScope(trx, actor, row.org_id);
    }
    if (row.version !== expectedVersion) throw versionConflict();
    const open = row.status === 'pending' || (row.status === 'approved' && row.applied_at === null && row.ended_at === null);
    if (!open) {
      throw new DomainError(
        'LEAVE_NOT_CANCELLABLE',
        row.status === 'approved' ? '假期已经开始或已结束，不能撤回。提前返岗的，请在“去向公示”把去向改为“在岗”。' : `这条请假已经${LEAVE_STATUS_NAMES[row.status as LeaveStatus] ?? '处理'}，不能撤回。`,
        undefined,
        409,
      );
    }
    const at = now.toISOString();
    if (!(await repo.updateLeave(trx, id, expectedVersion, { status: 'cancelled', updated_at: at }))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'leave.cancel', targetType: 'leave', targetId: id });
  });
  return getLeave(ctx, actor, id);
}

/**
 * Starts or ends one approved leave as of `now`, once (the marks are conditional updates): under way → the person
 * is marked away (请假/出差, with the period as the staff-only note); over → marked back 在岗, unless someone has
 * set another 去向 meanwhile or another leave of theirs is under way. Returns what it did.
 */
export async function applyLeave(db: Db, row: repo.LeaveRow, now: Date): Promise<'started' | 'ended' | null> {
  if (row.status !== 'approved' || row.ended_at !== null) return null;
  const at = now.toISOString();
  const kind = whereaboutsOfLeave(row.kind as LeaveKind);
  if (row.ends_at <= at) {
    if (!(await repo.markEnded(db, row.id, at))) return null;
    if (row.applied_at === null) return null;
    const user = await findUser(db, row.user_id);
    if (!user || whereaboutsOf(toBool(user.away), user.whereabouts) !== kind) return 'ended';
    const other = await repo.otherLeaveUnderWay(db, row.user_id, row.id, at);
    if (!other) await writeWhereabouts(db, user, '在岗', null, now);
    await recordAudit(db, { at: now, userId: null, action: 'leave.end', targetType: 'leave', targetId: row.id, detail: { userId: row.user_id } });
    return 'ended';
  }
  if (row.starts_at <= at && row.applied_at === null) {
    if (!(await repo.markApplied(db, row.id, at))) return null;
    const user = await findUser(db, row.user_id);
    if (!user) return null;
    await writeWhereabouts(db, user, kind, `${row.kind}（${periodText(periodOf(row))}）`, now);
    await recordAudit(db, { at: now, userId: null, action: 'leave.start', targetType: 'leave', targetId: row.id, detail: { userId: row.user_id, whereabouts: kind } });
    return 'started';
  }
  return null;
}

/** The job's work: every approved leave not yet ended, endings first (a leave ending as the next begins lands on the next). */
export async function sweepLeaves(ctx: AppContext, now: Date): Promise<{ started: number; ended: number }> {
  const { db } = ctx.database;
  const at = now.toISOString();
  const open = await repo.openApprovedLeaves(db);
  const due = [...open.filter((l) => l.ends_at <= at), ...open.filter((l) => l.ends_at > at && l.starts_at <= at && l.applied_at === null)];
  let started = 0;
  let ended = 0;
  for (const leave of due) {
    const done = await db.transaction().execute(async (trx) => {
      const fresh = await repo.findLeave(trx, leave.id);
      return fresh ? applyLeave(trx, fresh, now) : null;
    });
    if (done === 'started') started++;
    if (done === 'ended') ended++;
  }
  return { started, ended };
}
