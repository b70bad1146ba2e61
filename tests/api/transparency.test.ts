// 政务公开 (issue 11 §3): the public tree of centers and one center's page — address, hours, phones with the
// supervision phone, staff with post and whereabouts (kind only), this and last month's figures with the 好评率,
// closed complaints' outcomes, notices shown today — and its finished cases with masked names. Never an ID number or
// a phone of the public. Notices: the director (or the system administrator) publishes, edits (versioned, 409 on a
// stale copy) and withdraws; inside the minimum period only with a reason (422 and nothing changed), counted in
// Asia/Shanghai calendar days.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeDetailSchema, noticeListSchema } from '../../src/domain/notices/contract.js';
import { finishedCasesSchema, publicCenterSchema, publicCenterTreeSchema } from '../../src/domain/transparency/contract.js';
import { loadConfig } from '../../src/server/config.js';
import { drainAll } from '../support/drain.js';
import { portraitPng } from '../support/images.js';
import { multipart } from './support/multipart.js';
import { mobileNumberIn } from './support/no-mobile.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '欧阳明华', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.each(DIALECTS)('政务公开和公告 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let admin: string;
  let otherDirector: string;
  let township: string;
  let otherTownship: string;
  let village: string;

  const anon = (url: string) => t.app.inject({ method: 'GET', url });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: unknown, key: string | null = randomUUID()) =>
    t.app.inject({ method, url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });
  const center = async (id = township) => {
    const res = await anon(`/api/public/centers/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, page: publicCenterSchema.parse(res.json()) };
  };
  const publish = async (cookie: string, body: Record<string, unknown>, key = randomUUID()) => send(cookie, 'POST', '/api/notices', { title: '测试公告', body: '公告内容', minDays: 7, ...body }, key);
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    village = orgs.find((o) => o.name === '柳河村')!.id;
    const base = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ ...base, id: randomUUID(), username: 'shiqiao-director', name: '石桥主任', org_id: otherTownship }).execute();
    [clerk, director, admin, otherDirector] = (await Promise.all(['clerk', 'director', 'admin', 'shiqiao-director'].map((u) => signIn(t.app, u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  it('lists the centers as a tree without signing in', async () => {
    const res = await anon('/api/public/centers');
    expect(res.statusCode).toBe(200);
    const tree = publicCenterTreeSchema.parse(res.json());
    expect(tree.centers).toHaveLength(1);
    expect(tree.centers[0]!.level).toBe('county');
    const liuhe = tree.centers[0]!.children.find((c) => c.id === township)!;
    expect(liuhe.name).toBe('柳河镇便民服务中心');
    expect(liuhe.children.map((v) => v.id)).toContain(village);
    expect(liuhe.children.every((v) => v.level === 'village')).toBe(true);
    expect((await anon(`/api/public/centers/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('shows the demo notices shown today (not the withdrawn one), closed complaints without the complainant, the supervision phone', async () => {
    const { page, body } = await center();
    expect(page.supervisionPhone).toBe('0371-6688 1200');
    expect(page.officeHours.sessions.length).toBeGreaterThan(0);
    expect(page.notices.map((n) => n.title)).toEqual(expect.arrayContaining(['元旦假期办公时间安排', '关于做好2027年度城乡居民基本养老保险集中缴费的公告']));
    expect(body).not.toContain('民政窗口临时调整');
    const upheld = page.complaints.find((c) => c.title === '办理低保申请被要求反复补材料')!;
    expect(upheld.upheld).toBe(true);
    expect(upheld.outcome).toContain('投诉属实');
    // the answer addressed to the complainant and who complained stay inside
    expect(body).not.toContain('陈秀芳');
    expect(body).not.toContain('您母亲');
    // complaints still open are not outcomes
    expect(page.complaints.map((c) => c.title)).not.toContain('中心中午无人值班');
    expect(page.parent?.name).toBe('清河县政务服务中心');
    expect(page.children.map((c) => c.id)).toContain(village);
  });

  it('offers 手机取号 and 预约 where the hall gives numbers: the demo township, not a village room', async () => {
    expect((await center()).page.takesNumbers).toBe(true);
    expect((await center(village)).page.takesNumbers).toBe(false);
  });

  it('shows the staff with post, windows and whereabouts by kind, never the reason typed', async () => {
    const clerk2 = await t.database.db.selectFrom('users').select('id').where('username', '=', 'clerk2').executeTakeFirstOrThrow();
    const away = await t.app.inject({ method: 'POST', url: `/api/users/${clerk2.id}/presence`, headers: { cookie: director }, payload: { whereabouts: '请假', note: '孩子生病住院' } });
    expect(away.statusCode, away.body).toBe(200);
    const { page, body } = await center();
    const director_ = page.staff.find((s) => s.post === '中心主任')!;
    expect(director_.whereabouts).toBe('在岗');
    const me = page.staff.find((s) => s.userId === clerk2.id)!;
    expect(me).toMatchObject({ post: '窗口工作人员', whereabouts: '请假' });
    expect(me.windows.length).toBeGreaterThan(0);
    expect(me.windows.every((w) => w.post === 'B')).toBe(true);
    expect(body).not.toContain('孩子生病');
    // only people who serve the public: no administrators, supervisors or auditors
    expect(page.staff.map((s) => s.post).filter((p) => !['中心主任', '带班领导', '窗口工作人员', '村级代办员'].includes(p))).toEqual([]);
    await t.app.inject({ method: 'POST', url: `/api/users/${clerk2.id}/presence`, headers: { cookie: director }, payload: { away: false } });
  });

  it('says who has a photo: photoUrl only for those with one (the page asks for no photo that does not exist)', async () => {
    const clerk2 = await t.database.db.selectFrom('users').select('id').where('username', '=', 'clerk2').executeTakeFirstOrThrow();
    const before = (await center()).page.staff;
    // every photo named is served; every person without one answers 404 — the page does not ask for those
    for (const s of before) {
      const res = await anon(s.photoUrl ?? `/api/public/staff/${s.userId}/photo`);
      expect(res.statusCode, s.name).toBe(s.photoUrl ? 200 : 404);
    }
    expect(before.find((s) => s.userId === clerk2.id)!.photoUrl).toBeNull();

    const png = portraitPng(30, 40);
    const body = multipart({ name: '张磊.png', content: png, type: 'image/png' });
    const up = await t.app.inject({ method: 'PUT', url: `/api/users/${clerk2.id}/photo`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(200);
    const hash = createHash('sha256').update(png).digest('hex');
    const me = (await center()).page.staff.find((s) => s.userId === clerk2.id)!;
    expect(me.photoUrl).toBe(`/api/public/staff/${clerk2.id}/photo?v=${hash}`);
    const served = await anon(me.photoUrl!);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload).toEqual(png);
    // the address names the content: kept for a year
    expect(served.headers['cache-control']).toContain('immutable');

    expect((await t.app.inject({ method: 'DELETE', url: `/api/users/${clerk2.id}/photo`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await center()).page.staff.find((s) => s.userId === clerk2.id)!.photoUrl).toBeNull();
  });

  it('finished cases: masked names, on time, the month figures and 好评率; no ID number or phone anywhere', async () => {
    t.clock.now = new Date('2026-12-07T09:00:00+08:00');
    const res = await send(clerk, 'POST', '/api/cases', { channel: 'window', applicant, ...IMMEDIATE });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: string; caseNo: string; version: number };
    const done = await send(clerk, 'POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '证 1' }, null);
    expect(done.statusCode, done.body).toBe(200);
    await drainAll(ctx() as never);
    const rated = await t.app.inject({ method: 'POST', url: '/api/public/ratings', payload: { caseNo: c.caseNo, phone4: '5678', level: 'very_satisfied' } });
    expect(rated.statusCode, rated.body).toBe(201);

    const results = await anon(`/api/public/centers/${township}/results?page=1&pageSize=5`);
    expect(results.statusCode, results.body).toBe(200);
    const list = finishedCasesSchema.parse(results.json());
    expect(list.results[0]).toEqual({ caseNo: c.caseNo, itemName: '老年人优待证办理', applicantName: '欧**', finishedOn: '2026-12-07', onTime: true });
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.pageSize).toBe(5);
    for (const r of list.results) expect(r.applicantName).toMatch(/^.\*\*$/u);
    const page2 = finishedCasesSchema.parse((await anon(`/api/public/centers/${township}/results?page=2&pageSize=5`)).json());
    expect(page2.results.map((r) => r.caseNo)).not.toContain(c.caseNo);
    expect((await anon(`/api/public/centers/${township}/results?pageSize=500`)).statusCode).toBe(400);

    const { page, body } = await center();
    const december = page.months[0]!;
    expect(page.months.map((m) => m.month)).toEqual(['2026-12', '2026-11']);
    expect(december.received).toBeGreaterThanOrEqual(1);
    expect(december.finished).toBeGreaterThanOrEqual(1);
    expect(december.onTimeRate).not.toBeNull();
    expect(december.rated).toBeGreaterThanOrEqual(1);
    expect(december.goodRate).not.toBeNull();

    // nothing personal of the public, on any page: every ID number and phone the database holds
    const db = t.database.db;
    const secrets = [
      ...(await db.selectFrom('cases').select(['applicant_id_number', 'applicant_phone', 'applicant_name']).execute()).flatMap((r) => [r.applicant_id_number, r.applicant_phone, r.applicant_name]),
      ...(await db.selectFrom('complaints').select(['complainant_phone', 'complainant_name']).execute()).flatMap((r) => [r.complainant_phone, r.complainant_name]),
      ...(await db.selectFrom('users').select(['phone']).execute()).map((r) => r.phone),
    ].filter((s): s is string => typeof s === 'string' && s.length >= 2);
    expect(secrets).toContain(applicant.idNumber);
    for (const text of [body, results.body, (await anon('/api/public/centers')).body]) {
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
      expect(text).not.toMatch(/\d{17}[\dXx]/);
    }
    // no mobile number either (a village room may publish its agent's mobile as its phone: the tree is left out)
    for (const text of [body, results.body]) expect(mobileNumberIn(text)).toBeNull();
  });

  it('the director publishes a notice: shown from its start date; a double submit makes one', async () => {
    t.clock.now = new Date('2027-03-01T09:00:00+08:00');
    const key = randomUUID();
    const first = await publish(director, { title: '春耕农资补贴申领公告', startDate: '2027-03-01', endDate: '2027-03-31' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const n = noticeDetailSchema.parse(first.json());
    expect(n).toMatchObject({ orgId: township, status: 'published', statusName: '公示中', shown: true, reasonRequired: true, minimumLastDay: '2027-03-07', version: 1 });
    expect(n.versions.map((v) => v.action)).toEqual(['publish']);
    const again = await publish(director, { title: '春耕农资补贴申领公告', startDate: '2027-03-01', endDate: '2027-03-31' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(n.id);
    // the key sent again with another notice is refused (422): the second notice is not silently dropped
    const other = await publish(director, { title: '秋收农机补贴申领公告', startDate: '2027-03-01', endDate: '2027-03-31' }, key);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await t.database.db.selectFrom('notices').select('id').where('title', '=', '秋收农机补贴申领公告').execute()).toHaveLength(0);
    // the same key sent twice at once: one notice, never a 500
    const key2 = randomUUID();
    const both = await Promise.all([publish(director, { title: '同时提交两次', startDate: '2027-03-01' }, key2), publish(director, { title: '同时提交两次', startDate: '2027-03-01' }, key2)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json().id).toBe(both[1]!.json().id);
    expect(await t.database.db.selectFrom('notices').select('id').where('title', '=', '同时提交两次').execute()).toHaveLength(1);
    expect((await center()).page.notices.map((x) => x.id)).toContain(n.id);
    // one starting tomorrow is not shown yet
    const later = noticeDetailSchema.parse((await publish(director, { title: '明天开始的公告', startDate: '2027-03-02' })).json());
    expect(later.statusName).toBe('待公示');
    expect((await center()).page.notices.map((x) => x.id)).not.toContain(later.id);
    const list = noticeListSchema.parse((await get(director, '/api/notices')).json());
    expect(list.notices.filter((x) => [n.id, later.id].includes(x.id))).toHaveLength(2);
    expect(list.centers).toEqual([{ id: township, name: '柳河镇便民服务中心' }]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', n.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['notice.publish']);
  });

  it('only the director of that center or the administrator manages its notices', async () => {
    t.clock.now = new Date('2027-03-01T09:00:00+08:00');
    expect((await publish(clerk, { startDate: '2027-03-01' })).statusCode).toBe(403);
    expect((await get(clerk, '/api/notices')).statusCode).toBe(403);
    expect((await publish(otherDirector, { startDate: '2027-03-01', orgId: township })).statusCode).toBe(403);
    expect((await get(otherDirector, `/api/notices?orgId=${township}`)).statusCode).toBe(403);
    const byAdmin = await publish(admin, { startDate: '2027-03-01', orgId: village, title: '村务公开栏更新' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    const n = noticeDetailSchema.parse(byAdmin.json());
    expect(n.orgId).toBe(village);
    expect((await send(otherDirector, 'POST', `/api/notices/${n.id}/withdraw`, { reason: '不是本中心的', expectedVersion: 1 }, null)).statusCode).toBe(403);
    expect((await get(director, `/api/notices/${n.id}`)).statusCode).toBe(403);
    expect(noticeListSchema.parse((await get(admin, `/api/notices?orgId=${village}`)).json()).notices.map((x) => x.id)).toContain(n.id);
    expect((await publish(director, { startDate: '2027-03-01' }, null as never)).statusCode).toBe(400);
  });

  it('refuses bad terms with Chinese reasons and changes nothing', async () => {
    t.clock.now = new Date('2027-03-01T09:00:00+08:00');
    const count = async () => Number((await t.database.db.selectFrom('notices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const early = await publish(director, { startDate: '2027-03-01', minDays: 10, endDate: '2027-03-05' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'NOTICE_END_TOO_EARLY' });
    expect(early.json().title).toContain('2027-03-10');
    const past = await publish(director, { startDate: '2027-02-28' });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('NOTICE_START_PAST');
    const noTitle = await publish(director, { title: '', startDate: '2027-03-01' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().title).toContain('公告标题');
    expect((await publish(director, { startDate: '2027-03-01', minDays: 0 })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('edits are versioned (stale copy → 409); withdrawing inside the minimum period needs a reason, counted in Shanghai days', async () => {
    t.clock.now = new Date('2027-04-01T10:00:00+08:00');
    const n = noticeDetailSchema.parse((await publish(director, { title: '四月公告', startDate: '2027-04-01', minDays: 7 })).json());
    const edit = await send(director, 'PATCH', `/api/notices/${n.id}`, { body: '改过的内容', endDate: '2027-04-30', expectedVersion: 1 }, null);
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = noticeDetailSchema.parse(edit.json());
    expect(edited).toMatchObject({ version: 2, body: '改过的内容', endDate: '2027-04-30' });
    expect(edited.versions.map((v) => [v.version, v.action, v.body])).toEqual([[2, 'edit', '改过的内容'], [1, 'publish', '公告内容']]);
    const stale = await send(director, 'PATCH', `/api/notices/${n.id}`, { title: '别人的修改', expectedVersion: 1 }, null);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const staleWithdraw = await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { reason: '有误', expectedVersion: 1 }, null);
    expect(staleWithdraw.statusCode).toBe(409);
    // once shown, the minimum cannot shrink and the start stays
    const shrink = await send(director, 'PATCH', `/api/notices/${n.id}`, { minDays: 3, expectedVersion: 2 }, null);
    expect(shrink.statusCode).toBe(422);
    expect(shrink.json().code).toBe('NOTICE_STARTED');

    // 2027-04-07 23:59 in Shanghai (15:59 UTC): the 7th day, still inside
    t.clock.now = new Date('2027-04-07T15:59:00Z');
    const refused = await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { expectedVersion: 2 }, null);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'NOTICE_REASON_REQUIRED' });
    expect(refused.json().title).toContain('撤下原因');
    const blank = await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { reason: '   ', expectedVersion: 2 }, null);
    expect(blank.statusCode).toBe(422);
    const unchanged = noticeDetailSchema.parse((await get(director, `/api/notices/${n.id}`)).json());
    expect(unchanged).toMatchObject({ status: 'published', version: 2, reasonRequired: true, shown: true });
    expect(unchanged.versions).toHaveLength(2);
    expect((await center()).page.notices.map((x) => x.id)).toContain(n.id);

    // 2027-04-08 00:00 in Shanghai (still 04-07 in UTC): the period has run, no reason needed
    t.clock.now = new Date('2027-04-07T16:00:00Z');
    const listed = noticeListSchema.parse((await get(director, '/api/notices')).json()).notices.find((x) => x.id === n.id)!;
    expect(listed.reasonRequired).toBe(false);
    const ok = await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { expectedVersion: 2 }, null);
    expect(ok.statusCode, ok.body).toBe(200);
    const withdrawn = noticeDetailSchema.parse(ok.json());
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusName: '已撤下', shown: false, withdrawReason: null, version: 3, allowedActions: [] });
    expect(withdrawn.withdrawnByName).toBeTruthy();
    expect((await center()).page.notices.map((x) => x.id)).not.toContain(n.id);
    expect((await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { expectedVersion: 3 }, null)).statusCode).toBe(409);
    expect((await send(director, 'PATCH', `/api/notices/${n.id}`, { title: '再改', expectedVersion: 3 }, null)).statusCode).toBe(409);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', n.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['notice.publish', 'notice.edit', 'notice.withdraw']);
  });

  it('withdrawal inside the period with a reason is recorded with it', async () => {
    t.clock.now = new Date('2027-05-06T09:00:00+08:00');
    const n = noticeDetailSchema.parse((await publish(director, { title: '五月公告', startDate: '2027-05-06', minDays: 10 })).json());
    const res = await send(director, 'POST', `/api/notices/${n.id}/withdraw`, { reason: '数字有误，更正后重新发布', expectedVersion: 1 }, null);
    expect(res.statusCode, res.body).toBe(200);
    const w = noticeDetailSchema.parse(res.json());
    expect(w.withdrawReason).toBe('数字有误，更正后重新发布');
    expect(w.versions[0]).toMatchObject({ action: 'withdraw', note: '数字有误，更正后重新发布', actionName: '撤下' });
  });
});
