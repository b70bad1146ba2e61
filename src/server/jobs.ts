/**
 * Scheduled work (ARCHITECTURE.md "Jobs"): one small interface, croner in process in the center's time zone.
 * On PostgreSQL, where several app processes may run, each run first takes a session advisory lock named after
 * the job (pg_try_advisory_lock): the process that gets it runs the job, the others skip that run. Every job is
 * idempotent, so a run skipped, repeated or overlapping a restart does no harm. Each run is also recorded in
 * `job_runs`, claiming its scheduled instant there first, so that processes whose runs for the same minute do not
 * overlap still run it once — the catch-up at start too, for the instant it stands in for (catchUpSlotOf). The
 * administrator's jobs page (GET /api/jobs) reads that record. The server starts the jobs (`serve`); tests call
 * `runJobOnce` themselves with the clock they choose.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import { sql } from 'kysely';
import { drainConsumers, nudgeConsumers } from '../modules/events/consumers.js';
import { deliverInbox } from '../modules/notifications/send.js';
import { notificationsSendJob } from '../modules/notifications/send-job.js';
import { claimRun, finishRun, pruneRuns } from '../modules/jobs/repo.js';
import { publishCaseChanges, sameCause } from '../modules/cases/live.js';
import { sweepLights } from '../modules/cases/sweep-lights.js';
import { supervisionSweepJob } from '../modules/supervision/sweep-job.js';
import { petitionClocksJob } from '../modules/petitions/warn-job.js';
import { complaintReminderJob } from '../modules/complaints/remind-job.js';
import { appointmentJob } from '../modules/appointments/jobs.js';
import { ratingDefaultsJob, ratingInvitationsJob } from '../modules/evaluation/jobs.js';
import { workOrderSweepJob } from '../modules/evaluation/work-order-sweep.js';
import { dutyRosterReminderJob } from '../modules/duty/remind-job.js';
import { leaveWhereaboutsJob } from '../modules/presence/leave-job.js';
import { assessmentRecomputeJob } from '../modules/assessment/job.js';
import { monthlyReminderJob, monthlySnapshotJob } from '../modules/statistics/jobs.js';
import { open311BatchJob } from '../modules/open311/batch-job.js';
import { standardsGapReminderJob } from '../modules/standards/remind-job.js';
import { promiseCheckReminderJob } from '../modules/applications/promise-remind-job.js';
import { archiveFinishedCasesJob } from '../modules/archive/job.js';
import type { AppContext } from './context.js';

export interface Job {
  /** stable name: the advisory lock key and the log line */
  name: string;
  /** what it does, for the administrator's jobs page */
  title?: string;
  /** cron pattern in the center's time zone */
  schedule: string;
  /** also run once when the server starts (catch up after downtime) */
  runAtStart?: boolean;
  run(ctx: AppContext, now: Date): Promise<string | null>;
}

/** The light sweep: every minute, only cases whose light is due to change (rule 12). */
export const lightSweepJob: Job = {
  name: 'light-sweep',
  title: '亮灯巡检：到时变灯的办件更新红黄绿灯',
  schedule: '* * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const changedIds: string[] = [];
    const { checked, changed } = await sweepLights(ctx.database.db, now, changedIds);
    // a light that turned yellow or red wrote a case event (it reaches the consoles through the events) and its
    // warnings: both go out now; a light moved without an event is published here, each committed by now
    nudgeConsumers(ctx);
    await deliverInbox(ctx, now);
    await publishCaseChanges(ctx, sameCause(changedIds, { action: 'light', userId: null }));
    return changed > 0 ? `亮灯更新：检查 ${checked} 件，变化 ${changed} 件` : null;
  },
};

/**
 * Case events to their consumers (src/modules/events): the app nudges a drain after each write, so this is the
 * safety net — events written through another process, consumers due again after a failure.
 */
export const eventConsumersJob: Job = {
  name: 'event-consumers',
  title: '事件分发：把办件动态交给各订阅者（统计、实时推送），失败的按退避重试',
  schedule: '*/30 * * * * *',
  runAtStart: true,
  async run(ctx) {
    const results = await drainConsumers(ctx);
    const failed = results.filter((r) => r.error);
    // a failed consumer is recorded on its own row and retried after its backoff; the run fails so the page shows it
    if (failed.length > 0) throw new Error(failed.map((r) => `${r.name}：${r.error}`).join('；'));
    const handled = results.reduce((n, r) => n + r.handled, 0);
    return handled > 0 ? `事件分发：处理 ${handled} 条` : null;
  },
};

export const JOBS: readonly Job[] = [lightSweepJob, eventConsumersJob, notificationsSendJob, supervisionSweepJob, ratingInvitationsJob, ratingDefaultsJob, workOrderSweepJob, complaintReminderJob, petitionClocksJob, dutyRosterReminderJob, leaveWhereaboutsJob, appointmentJob, assessmentRecomputeJob, monthlySnapshotJob, monthlyReminderJob, open311BatchJob, standardsGapReminderJob, promiseCheckReminderJob, archiveFinishedCasesJob];

/** Which app process ran a job (the jobs page): host name and process id. */
export const PROCESS_NAME = `${hostname()}:${process.pid}`;
/** Job runs are kept this long for the jobs page. */
const KEEP_RUNS_MS = 7 * 24 * 3_600_000;

/** When the job is next due after `now` (croner, in the center's time zone); null for a schedule with no next. */
export function nextRunOf(job: Job, timeZone: string, now: Date): Date | null {
  return new Cron(job.schedule, { timezone: timeZone, paused: true }).nextRun(now);
}

/**
 * The scheduled instant a start-up catch-up stands in for: the job's latest one at or before `now`. Claiming it as
 * the run's slot makes the catch-up once across processes, like a scheduled run: app processes started minutes
 * apart (the lock alone only keeps runs from overlapping) find it taken, and so does a restart after the instant
 * was run. Null (a schedule with no earlier instant): the catch-up runs without a slot.
 */
export function catchUpSlotOf(job: Job, timeZone: string, now: Date): Date | null {
  return new Cron(job.schedule, { timezone: timeZone, paused: true }).previousRuns(1, now)[0] ?? null;
}

/**
 * The advisory lock a job's run takes on PostgreSQL. Advisory locks belong to the whole database, so a deployment
 * working in a schema of its own (and every API test file, each in its schema) names it in the key: otherwise one
 * schema's light sweep would make another's skip its run.
 */
export const jobLockKey = (database: Pick<AppContext['database'], 'schema'>, job: Pick<Job, 'name'>): string =>
  database.schema ? `bianmin:job:${database.schema}:${job.name}` : `bianmin:job:${job.name}`;

/**
 * On PostgreSQL a run holds one pooled connection for its lock while the job works on others. The catch-up at
 * start (and a minute where many jobs are due) would otherwise hand every connection of the pool to a lock and
 * leave the jobs, and every request, waiting for one forever: the runs on one connection pool take turns instead.
 */
const lockedRuns = new WeakMap<object, Promise<unknown>>();
const oneAtATime = <T>(pool: object, run: () => Promise<T>): Promise<T> => {
  const result = (lockedRuns.get(pool) ?? Promise.resolve()).then(run, run);
  lockedRuns.set(pool, result.catch(() => undefined));
  return result;
};

/**
 * Runs a job once, at most once across processes on PostgreSQL. Returns false when another process holds the
 * job's lock (it is running there now) or has already claimed this `slot` (the scheduled instant the run is for;
 * processes whose runs do not overlap still run each slot once), true when it ran here. Every run is recorded in
 * `job_runs` (started, finished, duration, outcome, error, process); a failed run is recorded, then rethrown.
 */
export async function runJobOnce(ctx: AppContext, job: Job, log: (line: string) => void = () => {}, slot: Date | null = null): Promise<boolean> {
  const go = async (): Promise<boolean> => {
    const { db } = ctx.database;
    const id = randomUUID();
    const started = ctx.clock();
    // the duration is measured on the real clock: the server's clock may be pinned (tests) or moved
    const t0 = performance.now();
    if (!(await claimRun(db, { id, jobName: job.name, slot: slot?.toISOString() ?? null, startedAt: started.toISOString(), process: PROCESS_NAME }))) return false;
    const finish = (status: 'ok' | 'failed', message: string | null, error: string | null) =>
      finishRun(db, id, { finishedAt: ctx.clock().toISOString(), durationMs: Math.round(performance.now() - t0), status, message, error });
    let line: string | null;
    try {
      line = await job.run(ctx, started);
    } catch (error) {
      await finish('failed', null, (error instanceof Error ? error.message : String(error)).slice(0, 2000));
      throw error;
    }
    await finish('ok', line, null);
    await pruneRuns(db, job.name, new Date(started.getTime() - KEEP_RUNS_MS).toISOString());
    if (line) log(`[${job.name}] ${line}`);
    return true;
  };
  if (ctx.database.dialect !== 'postgres') return go();
  const key = jobLockKey(ctx.database, job);
  // The lock belongs to one connection: take it, run, and release it on that same connection.
  return oneAtATime(ctx.database, () => ctx.database.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as locked`.execute(conn);
    if (!rows[0]?.locked) return false;
    try {
      return await go();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  }));
}

export interface RunningJobs {
  stop(): void;
  /** settles when every catch-up run at start has finished or been left to another process (failures are logged) */
  caughtUp: Promise<void>;
}

/** Starts every job on its schedule (and the catch-up runs); a failed run is logged and the next one tries again. */
export function startJobs(ctx: AppContext, log: (line: string) => void = console.log, jobs: readonly Job[] = JOBS): RunningJobs {
  const fail = (job: Job) => (error: unknown) => log(`[${job.name}] 定时任务执行失败，下次按计划重试：${error instanceof Error ? error.message : String(error)}`);
  const crons = jobs.map(
    (job) =>
      // protect: a run still going when the next is due is not started twice in this process
      new Cron(job.schedule, { name: job.name, timezone: ctx.config.timeZone, protect: true }, (self: Cron) =>
        runJobOnce(ctx, job, log, self.currentRun()).then(() => undefined, fail(job)),
      ),
  );
  const caughtUp = Promise.all(
    jobs
      .filter((job) => job.runAtStart)
      .map((job) => runJobOnce(ctx, job, log, catchUpSlotOf(job, ctx.config.timeZone, ctx.clock())).then(() => undefined, fail(job))),
  ).then(() => undefined);
  return {
    caughtUp,
    stop() {
      for (const c of crons) c.stop();
    },
  };
}
