import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

// A valid 居民身份证 number (GB 11643 check digit) and a mobile phone.
const ID = '11010519491231002X';
const applicant = { name: '王大山', idNumber: ID, phone: '13812345678', address: '柳河镇柳河村三组' };

const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
/** 城乡居民最低生活保障 (a county item): every material stated, the special-circumstances proof not applicable */
const LOW_INCOME = [
  ...all(['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明']),
  { name: '残疾、重病等特殊情况证明', provided: false, notApplicable: true },
];

describe.each(DIALECTS)('window case handling (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let county: string;
  let supervisor: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // A Monday morning well inside the loaded calendar years (2025–2026), whatever today is.
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
    county = await signIn(t.app, 'county');
    supervisor = await signIn(t.app, 'supervisor');
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>, key = randomUUID(), cookie = clerk) =>
    t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie, 'idempotency-key': key }, payload: { channel: 'window', applicant, ...body } });
  const act = (id: string, action: string, body: Record<string, unknown>, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions/${action}`, headers: { cookie }, payload: body });

  it('registers an immediate case accepted on the spot, with a readable case number and a deadline today', async () => {
    const res = await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ itemCode: 'MZ-002', kind: 'immediate', sixKind: 'immediate', status: 'in_progress', channel: 'window', version: 1 });
    expect(c.caseNo).toMatch(/^410899101-\d{8}-\d{4}$/);
    expect(c.acceptedAt).not.toBeNull();
    expect(c.dueAt).toBe('2026-03-02T09:30:00.000Z'); // 17:30 the same working day, Asia/Shanghai
    expect(c.light).toBe('green'); // rule 12: an immediate case is green for its first 30 minutes
    expect(c.applicant.idNumber).toBe(ID); // the receiving clerk sees it in full
    expect(c.events.map((e: { type: string }) => e.type)).toEqual(['intake']);
    expect(c.allowedActions.map((a: { action: string }) => a.action)).toContain('complete');
  });

  it('returns the same case for the same Idempotency-Key, never a second one', async () => {
    const key = randomUUID();
    const body = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };
    const first = await register(body, key);
    const again = await register(body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const list = (await t.app.inject({ url: `/api/cases?q=${first.json().caseNo}`, headers: { cookie: clerk } })).json();
    expect(list.total).toBe(1);
  });

  it('refuses the same Idempotency-Key sent with another applicant (422) and registers nothing; the first case stays', async () => {
    const key = randomUUID();
    const body = (name: string) => ({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']), applicant: { ...applicant, name } });
    const total = async () => (await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total as number;
    const first = await register(body('测试甲'), key);
    expect(first.statusCode, first.body).toBe(201);
    const before = await total();
    // the form kept its key and the next person was typed in: told, not answered with 测试甲's case
    const other = await register(body('测试乙'), key);
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', title: '这个 Idempotency-Key 已用于内容不同的另一次提交，请刷新页面后重新提交。' });
    expect(await total()).toBe(before);
    // the same body in another key order is the same request: a replay of the first case
    const { materials, itemCode, ...rest } = body('测试甲');
    const replay = await register({ ...rest, materials, itemCode }, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: first.json().id, applicant: { name: '测试甲' } });
    // the key of a registration sent with an action on that case is another request too: refused, nothing done
    const acted = await t.app.inject({ method: 'POST', url: `/api/cases/${first.json().id}/actions/complete`, headers: { cookie: clerk, 'idempotency-key': key }, payload: { expectedVersion: 1, outcome: 'approved' } });
    expect(acted.statusCode, acted.body).toBe(422);
    expect(acted.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.app.inject({ url: `/api/cases/${first.json().id}`, headers: { cookie: clerk } })).json()).toMatchObject({ status: 'in_progress', version: 1 });
    expect(await total()).toBe(before);
    // a key stored before fingerprints were kept (migration 0045) has none: it is answered as a replay, as it was
    await t.database.db.updateTable('idempotency_keys').set({ fingerprint: null }).where('key', '=', key).execute();
    const legacy = await register(body('测试乙'), key);
    expect([legacy.statusCode, legacy.json().id]).toEqual([200, first.json().id]);
    expect(await total()).toBe(before);
  });

  it('refuses a wrong ID number, an item the center does not offer, and a missing Idempotency-Key, writing nothing', async () => {
    const before = (await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total;
    const badId = await register({ itemCode: 'MZ-002', materials: [], applicant: { ...applicant, idNumber: '110105194912310021' } });
    expect(badId.statusCode).toBe(422);
    expect(badId.json().code).toBe('ID_NUMBER_INVALID');
    const notOffered = await register({ itemCode: 'MZ-009', materials: [] });
    expect(notOffered.statusCode).toBe(422);
    // 结婚登记 is received only at the county: the refusal says so and names the county's window (rule 11)
    expect(notOffered.json().code).toBe('NOT_RECEIVABLE_HERE');
    expect(notOffered.json().title).toContain('清河县政务服务中心婚姻收养登记窗口');
    const noKey = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk }, payload: { itemCode: 'MZ-002', channel: 'window', applicant, materials: [] } });
    expect(noKey.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total).toBe(before);
  });

  it('refuses a checklist that leaves out, repeats or invents a material of the guide, naming it and writing nothing', async () => {
    const before = (await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total;
    // 老年人优待证's guide lists 居民身份证 and 近期一寸免冠照片: a photo not stated is not a photo handed over
    const left = await register({ itemCode: 'MZ-002', materials: all(['居民身份证']) });
    expect(left.statusCode).toBe(422);
    expect(left.json()).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', notStated: ['近期一寸免冠照片'] });
    expect(left.json().title).toBe('请逐项核对材料：近期一寸免冠照片 未登记是否提交。办事指南中的每项材料都要登记一次：已提交、未提交，或附件对该申请人不适用。');
    const twice = await register({ itemCode: 'MZ-002', materials: [...all(['居民身份证', '近期一寸免冠照片']), { name: '近期一寸免冠照片', provided: false }] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', twice: ['近期一寸免冠照片'] });
    expect(twice.json().title).toContain('近期一寸免冠照片 登记了不止一次');
    const invented = await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片', '无犯罪记录证明']) });
    expect(invented.statusCode).toBe(422);
    expect(invented.json()).toMatchObject({ code: 'MATERIAL_NOT_IN_GUIDE', materials: ['无犯罪记录证明'] });
    const mainNotApplicable = await register({ itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: false, notApplicable: true }, ...all(['近期一寸免冠照片'])] });
    expect(mainNotApplicable.json()).toMatchObject({ code: 'MATERIALS_NOT_CHECKED', mainNotApplicable: ['居民身份证'] });
    expect((await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total).toBe(before);

    // stated not handed over: a supplement case; stated not applicable: complete
    const notHanded = await register({ itemCode: 'MZ-002', materials: [...all(['居民身份证']), { name: '近期一寸免冠照片', provided: false }] });
    expect(notHanded.statusCode).toBe(201);
    expect(notHanded.json()).toMatchObject({ status: 'awaiting_supplement', supplementNotice: { missing: ['近期一寸免冠照片'] } });
    const notApplicable = await register({ itemCode: 'MZ-002', materials: [...all(['居民身份证']), { name: '近期一寸免冠照片', provided: false, notApplicable: true }] });
    expect(notApplicable.statusCode).toBe(201);
    expect(notApplicable.json()).toMatchObject({ status: 'in_progress', materials: { provided: ['居民身份证'] } });
  });

  it('a supplement case gets ONE notice listing every missing material; the clock starts when they are complete', async () => {
    const res = await register({ itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证']), { name: '居民户口簿', provided: false }, { name: '困难情况证明材料（医疗票据、事故认定书等）', provided: false }] });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'awaiting_supplement', sixKind: 'supplement', dueAt: null, light: null });
    expect(c.supplementNotice.missing).toEqual(['居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']);

    const twice = await act(c.id, 'notify-supplement', { expectedVersion: 1, missing: ['居民户口簿'] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().code).toBe('SUPPLEMENT_ALREADY_NOTIFIED');

    const partial = await act(c.id, 'supplement', { expectedVersion: 1, materials: ['居民户口簿'] });
    expect(partial.json()).toMatchObject({ status: 'awaiting_supplement', version: 2 });
    const done = await act(c.id, 'supplement', { expectedVersion: 2, materials: ['困难情况证明材料（医疗票据、事故认定书等）'] });
    expect(done.json()).toMatchObject({ status: 'in_progress', sixKind: 'supplement', version: 3 });
    expect(done.json().dueAt).toBe('2026-03-16T09:30:00.000Z'); // 10 working days after the day it became complete
  });

  it('a stale expectedVersion answers 409 and changes nothing', async () => {
    const c = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const ok = await act(c.id, 'complete', { expectedVersion: 1, outcome: 'approved', resultNo: '优待证 2026-001' });
    expect(ok.statusCode).toBe(200);
    const stale = await act(c.id, 'deliver', { expectedVersion: 1, method: 'window' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const now = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json();
    expect(now).toMatchObject({ status: 'completed', version: 2 });
  });

  it('an action sent again with its Idempotency-Key is answered with the case as it left it, done once', async () => {
    const c = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const keyed = (id: string, action: string, body: Record<string, unknown>, key: string) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions/${action}`, headers: { cookie: clerk, 'idempotency-key': key }, payload: body });
    const key = randomUUID();
    const body = { expectedVersion: 1, outcome: 'approved', resultNo: '优待证 2026-002' };
    const first = await keyed(c.id, 'complete', body, key);
    expect(first.statusCode, first.body).toBe(200);
    // the answer was lost and 确定 pressed again: the same case, not "已被他人修改", and one 办结 only
    const again = await keyed(c.id, 'complete', body, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'completed', version: 2 });
    expect(again.json().events.filter((e: { type: string }) => e.type === 'complete')).toHaveLength(1);
    // both sent at the same moment with one key: one is done, the other answered the same, neither 409 nor 500
    const other = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const raceKey = randomUUID();
    const race = await Promise.all([1, 2].map(() => keyed(other.id, 'complete', body, raceKey)));
    expect(race.map((r) => r.statusCode)).toEqual([200, 200]);
    const after = (await t.app.inject({ url: `/api/cases/${other.id}`, headers: { cookie: clerk } })).json();
    expect(after.events.filter((e: { type: string }) => e.type === 'complete')).toHaveLength(1);
    // a key already used for one case is refused on another, and nothing is done there
    const third = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const reused = await keyed(third.id, 'complete', body, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.app.inject({ url: `/api/cases/${third.id}`, headers: { cookie: clerk } })).json()).toMatchObject({ status: 'in_progress', version: 1 });
    // the key sent again on the same case with other content — another result number, or the next action — is
    // refused and nothing is done (before, it answered 200 with the case as the first request left it)
    const otherBody = await keyed(c.id, 'complete', { ...body, resultNo: '优待证 2026-999' }, key);
    expect(otherBody.statusCode, otherBody.body).toBe(422);
    expect(otherBody.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const nextAction = await keyed(c.id, 'deliver', { expectedVersion: 2, method: 'window' }, key);
    expect(nextAction.statusCode, nextAction.body).toBe(422);
    const still = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json();
    expect(still).toMatchObject({ status: 'completed', version: 2, resultNo: '优待证 2026-002' });
    // a different action with a new key after the first: refused by the version as before (someone else's change)
    expect((await keyed(c.id, 'deliver', { expectedVersion: 1, method: 'window' }, randomUUID())).statusCode).toBe(409);
  });

  it('a missing main material is returned only with written reasons and basis, and then shows as 退回件', async () => {
    const body = { itemCode: 'MZ-001', materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])] };
    const bare = await register(body);
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('REFUSAL_REASONS_REQUIRED');
    const returned = await register({ ...body, refusal: { reasons: '缺少临时救助申请书，且申请人家庭收入高于救助标准', basis: '《社会救助暂行办法》第四十七条' } });
    expect(returned.statusCode).toBe(201);
    expect(returned.json()).toMatchObject({ status: 'returned', sixKind: 'returned' });
    expect(returned.json().refusal.basis).toContain('社会救助暂行办法');
    const register_ = (await t.app.inject({ url: '/api/cases?kind=returned', headers: { cookie: clerk } })).json();
    expect(register_.cases.map((x: { id: string }) => x.id)).toContain(returned.json().id);
  });

  it('an escalated case goes to the county inbox, is decided there and comes back to the township to hand over', async () => {
    const registered = await register({ itemCode: 'MZ-003', materials: LOW_INCOME });
    const c = registered.json();
    expect(c).toMatchObject({ kind: 'escalated', status: 'in_progress', light: 'green' });
    // 25 working days after 3-02, skipping the 清明 holiday 4-04…4-06
    expect(c.dueAt).toBe('2026-04-07T09:30:00.000Z');
    const up = await act(c.id, 'escalate', { expectedVersion: 1 });
    expect(up.statusCode).toBe(200);
    expect(up.json().transit).toMatchObject({ to: 'county' });

    const inbox = (await t.app.inject({ url: '/api/cases', headers: { cookie: county } })).json();
    // the first responder follows the case to the end, wherever it went
    const followed = (await t.app.inject({ url: '/api/cases?view=first-responded&pageSize=100', headers: { cookie: clerk } })).json();
    expect(followed.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(inbox.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    const received = await act(c.id, 'receive', { expectedVersion: 2 }, county);
    expect(received.statusCode).toBe(200);
    const completed = await act(c.id, 'complete', { expectedVersion: 3, outcome: 'approved', resultNo: '低保 2026-118' }, county);
    expect(completed.statusCode).toBe(200);
    expect(completed.json().holderOrgId).toBe(c.receivingOrgId);

    const delivered = await act(c.id, 'deliver', { expectedVersion: 4, method: 'window' });
    expect(delivered.json()).toMatchObject({ status: 'delivered' });
    const progress = await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=5678` });
    expect(progress.statusCode).toBe(200);
    const texts = progress.json().timeline.map((x: { text: string }) => x.text);
    expect(texts).toEqual(expect.arrayContaining(['已上报县级审批', '上级已接收', '已办结', '结果已送达']));
    expect(JSON.stringify(progress.json())).not.toContain(ID);
    expect(JSON.stringify(progress.json())).not.toContain('王大山');
  });

  it('answers a wrong phone like an unknown number on the public progress page', async () => {
    const c = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const wrong = await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=0000` });
    const unknown = await t.app.inject({ url: '/api/public/progress?caseNo=410899101-20000101-0001&phone4=5678' });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().title).toBe(unknown.json().title);
  });

  it('shows supervisors the case with personal data masked, and lets them act on nothing', async () => {
    const c = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    const seen = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: supervisor } })).json();
    expect(seen.applicant.idNumber).not.toBe(ID);
    expect(seen.applicant.idNumber).toContain('*');
    expect(seen.applicant.phone).toContain('*');
    expect(seen.allowedActions).toEqual([]);
    expect((await act(c.id, 'complete', { expectedVersion: 1, outcome: 'approved' }, supervisor)).statusCode).toBe(403);
  });

  it('exports the ledger to Excel exactly as filtered, with personal data masked', async () => {
    const filter = 'status=in_progress&kind=immediate';
    const listed = (await t.app.inject({ url: `/api/cases?${filter}&pageSize=100`, headers: { cookie: clerk } })).json();
    expect(listed.total).toBeGreaterThan(0);
    const res = await t.app.inject({ url: `/api/cases/export.xlsx?${filter}`, headers: { cookie: clerk } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('办件编号');
    const numbers: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers.sort()).toEqual(listed.cases.map((c: { caseNo: string }) => c.caseNo).sort());
    expect(String(sheet.getRow(3).getCell(7).value)).toContain('*');
  });

  it('gives each center its work lists: held, incoming, due today, extensions to approve, refusal register', async () => {
    const view = async (name: string, cookie = clerk) =>
      (await t.app.inject({ url: `/api/cases?view=${name}&pageSize=100`, headers: { cookie } })).json() as { cases: { id: string; status: string }[]; total: number };
    const c = (await register({ itemCode: 'MZ-003', materials: LOW_INCOME })).json();
    expect((await view('held')).cases.map((x) => x.id)).toContain(c.id);
    await act(c.id, 'escalate', { expectedVersion: 1 });
    expect((await view('incoming', county)).cases.map((x) => x.id)).toContain(c.id);
    expect((await view('incoming')).cases.map((x) => x.id)).not.toContain(c.id);

    const today = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    expect((await view('due-today')).cases.map((x) => x.id)).toContain(today.id);
    expect((await view('due-today')).cases.map((x) => x.id)).not.toContain(c.id);

    const refusals = await view('refusals');
    expect(refusals.total).toBeGreaterThan(0);
    expect(refusals.cases.every((x) => x.status === 'returned' || x.status === 'completed' || x.status === 'delivered')).toBe(true);

    const promised = (await register({ itemCode: 'LY-001', materials: all(['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明']) })).json();
    expect(promised.status).toBe('in_progress');
    const asked = await act(promised.id, 'request-extension', { expectedVersion: 1, reason: '需补充伐区现场核实', days: 5 });
    expect(asked.statusCode).toBe(200);
    const director = await signIn(t.app, 'director');
    expect((await view('extensions', director)).cases.map((x) => x.id)).toEqual([promised.id]);
    const approved = await act(promised.id, 'approve-extension', { expectedVersion: 2 }, director);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().dueAt > promised.dueAt).toBe(true);
    expect((await view('extensions', director)).total).toBe(0);
  });

  it('AB posts: while the clerk (A) is away, the backup (B) gets her open cases and new work', async () => {
    const clerk2 = await signIn(t.app, 'clerk2');
    const mine = async (cookie: string) =>
      ((await t.app.inject({ url: '/api/cases?view=mine&pageSize=100', headers: { cookie } })).json().cases as { id: string }[]).map((x) => x.id);
    const c = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    expect(await mine(clerk)).toContain(c.id);
    expect(await mine(clerk2)).not.toContain(c.id);

    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user;
    const noReason = await t.app.inject({ method: 'POST', url: `/api/users/${me.id}/presence`, headers: { cookie: clerk }, payload: { away: true } });
    expect(noReason.json().code).toBe('AWAY_REASON_REQUIRED');
    const away = await t.app.inject({ method: 'POST', url: `/api/users/${me.id}/presence`, headers: { cookie: clerk }, payload: { away: true, reason: '下村入户核查' } });
    expect(away.statusCode).toBe(200);
    expect(away.json()).toMatchObject({ away: true, awayReason: '下村入户核查' });
    expect(await mine(clerk2)).toContain(c.id);
    expect(await mine(clerk)).not.toContain(c.id);
    const windows = (await t.app.inject({ url: `/api/windows?orgId=${me.orgId}`, headers: { cookie: clerk2 } })).json().windows;
    expect(windows.find((w: { name: string }) => w.name === '民政窗口').acting).toMatchObject({ name: '张磊', post: 'B' });

    // B acts with A's authority
    expect((await act(c.id, 'complete', { expectedVersion: c.version, outcome: 'approved' }, clerk2)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/users/${me.id}/presence`, headers: { cookie: clerk }, payload: { away: false } });
    const fresh = (await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) })).json();
    expect(await mine(clerk)).toContain(fresh.id);
  });

  it('the director reviews every refusal in the register once; a clerk may not', async () => {
    const director = await signIn(t.app, 'director');
    const returned = (
      await register({
        itemCode: 'MZ-001',
        materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])],
        refusal: { reasons: '缺少临时救助申请书', basis: '《社会救助暂行办法》' },
      })
    ).json();
    const toReview = async () =>
      ((await t.app.inject({ url: '/api/cases?view=refusals-to-review&pageSize=100', headers: { cookie: director } })).json().cases as { id: string }[]).map((c) => c.id);
    expect(await toReview()).toContain(returned.id);
    const review = (body: Record<string, unknown>, cookie = director) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${returned.id}/refusal-review`, headers: { cookie }, payload: body });
    expect((await review({ expectedVersion: 1, opinion: 'upheld' }, clerk)).statusCode).toBe(403);
    expect((await review({ expectedVersion: 1, opinion: 'questioned' })).json().code).toBe('REVIEW_COMMENT_REQUIRED');
    const ok = await review({ expectedVersion: 1, opinion: 'questioned', comment: '缺附件应一次性告知，主件缺失可当场指导填写申请书' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().refusalReview).toMatchObject({ opinion: 'questioned' });
    expect(ok.json().events.at(-1)).toMatchObject({ type: 'refusal-review' });
    expect(await toReview()).not.toContain(returned.id);
    expect((await review({ expectedVersion: 2, opinion: 'upheld' })).json().code).toBe('REFUSAL_ALREADY_REVIEWED');
  });
});
