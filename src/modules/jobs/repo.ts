import { sql } from 'kysely';
import type { Db } from '../../server/context.js';

/**
 * Claims a run: one row per run, and one per (job, slot) where the run is for a scheduled instant, so that of
 * several app processes whose clocks fire for the same minute only the first runs it. False: already claimed.
 */
export async function claimRun(db: Db, run: { id: string; jobName: string; slot: string | null; startedAt: string; process: string }): Promise<boolean> {
  const rows = await db
    .insertInto('job_runs')
    .values({ id: run.id, job_name: run.jobName, slot: run.slot, started_at: run.startedAt, status: 'running', process: run.process })
    .onConflict((oc) => oc.columns(['job_name', 'slot']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function finishRun(
  db: Db,
  id: string,
  result: { finishedAt: string; durationMs: number; status: 'ok' | 'failed'; message: string | null; error: string | null },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: result.finishedAt, duration_ms: result.durationMs, status: result.status, message: result.message, error: result.error })
    .where('id', '=', id)
    .execute();
}

/** Runs older than this are deleted as new ones are written: the page shows recent history, not all time. */
export const pruneRuns = (db: Db, jobName: string, before: string) =>
  db.deleteFrom('job_runs').where('job_name', '=', jobName).where('started_at', '<', before).execute();

export const recentRuns = (db: Db, jobName: string, limit: number) =>
  db.selectFrom('job_runs').selectAll().where('job_name', '=', jobName).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();

/** Per job: runs and failures over the kept history. */
export async function runTotals(db: Db): Promise<Map<string, { runs: number; failures: number }>> {
  const rows = await db
    .selectFrom('job_runs')
    .select(['job_name', sql<number>`count(*)`.as('runs'), sql<number>`sum(case when status = 'failed' then 1 else 0 end)`.as('failures')])
    .groupBy('job_name')
    .execute();
  return new Map(rows.map((r) => [r.job_name, { runs: Number(r.runs), failures: Number(r.failures ?? 0) }]));
}
