// Issue 9 §2: one outbox for SMS and in-app messages, written in the transaction of the event that causes it; the
// yellow and red warnings once per change; an inbox with a live unread count; SMS sent by a job through an Aliyun
// SMS adapter (here against a local server playing the provider, which checks every signature), with retries and
// backoff, a per-phone limit and a final failed state; with no provider configured, messages wait as 未配置短信通道.
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/domain/notifications/templates.js';
import { eventName } from '../../src/domain/vocabulary/actions.js';
import { enqueue } from '../../src/modules/notifications/outbox.js';
import { notificationsSendJob } from '../../src/modules/notifications/send-job.js';
import { sendDueSms } from '../../src/modules/notifications/send.js';
import { aliyunSmsSender } from '../../src/modules/notifications/sms.js';
import { loadConfig, type SmsConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { openSse, type SseClient } from './support/sse.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };
const PROMISED = { itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const CLERK_PHONE = '13900001111';
const DIRECTOR_PHONE = '13900002222';

type Row = { channel: string; recipient: string; template: string; text: string; status: string; note: string | null; attempts: number; dedupe_key: string };

describe.each(DIALECTS)('the notification outbox, warnings and inbox, no SMS provider configured (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  let base: string;
  let clerk: string;
  const ids: Record<string, string> = {};
  const sse: SseClient[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    // Monday 2026-03-02 09:00 in Shanghai, office hours 08:30–12:00, 14:30–17:30
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    clerk = await signIn(t.app, 'clerk');
    for (const name of ['clerk', 'clerk2', 'director']) {
      const u = await t.database.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow();
      ids[name] = u.id;
    }
    // the demo people have no mobile numbers: give the clerk and the director one
    await t.database.db.updateTable('users').set({ phone: CLERK_PHONE }).where('username', '=', 'clerk').execute();
    await t.database.db.updateTable('users').set({ phone: DIRECTOR_PHONE }).where('username', '=', 'director').execute();
  });
  afterAll(async () => {
    for (const c of sse) c.close();
    await t.close();
  });

  const register = (body: Record<string, unknown>, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...body } });
  const outboxOf = (caseId: string) =>
    t.database.db.selectFrom('outbox_messages').selectAll().where('case_id', '=', caseId).orderBy('dedupe_key').execute() as Promise<Row[]>;

  it('intake puts the acceptance SMS in the outbox in the same transaction, with the due date as the applicant reads it', async () => {
    const res = await register(PROMISED);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const rows = await outboxOf(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'sms', recipient: '13812345678', template: 'case-accepted', status: 'pending', attempts: 0 });
    expect(rows[0]!.text).toMatch(/^.+便民服务中心：您申请的“.+”已受理，办件编号/);
    expect(rows[0]!.text).toContain(`办件编号${c.caseNo}，承诺于2026年3月16日17:30前办结。可凭办件编号和电话后四位查询办理进度。`);
    // an 即办件 is finished while the applicant waits: no acceptance SMS
    const immediate = (await register(IMMEDIATE)).json();
    expect(await outboxOf(immediate.id)).toEqual([]);
  });

  it('an intake that fails after its messages were written leaves no outbox row (and no case)', async () => {
    const before = await t.database.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // the audit entry is the intake's last write: take the audit chain's head away so that it fails there
    await t.database.db.updateTable('audit_chain').set({ id: 2 }).where('id', '=', 1).execute();
    const failed = await register({ ...PROMISED, applicant: { ...applicant, phone: '13811112222' } });
    await t.database.db.updateTable('audit_chain').set({ id: 1 }).where('id', '=', 2).execute();
    expect(failed.statusCode).toBe(500);
    const after = await t.database.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await t.database.db.selectFrom('outbox_messages').select('id').where('recipient', '=', '13811112222').execute()).toEqual([]);
    expect(await t.database.db.selectFrom('cases').select('id').where('applicant_phone', '=', '13811112222').execute()).toEqual([]);
    // and the next intake works again
    expect((await register(PROMISED)).statusCode).toBe(201);
  });

  it('the one-time notice and the completion reach the applicant by SMS; a transfer does not', async () => {
    const c = (await register({ itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证', '居民户口簿']), { name: '困难情况证明材料（医疗票据、事故认定书等）', provided: false }] })).json();
    const notice = await outboxOf(c.id);
    expect(notice.map((r) => r.template)).toEqual(['supplement-notice']);
    expect(notice[0]!.text).toContain('需补正以下材料：困难情况证明材料（医疗票据、事故认定书等）。');
    const done = (await register(IMMEDIATE)).json();
    const act = (action: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${done.id}/actions/${action}`, headers: { cookie: clerk }, payload: body });
    expect((await act('complete', { expectedVersion: 1, outcome: 'approved', resultNo: '优待证 2026-001' })).statusCode).toBe(200);
    expect((await act('deliver', { expectedVersion: 2, method: 'window' })).statusCode).toBe(200);
    const rows = await outboxOf(done.id);
    expect(rows.map((r) => r.template)).toEqual(['case-completed']);
    expect(rows[0]!.text).toContain('已办结，结果：准予办理。请携带本人身份证到');
  });

  let yellowCase = '';
  it('a case turning yellow, then red: the clerk and the director get an in-app message and an SMS, once per change, and the clerk’s bell hears it live', async () => {
    t.clock.now = new Date('2026-03-02T10:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    const c = (await register(IMMEDIATE)).json();
    yellowCase = c.id;
    expect(await outboxOf(c.id)).toEqual([]);
    const bell = await openSse(base, clerk);
    sse.push(bell);

    // 30 minutes after acceptance an 即办件 turns yellow (rule 12); the sweep runs twice at the same moment
    t.clock.now = new Date('2026-03-02T10:31:00+08:00');
    expect(await runJobOnce(ctx, lightSweepJob)).toBe(true);
    expect(await runJobOnce(ctx, lightSweepJob)).toBe(true);
    let rows = await outboxOf(c.id);
    expect(rows.map((r) => `${r.template} ${r.channel} ${r.recipient}`).sort()).toEqual(
      [`light-yellow inbox ${ids.clerk}`, `light-yellow inbox ${ids.director}`, `light-yellow sms ${CLERK_PHONE}`, `light-yellow sms ${DIRECTOR_PHONE}`].sort(),
    );
    expect(rows.find((r) => r.channel === 'inbox')!.text).toMatch(/^黄灯预警：.+便民服务中心的办件.+（老年人优待证办理）将于2026年3月2日17:30到期，请抓紧办理。$/);
    // clerk2 (the B post while the clerk is present) is not the responsible clerk
    expect(rows.some((r) => r.recipient === ids.clerk2)).toBe(false);
    // the sweep delivered the in-app messages and announced the clerk's new count on the live bus
    expect(rows.filter((r) => r.channel === 'inbox').every((r) => r.status === 'sent')).toBe(true);
    clerk = await signIn(t.app, 'clerk');
    const unreadNow = (await t.app.inject({ url: '/api/me/messages', headers: { cookie: clerk } })).json().unread as number;
    // (the 即办件 of the first test turned yellow in the same sweep)
    expect(unreadNow).toBeGreaterThanOrEqual(2);
    // the counts come in the order they were announced (an earlier request's delivery may announce a first part
    // while the sweep is still going): the last is the count now, and every one is the clerk's own
    let heard = (await bell.next('inbox')).json<{ type: string; userId: string; unread: number }>();
    while (heard.unread !== unreadNow) {
      expect(heard).toMatchObject({ type: 'inbox', userId: ids.clerk });
      expect(heard.unread).toBeLessThan(unreadNow);
      heard = (await bell.next('inbox')).json();
    }
    expect(heard).toEqual({ type: 'inbox', userId: ids.clerk, unread: unreadNow });

    // at the close of office it turns red: the same four again, for red
    t.clock.now = new Date('2026-03-02T17:31:00+08:00');
    await runJobOnce(ctx, lightSweepJob);
    await runJobOnce(ctx, lightSweepJob);
    rows = await outboxOf(c.id);
    expect(rows.filter((r) => r.template === 'light-red')).toHaveLength(4);
    expect(rows.filter((r) => r.template === 'light-yellow')).toHaveLength(4);
    // each change is an event of the case, named in Chinese on its timeline, never on the public progress page
    const events = await t.database.db.selectFrom('case_events').select(['type', 'data']).where('case_id', '=', c.id).where('type', '=', 'light-changed').orderBy('seq').execute();
    expect(events.map((e) => JSON.parse(e.data!) as { from: string; to: string })).toEqual([
      expect.objectContaining({ from: 'green', to: 'yellow' }),
      expect.objectContaining({ from: 'yellow', to: 'red' }),
    ]);
    clerk = await signIn(t.app, 'clerk');
    const detail = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json();
    expect(detail.events.filter((e: { type: string }) => e.type === 'light-changed')).toHaveLength(2);
    expect(eventName('light-changed')).toMatch(/^亮灯变化/);
    const progress = (await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=5678` })).json();
    expect(progress.timeline.map((e: { text: string }) => e.text).join()).not.toMatch(/灯/);
  });

  it('with no SMS provider configured, the send job sends nothing and every pending SMS says 未配置短信通道', async () => {
    expect(await runJobOnce(ctx, notificationsSendJob)).toBe(true);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('channel', '=', 'sms').execute();
    expect(sms.length).toBeGreaterThan(0);
    expect(sms.every((r) => r.status === 'pending' && r.note === '未配置短信通道' && r.attempts === 0 && r.sent_at === null)).toBe(true);

    const admin = await signIn(t.app, 'admin');
    const list = await t.app.inject({ url: '/api/notifications/outbox?status=pending&pageSize=100', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(sms.length);
    expect(body.messages.every((m: { note: string; channel: string }) => m.channel === 'sms' && m.note === '未配置短信通道')).toBe(true);
    // phones are masked, even for the administrator; the filter takes the full number and matches it exactly
    expect(JSON.stringify(body)).not.toContain(CLERK_PHONE);
    const mine = (await t.app.inject({ url: `/api/notifications/outbox?phone=${CLERK_PHONE}`, headers: { cookie: admin } })).json();
    const toClerk = sms.filter((r) => r.recipient === CLERK_PHONE);
    expect(toClerk.length).toBeGreaterThanOrEqual(2);
    expect(mine.total).toBe(toClerk.length);
    expect(new Set(mine.messages.map((m: { to: string }) => m.to))).toEqual(new Set(['139****1111']));
    expect((await t.app.inject({ url: '/api/notifications/outbox?phone=1111', headers: { cookie: admin } })).statusCode).toBe(400);
    const inbox = (await t.app.inject({ url: '/api/notifications/outbox?channel=inbox', headers: { cookie: admin } })).json();
    expect(inbox.messages[0]).toMatchObject({ channel: 'inbox', status: 'sent', toName: expect.any(String) });
    // only the system administrator reads the 短信记录 and the templates
    expect((await t.app.inject({ url: '/api/notifications/outbox', headers: { cookie: clerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/notifications/templates', headers: { cookie: clerk } })).statusCode).toBe(403);
    const templates = (await t.app.inject({ url: '/api/notifications/templates', headers: { cookie: admin } })).json();
    expect(templates.sms).toMatchObject({ configured: false, provider: null, perPhonePerHour: 5, maxAttempts: 5 });
    expect(templates.templates.find((x: { code: string }) => x.code === 'supervision-card-issued')).toMatchObject({
      name: '督办单送达',
      channels: ['inbox', 'sms'],
      params: ['org', 'subject', 'level', 'replyBy'],
      providerSetting: 'SMS_TEMPLATE_SUPERVISION_CARD_ISSUED',
      providerCode: null,
    });
  });

  it('GET /api/public/sms-status (no sign-in): no message to the applicant goes out; whom to call is the county center', async () => {
    const res = await t.app.inject({ url: '/api/public/sms-status' });
    expect(res.statusCode, res.body).toBe(200);
    const status = res.json();
    expect(status.configured).toBe(false);
    expect(Object.keys(status.templates)).toEqual(expect.arrayContaining(['appointment-booked', 'appointment-reminder', 'consultation-answered', 'applicant-code', 'case-accepted']));
    expect(Object.values(status.templates).every((v) => v === false)).toBe(true);
    // staff messages are not the public's business
    expect(status.templates['light-red']).toBeUndefined();
    const county = await t.database.db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    expect(status.administrator).toEqual({ centerName: county.center_name, phone: county.phone });
  });

  it('the inbox: my messages newest first with the unread count; marking read (mine only), and all read', async () => {
    const mine = (await t.app.inject({ url: '/api/me/messages', headers: { cookie: clerk } })).json();
    const unreadAtFirst = mine.unread as number;
    expect(unreadAtFirst).toBe(mine.total);
    expect(mine.messages.filter((m: { caseId: string }) => m.caseId === yellowCase).map((m: { template: string }) => m.template)).toEqual(['light-red', 'light-yellow']);
    expect(mine.messages[0]).toMatchObject({ templateName: '红灯警告', readAt: null });
    const director = await signIn(t.app, 'director');
    // someone else's message is not found for me
    expect((await t.app.inject({ method: 'POST', url: `/api/me/messages/${mine.messages[0].id}/read`, headers: { cookie: director } })).statusCode).toBe(404);
    const read = await t.app.inject({ method: 'POST', url: `/api/me/messages/${mine.messages[0].id}/read`, headers: { cookie: clerk } });
    expect(read.json()).toEqual({ unread: unreadAtFirst - 1 });
    // reading it again changes nothing
    expect((await t.app.inject({ method: 'POST', url: `/api/me/messages/${mine.messages[0].id}/read`, headers: { cookie: clerk } })).json()).toEqual({ unread: unreadAtFirst - 1 });
    const unread = (await t.app.inject({ url: '/api/me/messages?unread=1', headers: { cookie: clerk } })).json();
    expect(unread).toMatchObject({ total: unreadAtFirst - 1, unread: unreadAtFirst - 1 });
    expect(unread.messages.map((m: { id: string }) => m.id)).not.toContain(mine.messages[0].id);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/messages/read-all', headers: { cookie: clerk } })).json()).toEqual({ unread: 0 });
    // the director's own messages are untouched
    expect((await t.app.inject({ url: '/api/me/messages', headers: { cookie: director } })).json().unread).toBe(unreadAtFirst);
  });

  it('an approved extension and a provisional due date counted again when next year is imported reach the applicant by SMS, from what to what', async () => {
    // an extension asked before the due date and approved by the director (rule 5)
    t.clock.now = new Date('2026-03-09T09:00:00+08:00'); // Monday
    clerk = await signIn(t.app, 'clerk');
    const director = await signIn(t.app, 'director');
    // 林木采伐许可 (LY-001): promised in 5 working days, its legal limit longer — Monday 16 March 17:30
    const felling = { itemCode: 'LY-001', materials: all(['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明']) };
    const c = (await register(felling)).json();
    expect(c.dueAt).toBe('2026-03-16T09:30:00.000Z');
    const act = async (action: string, body: Record<string, unknown>, cookie: string) => {
      const version = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie } })).json().version;
      const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: version, ...body } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await act('request-extension', { reason: '需到外地核实家庭收入', days: 5 }, clerk);
    expect((await outboxOf(c.id)).map((r) => r.template)).toEqual(['case-accepted']);
    expect(await act('approve-extension', { comment: '同意' }, director)).toMatchObject({ dueAt: '2026-03-23T09:30:00.000Z' });
    const extended = (await outboxOf(c.id)).filter((r) => r.template === 'extension-approved');
    expect(extended).toHaveLength(1);
    expect(extended[0]).toMatchObject({ channel: 'sms', recipient: '13812345678', status: 'pending' });
    expect(extended[0]!.text).toContain(`您的办件${c.caseNo}（`);
    expect(extended[0]!.text).toContain('）经批准延期办理，办结时间由2026年3月16日17:30延至2026年3月23日17:30。');

    // December: a 25-working-day case ends in 2027, provisionally; importing 2027 (a make-up working day on Saturday
    // 9 January) brings its due date a day earlier, and the applicant is told
    t.clock.now = new Date('2026-12-15T10:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    const dibao = ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明'];
    const d = (await register({ itemCode: 'MZ-003', materials: all(dibao) })).json();
    expect(d).toMatchObject({ dueAt: '2027-01-20T09:30:00.000Z', dueProvisional: true });
    expect((await outboxOf(d.id)).map((r) => r.template)).toEqual(['case-accepted']);
    expect((await outboxOf(d.id))[0]!.text).toContain('（暂定');
    const admin = await signIn(t.app, 'admin');
    const year = {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-09'] },
        { name: '春节', from: '2027-02-05', to: '2027-02-12', workdays: ['2027-02-20'] },
      ],
    };
    const imported = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: { cookie: admin }, payload: year });
    expect(imported.statusCode, imported.body).toBe(201);
    const changed = (await outboxOf(d.id)).filter((r) => r.template === 'due-date-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ channel: 'sms', recipient: '13812345678' });
    expect(changed[0]!.text).toContain(`您的办件${d.caseNo}（`);
    expect(changed[0]!.text).toContain('）承诺办结时间由2027年1月20日17:30调整为2027年1月19日17:30。');
  });
});

// ----------------------------------------------------------------------------- a local server playing Aliyun SMS

const SECRET = 'test-secret-不外传';
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface ProviderCall {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  signName: string;
}

/**
 * dysmsapi as the adapter meets it: it checks the signature of every request itself (from the secret, as Aliyun's
 * documentation describes it) and answers by phone number — OK, flow control (retry), a wrong number (never),
 * an error then OK, no answer at all the first time (a timeout) then OK.
 */
function fakeProvider() {
  const calls: ProviderCall[] = [];
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const params = Object.fromEntries(url.searchParams);
    const { Signature, ...rest } = params;
    const canonical = Object.keys(rest).sort().map((k) => `${enc(k)}=${enc(rest[k]!)}`).join('&');
    const expected = createHmac('sha1', `${SECRET}&`).update(`GET&%2F&${enc(canonical)}`).digest('base64');
    const answer = (status: number, body: Record<string, string>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RequestId: randomUUID(), ...body }));
    };
    if (Signature !== expected || rest.Action !== 'SendSms' || rest.SignatureMethod !== 'HMAC-SHA1' || !rest.SignatureNonce || !rest.Timestamp) {
      return answer(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' });
    }
    const phone = rest.PhoneNumbers!;
    const n = (seen.get(phone) ?? 0) + 1;
    seen.set(phone, n);
    calls.push({ phone, templateCode: rest.TemplateCode!, params: JSON.parse(rest.TemplateParam!) as Record<string, string>, signName: rest.SignName! });
    if (phone === '13900000002') return answer(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控' });
    if (phone === '13900000003') return answer(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
    if (phone === '13900000004' && n === 1) return; // no answer: the adapter's timeout ends it
    if (phone === '13900000005' && n === 1) return answer(500, { Code: 'isp.SYSTEM_ERROR', Message: '系统错误' });
    return answer(200, { Code: 'OK', Message: 'OK', BizId: `biz-${calls.length}` });
  });
  return {
    calls,
    server,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(DIALECTS)('sending SMS through the Aliyun adapter, against a local provider (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  const provider = fakeProvider();
  /** the administrator, signed in at the current clock (the test moves it by hours) */
  const admin = () => signIn(t.app, 'admin');
  const sent = () => runJobOnce(ctx, notificationsSendJob);
  const message = async (to: string, key: string = randomUUID(), template: 'rating-invitation' | 'case-returned' = 'rating-invitation') => {
    const params: Record<string, string> = template === 'rating-invitation' ? { center: '柳河镇便民服务中心', caseNo: 'LH-1', item: '临时救助', link: 'https://zwfw.example/r/1' } : { center: '柳河镇便民服务中心', caseNo: 'LH-1', item: '临时救助', reasons: '不符合条件' };
    await enqueue(t.database.db, [{ channel: 'sms', to, template, params, caseId: null, dedupeKey: key }], t.clock.now);
    return key;
  };
  const row = (key: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();
  const advanceSeconds = (s: number) => (t.clock.now = new Date(t.clock.now.getTime() + s * 1000));

  beforeAll(async () => {
    const endpoint = await provider.start();
    // every template's provider code is configured, except that of the return notice
    const templateCodes = Object.fromEntries(TEMPLATES.filter((x) => x.code !== 'case-returned').map((x, i) => [x.providerSetting, `SMS_${1000 + i}`]));
    const sms: SmsConfig = { provider: 'aliyun', accessKeyId: 'LTAI-test', accessKeySecret: SECRET, signName: '清河县政务服务', endpoint, templateCodes, timeoutMs: 500 };
    t = await startTestApp(dialect, { config: { sms } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    ctx = { database: t.database, config: { ...loadConfig({}), sms }, clock: () => t.clock.now };
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  it('sends the acceptance SMS of an intake: signed, with the provider’s template code and the parameters', async () => {
    const clerk = await signIn(t.app, 'clerk');
    const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...PROMISED } });
    expect(c.statusCode).toBe(201);
    expect(await sent()).toBe(true);
    const accepted = TEMPLATES.findIndex((x) => x.code === 'case-accepted');
    expect(provider.calls).toEqual([
      { phone: '13812345678', templateCode: `SMS_${1000 + accepted}`, signName: '清河县政务服务', params: expect.objectContaining({ caseNo: c.json().caseNo, item: '临时救助', dueAt: '2026年3月16日17:30', provisional: '' }) },
    ]);
    const stored = await t.database.db.selectFrom('outbox_messages').selectAll().where('case_id', '=', c.json().id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, provider_id: 'biz-1', sent_at: t.clock.now.toISOString(), note: null });
    // sent once: the next run has nothing to do
    await sent();
    expect(provider.calls).toHaveLength(1);
  });

  it('a provider error is tried again after the backoff, and the message fails for good after the last attempt', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/notifications/settings', headers: { cookie: await admin() }, payload: { maxAttempts: 3 } });
    const key = await message('13900000002');
    await sent();
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(t.clock.now.getTime() + 5_000).toISOString() });
    expect((await row(key)).last_error).toContain('短信平台流量控制');
    await sent(); // not due yet: the backoff holds it
    expect((await row(key)).attempts).toBe(1);
    advanceSeconds(5);
    await sent();
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(t.clock.now.getTime() + 10_000).toISOString() });
    advanceSeconds(10);
    await sent();
    expect(await row(key)).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null, sent_at: null });
    expect(provider.calls.filter((c) => c.phone === '13900000002')).toHaveLength(3);
    advanceSeconds(3600);
    await sent();
    expect(provider.calls.filter((c) => c.phone === '13900000002')).toHaveLength(3);
    // the 短信记录 shows it failed, with the provider's answer in Chinese
    const list = (await t.app.inject({ url: '/api/notifications/outbox?status=failed&phone=13900000002', headers: { cookie: await admin() } })).json();
    expect(list.messages).toEqual([expect.objectContaining({ status: 'failed', attempts: 3, to: '139****0002', lastError: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') })]);
  });

  it('a wrong number fails at once; a timeout and a system error are tried again and then succeed', async () => {
    const wrong = await message('13900000003');
    const silent = await message('13900000004');
    const broken = await message('13900000005');
    await sent();
    expect(await row(wrong)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(wrong)).last_error).toBe('手机号码不正确，请核对登记的手机号码；不再重发（isv.MOBILE_NUMBER_ILLEGAL：非法手机号）');
    expect(await row(silent)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(silent)).last_error).toContain('TIMEOUT');
    expect(await row(broken)).toMatchObject({ status: 'pending', attempts: 1 });
    advanceSeconds(5);
    await sent();
    expect(await row(silent)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row(broken)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('holds a phone to its limit per hour, then sends the rest', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/notifications/settings', headers: { cookie: await admin() }, payload: { perPhonePerHour: 2 } });
    const keys = [await message('13900000006'), await message('13900000006'), await message('13900000006')];
    await sent();
    const rows = await Promise.all(keys.map(row));
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'sent', 'sent']);
    const held = rows.find((r) => r.status === 'pending')!;
    expect(held).toMatchObject({ attempts: 0, note: '该号码发送过于频繁，稍后自动发送', next_attempt_at: new Date(t.clock.now.getTime() + 3_600_000).toISOString() });
    expect(provider.calls.filter((c) => c.phone === '13900000006')).toHaveLength(2);
    advanceSeconds(3600);
    await sent();
    expect((await row(held.dedupe_key)).status).toBe('sent');
    expect(provider.calls.filter((c) => c.phone === '13900000006')).toHaveLength(3);
  });

  it('a template without a provider code waits with a note naming the setting; a dedupe key never sends twice', async () => {
    const key = await message('13900000007', randomUUID(), 'case-returned');
    await sent();
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 0, note: '未配置短信模板编号（SMS_TEMPLATE_CASE_RETURNED）' });
    const once = await message('13900000008', 'same-cause');
    await message('13900000008', 'same-cause');
    await sent();
    expect(await row(once)).toMatchObject({ status: 'sent' });
    expect(provider.calls.filter((c) => c.phone === '13900000008')).toHaveLength(1);
    const templates = (await t.app.inject({ url: '/api/notifications/templates', headers: { cookie: await admin() } })).json();
    expect(templates.sms).toMatchObject({ configured: true, provider: '阿里云短信', signName: '清河县政务服务', perPhonePerHour: 2, maxAttempts: 3 });
  });

  it('a case turning yellow, then red: the clerk and the director each get the yellow and the red warning once, in the provider\u2019s log', async () => {
    const CLERK = '13900000011';
    const DIRECTOR = '13900000012';
    await t.database.db.updateTable('users').set({ phone: CLERK }).where('username', '=', 'clerk').execute();
    await t.database.db.updateTable('users').set({ phone: DIRECTOR }).where('username', '=', 'director').execute();
    t.clock.now = new Date('2026-03-03T10:00:00+08:00'); // Tuesday
    const clerk = await signIn(t.app, 'clerk');
    const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...IMMEDIATE } });
    expect(c.statusCode, c.body).toBe(201);
    // the provider codes as configured above (every template but the return notice's)
    const code = (template: string) => `SMS_${1000 + TEMPLATES.filter((x) => x.code !== 'case-returned').findIndex((x) => x.code === template)}`;
    const log = () => provider.calls.filter((x) => x.phone === CLERK || x.phone === DIRECTOR).map((x) => `${x.phone} ${x.templateCode}`).sort();

    // yellow: the light sweep twice at the same moment, the send job twice
    t.clock.now = new Date('2026-03-03T10:31:00+08:00');
    await runJobOnce(ctx, lightSweepJob);
    await runJobOnce(ctx, lightSweepJob);
    await sent();
    await sent();
    expect(log()).toEqual([`${CLERK} ${code('light-yellow')}`, `${DIRECTOR} ${code('light-yellow')}`]);
    expect(provider.calls.find((x) => x.phone === CLERK)!.params).toMatchObject({ caseNo: c.json().caseNo, dueAt: '2026年3月3日17:30' });

    // red at the close of office: once more each, for red
    t.clock.now = new Date('2026-03-03T17:31:00+08:00');
    await runJobOnce(ctx, lightSweepJob);
    await runJobOnce(ctx, lightSweepJob);
    await sent();
    await sent();
    expect(log()).toEqual([`${CLERK} ${code('light-red')}`, `${CLERK} ${code('light-yellow')}`, `${DIRECTOR} ${code('light-red')}`, `${DIRECTOR} ${code('light-yellow')}`].sort());
    const rows = await t.database.db.selectFrom('outbox_messages').selectAll().where('case_id', '=', c.json().id).execute();
    expect(rows.map((r) => `${r.template} ${r.channel} ${r.status}`).sort()).toEqual(
      ['light-red inbox sent', 'light-red inbox sent', 'light-red sms sent', 'light-red sms sent', 'light-yellow inbox sent', 'light-yellow inbox sent', 'light-yellow sms sent', 'light-yellow sms sent'],
    );
  });

  it('an SMS not sent within three days is not sent any more: it fails with a note, without an attempt', async () => {
    const stale = await message('13900000021');
    const fresh = (t.clock.now = new Date(t.clock.now.getTime() + 2 * 86_400_000), await message('13900000022'));
    // the provider was out of reach for three days and a minute after the first was written
    t.clock.now = new Date(t.clock.now.getTime() + 86_400_000 + 60_000);
    await sent();
    expect(await row(stale)).toMatchObject({ status: 'failed', attempts: 0, last_error: '超过 3 天未能发出，已过时效，不再发送', next_attempt_at: null });
    expect(await row(fresh)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(provider.calls.map((c) => c.phone)).not.toContain('13900000021');
    const list = (await t.app.inject({ url: '/api/notifications/outbox?status=failed&phone=13900000021', headers: { cookie: await admin() } })).json();
    expect(list.messages).toEqual([expect.objectContaining({ status: 'failed', attempts: 0, lastError: '超过 3 天未能发出，已过时效，不再发送' })]);
  });

  it('GET /api/public/sms-status: what goes out with the provider configured (not a template without its provider code)', async () => {
    const status = (await t.app.inject({ url: '/api/public/sms-status' })).json();
    expect(status.configured).toBe(true);
    expect(status.templates).toMatchObject({ 'appointment-booked': true, 'consultation-answered': true, 'case-accepted': true, 'case-returned': false });
  });

  it('the acceptance SMS links to the progress page, the case number filled in, once the public address is set; the link is last', async () => {
    const clerk = await signIn(t.app, 'clerk');
    const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant: { ...applicant, phone: '13900000031' }, ...PROMISED } });
    expect(c.statusCode, c.body).toBe(201);
    const { caseNo, id } = c.json() as { caseNo: string; id: string };
    const stored = () => t.database.db.selectFrom('outbox_messages').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect((await stored()).text).toMatch(/可凭办件编号和电话后四位查询办理进度。$/);
    // the 短信记录 shows a waiting message as it will go out
    const admin = await signIn(t.app, 'admin');
    expect((await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'http://bm.qinghe.gov.cn/' } })).statusCode).toBe(200);
    const link = `http://bm.qinghe.gov.cn/progress?caseNo=${encodeURIComponent(caseNo)}`;
    const waiting = (await t.app.inject({ url: '/api/notifications/outbox?phone=13900000031', headers: { cookie: admin } })).json();
    expect(waiting.messages[0].text).toMatch(new RegExp(`凭电话后四位查进度：${link.replace(/[.?]/g, '\\$&')}$`));
    await sent();
    const call = provider.calls.find((x) => x.phone === '13900000031')!;
    expect(call.params.progress).toBe(`凭电话后四位查进度：${link}`);
    const sentRow = await stored();
    expect(sentRow.status).toBe('sent');
    expect(sentRow.text.endsWith(link)).toBe(true);
    expect(JSON.parse(sentRow.params as string).progress).toBe(call.params.progress);
    await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: null } });
  });

  it('a provider out of reach: the 短信记录 says so in Chinese first, the code and the system\'s words in parentheses at the end', async () => {
    const key = await message('13900000041');
    // a port that was just free: nothing listens there any more
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    await sendDueSms(ctx, t.clock.now, aliyunSmsSender({ ...ctx.config.sms!, endpoint: `http://127.0.0.1:${port}` }));
    const list = (await t.app.inject({ url: '/api/notifications/outbox?phone=13900000041', headers: { cookie: await admin() } })).json();
    expect(list.messages[0].lastError).toMatch(/^无法连接短信平台，请检查服务器的网络和短信平台地址 SMS_ENDPOINT；系统将自动重发（NETWORK：.*ECONNREFUSED.*）$/);
    expect((await row(key)).status).toBe('pending');
  });
});
