import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { drainConsumers, onCaseEvents, type CaseEventRecord, type EventConsumer } from '../../src/modules/events/consumers.js';
import { jobsOverview } from '../../src/modules/jobs/service.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { eventConsumersJob, runJobOnce, type Job } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

// Issue 8 section 2: case events → consumers (at least once, idempotent in effect, retried with backoff without
// blocking the others) and the job runner's record of every run (GET /api/jobs).

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.each(DIALECTS)('events to consumers, and job runs (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Monday 2026-03-02 09:00 in Shanghai, inside office hours and the loaded calendar
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    clerk = await signIn(t.app, 'clerk');
    // what the test consumers did: one row per event handled (no key, so a second delivery would show)
    await t.database.db.schema.createTable('test_effects').addColumn('consumer', 'text').addColumn('event_id', 'text').execute();
  });
  afterAll(() => t.close());

  const register = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...IMMEDIATE } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  };
  const db = () => t.database.db;
  const eventIds = async () => (await db().selectFrom('case_events').select('id').execute()).map((r) => r.id).sort();
  const effects = async (consumer: string) =>
    (await db().selectFrom('test_effects' as never).select(['event_id' as never]).where('consumer' as never, '=', consumer as never).execute()).map((r) => (r as { event_id: string }).event_id).sort();
  const recorder = (name: string, fail: () => string | null = () => null): EventConsumer => ({
    name,
    title: name,
    startAt: 'beginning',
    async handle(events, trx) {
      for (const e of events) await sql`insert into test_effects (consumer, event_id) values (${name}, ${e.id})`.execute(trx);
      const problem = fail();
      if (problem) throw new Error(problem);
    },
  });
  /**
   * Drains until the consumers have taken every event they can. On PostgreSQL an event of a transaction still
   * open (another test file's, on the same server) waits behind the horizon: come back for it, a bounded number
   * of times.
   */
  const drainSome = (consumers: EventConsumer[]) => drainAll(ctx, { consumers, allowFailures: true });

  it('a failing consumer is recorded and retried after its backoff, without blocking another; each event takes effect once', async () => {
    await register();
    await register();
    let failNext = true;
    const flaky = recorder('test-flaky', () => (failNext ? '短信网关未响应' : null));
    const steady = recorder('test-steady');

    const first = await drainSome([flaky, steady]);
    expect(first.get('test-flaky')!.error).toBe('短信网关未响应');
    expect(first.get('test-steady')!.handled).toBeGreaterThan(0);
    const all = await eventIds();
    expect(await effects('test-steady')).toEqual(all);
    // the failed batch was rolled back with the cursor: nothing of it stayed
    expect(await effects('test-flaky')).toEqual([]);
    const failed = await db().selectFrom('event_consumers').selectAll().where('name', '=', 'test-flaky').executeTakeFirstOrThrow();
    expect(failed.failures).toBe(1);
    expect(failed.last_error).toBe('短信网关未响应');
    expect(failed.retry_at).toBe(new Date(t.clock.now.getTime() + 5_000).toISOString());

    // before its backoff is over it is not tried; the other one still follows new events
    failNext = false;
    await register();
    const second = await drainSome([flaky, steady]);
    expect(second.get('test-flaky')!.handled).toBe(0);
    expect(await effects('test-flaky')).toEqual([]);
    expect(await effects('test-steady')).toEqual(await eventIds());

    // after the backoff: every event once, in order, and the failure count is cleared
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await drainSome([flaky, steady]);
    expect(await effects('test-flaky')).toEqual(await eventIds());
    expect((await db().selectFrom('event_consumers').select('failures').where('name', '=', 'test-flaky').executeTakeFirstOrThrow()).failures).toBe(0);
    // draining again delivers nothing twice
    const again = await drainSome([flaky, steady]);
    expect([again.get('test-flaky')!.handled, again.get('test-steady')!.handled]).toEqual([0, 0]);
    expect(await effects('test-flaky')).toEqual(await eventIds());
    expect(await effects('test-steady')).toEqual(await eventIds());
  });

  it('a consumer starting "from now" skips history; the case-event counts add up to the events, however many drain at once', async () => {
    const late: EventConsumer = { ...recorder('test-late'), startAt: 'now' };
    await drainSome([late]);
    expect(await effects('test-late')).toEqual([]);
    const c = await register();
    await drainSome([late]);
    const mine = (await db().selectFrom('case_events').select('id').where('case_id', '=', c.id).execute()).map((r) => r.id).sort();
    expect(await effects('test-late')).toEqual(mine);

    // the app nudges the real consumers after every write too; draining here at the same time changes nothing
    await Promise.all([drainConsumers(ctx), drainConsumers(ctx)]);
    await drainAll(ctx);
    const byOrg = await db().selectFrom('case_events').select(['org_id', sql<number>`count(*)`.as('n')]).where('org_id', 'is not', null).groupBy('org_id').execute();
    const counted = await db().selectFrom('case_event_counts').select(['org_id', sql<number>`sum(count)`.as('n')]).groupBy('org_id').execute();
    expect(counted.map((r) => [r.org_id, Number(r.n)]).sort()).toEqual(byOrg.map((r) => [r.org_id, Number(r.n)]).sort());
    expect(counted.length).toBeGreaterThan(0);
  });

  it('a write nudges the consumers at once in the app that made it, and onCaseEvents handlers get the events in order', async () => {
    const before = Number((await db().selectFrom('event_consumers').select('handled').where('name', '=', 'case-event-counts').executeTakeFirst())?.handled ?? 0);
    const c = await register();
    const mine = await db().selectFrom('case_events').select(['id', 'pos']).where('case_id', '=', c.id).execute();
    const last = Math.max(...mine.map((e) => Number(e.pos)));
    // nobody drains here: the app's own nudge after the write moves the cursor (bounded wait for that state)
    let cursor = 0;
    for (let i = 0; i < 500 && cursor < last; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      cursor = Number((await db().selectFrom('event_consumers').select('cursor_pos').where('name', '=', 'case-event-counts').executeTakeFirst())?.cursor_pos ?? 0);
    }
    expect(cursor).toBeGreaterThanOrEqual(last);
    expect(Number((await db().selectFrom('event_consumers').select('handled').where('name', '=', 'case-event-counts').executeTakeFirstOrThrow()).handled)).toBeGreaterThan(before);

    // the hook live updates subscribe with: every event from its start on, in order
    const got: CaseEventRecord[] = [];
    const stop = onCaseEvents(ctx, (events) => {
      got.push(...events);
    });
    try {
      await Promise.all([drainConsumers(ctx), register()]);
      const c2 = await register();
      for (let i = 0; i < 300; i++) {
        const results = await drainConsumers(ctx);
        if (got.some((e) => e.caseId === c2.id) && !results.some((r) => r.pending)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const ids = got.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(got.filter((e) => e.caseId === c2.id).map((e) => e.type)).toEqual(
        (await db().selectFrom('case_events').select('type').where('case_id', '=', c2.id).orderBy('seq').execute()).map((e) => e.type),
      );
    } finally {
      stop();
    }
  });

  it.runIf(dialect === 'postgres')('an event committed late with a lower position is not skipped', async () => {
    const case0 = await register();
    const watcher = recorder('test-late-commit');
    await drainSome([watcher]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const wrote = new Promise<void>((resolve) => (inserted = resolve));
    const slowId = randomUUID();
    let slowPos = 0;
    // a slow transaction takes its position first and commits last
    const slow = db()
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto('case_events')
          .values({ id: slowId, case_id: case0.id, seq: 1000, at: t.clock.now.toISOString(), type: 'note', by_user_id: null, org_id: null, from_status: null, to_status: null, data: null })
          .returning('pos')
          .executeTakeFirstOrThrow();
        slowPos = Number(row.pos);
        inserted();
        await gate;
      });
    try {
      await wrote;
      const fast = await register();
      const fastPositions = (await db().selectFrom('case_events').select('pos').where('case_id', '=', fast.id).execute()).map((p) => Number(p.pos));
      expect(slowPos).toBeLessThan(Math.min(...fastPositions));
      // while the slow one is open, the fast one's event waits too (it lies past the horizon)
      const during = await drainConsumers(ctx, [watcher]);
      expect(during[0]!.handled).toBe(0);
      expect(during[0]!.pending).toBe(true);
    } finally {
      release();
      await slow;
    }
    await drainSome([watcher]);
    const seen = await effects('test-late-commit');
    expect(seen).toContain(slowId);
    expect(seen).toEqual(await eventIds());
  });

  it('records every job run, ok or failed, and lists jobs and consumers to the system administrator only', async () => {
    expect(await runJobOnce(ctx, eventConsumersJob)).toBe(true);
    const failing: Job = {
      name: 'test-failing',
      title: '测试失败的任务',
      schedule: '0 3 * * *',
      async run() {
        throw new Error('备份目录不可写');
      },
    };
    await expect(runJobOnce(ctx, failing)).rejects.toThrow('备份目录不可写');
    const runs = await db().selectFrom('job_runs').selectAll().where('job_name', 'in', ['event-consumers', 'test-failing']).execute();
    expect(runs.map((r) => [r.job_name, r.status]).sort()).toEqual([
      ['event-consumers', 'ok'],
      ['test-failing', 'failed'],
    ]);
    for (const r of runs) {
      expect(r.finished_at).not.toBeNull();
      expect(Number(r.duration_ms)).toBeGreaterThanOrEqual(0);
      expect(r.process).toContain(String(process.pid));
    }
    expect(runs.find((r) => r.job_name === 'test-failing')!.error).toBe('备份目录不可写');

    // the same scheduled slot runs once, however many runners fire for it
    const slot = new Date('2026-03-02T01:00:30.000Z');
    expect(await runJobOnce(ctx, eventConsumersJob, () => {}, slot)).toBe(true);
    expect(await runJobOnce(ctx, eventConsumersJob, () => {}, slot)).toBe(false);

    const overview = await jobsOverview(ctx, [failing]);
    expect(overview.jobs[0]).toMatchObject({ name: 'test-failing', runs: 1, failures: 1, lastRun: { status: 'failed', error: '备份目录不可写' } });
    // next run: 03:00 in Shanghai after the pinned clock (09:00 on 2 March) is 03:00 on 3 March
    expect(overview.jobs[0]!.nextRunAt).toBe('2026-03-02T19:00:00.000Z');

    const admin = await signIn(t.app, 'admin');
    const res = await t.app.inject({ url: '/api/jobs', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { jobs: { name: string; runs: number; lastRun: { status: string } | null; nextRunAt: string; scheduleName: string | null }[]; consumers: { name: string; cursor: number; handled: number }[] };
    // every job of JOBS, in order (later issues add their own: the message sender, the supervision sweep …)
    expect(body.jobs.map((j) => j.name).slice(0, 3)).toEqual(['light-sweep', 'event-consumers', 'notifications-send']);
    // the schedule in words for the administrator, the cron pattern beside it
    expect(body.jobs[0]).toMatchObject({ name: 'light-sweep', schedule: '* * * * *', scheduleName: '每分钟' });
    expect(body.jobs.every((j) => j.scheduleName !== null)).toBe(true);
    const drain = body.jobs.find((j) => j.name === 'event-consumers')!;
    expect(drain.scheduleName).toBe('每 30 秒');
    expect(drain.runs).toBe(2);
    expect(drain.lastRun?.status).toBe('ok');
    expect(drain.nextRunAt > t.clock.now.toISOString()).toBe(true);
    // every consumer of CONSUMERS, in order (later issues add their own: supervision …)
    expect(body.consumers.map((c) => c.name).slice(0, 2)).toEqual(['case-event-counts', 'case-event-hooks']);
    expect(body.consumers[0]!.cursor).toBeGreaterThan(0);
    expect(body.consumers[0]!.handled).toBeGreaterThan(0);

    const refused = await t.app.inject({ url: '/api/jobs', headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBe('您没有查看定时任务的权限。这项工作由系统管理员办理。');
  });

  it.runIf(dialect === 'postgres')('two job runners on one database run a job once: the second is turned away while the first holds the lock', async () => {
    const other = openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, ...(t.database.schema ? { schema: t.database.schema } : {}) });
    try {
      const otherCtx: AppContext = { database: other, config: ctx.config, clock: ctx.clock };
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const name = `test-once-${randomUUID().slice(0, 8)}`;
      let runs = 0;
      const job: Job = {
        name,
        schedule: '* * * * *',
        async run() {
          runs += 1;
          started();
          await gate;
          return null;
        },
      };
      const first = runJobOnce(ctx, job);
      await running;
      expect(await runJobOnce(otherCtx, job)).toBe(false);
      release();
      expect(await first).toBe(true);
      expect(runs).toBe(1);
      expect((await db().selectFrom('job_runs').select('status').where('job_name', '=', name).execute()).map((r) => r.status)).toEqual(['ok']);

      // runs for the same scheduled minute that do not overlap: the second process finds the slot taken
      const slot = new Date('2026-03-02T01:05:00.000Z');
      const quick: Job = {
        ...job,
        async run() {
          runs += 1;
          return null;
        },
      };
      expect(await runJobOnce(ctx, quick, () => {}, slot)).toBe(true);
      expect(await runJobOnce(otherCtx, quick, () => {}, slot)).toBe(false);
      expect(runs).toBe(2);
    } finally {
      await other.close();
    }
  });
});
