import { scheduleName } from '../../domain/jobs/schedule.js';
import type { AppContext } from '../../server/context.js';
import { JOBS, nextRunOf, type Job } from '../../server/jobs.js';
import { CONSUMERS, listConsumers, type ConsumerStatus, type EventConsumer } from '../events/consumers.js';
import { recentRuns, runTotals } from './repo.js';

export interface JobRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  status: 'running' | 'ok' | 'failed';
  message: string | null;
  error: string | null;
  process: string;
}

export interface JobStatus {
  name: string;
  title: string;
  schedule: string;
  scheduleName: string | null;
  lastRun: JobRun | null;
  nextRunAt: string | null;
  /** runs and failures in the kept history (7 days) */
  runs: number;
  failures: number;
  /** the last few runs, newest first */
  recent: JobRun[];
}

const RECENT = 10;

/** The administrator's view of scheduled work: every job with its last and next run, and every event consumer. */
export async function jobsOverview(
  ctx: AppContext,
  jobs: readonly Job[] = JOBS,
  consumers: readonly EventConsumer[] = CONSUMERS,
): Promise<{ jobs: JobStatus[]; consumers: ConsumerStatus[]; timeZone: string }> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const totals = await runTotals(db);
  const list: JobStatus[] = [];
  for (const job of jobs) {
    const recent = (await recentRuns(db, job.name, RECENT)).map(
      (r): JobRun => ({
        id: r.id,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
        status: r.status,
        message: r.message,
        error: r.error,
        process: r.process,
      }),
    );
    list.push({
      name: job.name,
      title: job.title ?? job.name,
      schedule: job.schedule,
      scheduleName: scheduleName(job.schedule),
      lastRun: recent[0] ?? null,
      nextRunAt: nextRunOf(job, ctx.config.timeZone, now)?.toISOString() ?? null,
      runs: totals.get(job.name)?.runs ?? 0,
      failures: totals.get(job.name)?.failures ?? 0,
      recent,
    });
  }
  return { jobs: list, consumers: await listConsumers(ctx, consumers), timeZone: ctx.config.timeZone };
}
