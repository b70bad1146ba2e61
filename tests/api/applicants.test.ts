// 网上办事账号 (issue 11 §2): codes by SMS through the outbox (read here from the outbox table, never from an answer),
// registration with the real-name check, sign-in with the staff's lock-out, password reset, the applicant's own
// cookie, idempotent registration, one account per phone under concurrency, rate limits, and the audit trail.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantSessionSchema, codeSentSchema } from '../../src/domain/people/applicant-contract.js';
import { loadConfig } from '../../src/server/config.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'Liuhe#2026ok';

describe.each(DIALECTS)('网上办事账号 (%s)', (dialect) => {
  let t: TestApp;
  /** every answer the tests received, to prove no code ever appears in one */
  const answers: string[] = [];
  const codesSeen: string[] = [];
  let ipSeq = 0;
  /** each test its own client address, so the per-address limits of one test do not touch another */
  let ip = '10.1.0.1';

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method, url, payload: payload as never, headers, remoteAddress: ip });
    answers.push(res.body + JSON.stringify(res.headers['set-cookie'] ?? ''));
    return res;
  };
  const askCode = (phone: string, purpose: 'register' | 'reset' = 'register') => call('POST', '/api/public/applicants/codes', { phone, purpose });
  /** the code as the administrator reads it in 短信记录: the latest SMS to the phone */
  const codeInOutbox = async (phone: string) => {
    const row = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).where('template', '=', 'applicant-code').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const code = /验证码(\d{6})/.exec(row.text)?.[1];
    if (!code) throw new Error(`no code in ${row.text}`);
    codesSeen.push(code);
    return code;
  };
  const person = (phone: string, code: string, extra: Record<string, unknown> = {}) => ({ phone, code, password: PASSWORD, kind: 'person', name: '王大山', idNumber: '11010519491231002X', ...extra });
  let keySeq = 0;
  const register = (body: unknown, key = `reg-key-${dialect}-${++keySeq}`) => call('POST', '/api/public/applicants', body, { 'idempotency-key': key });
  const cookieOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name === 'bianmin_applicant');
    if (!c) throw new Error('no applicant cookie');
    return `bianmin_applicant=${c.value}`;
  };
  const registered = async (phone: string) => {
    expect((await askCode(phone)).statusCode).toBe(202);
    const res = await register(person(phone, await codeInOutbox(phone)));
    expect(res.statusCode).toBe(201);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
  });
  afterAll(async () => {
    await t?.close();
  });
  const fresh = () => {
    ip = `10.1.${++ipSeq}.1`;
  };

  it('a code goes to the outbox as an SMS (未配置短信通道 without a provider), never into the answer; stored only as a hash', async () => {
    fresh();
    const res = await askCode('13900000001');
    expect(res.statusCode).toBe(202);
    const body = codeSentSchema.parse(res.json());
    expect(body).toEqual({ phone: '139****0001', purpose: 'register', expiresInSeconds: 600, resendAfterSeconds: 60, smsConfigured: false });
    const code = await codeInOutbox('13900000001');
    expect(res.body).not.toContain(code);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', '13900000001').executeTakeFirstOrThrow();
    expect(sms.channel).toBe('sms');
    expect(sms.text).toBe(`您正在网上办事大厅注册账号，验证码${code}，10分钟内有效。验证码只用于本人操作，请勿告诉他人。`);
    const stored = await t.database.db.selectFrom('verification_codes').selectAll().where('phone', '=', '13900000001').executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);

    // the administrator reads it in 短信记录 (the outbox API), marked as waiting for an SMS channel
    const { sendDueSms } = await import('../../src/modules/notifications/send.js');
    await sendDueSms({ database: t.database, config: { ...(await import('../../src/server/config.js')).loadConfig({}), sms: null }, clock: () => t.clock.now }, t.clock.now, null);
    const admin = await signIn(t.app, 'admin');
    const outbox = await t.app.inject({ method: 'GET', url: '/api/notifications/outbox?phone=13900000001', headers: { cookie: admin } });
    expect(outbox.statusCode).toBe(200);
    const messages = outbox.json<{ messages: { text: string; template: string; status: string; note?: string | null }[] }>().messages;
    expect(messages[0]).toMatchObject({ template: 'applicant-code', status: 'pending', text: sms.text });
    expect(JSON.stringify(messages[0])).toContain('未配置短信通道');
    // and the template is among the ones an administrator can read (消息模板)
    const templates = await t.app.inject({ method: 'GET', url: '/api/notifications/templates', headers: { cookie: admin } });
    expect(templates.body).toContain('网上办事验证码');
  });

  it('one code a minute and ten a day per phone; another day starts again', async () => {
    fresh();
    const phone = '13900000002';
    expect((await askCode(phone)).statusCode).toBe(202);
    const soon = await askCode(phone);
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: 'CODE_TOO_SOON', retryAfterSeconds: 60 });
    t.clock.now = new Date(t.clock.now.getTime() + 30_000);
    expect((await askCode(phone)).json()).toMatchObject({ code: 'CODE_TOO_SOON', retryAfterSeconds: 30 });
    for (let i = 2; i <= 10; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 61_000);
      fresh(); // (not the address limit that stops it)
      expect((await askCode(phone)).statusCode, `code ${i}`).toBe(202);
    }
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    const day = await askCode(phone);
    expect(day.statusCode).toBe(429);
    expect(day.json()).toMatchObject({ code: 'CODE_DAILY_LIMIT' });
    expect(day.json<{ title: string }>().title).toContain('今天已获取 10 次');
    expect(await t.database.db.selectFrom('verification_codes').select('id').where('phone', '=', phone).execute()).toHaveLength(10);
    const saved = t.clock.now;
    t.clock.now = new Date('2026-03-03T00:05:00+08:00');
    expect((await askCode(phone)).statusCode).toBe(202);
    t.clock.now = saved;
  });

  it('per client address: after ten codes to different phones the address is slowed down', async () => {
    fresh();
    for (let i = 0; i < 10; i++) expect((await askCode(`1370000${String(i).padStart(4, '0')}`)).statusCode).toBe(202);
    const limited = await askCode('13700009999');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await t.database.db.selectFrom('verification_codes').select('id').where('phone', '=', '13700009999').execute()).toHaveLength(0);
  });

  it('registers with the code: 201, signed in with its own cookie, masked 我的; the real-name check refuses wrong numbers', async () => {
    fresh();
    const phone = '13900000003';
    expect((await askCode(phone)).statusCode).toBe(202);
    const code = await codeInOutbox(phone);

    const badId = await register(person(phone, code, { idNumber: '110105194912310021' }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ errors: [{ path: 'idNumber' }] });
    expect(badId.json<{ title: string }>().title).toContain('校验位');
    const futureBirth = await register(person(phone, code, { idNumber: '110105202703010016' }));
    expect(futureBirth.json<{ title: string }>().title).toContain('晚于今天');
    const weak = await register(person(phone, code, { password: 'abc12345' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errors: [{ path: 'password' }] });
    const containsPhone = await register(person(phone, code, { password: `Aa!${phone}` }));
    expect(containsPhone.json()).toMatchObject({ errors: [{ path: 'password' }] });
    // none of these used a try of the code
    expect((await t.database.db.selectFrom('verification_codes').select('attempts').where('phone', '=', phone).executeTakeFirstOrThrow()).attempts).toBe(0);

    const wrong = await register(person(phone, code === '000000' ? '000001' : '000000'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'CODE_WRONG', errors: [{ path: 'code' }] });
    expect(wrong.json<{ title: string }>().title).toContain('还可以再试 4 次');

    const res = await register(person(phone, code));
    expect(res.statusCode).toBe(201);
    const { applicant } = applicantSessionSchema.parse(res.json());
    expect(applicant).toMatchObject({ kind: 'person', nameMasked: '王**', phoneMasked: '139****0003', numberMasked: '1101**********002X', realNameVerified: true, realNameMethod: 'gb11643' });
    expect(res.body).not.toContain('11010519491231002X');
    expect(res.body).not.toContain(PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'bianmin_applicant')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/public' });
    expect(cookie.secure).toBeFalsy();
    expect(res.cookies.find((c) => c.name === 'bm_session')).toBeUndefined();

    const me = await call('GET', '/api/public/me', undefined, { cookie: cookieOf(res) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(res.json());
    // the applicant's cookie is no staff session
    expect((await call('GET', '/api/auth/me', undefined, { cookie: cookieOf(res) })).statusCode).toBe(401);
    expect((await call('GET', '/api/public/me')).statusCode).toBe(401);

    const row = await t.database.db.selectFrom('applicants').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.id_number).toBe('11010519491231002X');

    // the phone is taken now: another code for registering it, or another registration, is 409
    expect((await askCode(phone)).json()).toMatchObject({ code: 'PHONE_REGISTERED' });
    expect((await register(person(phone, code))).statusCode).toBe(409);

    // sign out: the cookie is cleared and the session ended
    const out = await call('DELETE', '/api/public/session', undefined, { cookie: cookieOf(res) });
    expect(out.statusCode).toBe(204);
    expect((await call('GET', '/api/public/me', undefined, { cookie: cookieOf(res) })).statusCode).toBe(401);
  });

  it('a company registers with its 统一社会信用代码; a wrong check character is refused', async () => {
    fresh();
    const phone = '13900000004';
    await askCode(phone);
    const code = await codeInOutbox(phone);
    const company = { phone, code, password: PASSWORD, kind: 'organization', name: '柳河镇农机合作社', creditCode: '93410899MA40ABCD1X' };
    const bad = await register(company);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ path: 'creditCode' }] });
    const res = await register({ ...company, creditCode: '93410899ma40abcd1g' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ applicant: { kind: 'organization', nameMasked: '柳河****作社', numberMasked: '9341**********CD1G', realNameMethod: 'gb32100' } });
  });

  it('an expired code, a code used up by wrong tries, and a code used twice are refused', async () => {
    fresh();
    const phone = '13900000005';
    await askCode(phone);
    const code = await codeInOutbox(phone);
    t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000 + 1000);
    const expired = await register(person(phone, code));
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toMatchObject({ code: 'CODE_EXPIRED' });

    await askCode(phone);
    const second = await codeInOutbox(phone);
    const wrongCode = second === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) expect((await register(person(phone, wrongCode))).json()).toMatchObject({ code: 'CODE_WRONG' });
    expect((await register(person(phone, wrongCode))).json()).toMatchObject({ code: 'CODE_EXHAUSTED' });
    expect((await register(person(phone, second))).json()).toMatchObject({ code: 'CODE_EXHAUSTED' });
    expect(await t.database.db.selectFrom('applicants').select('id').where('phone', '=', phone).execute()).toHaveLength(0);

    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    await askCode(phone);
    const third = await codeInOutbox(phone);
    expect((await register(person(phone, third))).statusCode).toBe(201);
    // the reset code, used once, cannot be used again
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    await askCode(phone, 'reset');
    const reset = await codeInOutbox(phone);
    const first = await call('POST', '/api/public/applicants/password-reset', { phone, code: reset, password: 'Another#Pass9' });
    expect(first.statusCode).toBe(200);
    const reuse = await call('POST', '/api/public/applicants/password-reset', { phone, code: reset, password: 'Third#Pass99' });
    expect(reuse.statusCode).toBe(422);
    expect(reuse.json()).toMatchObject({ code: 'CODE_USED' });
    // the register code of an older request is not a reset code either
    expect((await call('POST', '/api/public/session', { phone, password: 'Another#Pass9' })).statusCode).toBe(200);
  });

  it('two registrations of one phone at the same moment: one 201 and one 409, never 500', async () => {
    fresh();
    const phone = '13900000006';
    await askCode(phone);
    const code = await codeInOutbox(phone);
    const results = await Promise.all([register(person(phone, code), `race-a-${dialect}`), register(person(phone, code), `race-b-${dialect}`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'PHONE_REGISTERED' });
    expect(await t.database.db.selectFrom('applicants').select('id').where('phone', '=', phone).execute()).toHaveLength(1);
  });

  it('the same Idempotency-Key again signs in to the account it made; with another password it is refused', async () => {
    fresh();
    const phone = '13900000007';
    await askCode(phone);
    const code = await codeInOutbox(phone);
    const first = await register(person(phone, code), `same-key-${dialect}`);
    expect(first.statusCode).toBe(201);
    const again = await register(person(phone, code), `same-key-${dialect}`);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ applicant: { id: string } }>().applicant.id).toBe(first.json<{ applicant: { id: string } }>().applicant.id);
    expect((await call('GET', '/api/public/me', undefined, { cookie: cookieOf(again) })).statusCode).toBe(200);
    const other = await register(person(phone, code, { password: 'Other#Pass123' }), `same-key-${dialect}`);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.cookies.find((c) => c.name === 'bianmin_applicant')).toBeUndefined();
    // both at once with one key: one account
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    const phone2 = '13900000017';
    await askCode(phone2);
    const code2 = await codeInOutbox(phone2);
    const pair = await Promise.all([register(person(phone2, code2), `twin-${dialect}`), register(person(phone2, code2), `twin-${dialect}`)]);
    expect(pair.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    expect(new Set(pair.map((r) => r.json<{ applicant: { id: string } }>().applicant.id)).size).toBe(1);
  });

  it('sign-in: wrong passwords counted in one statement, locked after five (423, even for the right one), audited without secrets', async () => {
    fresh();
    const phone = '13900000008';
    await registered(phone);
    const { maxFailures, lockMinutes } = { maxFailures: 5, lockMinutes: 15 };
    for (let i = 1; i < maxFailures; i++) {
      const wrong = await call('POST', '/api/public/session', { phone, password: `Wrong#${i}abc` });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<{ title: string }>().title).toContain(`再输错 ${maxFailures - i} 次`);
    }
    // a phone that cannot be a mobile number is told so, and counts against no account
    const short = await call('POST', '/api/public/session', { phone: '1390000', password: 'Wrong#0abc' });
    expect([short.statusCode, short.json<{ title: string }>().title]).toEqual([400, expect.stringContaining('请填写 11 位手机号码')]);
    const locking = await call('POST', '/api/public/session', { phone, password: 'Wrong#5abc' });
    expect(locking.statusCode).toBe(423);
    expect(locking.json<{ title: string }>().title).toContain(`锁定 ${lockMinutes} 分钟`);
    const right = await call('POST', '/api/public/session', { phone, password: PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.cookies.find((c) => c.name === 'bianmin_applicant')).toBeUndefined();

    // many at once while unlocked: at most five passwords are ever checked
    const phone2 = '13900000009';
    await registered(phone2);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => call('POST', '/api/public/session', { phone: phone2, password: `Burst#${i}xyz` })));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(4);
    expect(burst.filter((r) => r.statusCode === 423)).toHaveLength(8);
    const row = await t.database.db.selectFrom('applicants').selectAll().where('phone', '=', phone2).executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(5);

    t.clock.advanceMinutes(lockMinutes + 1);
    const after = await call('POST', '/api/public/session', { phone, password: PASSWORD });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ applicant: { phoneMasked: '139****0008' } });
    expect((await t.database.db.selectFrom('applicants').select(['failed_attempts', 'locked_until']).where('phone', '=', phone).executeTakeFirstOrThrow())).toEqual({ failed_attempts: 0, locked_until: null });

    // unknown phone: 401, nothing counted anywhere
    const unknown = await call('POST', '/api/public/session', { phone: '13911112222', password: PASSWORD });
    expect(unknown.statusCode).toBe(401);

    // the auditor sees registration, failures and the lock-out, with masked phones and no passwords or codes
    const auditor = await signIn(t.app, 'auditor');
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=applicant&pageSize=200', headers: { cookie: auditor } });
    expect(audit.statusCode).toBe(200);
    const entries = audit.json<{ entries: { action: string; detail: unknown; ip: string | null }[] }>().entries;
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['applicant.codeSent', 'applicant.register', 'applicant.failed', 'applicant.locked', 'applicant.login']) expect(actions, a).toContain(a);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('Wrong#');
    expect(text).not.toContain('13900000008');
    expect(text).toContain('139****0008');
    for (const code of codesSeen) expect(text).not.toMatch(new RegExp(`[^0-9]${code}[^0-9]`));
    expect(entries.find((e) => e.action === 'applicant.locked')?.ip).toBe(ip);
  });

  it('sign-in per client address, as for staff: thirty tries across phones, then 429 even for a right password', async () => {
    fresh();
    const phone = '13900000012';
    await registered(phone);
    // the account's own lock-out cannot stop this: every try names another phone
    for (let i = 0; i < 30; i++) expect((await call('POST', '/api/public/session', { phone: `1360000${String(i).padStart(4, '0')}`, password: PASSWORD })).statusCode, `try ${i}`).toBe(401);
    const limited = await call('POST', '/api/public/session', { phone, password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.cookies.find((c) => c.name === 'bianmin_applicant')).toBeUndefined();
    // another address signs in at once
    fresh();
    expect((await call('POST', '/api/public/session', { phone, password: PASSWORD })).statusCode).toBe(200);
  });

  it('password reset with a code ends the other sessions and the lock-out; an unknown phone gets no code', async () => {
    fresh();
    const phone = '13900000010';
    const made = await registered(phone);
    const oldCookie = cookieOf(made);
    for (let i = 0; i < 5; i++) await call('POST', '/api/public/session', { phone, password: `Wrong#${i}abc` });
    expect((await call('POST', '/api/public/session', { phone, password: PASSWORD })).statusCode).toBe(423);

    expect((await askCode('13911113333', 'reset')).json()).toMatchObject({ code: 'PHONE_NOT_REGISTERED' });
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect((await askCode(phone, 'reset')).statusCode).toBe(202);
    const code = await codeInOutbox(phone);
    const weak = await call('POST', '/api/public/applicants/password-reset', { phone, code, password: 'short' });
    expect(weak.statusCode).toBe(400);
    const wrongCode = code === '999999' ? '888888' : '999999';
    expect((await call('POST', '/api/public/applicants/password-reset', { phone, code: wrongCode, password: 'Brand#New2026' })).json()).toMatchObject({ code: 'CODE_WRONG' });
    const done = await call('POST', '/api/public/applicants/password-reset', { phone, code, password: 'Brand#New2026' });
    expect(done.statusCode).toBe(200);
    expect((await call('GET', '/api/public/me', undefined, { cookie: cookieOf(done) })).statusCode).toBe(200);
    expect((await call('GET', '/api/public/me', undefined, { cookie: oldCookie })).statusCode).toBe(401);
    expect((await call('POST', '/api/public/session', { phone, password: PASSWORD })).statusCode).toBe(401);
    expect((await call('POST', '/api/public/session', { phone, password: 'Brand#New2026' })).statusCode).toBe(200);

    // audited: the wrong code and the reset, with the masked phone only
    const auditor = await signIn(t.app, 'auditor');
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=applicant&pageSize=200', headers: { cookie: auditor } });
    const entries = audit.json<{ entries: { action: string; detail: unknown }[] }>().entries.filter((e) => JSON.stringify(e.detail).includes('139****0010'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['applicant.codeFailed', 'applicant.passwordReset', 'applicant.locked']));
    expect(JSON.stringify(entries)).not.toContain('Brand#New2026');
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(`[^0-9](${code}|${wrongCode})[^0-9]`));
  });

  it('a session idle for two hours ends', async () => {
    fresh();
    const made = await registered('13900000011');
    t.clock.advanceMinutes(121);
    const me = await call('GET', '/api/public/me', undefined, { cookie: cookieOf(made) });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ code: 'APPLICANT_SESSION_EXPIRED' });
  });

  it('no answer of any test above carried a code that was sent', async () => {
    // every code sent, as the outbox holds it
    const sent = await t.database.db.selectFrom('outbox_messages').select('text').where('template', '=', 'applicant-code').execute();
    for (const m of sent) codesSeen.push(/验证码(\d{6})/.exec(m.text)![1]!);
    expect(new Set(codesSeen).size).toBeGreaterThan(30);
    const scrub = (a: string) => a.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '');
    for (const code of codesSeen) for (const a of answers) expect(scrub(a)).not.toMatch(new RegExp(`(^|[^0-9])${code}([^0-9]|$)`));
  });
});

describe('网上办事账号 behind HTTPS (COOKIE_SECURE=1)', () => {
  it('the applicant cookie is Secure too', async () => {
    const t = await startTestApp('sqlite', { config: { session: { ...loadConfig({}).session, secureCookie: true } } });
    try {
      t.clock.now = new Date('2026-03-02T09:00:00+08:00');
      expect((await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone: '13900000099', purpose: 'register' } })).statusCode).toBe(202);
      const sms = await t.database.db.selectFrom('outbox_messages').select('text').where('recipient', '=', '13900000099').executeTakeFirstOrThrow();
      const code = /验证码(\d{6})/.exec(sms.text)![1]!;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/applicants',
        headers: { 'idempotency-key': 'secure-cookie-1' },
        payload: { phone: '13900000099', code, password: PASSWORD, kind: 'person', name: '王大山', idNumber: '11010519491231002X' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.cookies.find((c) => c.name === 'bianmin_applicant')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await t.close();
    }
  });
});
