// Evidence belongs to the real-named person (issue 11 §2 audit; DOMAIN.md "Public hall"): a villager served at the
// window on an ordinary case has what the clerk checked kept as level B, and the 证照 the finished case issued as
// level A; after registering online with the same ID number, the apply form shows them as 已存档 and the application
// goes in without them. 告知承诺 (D): a material the catalog marks 可告知承诺 may be promised, only for that
// application; anything else must be uploaded.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDetailSchema, applyFormSchema, casePromisesSchema, materialsOnFileSchema } from '../../src/domain/contract/applications.js';
import * as m0041 from '../../src/db/migrations/0041-evidence-holders.js';
import { remindPromiseChecks } from '../../src/modules/applications/promise-remind-job.js';
import { drainConsumers } from '../../src/modules/events/consumers.js';
import type { AppContext } from '../../src/server/context.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ID = '11010519491231002X';
const NAME = '王大山';
const ELDER_CARD = 'MZ-002'; // 老年人优待证办理 (township, 即办): 居民身份证*, 近期一寸免冠照片 → 《老年人优待证》
const JOB_CARD = 'RS-004'; // 就业创业证申领 (online): 居民身份证*, 近期一寸免冠照片
const MOVE_IN = 'GA-005'; // 户口迁入审批 (online): …, 迁移事由证明* 可告知承诺

describe.each(DIALECTS)('evidence of the real-named person (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  let clerk: string;
  let townshipId: string;
  let seq = 0;

  async function registerApplicant(phone: string, idNumber: string, name = NAME): Promise<string> {
    const ip = `10.8.${++seq}.1`;
    expect((await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone, purpose: 'register' }, remoteAddress: ip })).statusCode).toBe(202);
    const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).where('template', '=', 'applicant-code').executeTakeFirstOrThrow();
    const code = /验证码(\d{6})/.exec(sms.text)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/applicants',
      payload: { phone, code, password: 'Liuhe#2026ok', kind: 'person', name, idNumber },
      headers: { 'idempotency-key': `reg-${dialect}-${phone}` },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(201);
    return `bianmin_applicant=${res.cookies.find((x) => x.name === 'bianmin_applicant')!.value}`;
  }

  async function apply(cookie: string, itemCode: string, files: [number, Buffer, string][], fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ itemCode, orgId: townshipId, ...fields })) form.append(k, v);
    for (const [i, bytes, name] of files) form.append(`material-${i}`, new Blob([bytes]), name);
    const body = new Response(form);
    return t.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { cookie, 'content-type': body.headers.get('content-type')!, 'idempotency-key': randomUUID() },
    });
  }

  const applyForm = async (cookie: string, itemCode: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/items/${itemCode}/apply`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return applyFormSchema.parse(res.json());
  };

  const evidence = () => t.database.db.selectFrom('evidence').selectAll().orderBy('level').orderBy('material_name').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    ctx = { database: t.database, config: t.config, clock: () => t.clock.now };
    clerk = await signIn(t.app, 'clerk');
    townshipId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk } })).json().user.orgId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a walk-in case keeps what the window checked (B) and, finished, the 证照 it issued (A), for the ID number the case names', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: {
        itemCode: ELDER_CARD,
        channel: 'window',
        // typed at the window with a lower-case x: the same person
        applicant: { kind: 'person', name: NAME, idNumber: ID.toLowerCase(), phone: '13700007777' },
        materials: [
          { name: '居民身份证', provided: true },
          { name: '近期一寸免冠照片', provided: true },
        ],
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const c = made.json() as { id: string; version: number };
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/actions/complete`,
      headers: { cookie: clerk },
      payload: { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证2026-018', resultValidUntil: '2036-03-01' },
    });
    expect(done.statusCode, done.body).toBe(200);
    await drainConsumers(ctx);
    // the consumer takes each event once however often it is drained
    await drainConsumers(ctx);

    const rows = await evidence();
    expect(rows.map((r) => [r.level, r.material_name, r.valid_until, r.holder_number, r.holder_name, r.case_id])).toEqual([
      ['A', '老年人优待证', '2036-03-01', ID, NAME, c.id],
      ['B', '居民身份证', '2027-03-02', ID, NAME, c.id],
      ['B', '近期一寸免冠照片', '2027-03-02', ID, NAME, c.id],
    ]);
    expect(rows.find((r) => r.level === 'A')).toMatchObject({ item_code: ELDER_CARD, result_no: '优待证2026-018', application_id: null });
  });

  it('back at the window for another item: the clerk typing the same number and name sees what is on file; another name, nothing', async () => {
    const onFile = (query: Record<string, string>, cookie = clerk) =>
      t.app.inject({ method: 'GET', url: `/api/evidence/on-file?${new URLSearchParams(query)}`, headers: { cookie } });
    const res = await onFile({ itemCode: JOB_CARD, number: ID.toLowerCase(), name: ` ${NAME}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(materialsOnFileSchema.parse(res.json()).materials).toEqual([
      { name: '居民身份证', onFile: { level: 'B', levelName: '窗口已核验', validUntil: '2027-03-02', checkedAt: expect.any(String) } },
      { name: '近期一寸免冠照片', onFile: { level: 'B', levelName: '窗口已核验', validUntil: '2027-03-02', checkedAt: expect.any(String) } },
    ]);
    // the number alone reveals nothing: under another name there is nothing on file
    expect((await onFile({ itemCode: JOB_CARD, number: ID, name: '王小山' })).json()).toEqual({ materials: [] });
    // the form's own checks, in Chinese; not for a visitor without a staff session
    const bad = await onFile({ itemCode: JOB_CARD, number: '', name: NAME });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/证件号码/);
    expect((await onFile({ itemCode: 'NO-SUCH', number: ID, name: NAME })).statusCode).toBe(404);
    expect((await onFile({ itemCode: JOB_CARD, number: ID, name: NAME }, '')).statusCode).toBe(401);
  });

  let mine: string;
  it('registered online later with the same ID number: the apply form shows them 已存档 and the application goes in without them', async () => {
    mine = await registerApplicant('13900003333', ID);
    const form = await applyForm(mine, JOB_CARD);
    expect(form.materials.map((m) => [m.name, m.onFile?.level ?? null, m.onFile?.levelName ?? null])).toEqual([
      ['居民身份证', 'B', '窗口已核验'],
      ['近期一寸免冠照片', 'B', '窗口已核验'],
    ]);
    const res = await apply(mine, JOB_CARD, []);
    expect(res.statusCode, res.body).toBe(201);
    const a = applicationDetailSchema.parse(res.json());
    expect(a.materials.map((m) => m.state)).toEqual(['on_file', 'on_file']);
  });

  it('another ID number, or the same number under another name, sees nothing on file and is asked for the materials', async () => {
    const other = await registerApplicant('13900004444', '110105198001010059');
    expect((await applyForm(other, JOB_CARD)).materials.every((m) => m.onFile === null)).toBe(true);
    const refused = await apply(other, JOB_CARD, []);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toContain('居民身份证');
    // the number alone is not enough: the real-name check proves it well-formed, not whose it is
    const namesake = await registerApplicant('13900005555', ID, '王小山');
    expect((await applyForm(namesake, JOB_CARD)).materials.every((m) => m.onFile === null)).toBe(true);
    // an anonymous visitor sees the form without anything on file
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/public/items/${JOB_CARD}/apply` });
    expect(applyFormSchema.parse(anonymous.json()).materials.every((m) => m.onFile === null)).toBe(true);
  });

  it('告知承诺: a material marked 可告知承诺 may be promised (D, this application only); any other must be uploaded', async () => {
    const form = await applyForm(mine, MOVE_IN);
    expect(form.materials.map((m) => m.promisable)).toEqual([false, false, false, true, false]);
    expect(form.materials[1]!.onFile?.level).toBe('B');
    const notPromisable = await apply(mine, MOVE_IN, [[0, PDF, '申请表.pdf']], { promised: '2,3' });
    expect(notPromisable.statusCode).toBe(422);
    expect(notPromisable.json()).toMatchObject({ code: 'APPLICATION_PROMISE_NOT_ALLOWED' });
    expect(notPromisable.json().title).toContain('居民户口簿');

    const res = await apply(mine, MOVE_IN, [[0, PDF, '申请表.pdf'], [2, PDF, '户口簿.pdf']], { promised: '3' });
    expect(res.statusCode, res.body).toBe(201);
    const a = applicationDetailSchema.parse(res.json());
    expect(a.materials.map((m) => m.state)).toEqual(['uploaded', 'on_file', 'uploaded', 'promised', 'missing']);
    const promised = (await evidence()).filter((r) => r.level === 'D');
    expect(promised.map((r) => [r.material_name, r.application_id, r.holder_number])).toEqual([['迁移事由证明（结婚证、房产证明或亲属关系证明等）', a.id, ID]]);
    // the window sees the promise, and accepts the application on it
    const seen = await t.app.inject({ method: 'GET', url: `/api/applications/${a.id}`, headers: { cookie: clerk } });
    expect(seen.json().materials[3].state).toBe('promised');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/applications/${a.id}/actions/accept`, headers: { cookie: clerk }, payload: { expectedVersion: a.version } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await drainConsumers(ctx);
    // a promise never spares the next application: it is asked for (or promised) again
    const again = await applyForm(mine, MOVE_IN);
    expect(again.materials[3]!.onFile).toBeNull();
    // the uploads the window checked at acceptance are B now; the online intake adds no second copy of them
    const b = (await evidence()).filter((r) => r.level === 'B' && r.application_id === a.id).map((r) => r.material_name);
    expect(b).toEqual(['居民户口簿']);
    promisedCase = accepted.json().caseId as string;
  });

  let promisedCase: string;
  it('告知承诺 checked afterwards: 20 working days from acceptance; kept, it is on file (B) for next time; once only', async () => {
    const promises = async (cookie = clerk) => {
      const res = await t.app.inject({ url: `/api/cases/${promisedCase}/promises`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return casePromisesSchema.parse(res.json()).promises;
    };
    const [p] = await promises();
    // accepted on Monday 2 March: the 20th working day after it is Monday 30 March
    expect(p).toMatchObject({ materialName: '迁移事由证明（结婚证、房产证明或亲属关系证明等）', due: '2026-03-30', state: 'pending', stateName: '待核查', canCheck: true });
    const check = (body: Record<string, unknown>, cookie = clerk) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${promisedCase}/promises/${p!.id}/check`, headers: { cookie }, payload: body });
    // untrue needs what was found; the county, which sees the case, does not check the township's promises
    const noNote = await check({ result: 'false' });
    expect([noNote.statusCode, noNote.json().code]).toEqual([422, 'PROMISE_NOTE_REQUIRED']);
    const county = await signIn(t.app, 'county');
    expect((await check({ result: 'kept' }, county)).statusCode).toBe(403);
    // not checked three days before its last day: the township's director is reminded once a day, with the case number
    expect(await remindPromiseChecks(ctx, new Date('2026-03-26T09:00:00+08:00'))).toBe(0);
    expect(await remindPromiseChecks(ctx, new Date('2026-03-27T09:00:00+08:00'))).toBe(1);
    await remindPromiseChecks(ctx, new Date('2026-03-27T15:00:00+08:00'));
    const caseNo = (await t.app.inject({ url: `/api/cases/${promisedCase}`, headers: { cookie: clerk } })).json().caseNo as string;
    const reminders = await t.database.db.selectFrom('outbox_messages').select(['text']).where('template', '=', 'promise-check-reminder').execute();
    expect(reminders.map((m) => m.text)).toEqual([`柳河镇便民服务中心有1项告知承诺材料待核查，办件：${caseNo}。请在办件页“告知承诺材料”中登记核查结果。`]);
    const kept = await check({ result: 'kept', note: '已见结婚证原件' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(casePromisesSchema.parse(kept.json()).promises[0]).toMatchObject({ state: 'kept', stateName: '核查属实', note: '已见结婚证原件', checkedByName: '王晓燕', canCheck: false });
    const again = await check({ result: 'false', note: '改判' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PROMISE_CHECKED']);
    // kept: the window has seen it, so the next application finds it on file
    const form = await applyForm(mine, MOVE_IN);
    expect(form.materials[3]!.onFile).toMatchObject({ level: 'B', levelName: '窗口已核验' });
    // checked: no more reminders
    expect(await remindPromiseChecks(ctx, new Date('2026-03-31T09:00:00+08:00'))).toBe(0);
    const log = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'promise.check').execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.detail).toContain('核查属实');
  });

  it('migration 0041 moves evidence kept by account to the account\'s ID number and name; one of an account without a number is dropped', async () => {
    const db = t.database.db;
    const [account] = await db.selectFrom('applicants').select(['id']).where('phone', '=', '13900003333').execute();
    const [unverified] = await db.selectFrom('applicants').select(['id']).where('phone', '=', '13900004444').execute();
    await db.updateTable('applicants').set({ id_number: null }).where('id', '=', unverified!.id).execute();
    // back to the table as 0029 made it, with a row of each kind as the old code wrote them
    await m0041.down(db as never);
    const old = (id: string, applicantId: string, name: string, level: string) =>
      ({ id, applicant_id: applicantId, material_name: name, material_key: name, level, valid_until: null, checked_at: '2026-03-01T01:00:00.000Z', checked_by: null, file_hash: null, application_id: null, case_id: null, created_at: '2026-03-01T01:00:00.000Z' }) as never;
    await db.insertInto('evidence' as never).values([old('e1', account!.id, '《中华人民共和国残疾人证》', 'B'), old('e2', unverified!.id, '居民户口簿', 'B')]).execute();
    await m0041.up(db as never);
    const rows = await evidence();
    expect(rows.map((r) => [r.id, r.holder_kind, r.holder_number, r.holder_name, r.material_key])).toEqual([['e1', 'person', ID, NAME, '中华人民共和国残疾人证']]);
    // and it is on file for the account again, through the ID number
    const form = await applyForm(mine, 'MZ-005');
    expect(form.materials.find((m) => m.name === '《中华人民共和国残疾人证》')?.onFile?.level).toBe('B');
  });
});
