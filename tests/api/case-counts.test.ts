// Issue 8 §5: the ledger's totals and the light counts of a filter of scope, status and light come from counts kept
// by triggers (case_counts, migration 0017) instead of counting cases. They must answer exactly what counting the
// cases answers, after every kind of write: intake, actions, the light sweep, and changes made in SQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLights } from '../../src/modules/cases/sweep-lights.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };
const SUPPLEMENT_MATERIAL = '困难情况证明材料（医疗票据、事故认定书等）';
const WAITING = { itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证', '居民户口簿']), { name: SUPPLEMENT_MATERIAL, provided: false }] };
const STATUSES = ['submitted', 'awaiting_supplement', 'in_progress', 'paused', 'completed', 'delivered', 'returned', 'withdrawn'];

describe.each(DIALECTS)('the kept case counts answer as counting the cases does (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    [clerk, supervisor] = [await signIn(t.app, 'clerk'), await signIn(t.app, 'supervisor')];
  });
  afterAll(() => t.close());

  const register = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const act = async (c: { id: string; version: number }, action: string, body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie: clerk }, payload: { expectedVersion: c.version, ...body } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  };
  const get = async (url: string, cookie: string) => {
    const res = await t.app.inject({ url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; counts?: Record<string, number> };
  };

  /**
   * Every status and light the kept counts answer, against the same filter with a date range that includes every
   * case (a date is not kept in the counts, so those count the cases), for the clerk and the county's supervisor.
   */
  const expectKeptCountsRight = async () => {
    let seen = 0;
    for (const cookie of [clerk, supervisor]) {
      for (const filter of ['', ...STATUSES.map((s) => `status=${s}`), 'light=green', 'light=yellow', 'light=red', 'status=in_progress&light=yellow']) {
        const kept = await get(`/api/cases?${filter}`, cookie);
        const counted = await get(`/api/cases?${filter}&from=2000-01-01`, cookie);
        expect(kept.total, filter).toBe(counted.total);
        seen += kept.total;
      }
      for (const filter of ['', 'status=in_progress', 'status=paused']) {
        const kept = await get(`/api/cases/lights?${filter}`, cookie);
        expect(kept, filter).toEqual(await get(`/api/cases/lights?${filter}&from=2000-01-01`, cookie));
      }
    }
    return seen;
  };

  it('after intake, actions, the light sweep and writes in SQL', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await register(IMMEDIATE));
    await register(WAITING);
    expect(await expectKeptCountsRight()).toBeGreaterThan(0);
    expect((await get('/api/cases/lights', clerk)).counts).toEqual({ green: 4, yellow: 0, red: 0 });

    // completed, then handed over; another withdrawn
    const done = await act(cases[0]!, 'complete', { outcome: 'approved', resultNo: '结果 001' });
    await act(done, 'deliver', { method: 'window' });
    await act(cases[1]!, 'withdraw', { reason: '申请人撤回' });
    await expectKeptCountsRight();

    // an 即办件 turns yellow 30 minutes after intake, red when it is overdue: the sweep stores it
    t.clock.now = new Date('2026-03-02T09:45:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    supervisor = await signIn(t.app, 'supervisor');
    expect((await sweepLights(t.database.db, t.clock.now)).changed).toBe(2);
    expect((await get('/api/cases/lights', clerk)).counts).toEqual({ green: 0, yellow: 2, red: 0 });
    await expectKeptCountsRight();

    // changes no action makes (a correction in SQL, a deleted case): the triggers follow them too
    const { db } = t.database;
    const county = (await db.selectFrom('orgs').select('id').where('level', '=', 'county').executeTakeFirstOrThrow()).id;
    await db.updateTable('cases').set({ receiving_org_id: county }).where('id', '=', cases[2]!.id).execute();
    await db.updateTable('cases').set({ light: 'red' }).where('id', '=', cases[3]!.id).execute();
    await db.updateTable('cases').set({ updated_at: t.clock.now.toISOString() }).execute();
    expect((await get('/api/cases/lights', clerk)).counts).toEqual({ green: 0, yellow: 0, red: 1 });
    expect((await get('/api/cases/lights', supervisor)).counts).toEqual({ green: 0, yellow: 1, red: 1 });
    await expectKeptCountsRight();
    const source = await db.selectFrom('cases').selectAll().where('id', '=', cases[3]!.id).executeTakeFirstOrThrow();
    const copy = randomUUID();
    await db.insertInto('cases').values({ ...source, id: copy, case_no: `${source.case_no}-副本` }).execute();
    expect((await get('/api/cases/lights', clerk)).counts).toEqual({ green: 0, yellow: 0, red: 2 });
    await expectKeptCountsRight();
    await db.deleteFrom('cases').where('id', '=', copy).execute();
    expect((await get('/api/cases/lights', clerk)).counts).toEqual({ green: 0, yellow: 0, red: 1 });
    await expectKeptCountsRight();
  });
});
