// The catch-up at start across app processes (README "在反向代理后运行多个进程"): every process starts the jobs and
// runs the catch-up of those marked runAtStart, but each catch-up claims the scheduled instant it stands in for, so
// two processes started apart (or a restart) run it once between them — the jobs page shows one run, not one per
// process. On SQLite the second start is a restart of the one process.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { complaintReminderJob } from '../../src/modules/complaints/remind-job.js';
import { jobsOverview } from '../../src/modules/jobs/service.js';
import { petitionClocksJob } from '../../src/modules/petitions/warn-job.js';
import type { AppContext } from '../../src/server/context.js';
import { catchUpSlotOf, startJobs, type Job } from '../../src/server/jobs.js';
import { DIALECTS, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('the catch-up at start runs once across app processes (%s)', (dialect) => {
  let t: TestApp;
  let other: Database;
  let a: AppContext;
  let b: AppContext;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Monday 2026-03-02 09:00 in Shanghai
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    other =
      dialect === 'postgres'
        ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: t.database.schema! })
        : t.database;
    a = { database: t.database, config: t.config, clock: () => t.clock.now };
    b = { database: other, config: t.config, clock: () => t.clock.now };
  });
  afterAll(async () => {
    if (other !== t.database) await other.close();
    await t.close();
  });

  let runs = 0;
  const daily: Job = {
    name: `test-daily-${randomUUID().slice(0, 8)}`,
    title: '测试：每天一次',
    schedule: '0 3 * * *',
    runAtStart: true,
    async run() {
      runs += 1;
      return null;
    },
  };
  const jobs = [daily, petitionClocksJob, complaintReminderJob];
  const start = async (ctx: AppContext) => {
    const running = startJobs(ctx, () => {}, jobs);
    await running.caughtUp;
    running.stop();
  };
  const rows = (name: string) => t.database.db.selectFrom('job_runs').select(['slot', 'status']).where('job_name', '=', name).execute();

  it('a second process started later finds the catch-up done; the jobs page counts one run', async () => {
    await start(a);
    await start(b);
    expect(runs).toBe(1);
    for (const job of jobs) {
      const slot = catchUpSlotOf(job, t.config.timeZone, t.clock.now)!.toISOString();
      // a scheduled run of the real clock may have fired meanwhile (another slot); the catch-up's slot is claimed once
      const all = await rows(job.name);
      expect(all.filter((r) => r.slot === slot), job.name).toEqual([{ slot, status: 'ok' }]);
      expect(all.filter((r) => r.slot === null), job.name).toEqual([]);
    }
    // 03:00 in Shanghai on the day of the pinned clock
    expect(catchUpSlotOf(daily, t.config.timeZone, t.clock.now)!.toISOString()).toBe('2026-03-01T19:00:00.000Z');
    const overview = await jobsOverview(a, [daily]);
    expect(overview.jobs[0]).toMatchObject({ runs: 1, failures: 0 });
  });

  it('after downtime the first process to start catches up on the missed instant, the next one does not again', async () => {
    // the next day: 03:00 was missed while every process was down (croner names its jobs in one Node process, so
    // here the processes start one after the other)
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
    await start(b);
    await start(a);
    expect(runs).toBe(2);
    expect((await rows(daily.name)).map((r) => r.slot).sort()).toEqual(['2026-03-01T19:00:00.000Z', '2026-03-02T19:00:00.000Z']);
  });
});
