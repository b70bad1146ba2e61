// Issue 8 §2 "Several app processes": two app processes on one PostgreSQL database — each its own pool, bus and
// LISTEN connection, as two `npm start` behind nginx would be — share live updates through LISTEN/NOTIFY: a change
// made through one reaches a live client of the other, once, and still does after the LISTEN connection dropped.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf } from '../../src/server/bus.js';
import { openSse, type SseClient } from './support/sse.js';
import { signIn, type TestApp } from './support/test-app.js';
import { startTwoProcesses, type TwoProcesses } from './support/two-processes.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('两个应用进程共享实时推送的测试已跳过：需要 PostgreSQL，请设置 TEST_DATABASE_URL=postgres://… 后再运行。');
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.skipIf(!url)(`two app processes on one PostgreSQL database${url ? '' : ' — SKIPPED: set TEST_DATABASE_URL (postgres://…) to run'}`, () => {
  let procs: TwoProcesses;
  let a: TestApp;
  let b: FastifyInstance;
  let base: TwoProcesses['base'];
  let clerk: string;
  let clerk2: string;
  const open: SseClient[] = [];
  const live = async (at: string, cookie: string) => {
    const c = await openSse(at, cookie);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    procs = await startTwoProcesses(url!, '2026-03-02T09:00:00+08:00');
    ({ a, b, base } = procs);
    // sessions live in the shared database: one sign-in serves both processes
    [clerk, clerk2] = await Promise.all([signIn(a.app, 'clerk'), signIn(b, 'clerk2')]);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await procs?.close();
  });

  const register = (app: FastifyInstance, cookie: string) =>
    app.inject({ method: 'POST', url: '/api/cases', headers: { cookie, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...IMMEDIATE } });

  it('a case registered through one process reaches a live client of the other', async () => {
    const onB = await live(base.b, clerk2);
    const created = await register(a.app, clerk);
    expect(created.statusCode, created.body).toBe(201);
    expect((await onB.next('case')).json()).toMatchObject({ caseId: created.json().id, action: 'intake', status: 'in_progress' });
  });

  it('and the other way round; each client hears each change once, whichever process made it', async () => {
    const onA = await live(base.a, clerk);
    const onB = await live(base.b, clerk2);
    const throughB = (await register(b, clerk2)).json().id as string;
    const throughA = (await register(a.app, clerk)).json().id as string;
    for (const client of [onA, onB]) {
      // a process's own change and one NOTIFYed from the other may arrive in either order; each exactly once,
      // so the first two are the two cases (never throughB a second time, its own process's NOTIFY coming back)
      const heard = [(await client.next('case')).json().caseId, (await client.next('case')).json().caseId];
      expect(heard.sort()).toEqual([throughA, throughB].sort());
    }
  });

  it('after its LISTEN connection is cut, a process reconnects, tells its clients to refetch, and hears again', async () => {
    const onB = await live(base.b, clerk2);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // cut every LISTEN connection on this schema's channel (both processes' ones), as a database restart would
      const { rows } = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where query = $1 and datname = current_database()`,
        [`LISTEN "${channelOf({ kind: 'postgres', url: url!, schema: a.database.schema! })}"`],
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const { pid } of rows) await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await onB.next('resync');
    const created = (await register(a.app, clerk)).json().id as string;
    expect((await onB.next('case')).json()).toMatchObject({ caseId: created });
  });
});
