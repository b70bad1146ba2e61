/**
 * 月度统计与报送 (issue 13 §1): the month-end snapshot (version 1 of each center's report), corrections (a new version
 * with its reason; the earlier ones kept), submission up the tree by the due day, return by the upper center with a
 * comment, and what the upper center sees of the centers below. Each write is one transaction with its event row;
 * the rows' `row_version` answers a stale write with 409.
 */
import { randomUUID } from 'node:crypto';
import { monthDayText } from '../../domain/calendar/calendar.js';
import { addMonths, lastMonth, monthBounds, monthText } from '../../domain/calendar/months.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { hasPermission, headRoleOf } from '../../domain/roles.js';
import { measuresOf, type RawCounts } from '../../domain/statistics/measures.js';
import type { MonthlyReport, MonthlyTrend, SubmissionList } from '../../domain/statistics/contract.js';
import { versionOrigin } from '../../domain/statistics/labels.js';
import { actionRefusal, DEFAULT_DUE_DAY, dueDateOf, isLateState, MAX_DUE_DAY, reminderDue, submissionState, SUBMISSION_STATE_NAMES, submitsUpward, type ReportStatus } from '../../domain/statistics/submission.js';
import type { MonthlyReportsTable } from '../../db/schema.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { sendDailyReminders, type DailyReminder } from '../notifications/daily-reminders.js';
import { enqueueInbox } from '../notifications/outbox.js';
import { deliverInbox } from '../notifications/send.js';
import { listOrgs } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { getSetting, putSetting } from '../settings/repo.js';
import { activeWithRole, peopleByIds } from '../users/repo.js';
import { drainConsumers, type EventConsumer } from '../events/consumers.js';
import { hasEventsAfter, listConsumerRows } from '../events/repo.js';
import { ratingOpeningsConsumer } from '../evaluation/consumer.js';
import { computeReportFigures, type ReportFigures } from './figures.js';

const DUE_DAY_KEY = 'monthlyReportDueDay';

export const dueDayOf = async (db: Db): Promise<number> => fromJson<number | null>(await getSetting(db, DUE_DAY_KEY), null) ?? DEFAULT_DUE_DAY;

export async function setDueDay(ctx: AppContext, day: number): Promise<number> {
  if (!Number.isInteger(day) || day < 1 || day > MAX_DUE_DAY) throw new DomainError('VALIDATION_FAILED', `报送截止日请填 1 到 ${MAX_DUE_DAY} 之间的整数。`, undefined, 400);
  await putSetting(ctx.database.db, DUE_DAY_KEY, toJson(day), ctx.clock().toISOString());
  return day;
}

/** The current (latest) version of each center's report of the month. */
async function currentReports(db: Db, month: string, orgIds: readonly string[]): Promise<Map<string, MonthlyReportsTable>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom('monthly_reports').selectAll().where('month', '=', month).where('org_id', 'in', [...orgIds]).where('superseded_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.org_id, r]));
}

const insertEvent = (db: Db, r: { id: string; org_id: string; month: string; version: number }, action: string, by: string | null, at: string, comment: string | null = null) =>
  db.insertInto('monthly_report_events').values({ id: randomUUID(), report_id: r.id, org_id: r.org_id, month: r.month, version: r.version, action, comment, by_user_id: by, at }).execute();

/** A new version of a center's report of a month: a draft, counted at `at`, submitted to nobody yet. */
function reportVersion(v: { orgId: string; month: string; version: number; figures: unknown; reason: string | null; by: string | null; at: string }): MonthlyReportsTable {
  return {
    id: randomUUID(),
    org_id: v.orgId,
    month: v.month,
    version: v.version,
    figures: toJson(v.figures),
    reason: v.reason,
    status: 'draft',
    taken_at: v.at,
    taken_by: v.by,
    submitted_at: null,
    submitted_by: null,
    returned_at: null,
    returned_by: null,
    return_comment: null,
    superseded_at: null,
    updated_at: v.at,
    row_version: 1,
  };
}

/**
 * The event consumers whose tables the report reads. 主动评价率 counts the finished cases open for rating
 * (`rating_openings`), which the evaluation-openings consumer writes from the case events; a rating writes its own
 * opening at once, so until the consumer has caught up the table holds only the rated cases and "finished" equals
 * "rated" (100 %). Every other figure is counted from the source tables.
 */
const REPORT_INPUTS: readonly EventConsumer[] = [ratingOpeningsConsumer];
/** A consumer held by another drain, or events behind a transaction still open (PostgreSQL), clear within moments. */
const SETTLE_TRIES = 30;
const SETTLE_WAIT_MS = 100;

/**
 * Whether the consumers the report reads have taken every event of `month` (up to its end on the center's clock),
 * after handing them what waits: a report locked now cannot miss an event of its month, and an event of today —
 * or one a failing consumer is stuck on since — does not hold up the report of a month already over. A consumer
 * that fails on an event of the month waits for its backoff: false at once.
 */
async function reportInputsSettled(ctx: AppContext, month: string): Promise<boolean> {
  const monthEnd = monthBounds(month, ctx.config.timeZone).to;
  const { db, dialect } = ctx.database;
  for (let i = 0; i < SETTLE_TRIES; i++) {
    const results = await drainConsumers(ctx, REPORT_INPUTS);
    const rows = new Map((await listConsumerRows(db)).map((r) => [r.name, r]));
    let behind = false;
    let failing = results.some((r) => r.error);
    for (const c of REPORT_INPUTS) {
      const row = rows.get(c.name);
      if (!row || (await hasEventsAfter(db, dialect, { tx: Number(row.cursor_tx), pos: Number(row.cursor_pos) }, monthEnd))) behind = true;
      if (row?.retry_at && new Date(row.retry_at) > ctx.clock()) failing = true;
    }
    if (!behind) return true;
    // failed, or waiting for its backoff: the event-consumers job retries it, the snapshot comes back later
    if (failing) return false;
    // held by another drain, behind an open transaction, or written just now: drain again in a moment
    await new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS));
  }
  return false;
}

export interface SnapshotResult {
  /** reports locked by this run */
  taken: number;
  /** centers left without a report because events the figures depend on are not handled yet (the job comes back) */
  waiting: number;
}

/**
 * The month-end snapshot: version 1 of every center's report of `month` that has none yet. Idempotent: a center
 * already snapshotted is left alone, and a snapshot written at the same moment by another process wins (the unique
 * index on center, month and version). It never locks figures worked out from events not yet handled (the job ran
 * before the consumers, or the server restarted over the month's end with events queued): it waits for them.
 */
export async function snapshotMonth(ctx: AppContext, month: string, now: Date): Promise<SnapshotResult> {
  const { db } = ctx.database;
  const orgs = await listOrgs(db);
  const have = new Set((await db.selectFrom('monthly_reports').select('org_id').where('month', '=', month).execute()).map((r) => r.org_id));
  const missing = orgs.filter((o) => !have.has(o.id));
  if (missing.length === 0) return { taken: 0, waiting: 0 };
  if (!(await reportInputsSettled(ctx, month))) return { taken: 0, waiting: missing.length };
  let taken = 0;
  for (const org of missing) {
    const figures = await computeReportFigures(db, org.id, month, ctx.config.timeZone, now);
    const at = now.toISOString();
    const row = reportVersion({ orgId: org.id, month, version: 1, figures, reason: null, by: null, at });
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('monthly_reports').values(row).execute();
        await insertEvent(trx, row, 'snapshot', null, at);
      });
      taken++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { taken, waiting: 0 };
}

/** The month to snapshot at `now`: the month just ended (the job runs after midnight on the 1st, and catches up hourly). */
export const monthToSnapshot = (now: Date, timeZone: string) => lastMonth(now, timeZone);

async function orgContext(ctx: AppContext, actor: Actor, orgId: string | undefined) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, actor);
  const id = orgId ?? actor.orgId;
  if (!scope.has(id)) throw forbidden('查看该单位的月度统计报表');
  const orgs = await listOrgs(db);
  const org = orgs.find((o) => o.id === id);
  if (!org) throw notFound('该单位');
  return { db, orgs, org, scope };
}

const present = (f: ReportFigures) => ({
  own: measuresOf(f.own),
  total: measuresOf(f.total),
  below: f.below.map((b) => ({ orgId: b.orgId, name: b.name, level: b.level, measures: measuresOf(b.raw) })),
  windows: f.windows.map((g) => ({ key: g.key, name: g.name, measures: measuresOf(g.raw) })),
  items: f.items.map((g) => ({ key: g.key, name: g.name, measures: measuresOf(g.raw) })),
  departments: f.departments.map((g) => ({ key: g.key, name: g.name, measures: measuresOf(g.raw) })),
});

/** GET /api/reports/monthly: the current version of a center's report (or, before the snapshot, the month as it stands). */
export async function monthlyReport(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; month?: string | undefined }): Promise<MonthlyReport> {
  const now = ctx.clock();
  const tz = ctx.config.timeZone;
  const month = query.month ?? lastMonth(now, tz);
  const { db, orgs, org } = await orgContext(ctx, actor, query.orgId);
  const versions = await db.selectFrom('monthly_reports').selectAll().where('org_id', '=', org.id).where('month', '=', month).orderBy('version', 'desc').execute();
  const current = versions.find((v) => v.superseded_at === null) ?? null;
  const figures = current ? fromJson<ReportFigures>(current.figures, null as never) : await computeReportFigures(db, org.id, month, tz, now);
  const events = await db.selectFrom('monthly_report_events').selectAll().where('org_id', '=', org.id).where('month', '=', month).orderBy('at').execute();
  const people = await peopleByIds(db, [...versions.flatMap((v) => [v.taken_by, v.submitted_by, v.returned_by]), ...events.map((e) => e.by_user_id)]);
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? null) : null);
  const dueDate = dueDateOf(month, await dueDayOf(db));
  const today = localDate(now, tz);
  const upper = orgs.find((o) => o.id === org.parent_id) ?? null;
  const own = actor.orgId === org.id;
  return {
    month,
    from: figures.from,
    to: figures.to,
    org: figures.org,
    locked: current !== null,
    dueDate,
    upperName: submitsUpward(org.level) && upper ? upper.center_name : null,
    report: current && {
      id: current.id,
      version: current.version,
      origin: versionOrigin(current.version),
      status: current.status as ReportStatus,
      state: submissionState({ status: current.status as ReportStatus, submittedOn: current.submitted_at ? localDate(new Date(current.submitted_at), tz) : null }, dueDate, today),
      takenAt: current.taken_at,
      reason: current.reason,
      submittedAt: current.submitted_at,
      submittedBy: nameOf(current.submitted_by),
      returnedAt: current.returned_at,
      returnedBy: nameOf(current.returned_by),
      returnComment: current.return_comment,
      rowVersion: current.row_version,
    },
    ...present(figures),
    versions: versions.map((v) => ({ id: v.id, version: v.version, origin: versionOrigin(v.version), takenAt: v.taken_at, takenBy: nameOf(v.taken_by), reason: v.reason, status: v.status as ReportStatus, current: v.superseded_at === null })),
    events: events.map((e) => ({ action: e.action, version: e.version, comment: e.comment, by: nameOf(e.by_user_id), at: e.at })),
    can: {
      submit: own && current !== null && hasPermission(actor.roles, 'reports.submit') && actionRefusal('submit', current.status as ReportStatus, org.level) === null,
      correct: own && current !== null && hasPermission(actor.roles, 'reports.submit'),
    },
  };
}

/** The submission status of the centers directly below `orgId` for `month` (who has submitted, who is late). */
export async function submissionList(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; month?: string | undefined }): Promise<SubmissionList> {
  const now = ctx.clock();
  const tz = ctx.config.timeZone;
  const month = query.month ?? lastMonth(now, tz);
  const { db, orgs, org, scope } = await orgContext(ctx, actor, query.orgId);
  const children = orgs.filter((o) => o.parent_id === org.id && scope.has(o.id));
  const reports = await currentReports(db, month, children.map((c) => c.id));
  const dueDate = dueDateOf(month, await dueDayOf(db));
  const today = localDate(now, tz);
  return {
    month,
    dueDate,
    centers: children.map((c) => {
      const r = reports.get(c.id) ?? null;
      const state = submissionState(r && { status: r.status as ReportStatus, submittedOn: r.submitted_at ? localDate(new Date(r.submitted_at), tz) : null }, dueDate, today);
      return {
        orgId: c.id,
        name: c.center_name,
        level: c.level,
        state,
        late: isLateState(state),
        reportId: r?.id ?? null,
        version: r?.version ?? null,
        rowVersion: r?.row_version ?? null,
        submittedAt: r?.submitted_at ?? null,
        returnComment: r?.return_comment ?? null,
      };
    }),
    canReturn: actor.orgId === org.id && hasPermission(actor.roles, 'reports.review'),
  };
}

async function loadForWrite(db: Db, id: string, expectedVersion: number) {
  const row = await db.selectFrom('monthly_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('该月报');
  if (row.superseded_at !== null || row.row_version !== expectedVersion) throw versionConflict();
  return row;
}

const refuse = (message: string) => new DomainError('REPORT_ACTION_NOT_ALLOWED', message, undefined, 409);

async function bump(db: Db, row: MonthlyReportsTable, patch: Partial<MonthlyReportsTable>, at: string) {
  const res = await db
    .updateTable('monthly_reports')
    .set({ ...patch, updated_at: at, row_version: row.row_version + 1 })
    .where('id', '=', row.id)
    .where('row_version', '=', row.row_version)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
}

/** POST /api/reports/monthly/{id}/submit: the center's director (a village's agent) submits the current version upward. */
export async function submitReport(ctx: AppContext, actor: Actor, id: string, expectedVersion: number) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const at = now.toISOString();
  const row = await loadForWrite(db, id, expectedVersion);
  if (row.org_id !== actor.orgId) throw forbidden('报送其他单位的月报');
  const orgs = await listOrgs(db);
  const org = orgs.find((o) => o.id === row.org_id)!;
  const refusal = actionRefusal('submit', row.status as ReportStatus, org.level);
  if (refusal) throw refuse(refusal);
  // the upper center's directors are told, so a report is looked at when it arrives, not when the month is chased
  const upper = org.parent_id ? orgs.find((o) => o.id === org.parent_id) : undefined;
  const reviewers = upper ? await activeWithRole(db, upper.id, 'director') : [];
  await db.transaction().execute(async (trx) => {
    await bump(trx, row, { status: 'submitted', submitted_at: at, submitted_by: actor.userId }, at);
    await insertEvent(trx, row, 'submit', actor.userId, at);
    await enqueueInbox(
      trx,
      reviewers,
      {
        template: 'monthly-report-submitted',
        params: { center: org.center_name, month: monthText(row.month), version: row.version > 1 ? `（第 ${row.version} 版，已更正）` : '' },
        dedupe: `monthly-report-submitted:${row.id}:${row.row_version}`,
      },
      now,
    );
  });
  if (reviewers.length > 0) await deliverInbox(ctx, now);
  return { id: row.id };
}

/** The people who submit a center's report: its agents for a village, its directors for a township or county. */
const submittersOf = (db: Db, org: { id: string; level: string }) => activeWithRole(db, org.id, headRoleOf(org.level));

/** POST /api/reports/monthly/{id}/return: the upper center's director sends a submitted report back with a comment. */
export async function returnReport(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, comment: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const at = now.toISOString();
  const row = await loadForWrite(db, id, expectedVersion);
  const orgs = await listOrgs(db);
  const org = orgs.find((o) => o.id === row.org_id)!;
  if (org.parent_id !== actor.orgId) throw forbidden('退回非直属下级单位的月报');
  const refusal = actionRefusal('return', row.status as ReportStatus, org.level);
  if (refusal) throw refuse(refusal);
  const upper = orgs.find((o) => o.id === actor.orgId)!;
  const to = await submittersOf(db, org);
  await db.transaction().execute(async (trx) => {
    await bump(trx, row, { status: 'returned', returned_at: at, returned_by: actor.userId, return_comment: comment }, at);
    await insertEvent(trx, row, 'return', actor.userId, at, comment);
    await enqueueInbox(
      trx,
      to,
      { template: 'monthly-report-returned', params: { center: org.center_name, month: monthText(row.month), upper: upper.center_name, comment }, dedupe: `monthly-report-returned:${row.id}:${row.row_version}` },
      now,
    );
  });
  await deliverInbox(ctx, now);
  return { id: row.id };
}

/** POST /api/reports/monthly/{id}/correct: a new version of the report, counted again now, with the reason; the earlier kept. */
export async function correctReport(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, reason: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const at = now.toISOString();
  const row = await loadForWrite(db, id, expectedVersion);
  if (row.org_id !== actor.orgId) throw forbidden('更正其他单位的月报');
  // a correction locks figures as much as the snapshot: not while events they depend on wait to be handled
  if (!(await reportInputsSettled(ctx, row.month))) {
    throw new DomainError('REPORT_INPUTS_PENDING', '办结的办件还在计入评价统计，暂不能更正。请过几分钟再点“更正”；一直如此请联系系统管理员查看“定时任务”页的事件分发。', undefined, 409);
  }
  const figures = await computeReportFigures(db, row.org_id, row.month, ctx.config.timeZone, now);
  const next = reportVersion({ orgId: row.org_id, month: row.month, version: row.version + 1, figures, reason, by: actor.userId, at });
  try {
    await db.transaction().execute(async (trx) => {
      await bump(trx, row, { superseded_at: at }, at);
      await trx.insertInto('monthly_reports').values(next).execute();
      await insertEvent(trx, next, 'correct', actor.userId, at, reason);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionConflict();
    throw error;
  }
  return { id: next.id };
}

/** The report's measures for the 12 months up to `month`: the locked versions, the live count for months without one. */
export async function monthlyTrend(ctx: AppContext, actor: Actor, query: { orgId?: string | undefined; month?: string | undefined }): Promise<MonthlyTrend> {
  const now = ctx.clock();
  const tz = ctx.config.timeZone;
  const last = query.month ?? lastMonth(now, tz);
  const { db, org } = await orgContext(ctx, actor, query.orgId);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
  const rows = await db.selectFrom('monthly_reports').select(['month', 'figures']).where('org_id', '=', org.id).where('month', 'in', months).where('superseded_at', 'is', null).execute();
  const locked = new Map(rows.map((r) => [r.month, fromJson<ReportFigures>(r.figures, null as never)]));
  const series = [];
  for (const month of months) {
    const f = locked.get(month) ?? (await computeReportFigures(db, org.id, month, tz, now));
    series.push({ month, locked: locked.has(month), measures: measuresOf(f.total as RawCounts) });
  }
  return { months, series };
}

/**
 * 月报报送提醒: from two days before the due date, every village and township whose report of last month is not
 * submitted reminds its submitters in-app once a day (the outbox's dedupe key names the center, month, day, person).
 */
export async function remindReports(ctx: AppContext, now: Date): Promise<number> {
  const { db } = ctx.database;
  const tz = ctx.config.timeZone;
  const month = lastMonth(now, tz);
  const today = localDate(now, tz);
  const dueDate = dueDateOf(month, await dueDayOf(db));
  const when = reminderDue(today, dueDate);
  if (!when) return 0;
  const orgs = await listOrgs(db);
  const reports = await currentReports(db, month, orgs.map((o) => o.id));
  const reminders: DailyReminder[] = [];
  for (const org of orgs.filter((o) => submitsUpward(o.level))) {
    const r = reports.get(org.id);
    if (r?.status === 'submitted') continue;
    const state = submissionState(r ? { status: r.status as ReportStatus, submittedOn: null } : null, dueDate, today);
    const upper = orgs.find((o) => o.id === org.parent_id);
    reminders.push({
      orgId: org.id,
      about: month,
      today,
      to: await submittersOf(db, org),
      template: 'monthly-report-reminder',
      params: { center: org.center_name, month: monthText(month), due: monthDayText(dueDate), upper: upper?.center_name ?? '上级', state: SUBMISSION_STATE_NAMES[state] },
    });
  }
  return sendDailyReminders(ctx, now, reminders);
}
