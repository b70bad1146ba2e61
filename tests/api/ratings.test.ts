// 好差评 rating capture (issue 10 §1): one rating per case and rater (409), staff of the handling center refused,
// the window pad rates only its own window's just-finished case, the paper form marked as keyed in on the rater's
// behalf (idempotent), the signed QR/SMS links, the SMS invitation once, the default 基本满意 after 7 natural days
// (across a weekend and the year end), the list's scope and the 表9 export.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingDefaultsJob, ratingInvitationsJob } from '../../src/modules/evaluation/jobs.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.each(DIALECTS)('好差评 rating capture (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let supervisor: string;
  let otherClerk: string;
  let windowId: string;
  let otherWindowId: string;
  let townshipId: string;
  let itemId: string;
  const ctx = () => ({ database: t.database, config: (t.app as unknown as { ctx?: never }).ctx ?? cfg, clock: () => t.clock.now });
  let cfg: Parameters<typeof runJobOnce>[0]['config'];

  const newCase = async (at: string, phone = applicant.phone, window = windowId) => {
    t.clock.now = new Date(at);
    // the window the item is offered at decides the case's window
    await t.database.db.updateTable('org_items').set({ window_id: window }).where('org_id', '=', townshipId).where('item_id', '=', itemId).execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant: { ...applicant, phone }, ...IMMEDIATE },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: string; caseNo: string; version: number };
    return c;
  };
  const complete = async (c: { id: string; version: number }, at?: string) => {
    if (at) t.clock.now = new Date(at);
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/complete`, headers: { cookie: clerk }, payload: { expectedVersion: c.version, outcome: 'approved', resultNo: '证 1' } });
    expect(res.statusCode, res.body).toBe(200);
    await drainAll(ctx() as never);
  };
  const rate = (payload: Record<string, unknown>, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/api/public/ratings', headers: cookie ? { cookie } : {}, payload });

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false }, publicUrl: 'https://bianmin.example.gov.cn' } });
    cfg = { ...(await import('../../src/server/config.js')).loadConfig({}), publicUrl: 'https://bianmin.example.gov.cn' } as never;
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    const township = orgs.find((o) => o.name === '柳河镇')!;
    const other = orgs.find((o) => o.name === '石桥乡')!;
    const at = t.clock.now.toISOString();
    townshipId = township.id;
    itemId = (await db.selectFrom('items').select('id').where('code', '=', 'MZ-002').executeTakeFirstOrThrow()).id;
    windowId = randomUUID();
    otherWindowId = randomUUID();
    for (const [wid, name] of [[windowId, '评价测试一号窗'], [otherWindowId, '评价测试二号窗']] as const) {
      await db.insertInto('windows').values({ id: wid, org_id: township.id, name, department: null, post_a_user_id: null, post_b_user_id: null, active: 1, created_at: at, updated_at: at, version: 1 }).execute();
    }
    const base = (await db.selectFrom('users').selectAll().where('username', '=', 'clerk').executeTakeFirstOrThrow());
    await db.insertInto('users').values({ ...base, id: randomUUID(), username: 'shiqiao-clerk', name: '石桥办事员', org_id: other.id }).execute();
    [clerk, director, supervisor, otherClerk] = (await Promise.all(['clerk', 'director', 'supervisor', 'shiqiao-clerk'].map((u) => signIn(t.app, u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  it('the progress page rates a finished case once: 201, a second → 409 with a Chinese message; an open case cannot be rated', async () => {
    const c = await newCase('2026-03-02T09:00:00+08:00');
    const early = await rate({ caseNo: c.caseNo, phone4: '5678', level: 'satisfied' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('CASE_NOT_FINISHED');
    await complete(c);
    expect((await rate({ caseNo: c.caseNo, phone4: '0000', level: 'satisfied' })).statusCode).toBe(404);
    const offer = await t.app.inject({ url: `/api/public/ratings/offer?caseNo=${c.caseNo}&phone4=5678` });
    expect(offer.json()).toMatchObject({ ratable: true, rated: null });
    const first = await rate({ caseNo: c.caseNo, phone4: '5678', level: 'very_satisfied', comment: '办得快' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ level: 'very_satisfied', levelName: '非常满意', channel: 'progress' });
    const second = await rate({ caseNo: c.caseNo, phone4: '5678', level: 'dissatisfied' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'ALREADY_RATED' });
    expect(second.json().title).toMatch(/一事一评/);
    // two at the same moment: one 201, one 409, never a 500
    const c2 = await newCase('2026-03-02T10:00:00+08:00');
    await complete(c2);
    const both = await Promise.all([rate({ caseNo: c2.caseNo, phone4: '5678', level: 'satisfied' }), rate({ caseNo: c2.caseNo, phone4: '5678', level: 'basic' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.database.db.selectFrom('ratings').selectAll().where('case_id', '=', c2.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('a staff session of the handling center is refused (403); staff of another center rating as a villager is not', async () => {
    const c = await newCase('2026-03-03T09:00:00+08:00', '13800001234');
    await complete(c);
    const refused = await rate({ caseNo: c.caseNo, phone4: '1234', level: 'very_satisfied' }, clerk);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('RATER_IS_STAFF');
    expect((await rate({ caseNo: c.caseNo, phone4: '1234', level: 'very_satisfied' }, director)).statusCode).toBe(403);
    expect((await rate({ caseNo: c.caseNo, phone4: '1234', level: 'satisfied' }, otherClerk)).statusCode).toBe(201);
  });

  it('the QR link on the completion notice: signed, from the public address; a changed letter is refused', async () => {
    const c = await newCase('2026-03-04T09:00:00+08:00', '13800002222');
    await complete(c);
    const link = await t.app.inject({ url: `/api/evaluations/rating-link?caseId=${c.id}`, headers: { cookie: clerk } });
    expect(link.statusCode, link.body).toBe(200);
    const { url, qrSvg } = link.json() as { url: string; qrSvg: string };
    expect(url).toMatch(/^https:\/\/bianmin\.example\.gov\.cn\/rate\?t=q/);
    expect(qrSvg).toContain('<svg');
    const token = decodeURIComponent(url.split('t=')[1]!);
    // one character changed inside the signature (not its last, whose low bits base64 ignores)
    const at = token.length - 8;
    const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect((await rate({ token: forged, level: 'satisfied' })).statusCode).toBe(404);
    const ok = await rate({ token, level: 'dissatisfied', comment: '等了很久' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().channel).toBe('qr');
    expect((await rate({ token, level: 'satisfied' })).statusCode).toBe(409);
  });

  it('the window pad: registered by the director, rates only the case just finished at its own window', async () => {
    const reg = await t.app.inject({ method: 'POST', url: '/api/evaluations/pads', headers: { cookie: director }, payload: { windowId } });
    expect(reg.statusCode, reg.body).toBe(201);
    const { code, pad } = reg.json() as { code: string; pad: { id: string; version: number } };
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await t.app.inject({ method: 'POST', url: '/api/evaluations/pads', headers: { cookie: clerk }, payload: { windowId } })).statusCode).toBe(403);
    const padHeaders = { 'x-pad-token': code.toLowerCase() };
    expect((await t.app.inject({ url: '/api/hall/pad', headers: padHeaders })).json()).toMatchObject({ windowId, active: true });
    expect((await t.app.inject({ url: '/api/hall/pad', headers: { 'x-pad-token': 'AAAA-BBBB-CCCC-DDDD' } })).statusCode).toBe(401);

    const c = await newCase('2026-03-05T09:00:00+08:00', '13800003333');
    await complete(c, '2026-03-05T09:10:00+08:00');
    const offer = await t.app.inject({ url: '/api/hall/pad/offer', headers: padHeaders });
    expect(offer.json().offer).toMatchObject({ caseId: c.id, applicantName: '王**' });
    // a case of another window: refused
    const other = await newCase('2026-03-05T09:20:00+08:00', '13800004444', otherWindowId);
    await complete(other, '2026-03-05T09:21:00+08:00');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/hall/pad/ratings', headers: padHeaders, payload: { caseId: other.id, level: 'satisfied' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('PAD_OTHER_WINDOW');
    // a pad on which a clerk of the center signed in to the console: refused
    const asStaff = await t.app.inject({ method: 'POST', url: '/api/hall/pad/ratings', headers: { ...padHeaders, cookie: clerk }, payload: { caseId: c.id, level: 'very_satisfied' } });
    expect(asStaff.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/hall/pad/ratings', headers: padHeaders, payload: { caseId: c.id, level: 'very_satisfied' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await t.database.db.selectFrom('ratings').select(['channel', 'pad_id']).where('case_id', '=', c.id).executeTakeFirstOrThrow())).toEqual({ channel: 'pad', pad_id: pad.id });
    expect((await t.app.inject({ url: '/api/hall/pad/offer', headers: padHeaders })).json().offer).toBeNull();
    // finished an hour ago: no longer "just finished"
    const late = await newCase('2026-03-05T10:00:00+08:00', '13800005555');
    await complete(late, '2026-03-05T10:01:00+08:00');
    t.clock.now = new Date('2026-03-05T11:30:00+08:00');
    const tooLate = await t.app.inject({ method: 'POST', url: '/api/hall/pad/ratings', headers: padHeaders, payload: { caseId: late.id, level: 'satisfied' } });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('PAD_TOO_LATE');
    // revoked: the code no longer works
    const revoked = await t.app.inject({ method: 'POST', url: `/api/evaluations/pads/${pad.id}/revoke`, headers: { cookie: director }, payload: { expectedVersion: pad.version } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await t.app.inject({ url: '/api/hall/pad', headers: padHeaders })).statusCode).toBe(401);
  });

  it('the pad hears live (SSE, its code in a header) of the cases finished at its own window only', async () => {
    const { code } = (await t.app.inject({ method: 'POST', url: '/api/evaluations/pads', headers: { cookie: director }, payload: { windowId } })).json() as { code: string };
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${address}/api/hall/pad/stream`)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${address}/api/hall/pad/stream`, { headers: { 'x-pad-token': code }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
    };
    await until(/event: ready/);
    const elsewhere = await newCase('2026-03-05T14:00:00+08:00', '13800001111', otherWindowId);
    await complete(elsewhere, '2026-03-05T14:01:00+08:00');
    const here = await newCase('2026-03-05T14:02:00+08:00', '13800001112');
    await complete(here, '2026-03-05T14:03:00+08:00');
    await until(new RegExp(`event: offer\ndata: \\{"caseId":"${here.id}"\\}`));
    expect(text).not.toContain(elsewhere.id);
    controller.abort();
  });

  it('the paper form: keyed in by the clerk, marked as on the rater\'s behalf, idempotent, then 409', async () => {
    const c = await newCase('2026-03-06T09:00:00+08:00', '13800006666');
    await complete(c);
    const key = randomUUID();
    const send = (k: string) =>
      t.app.inject({ method: 'POST', url: '/api/evaluations/paper', headers: { cookie: clerk, 'idempotency-key': k }, payload: { caseId: c.id, level: 'basic', comment: '纸质表', ratedOn: '2026-03-06' } });
    const first = await send(key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().evaluation).toMatchObject({ channel: 'paper', channelName: '纸质评价表（代录）', enteredBy: { name: expect.any(String) }, level: 'basic' });
    const again = await send(key);
    expect(again.statusCode).toBe(200);
    expect(again.json().evaluation.id).toBe(first.json().evaluation.id);
    // the key sent again with another form (another level) is refused and the rating keyed in first stays
    const other = await t.app.inject({ method: 'POST', url: '/api/evaluations/paper', headers: { cookie: clerk, 'idempotency-key': key }, payload: { caseId: c.id, level: 'dissatisfied', comment: '纸质表', ratedOn: '2026-03-06' } });
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const kept = (await t.app.inject({ url: `/api/evaluations?caseId=${c.id}`, headers: { cookie: clerk } })).json();
    expect(kept.total).toBe(1);
    expect(kept.evaluations[0]).toMatchObject({ level: 'basic' });
    expect((await send(randomUUID())).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/evaluations/paper', headers: { cookie: supervisor, 'idempotency-key': randomUUID() }, payload: { caseId: c.id, level: 'basic' } })).statusCode).toBe(403);
  });

  it('the paper form may name the case by its number; the periods are settings only the sysadmin changes', async () => {
    const c = await newCase('2026-03-09T09:00:00+08:00', '13800009999');
    await complete(c);
    const byNo = await t.app.inject({ method: 'POST', url: '/api/evaluations/paper', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { caseNo: c.caseNo.replace(/-/g, ''), level: 'satisfied' } });
    expect(byNo.statusCode, byNo.body).toBe(201);
    expect(byNo.json().evaluation.caseId).toBe(c.id);
    const one = await t.app.inject({ url: `/api/evaluations?caseId=${c.id}`, headers: { cookie: clerk } });
    expect(one.json().total).toBe(1);
    expect((await t.app.inject({ url: '/api/evaluations/settings', headers: { cookie: clerk } })).json()).toEqual({ inviteDays: 3, defaultDays: 7 });
    expect((await t.app.inject({ method: 'PUT', url: '/api/evaluations/settings', headers: { cookie: director }, payload: { inviteDays: 2, defaultDays: 5 } })).statusCode).toBe(403);
    const admin = await signIn(t.app, 'admin');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/evaluations/settings', headers: { cookie: admin }, payload: { inviteDays: 8, defaultDays: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/邀请天数应小于默认评价天数/);
    // back to the defaults the next test counts with
    expect((await t.app.inject({ method: 'PUT', url: '/api/evaluations/settings', headers: { cookie: admin }, payload: { inviteDays: 3, defaultDays: 7 } })).statusCode).toBe(200);
  });

  it('the SMS invitation on the 3rd natural day at 09:00, once; the default 基本满意 after 7 natural days, across a weekend and the year end', async () => {
    // finished Wednesday 2026-12-30 16:00: invitation Saturday 2027-01-02 09:00; default from Thursday 2027-01-07 00:00
    const c = await newCase('2026-12-30T15:00:00+08:00', '13800007777');
    await complete(c, '2026-12-30T16:00:00+08:00');
    const job = async (j: typeof ratingInvitationsJob, at: string) => {
      t.clock.now = new Date(at);
      await runJobOnce(ctx() as never, j, () => {}, new Date(at));
    };
    const sms = () => t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'rating-invitation').where('case_id', '=', c.id).execute();
    await job(ratingInvitationsJob, '2027-01-02T08:50:00+08:00');
    expect(await sms()).toHaveLength(0);
    await job(ratingInvitationsJob, '2027-01-02T09:00:00+08:00');
    const sent = await sms();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipient).toBe('13800007777');
    expect(sent[0]!.text).toMatch(/https:\/\/bianmin\.example\.gov\.cn\/rate\?t=s/);
    await job(ratingInvitationsJob, '2027-01-02T09:10:00+08:00');
    await job(ratingInvitationsJob, '2027-01-04T09:10:00+08:00');
    expect(await sms()).toHaveLength(1);

    const rating = () => t.database.db.selectFrom('ratings').selectAll().where('case_id', '=', c.id).execute();
    await job(ratingDefaultsJob, '2027-01-06T23:59:00+08:00');
    expect(await rating()).toHaveLength(0);
    await job(ratingDefaultsJob, '2027-01-07T00:00:00+08:00');
    const d = await rating();
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ level: 'basic', channel: 'default', is_default: 1 });
    await job(ratingDefaultsJob, '2027-01-07T00:10:00+08:00');
    expect(await rating()).toHaveLength(1);
    // the SMS link still works: the applicant's own rating replaces the default that stood in
    const token = decodeURIComponent(sent[0]!.text.split('t=')[1]!.replace(/[。\s].*$/, ''));
    const late = await rate({ token, level: 'satisfied' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().channel).toBe('sms');
    expect(await rating()).toEqual([expect.objectContaining({ level: 'satisfied', channel: 'sms', is_default: 0 })]);
    expect((await rate({ token, level: 'basic' })).statusCode).toBe(409);

    // a case rated early gets neither
    const rated = await newCase('2026-12-30T15:30:00+08:00', '13800008888');
    await complete(rated, '2026-12-30T16:30:00+08:00');
    expect((await rate({ caseNo: (rated as { caseNo: string }).caseNo, phone4: '8888', level: 'satisfied' })).statusCode).toBe(201);
    await job(ratingInvitationsJob, '2027-01-02T10:00:00+08:00');
    await job(ratingDefaultsJob, '2027-01-08T10:00:00+08:00');
    expect(await t.database.db.selectFrom('outbox_messages').select('id').where('template', '=', 'rating-invitation').where('case_id', '=', rated.id).execute()).toHaveLength(0);
    expect(await t.database.db.selectFrom('ratings').select('channel').where('case_id', '=', rated.id).execute()).toEqual([{ channel: 'progress' }]);

    // the server was stopped over the days a default fell due: written at the next run, dated when it fell due (the
    // month it counts in), not when the run came
    const missed = await newCase('2027-01-25T15:00:00+08:00', '13800009999');
    await complete(missed, '2027-01-25T16:00:00+08:00');
    await job(ratingDefaultsJob, '2027-02-10T10:00:00+08:00');
    const written = await t.database.db.selectFrom('ratings').select(['channel', 'rated_at']).where('case_id', '=', missed.id).execute();
    expect(written).toEqual([{ channel: 'default', rated_at: new Date('2027-02-02T00:00:00+08:00').toISOString() }]);
  });

  it('the list is scoped and filtered; the export has the 表9 columns with codes 1–5 and YYYYMMDDThhmmss', async () => {
    const list = await t.app.inject({ url: '/api/evaluations?pageSize=100', headers: { cookie: director } });
    expect(list.statusCode, list.body).toBe(200);
    const { evaluations, total } = list.json() as { evaluations: { level: string; channel: string; isDefault: boolean }[]; total: number };
    expect(total).toBeGreaterThanOrEqual(6);
    expect(evaluations.length).toBe(total);
    const bad = await t.app.inject({ url: '/api/evaluations?level=dissatisfied', headers: { cookie: clerk } });
    expect((bad.json() as { evaluations: { level: string }[] }).evaluations.every((e) => e.level === 'dissatisfied')).toBe(true);
    // another township's clerk sees none of these
    expect((await t.app.inject({ url: '/api/evaluations', headers: { cookie: otherClerk } })).json().total).toBe(0);
    expect((await t.app.inject({ url: '/api/evaluations/export.xlsx', headers: { cookie: clerk } })).statusCode).toBe(403);
    const x = await t.app.inject({ url: '/api/evaluations/export.xlsx', headers: { cookie: director } });
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as never);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 9)).toEqual(['办件编号', '评价渠道', '评价人', '评价时间', '评价次数', '满意度', '文字评价', '行政区划']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBe(total);
    for (const r of rows) {
      expect(String(r[4])).toMatch(/^\d{8}T\d{6}$/);
      expect([1, 2, 3, 4, 5]).toContain(r[6]);
    }
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'export.evaluations').execute();
    expect(audit.length).toBe(1);
  });
});
