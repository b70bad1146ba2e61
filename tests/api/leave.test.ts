// 请假 (issue 12 §4): filed by staff with half days, approved or refused by the director with a reason (versioned,
// 409), and an approved leave marks the person 请假 for its period — started at once when already under way, ended
// by the leave job — so AB routing (rule 8) sends the clerk's new work to the B post and back when the leave ends.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { leaveWhereaboutsJob } from '../../src/modules/presence/leave-job.js';
import { mobileNumberIn } from './support/no-mobile.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.each(DIALECTS)('请假和AB岗自动顶岗 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let clerk2: string;
  let director: string;
  let clerkId: string;
  let township: string;

  const send = (cookie: string, url: string, payload: unknown, key: string | null = null) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });
  const file = (cookie: string, body: Record<string, unknown>, key = randomUUID()) => send(cookie, '/api/leaves', { kind: '事假', reason: '家中有事', ...body }, key);
  const mine = async (cookie: string) =>
    ((await t.app.inject({ url: '/api/cases?view=mine&pageSize=100', headers: { cookie } })).json().cases as { id: string }[]).map((x) => x.id);
  const register = async () => {
    const res = await send(director, '/api/cases', { channel: 'window', applicant, ...IMMEDIATE }, randomUUID());
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const me = async (cookie: string) => (await t.app.inject({ url: '/api/presence', headers: { cookie } })).json().me as { id: string; away: boolean; whereabouts: string };
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const runJob = () => runJobOnce(ctx() as never, leaveWhereaboutsJob);

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    // Monday 7 December 2026, 09:00 in Asia/Shanghai
    t.clock.now = new Date('2026-12-07T09:00:00+08:00');
    [clerk, clerk2, director] = (await Promise.all(['clerk', 'clerk2', 'director'].map((u) => signIn(t.app, u)))) as [string, string, string];
    clerkId = (await me(clerk)).id;
    township = (await t.database.db.selectFrom('orgs').select('id').where('name', '=', '柳河镇').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('files a leave once per Idempotency-Key, in half days, and refuses overlaps and bad periods in Chinese', async () => {
    const key = randomUUID();
    const first = await file(clerk, { kind: '年休假', fromDate: '2026-12-21', fromHalf: 'pm', toDate: '2026-12-23', toHalf: 'am' }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'pending', statusName: '待审批', days: 2, kind: '年休假', version: 1, userId: clerkId });
    const again = await file(clerk, { kind: '年休假', fromDate: '2026-12-21', fromHalf: 'pm', toDate: '2026-12-23', toHalf: 'am' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    // the key sent again for other days is refused (422): the second request is not silently taken as the first
    const leaves = async () => Number((await t.database.db.selectFrom('leave_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await leaves();
    const otherDays = await file(clerk, { kind: '年休假', fromDate: '2026-12-28', fromHalf: 'am', toDate: '2026-12-28', toHalf: 'pm' }, key);
    expect([otherDays.statusCode, otherDays.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await leaves()).toBe(n);
    const overlapping = await file(clerk, { fromDate: '2026-12-23', toDate: '2026-12-23' });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ code: 'LEAVE_OVERLAPS' });
    expect(overlapping.json().title).toContain('重叠');
    // the afternoon of the 23rd is free
    const afternoon = await file(clerk, { fromDate: '2026-12-23', fromHalf: 'pm', toDate: '2026-12-23', toHalf: 'pm' });
    expect(afternoon.statusCode, afternoon.body).toBe(201);
    expect(afternoon.json().days).toBe(0.5);
    const backwards = await file(clerk, { fromDate: '2026-12-10', toDate: '2026-12-09' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('LEAVE_PERIOD_INVALID');
    const weekend = await file(clerk, { fromDate: '2026-12-12', toDate: '2026-12-13' });
    expect(weekend.json().code).toBe('LEAVE_NO_WORKING_DAY');
    const noKey = await send(clerk, '/api/leaves', { kind: '事假', reason: 'x', fromDate: '2026-12-28', toDate: '2026-12-28' });
    expect(noKey.statusCode).toBe(400);
    // the person withdraws one not yet begun
    const cancelled = await send(clerk, `/api/leaves/${afternoon.json().id}/cancel`, { expectedVersion: 1 });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });

  it('only the director decides, never on their own leave; a refusal needs a reason; a stale version is 409', async () => {
    const leave = (await file(clerk2, { kind: '病假', fromDate: '2026-12-14', toDate: '2026-12-14', reason: '看牙' })).json();
    expect((await send(clerk, `/api/leaves/${leave.id}/approve`, { expectedVersion: 1 })).statusCode).toBe(403);
    const noReason = await send(director, `/api/leaves/${leave.id}/refuse`, { expectedVersion: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('不批准的理由');
    const refused = await send(director, `/api/leaves/${leave.id}/refuse`, { expectedVersion: 1, reason: '当天是赶集日，请改到周二' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', decisionReason: '当天是赶集日，请改到周二', decidedBy: expect.any(String) });
    const stale = await send(director, `/api/leaves/${leave.id}/approve`, { expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const twice = await send(director, `/api/leaves/${leave.id}/approve`, { expectedVersion: 2 });
    expect(twice.json().code).toBe('LEAVE_DECIDED');
    // the director was told of the request in the console, the clerk of the answer
    const texts = async (cookie: string) => ((await t.app.inject({ url: '/api/me/messages?pageSize=50', headers: { cookie } })).json().messages as { text: string }[]).map((m) => m.text);
    expect(await texts(director)).toContain('张磊申请病假：12月14日，共1天。请在“大厅管理 › 请假”中审批。');
    expect(await texts(clerk2)).toContain('您的病假申请（12月14日）未获批准，理由：当天是赶集日，请改到周二。');
    const own = (await file(director, { fromDate: '2026-12-15', toDate: '2026-12-15' })).json();
    const self = await send(director, `/api/leaves/${own.id}/approve`, { expectedVersion: 1 });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('LEAVE_OWN');
    // the clerk sees only their own; the director the center's
    const clerksList = (await t.app.inject({ url: '/api/leaves', headers: { cookie: clerk } })).json().leaves as { userId: string }[];
    expect(clerksList.every((l) => l.userId === clerkId)).toBe(true);
    const all = (await t.app.inject({ url: '/api/leaves?status=pending', headers: { cookie: director } })).json();
    expect(all.canApprove).toBe(true);
    expect(all.leaves.map((l: { userId: string }) => l.userId)).toContain(clerkId);
  });

  it('an approved leave today routes the clerk’s new work to the B post at once; after it ends the job sends it back to A', async () => {
    const leave = (await file(clerk, { kind: '病假', fromDate: '2026-12-07', toDate: '2026-12-07', reason: '发烧，去县医院' })).json();
    // pending: still at the post
    expect((await me(clerk)).whereabouts).toBe('在岗');
    const approved = await send(director, `/api/leaves/${leave.id}/approve`, { expectedVersion: 1, reason: '好好休息' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', underWay: true });
    expect(await me(clerk)).toMatchObject({ away: true, whereabouts: '请假' });

    const during = await register();
    expect(await mine(clerk2)).toContain(during);
    expect(await mine(clerk)).not.toContain(during);

    // the public sees 请假 and nothing of the reason or the note
    const hall = await t.app.inject({ url: `/api/hall/presence?orgId=${township}` });
    expect(hall.statusCode).toBe(200);
    const person = (hall.json().staff as { name: string; whereabouts: string }[]).find((s) => s.whereabouts === '请假');
    expect(person).toBeDefined();
    expect(hall.body).not.toContain('发烧');
    expect(hall.body).not.toContain('病假');
    expect(hall.body).not.toContain(applicant.phone);
    expect(mobileNumberIn(hall.body)).toBeNull();

    // the job during the leave changes nothing; the next morning it marks her back
    t.clock.now = new Date('2026-12-07T15:00:00+08:00');
    expect(await runJob()).toBe(true);
    expect((await me(clerk)).whereabouts).toBe('请假');
    t.clock.now = new Date('2026-12-08T00:01:00+08:00');
    await runJob();
    expect(await me(clerk)).toMatchObject({ away: false, whereabouts: '在岗' });
    await runJob(); // idempotent
    expect((await me(clerk)).whereabouts).toBe('在岗');

    t.clock.now = new Date('2026-12-08T09:00:00+08:00');
    const after = await register();
    expect(await mine(clerk)).toContain(after);
    expect(await mine(clerk2)).not.toContain(after);
  });

  it('a leave approved ahead starts by itself on its first day (job), once', async () => {
    t.clock.now = new Date('2026-12-08T10:00:00+08:00');
    const leave = (await file(clerk, { kind: '公出', fromDate: '2026-12-09', fromHalf: 'pm', toDate: '2026-12-09', toHalf: 'pm', reason: '到县里送审材料' })).json();
    expect((await send(director, `/api/leaves/${leave.id}/approve`, { expectedVersion: 1 })).statusCode).toBe(200);
    expect((await me(clerk)).whereabouts).toBe('在岗');
    t.clock.now = new Date('2026-12-09T11:59:00+08:00');
    await runJob();
    expect((await me(clerk)).whereabouts).toBe('在岗');
    t.clock.now = new Date('2026-12-09T12:00:00+08:00');
    await runJob();
    // 公出 is 出差 on the board; the note names the period, never the reason
    const board = (await t.app.inject({ url: '/api/whereabouts', headers: { cookie: director } })).json();
    const row = board.people.find((p: { id: string }) => p.id === clerkId);
    expect(row).toMatchObject({ whereabouts: '出差', leave: { kind: '公出' } });
    expect(row.note).toContain('公出');
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', leave.id).execute();
    await runJob();
    const again = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', leave.id).execute();
    expect(again.filter((a) => a.action === 'leave.start')).toHaveLength(1);
    expect(again.length).toBe(audits.length);
    // approved but begun: no withdrawing; the person sets 在岗 on returning early
    const fresh = (await t.app.inject({ url: `/api/leaves/${leave.id}`, headers: { cookie: clerk } })).json();
    expect((await send(clerk, `/api/leaves/${leave.id}/cancel`, { expectedVersion: fresh.version })).json().code).toBe('LEAVE_NOT_CANCELLABLE');
    t.clock.now = new Date('2026-12-10T00:00:00+08:00');
    await runJob();
    expect((await me(clerk)).whereabouts).toBe('在岗');
  });

  it('the director files a leave for a clerk who phoned in sick: pending like any other; a clerk may not file for another', async () => {
    const clerk2Id = (await me(clerk2)).id;
    const directorId = (await me(director)).id;
    const filed = await file(director, { userId: clerk2Id, kind: '病假', fromDate: '2027-01-11', toDate: '2027-01-11', reason: '电话请假：重感冒' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ userId: clerk2Id, status: 'pending', kind: '病假', days: 1 });
    // the director who filed it is not messaged about it
    const told = await t.database.db.selectFrom('outbox_messages').select(['recipient']).where('template', '=', 'leave-requested').where('dedupe_key', 'like', `leave-requested:${filed.json().id}:%`).execute();
    expect(told.map((m) => m.recipient)).not.toContain(directorId);
    const byClerk = await file(clerk, { userId: clerk2Id, fromDate: '2027-01-12', toDate: '2027-01-12' });
    expect(byClerk.statusCode).toBe(403);
    expect(byClerk.json().title).toContain('替他人请假');
  });

  it('whereabouts are set by the person or the director, never by another clerk; the note stays inside', async () => {
    const clerk2Id = (await me(clerk2)).id;
    const self = await send(clerk2, `/api/users/${clerk2Id}/presence`, { whereabouts: '下村', note: '柳河村三组入户核查低保' });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json()).toMatchObject({ whereabouts: '下村', away: true, awayReason: '柳河村三组入户核查低保' });
    expect((await send(clerk, `/api/users/${clerk2Id}/presence`, { whereabouts: '在岗' })).statusCode).toBe(403);
    const bad = await send(clerk2, `/api/users/${clerk2Id}/presence`, { whereabouts: '外出' });
    expect(bad.statusCode).toBe(400);
    const board = (await t.app.inject({ url: '/api/whereabouts', headers: { cookie: clerk } })).json();
    expect(board.people.find((p: { id: string }) => p.id === clerk2Id)).toMatchObject({ whereabouts: '下村', note: '柳河村三组入户核查低保', canSet: false });
    const pub = await t.app.inject({ url: `/api/hall/presence?orgId=${township}` });
    expect(pub.body).not.toContain('入户核查');
    expect(pub.json().staff.some((s: { whereabouts: string }) => s.whereabouts === '下村')).toBe(true);
    expect(Object.keys(pub.json().staff[0]).sort()).toEqual(['name', 'post', 'whereabouts']);
    const back = await send(director, `/api/users/${clerk2Id}/presence`, { whereabouts: '在岗' });
    expect(back.json()).toMatchObject({ whereabouts: '在岗', away: false, awayReason: null });
    expect((await t.app.inject({ url: '/api/hall/presence?orgId=nope' })).statusCode).toBe(404);
  });
});
