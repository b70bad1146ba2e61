// 网上申请与预审 (issue 11 §2): a registered applicant applies online with uploads (type by content), the window
// pre-reviews within one working day — a one-time notice, the applicant uploads the missing material into the same
// application, the window accepts it into a case of channel online — and a second application does not ask again for
// a material the window checked the first time. Every outcome reaches the applicant by SMS; double submits do not
// duplicate; a stale version answers 409; another center's window and another applicant see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDetailSchema, applicationListSchema, applyFormSchema } from '../../src/domain/contract/applications.js';
import { DEMO_APPLICANT } from '../../src/modules/applicants/demo.js';
import { seedDemoApplication } from '../../src/modules/applications/demo.js';
import { jpegLike, portraitPng } from '../support/images.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PENSION = 'RS-006'; // 城乡居民养老保险待遇领取申请: 待遇领取申请表*, 居民身份证*, 居民户口簿*, 社会保障卡*
const DISABILITY = 'MZ-005'; // 困难残疾人生活补贴…: 申请表*, 居民身份证*, 残疾人证*, 居民户口簿, 本人银行账户或社会保障卡

describe.each(DIALECTS)('网上申请与预审 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let countyClerk: string;
  let townshipId: string;
  let applicantCookie: string;
  let otherCookie: string;
  let seq = 0;

  async function registerApplicant(phone: string, idNumber: string): Promise<string> {
    const ip = `10.9.${++seq}.1`;
    expect((await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone, purpose: 'register' }, remoteAddress: ip })).statusCode).toBe(202);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).where('template', '=', 'applicant-code').executeTakeFirstOrThrow();
    const code = /验证码(\d{6})/.exec(sms.text)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/applicants',
      payload: { phone, code, password: 'Liuhe#2026ok', kind: 'person', name: '王大山', idNumber },
      headers: { 'idempotency-key': `reg-${dialect}-${phone}` },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.cookies.find((x) => x.name === 'bianmin_applicant')!;
    return `bianmin_applicant=${c.value}`;
  }

  /** A multipart body as a browser's FormData sends it. */
  async function multipart(fields: Record<string, string>, files: [index: number, bytes: Buffer, name: string][]) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [i, bytes, name] of files) form.append(`material-${i}`, new Blob([bytes]), name);
    const res = new Response(form);
    return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
  }

  async function apply(cookie: string, itemCode: string, files: [number, Buffer, string][], key: string, orgId = townshipId) {
    const body = await multipart({ itemCode, orgId, description: '本人申请' }, files);
    return t.app.inject({ method: 'POST', url: '/api/public/applications', payload: body.payload, headers: { cookie, 'content-type': body.contentType, 'idempotency-key': key } });
  }

  /** moves the clock days ahead: the sessions of that morning have expired, everyone signs in again */
  async function dayPasses(at: string) {
    t.clock.now = new Date(at);
    clerk = await signIn(t.app, 'clerk');
    const res = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: '13900001111', password: 'Liuhe#2026ok' }, remoteAddress: `10.9.${++seq}.1` });
    expect(res.statusCode, res.body).toBe(200);
    applicantCookie = `bianmin_applicant=${res.cookies.find((x) => x.name === 'bianmin_applicant')!.value}`;
    otherCookie = '';
  }

  async function signInOther() {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: '13900002222', password: 'Liuhe#2026ok' }, remoteAddress: `10.9.${++seq}.1` });
    return `bianmin_applicant=${res.cookies.find((x) => x.name === 'bianmin_applicant')!.value}`;
  }

  const review = (cookie: string, id: string, action: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/applications/${id}/actions/${action}`, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    countyClerk = await signIn(t.app, 'county');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk } });
    townshipId = me.json().user.orgId;
    applicantCookie = await registerApplicant('13900001111', '11010519491231002X');
    otherCookie = await registerApplicant('13900002222', '110105198001010059');
  });
  afterAll(async () => {
    await t?.close();
  });

  let first: { id: string; version: number };

  it('the apply form lists the centers offering the item and its materials; nothing on file yet', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/items/${PENSION}/apply`, headers: { cookie: applicantCookie } });
    expect(res.statusCode, res.body).toBe(200);
    const form = applyFormSchema.parse(res.json());
    expect(form.onlineAllowed).toBe(true);
    expect(form.centers.map((c) => c.id)).toContain(townshipId);
    expect(form.materials.map((m) => m.name)).toEqual(['待遇领取申请表', '居民身份证', '居民户口簿', '社会保障卡']);
    expect(form.materials.every((m) => m.onFile === null)).toBe(true);
  });

  it('refuses a submission without every main material, a file whose content is not PDF/JPG/PNG, and an anonymous one', async () => {
    const missing = await apply(applicantCookie, PENSION, [[0, PDF, '申请表.pdf']], `k-missing-${dialect}`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().title).toBe('请上传以下必交材料后再提交：居民身份证、居民户口簿、社会保障卡。');
    const fake = await apply(applicantCookie, PENSION, [[0, Buffer.from('MZ\x90\x00 not a pdf at all'), '申请表.pdf'], [1, PDF, 'a.pdf'], [2, PDF, 'b.pdf'], [3, PDF, 'c.pdf']], `k-fake-${dialect}`);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().title).toContain('无法识别该文件的内容');
    // by content, not by name: a PNG called .jpg is refused, and so is a material over 10 MB (cut off while read)
    const renamed = await apply(applicantCookie, PENSION, [[0, PDF, '申请表.pdf'], [1, portraitPng(), '身份证.jpg'], [2, PDF, 'b.pdf'], [3, PDF, 'c.pdf']], `k-renamed-${dialect}`);
    expect(renamed.json()).toMatchObject({ code: 'FILE_NAME_MISMATCH' });
    expect(renamed.json().title).toContain('两者不符');
    const big = await apply(applicantCookie, PENSION, [[0, PDF, '申请表.pdf'], [1, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), '身份证.pdf'], [2, PDF, 'b.pdf'], [3, PDF, 'c.pdf']], `k-big-${dialect}`);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/public/applications', headers: { 'idempotency-key': 'k-anon-1' }, payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const none = await t.database.db.selectFrom('applications').selectAll().execute();
    expect(none).toHaveLength(0);
  });

  it('submits with uploads; the same Idempotency-Key gives the same application; a receipt SMS; the window sees it in its queue', async () => {
    const files: [number, Buffer, string][] = [
      [0, PDF, '待遇领取申请表.pdf'],
      [1, jpegLike(6000, 1), '身份证.jpg'],
      [2, jpegLike(6000, 2), '户口簿.jpg'],
      [3, portraitPng(), '社保卡.png'],
    ];
    const [a, b] = await Promise.all([apply(applicantCookie, PENSION, files, `k-first-${dialect}`), apply(applicantCookie, PENSION, files, `k-first-${dialect}`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const made = applicationDetailSchema.parse(a.json());
    expect(b.json().id).toBe(made.id);
    expect(made).toMatchObject({ status: 'pre_review', statusName: '待预审', light: 'green', preReviewDueAt: new Date('2026-03-03T17:30:00+08:00').toISOString() });
    expect(made.applicationNo).toMatch(/^WS20260302-\d{4}$/);
    expect(made.materials.map((m) => m.state)).toEqual(['uploaded', 'uploaded', 'uploaded', 'uploaded']);
    expect(made.applicant.number).not.toContain('19491231');
    first = made;
    expect(await t.database.db.selectFrom('applications').selectAll().execute()).toHaveLength(1);
    // the key sent again with another photo is another submission: refused (422), nothing written
    const changed: [number, Buffer, string][] = files.map(([i, bytes, name]) => [i, i === 1 ? jpegLike(6000, 9) : bytes, name]);
    const other = await apply(applicantCookie, PENSION, changed, `k-first-${dialect}`);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await t.database.db.selectFrom('applications').selectAll().execute()).toHaveLength(1);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'application-submitted').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(made.applicationNo);

    const queue = applicationListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/applications?status=pre_review', headers: { cookie: clerk } })).json());
    expect(queue.applications.map((x) => x.id)).toEqual([made.id]);
    // the county's window and another applicant see nothing of it
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${made.id}`, headers: { cookie: countyClerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/applications/${made.id}`, headers: { cookie: otherCookie } })).statusCode).toBe(404);
  });

  it('the window previews a material as uploaded, byte for byte, with its sniffed type', async () => {
    const detail = applicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/applications/${first.id}`, headers: { cookie: clerk } })).json());
    expect(detail.applicant.number).toBe('11010519491231002X');
    const file = detail.materials[3]!.files[0]!;
    const res = await t.app.inject({ method: 'GET', url: file.url, headers: { cookie: clerk } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(portraitPng())).toBe(true);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('a one-time notice: every material with its reason, an SMS, the light off; a stale version is 409 and changes nothing', async () => {
    const stale = await review(clerk, first.id, 'notify-supplement', { expectedVersion: first.version + 5, missing: [{ material: '居民户口簿', reason: '照片不清晰' }] });
    expect(stale.statusCode).toBe(409);
    const res = await review(clerk, first.id, 'notify-supplement', { expectedVersion: first.version, missing: [{ material: '居民户口簿', reason: '户主页照片不清晰，请重新拍摄' }] });
    expect(res.statusCode, res.body).toBe(200);
    const noticed = applicationDetailSchema.parse(res.json());
    expect(noticed).toMatchObject({ status: 'supplement_requested', light: null, preReviewDueAt: null });
    expect(noticed.materials.find((m) => m.name === '居民户口簿')?.awaitingSupplement).toBe(true);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'application-supplement').execute();
    expect(sms.map((m) => m.text)).toEqual([expect.stringContaining('需补正以下材料：居民户口簿')]);
    // and in 我的办件: the applicant's own view names the material and the reason
    const mine = applicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/applications/${first.id}`, headers: { cookie: applicantCookie } })).json());
    expect(mine).toMatchObject({ status: 'supplement_requested', statusName: noticed.statusName });
    expect(mine.materials.find((m) => m.name === '居民户口簿')?.awaitingSupplement).toBe(true);
    expect(mine.steps.at(-1)).toMatchObject({ action: 'notify-supplement', materials: [{ material: '居民户口簿', reason: '户主页照片不清晰，请重新拍摄' }] });
    first = noticed;
  });

  it('the applicant uploads the missing material into the same application; a new one-working-day clock', async () => {
    await dayPasses('2026-03-06T20:00:00+08:00'); // a Friday evening
    const body = await multipart({ expectedVersion: String(first.version) }, [[2, jpegLike(7000, 3), '户口簿-重拍.jpg']]);
    const res = await t.app.inject({ method: 'POST', url: `/api/public/applications/${first.id}/resubmit`, payload: body.payload, headers: { cookie: applicantCookie, 'content-type': body.contentType } });
    expect(res.statusCode, res.body).toBe(200);
    const again = applicationDetailSchema.parse(res.json());
    expect(again).toMatchObject({ status: 'pre_review', preReviewDueAt: new Date('2026-03-09T17:30:00+08:00').toISOString() });
    expect(again.materials.find((m) => m.name === '居民户口簿')!.files).toHaveLength(2);
    expect(again.steps.map((s) => s.action)).toEqual(['submit', 'notify-supplement', 'resubmit']);
    first = again;
  });

  it('the window accepts it: a case of channel online through the same intake, the 受理通知 SMS, the case number on the application', async () => {
    await dayPasses('2026-03-09T09:30:00+08:00');
    const res = await review(clerk, first.id, 'accept', { expectedVersion: first.version, validity: [{ material: '居民身份证', validUntil: '2036-05-01' }] });
    expect(res.statusCode, res.body).toBe(200);
    const accepted = applicationDetailSchema.parse(res.json());
    expect(accepted.status).toBe('accepted');
    expect(accepted.caseNo).toBeTruthy();
    const kase = (await t.app.inject({ method: 'GET', url: `/api/cases/${accepted.caseId}`, headers: { cookie: clerk } })).json();
    expect(kase).toMatchObject({ channel: 'online', itemCode: PENSION, status: 'in_progress' });
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'case-accepted').where('recipient', '=', '13900001111').execute();
    expect(sms).toHaveLength(1);
    // 我的办件 shows it with the case number
    const mine = applicationListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/public/applications', headers: { cookie: applicantCookie } })).json());
    expect(mine.applications[0]).toMatchObject({ id: first.id, status: 'accepted', caseNo: accepted.caseNo });
  });

  it('我的办件 lists the cases of the account’s ID number AND phone, never one with the number but another phone', async () => {
    // a window case of the same ID number under another phone (someone typed her number)
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': `other-phone-${dialect}` },
      payload: { itemCode: 'MZ-002', channel: 'window', applicant: { kind: 'person', name: '王大山', idNumber: '11010519491231002X', phone: '13811112222' }, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] },
    });
    expect(other.statusCode, other.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: '/api/public/my-cases', headers: { cookie: applicantCookie } });
    expect(res.statusCode, res.body).toBe(200);
    const cases = res.json().cases as { caseNo: string; itemName: string; timeline: unknown[] }[];
    expect(cases.map((c) => c.itemName)).toEqual(['城乡居民养老保险待遇领取申请']);
    expect(res.body).not.toContain('13811112222');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/my-cases' })).statusCode).toBe(401);
  });

  it('a second application does not ask again for what the window checked: 居民身份证 and 居民户口簿 are on file', async () => {
    const form = applyFormSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/${DISABILITY}/apply`, headers: { cookie: applicantCookie } })).json());
    const onFile = Object.fromEntries(form.materials.map((m) => [m.name, m.onFile?.level ?? null]));
    expect(onFile).toMatchObject({ 居民身份证: 'B', 居民户口簿: 'B', 残疾人两项补贴申请表: null });
    // only the application form and the disability card uploaded
    const res = await apply(applicantCookie, DISABILITY, [[0, PDF, '申请表.pdf'], [2, jpegLike(5000, 9), '残疾人证.jpg']], `k-second-${dialect}`);
    expect(res.statusCode, res.body).toBe(201);
    const second = applicationDetailSchema.parse(res.json());
    expect(Object.fromEntries(second.materials.map((m) => [m.name, m.state]))).toMatchObject({ 居民身份证: 'on_file', 残疾人两项补贴申请表: 'uploaded' });
    // another applicant has nothing on file
    otherCookie = await signInOther();
    const other = applyFormSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/items/${DISABILITY}/apply`, headers: { cookie: otherCookie } })).json());
    expect(other.materials.every((m) => m.onFile === null)).toBe(true);
  });

  it('a return needs reason and basis, and tells the applicant; a withdrawn application cannot be reviewed', async () => {
    const list = applicationListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/applications?status=pre_review', headers: { cookie: clerk } })).json());
    const second = list.applications[0]!;
    const noBasis = await review(clerk, second.id, 'return', { expectedVersion: second.version, reason: '不符合条件', basis: '' });
    expect(noBasis.statusCode).toBe(422);
    const returned = await review(clerk, second.id, 'return', { expectedVersion: second.version, reason: '残疾等级不在补贴范围内', basis: '办理条件第一条' });
    expect(returned.statusCode, returned.body).toBe(200);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'application-returned').execute();
    // the clerk's full stop is not doubled by the template's
    expect(sms[0]!.text).toContain('残疾等级不在补贴范围内。详情请登录');
    // and in 我的办件: returned, with the reason and its basis
    const mine = applicationListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/public/applications', headers: { cookie: applicantCookie } })).json());
    expect(mine.applications.find((a) => a.id === second.id)).toMatchObject({ status: 'returned' });
    const detail = applicationDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/public/applications/${second.id}`, headers: { cookie: applicantCookie } })).json());
    expect(detail.steps.at(-1)).toMatchObject({ action: 'return', text: '残疾等级不在补贴范围内（依据：办理条件第一条）' });
    // the applicant cannot withdraw a returned one
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/public/applications/${second.id}/withdraw`, headers: { cookie: applicantCookie }, payload: { expectedVersion: second.version + 1 } });
    expect(withdraw.statusCode).toBe(409);
  });

  it('every step is in the audit trail, the staff read of the full record too', async () => {
    const actions = (await t.database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'application').execute()).map((r) => r.action);
    for (const a of ['application.submit', 'application.notify-supplement', 'application.resubmit', 'application.accept', 'application.return', 'application.read']) expect(actions).toContain(a);
  });
});

describe.each(DIALECTS)('the demo online application (%s)', (dialect) => {
  it('a server in demo mode has one application waiting for pre-review, its materials real one-page PDFs; made once', async () => {
    const t = await startTestApp(dialect);
    try {
      t.clock.now = new Date('2026-03-02T10:00:00+08:00');
      const ctx = { database: t.database, config: { ...t.config, demo: true }, clock: () => t.clock.now } as never;
      expect(await seedDemoApplication(ctx)).toBe('演示网上申请');
      expect(await seedDemoApplication(ctx)).toBeNull();
      const clerk = await signIn(t.app, 'clerk');
      const list = applicationListSchema.parse((await t.app.inject({ url: '/api/applications?status=pre_review', headers: { cookie: clerk } })).json());
      expect(list.applications).toMatchObject([{ itemCode: PENSION, applicant: { name: '赵桂兰' }, light: 'green' }]);
      const detail = applicationDetailSchema.parse((await t.app.inject({ url: `/api/applications/${list.applications[0]!.id}`, headers: { cookie: clerk } })).json());
      const file = await t.app.inject({ url: detail.materials[0]!.files[0]!.url, headers: { cookie: clerk } });
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.body).toMatch(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
      // the demo applicant signs in with the README's password
      const session = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: DEMO_APPLICANT.phone, password: DEMO_APPLICANT.password } });
      expect(session.statusCode, session.body).toBe(200);
    } finally {
      await t.close();
    }
  });
});
