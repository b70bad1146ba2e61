/**
 * Scheduled work (ARCHITECTURE.md "Jobs"): one small interface, croner in process in the center's time zone.
 * On PostgreSQL, where several app processes may run, each run first takes a session advisory lock named after
 * the job (pg_try_advisory_lock): the process that gets it runs the job, the others skip that run. Every job is
 * idempotent, so a run skipped, repeated or overlapping a restart does no harm. The server starts the jobs
 * (`serve`); tests call a job's `run` themselves with the clock they choose.
 */
import { Cron } from 'croner';
import { sql } from 'kysely';
import { sweepLights } from '../modules/cases/sweep-lights.js';
import type { AppContext } from './context.js';

export interface Job {
  /** stable name: the advisory lock key and the log line */
  name: string;
  /** cron pattern in the center's time zone */
  schedule: string;
  /** also run once when the server starts (catch up after downtime) */
  runAtStart?: boolean;
  run(ctx: AppContext, now: Date): Promise<string | null>;
}

/** The light sweep: every minute, only cases whose light is due to change (rule 12). */
export const lightSweepJob: Job = {
  name: 'light-sweep',
  schedule: '* * * * *',
  runAtStart: true,
  async run(ctx, now) {
    const { checked, changed } = await sweepLights(ctx.database.db, now);
    return changed > 0 ? `亮灯更新：检查 ${checked} 件，变化 ${changed} 件` : null;
  },
};

export const JOBS: readonly Job[] = [lightSweepJob];

/**
 * Runs a job once, at most once across processes on PostgreSQL. Returns false when another process holds the
 * job's lock (it is running there now), true when it ran here.
 */
export async function runJobOnce(ctx: AppContext, job: Job, log: (line: string) => void = () => {}): Promise<boolean> {
  const go = async () => {
    const line = await job.run(ctx, ctx.clock());
    if (line) log(`[${job.name}] ${line}`);
  };
  if (ctx.database.dialect !== 'postgres') {
    await go();
    return true;
  }
  const key = `bianmin:job:${job.name}`;
  // The lock belongs to one connection: take it, run, and release it on that same connection.
  return ctx.database.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as locked`.execute(conn);
    if (!rows[0]?.locked) return false;
    try {
      await go();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
    return true;
  });
}

export interface RunningJobs {
  stop(): void;
}

/** Starts every job on its schedule (and the catch-up runs); a failed run is logged and the next one tries again. */
export function startJobs(ctx: AppContext, log: (line: string) => void = console.log, jobs: readonly Job[] = JOBS): RunningJobs {
  const fail = (job: Job) => (error: unknown) => log(`[${job.name}] 定时任务执行失败，下次按计划重试：${error instanceof Error ? error.message : String(error)}`);
  const crons = jobs.map(
    (job) =>
      // protect: a run still going when the next is due is not started twice in this process
      new Cron(job.schedule, { name: job.name, timezone: ctx.config.timeZone, protect: true }, () => runJobOnce(ctx, job, log).then(() => undefined, fail(job))),
  );
  for (const job of jobs) if (job.runAtStart) void runJobOnce(ctx, job, log).catch(fail(job));
  return {
    stop() {
      for (const c of crons) c.stop();
    },
  };
}
