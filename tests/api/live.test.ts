// Issue 8 §2 "Live updates": GET /api/live sends each signed-in person the changes of the cases they may see —
// intake, actions, batches and the sweep's light changes — as ids, status and light only, after the change
// has committed.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { openSse, type SseClient } from './support/sse.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.each(DIALECTS)('live updates over SSE (%s)', (dialect) => {
  let t: TestApp;
  let base: string;
  let clerk: string;
  let clerk2: string;
  let agent: string;
  const open: SseClient[] = [];
  const live = async (cookie?: string) => {
    const c = await openSse(base, cookie);
    open.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00'); // a Monday in office hours
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    [clerk, clerk2, agent] = await Promise.all([signIn(t.app, 'clerk'), signIn(t.app, 'clerk2'), signIn(t.app, 'agent')]);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await t.close();
  });

  const register = (cookie: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie, 'idempotency-key': randomUUID() }, payload: body });

  it('refuses a visitor who is not signed in', async () => {
    const res = await live();
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).title).toBeTruthy();
  });

  it('tells another clerk of the center of an intake and of each action, with ids, status and light only', async () => {
    const other = await live(clerk2);
    const created = await register(clerk, { channel: 'window', applicant, ...IMMEDIATE });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: string; version: number };
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user.id as string;

    const intake = await other.next('case');
    expect(intake.json()).toMatchObject({ type: 'case', caseId: c.id, version: 1, status: 'in_progress', light: 'green', action: 'intake', byUserId: me });
    // no personal data: neither the applicant's name, ID number nor phone
    for (const secret of [applicant.name, applicant.idNumber, applicant.phone]) expect(intake.data).not.toContain(secret);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/actions/complete`,
      headers: { cookie: clerk },
      payload: { expectedVersion: c.version, outcome: 'approved', resultNo: '证明 2026-001' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await other.next('case')).json()).toMatchObject({ caseId: c.id, version: 2, status: 'completed', action: 'complete' });
  });

  it('a refused action announces nothing: the next event is the next real change', async () => {
    const other = await live(clerk2);
    const c = (await register(clerk, { channel: 'window', applicant, ...IMMEDIATE })).json() as { id: string };
    expect((await other.next('case')).json()).toMatchObject({ caseId: c.id, action: 'intake' });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/actions/complete`,
      headers: { cookie: clerk },
      payload: { expectedVersion: 99, outcome: 'approved', resultNo: '证明 2026-002' },
    });
    expect(stale.statusCode).toBe(409);
    const next = (await register(clerk, { channel: 'window', applicant, ...IMMEDIATE })).json() as { id: string };
    expect((await other.next('case')).json()).toMatchObject({ caseId: next.id, action: 'intake' });
  });

  it('a village agent hears only of the cases it may see: not of the township’s own', async () => {
    const village = await live(agent);
    const township = (await register(clerk, { channel: 'window', applicant, ...IMMEDIATE })).json() as { id: string };
    const own = await register(agent, { channel: 'agent', applicant: villager, itemCode: 'ZH-002', materials: all(['居民身份证', '户口簿或居住证']), proxy: { authorized: true } });
    expect(own.statusCode, own.body).toBe(201);
    // events arrive in the order published: the township's case would have come first
    const first = (await village.next('case')).json<{ caseId: string }>();
    expect(first.caseId).not.toBe(township.id);
    expect(first.caseId).toBe(own.json().id);
  });

  it('a village batch announces each case it forwards, and the township receiving it each case received', async () => {
    const township = await live(clerk2);
    const felling = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
    const c = await register(agent, { channel: 'agent', applicant: villager, itemCode: 'LY-001', materials: all(felling), proxy: { authorized: true } });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const sent = await t.app.inject({ method: 'POST', url: '/api/agents/batches', headers: { cookie: agent, 'idempotency-key': randomUUID() }, payload: {} });
    expect(sent.statusCode, sent.body).toBe(201);
    const next = async (action: string) => {
      for (;;) {
        const e = (await township.next('case')).json<{ caseId: string; action: string }>();
        if (e.caseId === id && e.action === action) return e;
      }
    };
    // (its intake may come first, or be folded into the forward when both are handed over together)
    expect(await next('forward')).toMatchObject({ transitOrgId: expect.any(String) });
    const received = await t.app.inject({ method: 'POST', url: `/api/agents/batches/${sent.json().id}/receive`, headers: { cookie: clerk } });
    expect(received.statusCode, received.body).toBe(200);
    expect(await next('receive')).toMatchObject({ transitOrgId: null });
  });

  it('the light sweep announces a light that moved on by itself', async () => {
    const other = await live(clerk2);
    const c = (await register(clerk, { channel: 'window', applicant, ...IMMEDIATE })).json() as { id: string };
    expect((await other.next('case')).json()).toMatchObject({ caseId: c.id, light: 'green' });
    // an 即办件 turns yellow 30 minutes after intake (rule 12)
    t.clock.advanceMinutes(31);
    expect(await runJobOnce({ database: t.database, config: loadConfig({}), clock: () => t.clock.now }, lightSweepJob)).toBe(true);
    let moved = (await other.next('case')).json<{ caseId: string; light: string; action: string }>();
    // other cases of earlier tests may have changed light in the same run
    while (moved.caseId !== c.id) moved = (await other.next('case')).json();
    expect(moved).toMatchObject({ light: 'yellow', action: 'light', byUserId: null });
  });
});
