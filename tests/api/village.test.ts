// The village proxy network (issue: 小事不出村，大事不出乡镇): agent intake with 代办 / 帮办, in-person items refused,
// on-the-spot village items, the weekly batch and urgent forwarding with every hop recorded, the supplement
// round-trip through the agent, results back down, hop violations, and the village monthly table.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
const RESIDENCE = ['居民身份证', '户口簿或居住证'];

interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  proxy: { authorized: boolean } | null;
  [key: string]: unknown;
}

describe.each(DIALECTS)('village proxy network (%s)', (dialect) => {
  let t: TestApp;
  let agent: string;
  let clerk: string;
  let director: string;
  let county: string;
  const setTime = async (at: string) => {
    t.clock.now = new Date(at);
    [agent, clerk, director, county] = await Promise.all([signIn(t.app, 'agent'), signIn(t.app, 'clerk'), signIn(t.app, 'director'), signIn(t.app, 'county')]);
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await setTime('2026-03-03T09:00:00+08:00'); // a Tuesday: the next batch day is Monday 3-09
  });
  afterAll(() => t.close());

  const register = (itemCode: string, materials: { name: string; provided: boolean; notApplicable?: boolean }[], proxy = { authorized: true }, cookie = agent) =>
    t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'idempotency-key': randomUUID() },
      payload: { channel: 'agent', applicant: villager, itemCode, materials, proxy },
    });
  const act = (c: { id: string; version: number }, action: string, body: Record<string, unknown> = {}, cookie = agent) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
  const get = async (id: string, cookie = agent): Promise<CaseView> => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie } })).json();
  const view = async (name: string, cookie: string) =>
    ((await t.app.inject({ url: `/api/cases?view=${name}&pageSize=100`, headers: { cookie } })).json().cases as { id: string }[]).map((c) => c.id);
  const violations = async (cookie: string) =>
    (await t.app.inject({ url: '/api/agents/hop-violations', headers: { cookie } })).json().violations as { caseId: string; hop: string; doneAt: string | null }[];

  it('refuses an in-person item with where the villager must go, and proxy-forbidden items, writing nothing', async () => {
    const before = (await t.app.inject({ url: '/api/cases', headers: { cookie: agent } })).json().total;
    const inPerson = await register('RS-002', all(['居民身份证或社会保障卡']));
    expect(inPerson.statusCode).toBe(422);
    expect(inPerson.json().code).toBe('IN_PERSON_REQUIRED');
    expect(inPerson.json().title).toMatch(/本人.*到/);
    const noProxy = await register('SF-002', all(['调解申请（书面或口头记录）', '当事人居民身份证', '与纠纷有关的证据材料']));
    expect(noProxy.json().code).toBe('PROXY_NOT_ALLOWED');
    expect((await t.app.inject({ url: '/api/cases', headers: { cookie: agent } })).json().total).toBe(before);
  });

  it('without a signed authorisation the case is help only (帮办), and says so', async () => {
    const res = await register('LY-001', all(FELLING), { authorized: false });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'agent', status: 'submitted', proxy: { authorized: false } });
  });

  it('a village certificate is finished by the agent on the spot, free of charge', async () => {
    const c = (await register('ZH-002', all(RESIDENCE))).json() as CaseView;
    expect(c).toMatchObject({ status: 'in_progress', sixKind: 'immediate' });
    const fee = await act(c, 'complete', { outcome: 'approved', resultNo: '柳河村证明 2026-012', feeCharged: 5, receiptNo: 'X' });
    expect(fee.statusCode).toBe(422);
    expect(fee.json().title).toContain('免费');
    const done = await act(c, 'complete', { outcome: 'approved', resultNo: '柳河村证明 2026-012' });
    expect(done.json()).toMatchObject({ status: 'completed' });
    const delivered = await act(done.json(), 'deliver', { method: 'agent' });
    expect(delivered.json()).toMatchObject({ status: 'delivered' });
    expect(await view('to-forward', agent)).not.toContain(c.id);
  });

  it('ordinary cases wait for the weekly batch; the township receives the batch with the materials handed over', async () => {
    const c = (await register('LY-001', all(FELLING))).json() as CaseView;
    expect(c.status).toBe('submitted');
    expect(await view('to-forward', agent)).toContain(c.id);
    const next = (await t.app.inject({ url: '/api/agents/next-batch', headers: { cookie: agent } })).json();
    expect(next).toMatchObject({ batchDay: '2026-03-09', batchToday: false });
    expect(next.waiting).toBeGreaterThanOrEqual(2);
    const nextFor = async (caseId: string) => (await t.app.inject({ url: `/api/agents/next-batch?caseId=${caseId}`, headers: { cookie: agent } })).json();
    expect((await nextFor(c.id)).caseLatestDay).toBe('2026-03-09');

    await setTime('2026-03-09T08:40:00+08:00'); // Monday, batch day
    // this week's batch has not left: it goes today, and the case still waiting must go with it
    expect(await nextFor(c.id)).toMatchObject({ batchDay: '2026-03-09', batchToday: true, caseLatestDay: '2026-03-09' });
    const key = randomUUID();
    const send = () => t.app.inject({ method: 'POST', url: '/api/agents/batches', headers: { cookie: agent, 'idempotency-key': key }, payload: {} });
    const sent = await send();
    expect(sent.statusCode, sent.body).toBe(201);
    // sent: the next one is next Monday, and the case no longer waits here
    expect(await nextFor(c.id)).toMatchObject({ batchDay: '2026-03-16', batchToday: false, caseLatestDay: null });
    const batch = sent.json();
    expect(batch.batchNo).toMatch(/-P20260309-01$/);
    expect(batch).toMatchObject({ villageName: '柳河村', townshipName: '柳河镇' });
    const line = batch.cases.find((x: { id: string }) => x.id === c.id);
    expect(line.materials).toEqual(FELLING);
    expect((await send()).json().id).toBe(batch.id); // a double tap: the same batch
    expect(await view('to-forward', agent)).toEqual([]);
    expect(await view('sent-up', agent)).toContain(c.id);
    const again = await t.app.inject({ method: 'POST', url: '/api/agents/batches', headers: { cookie: agent, 'idempotency-key': randomUUID() }, payload: {} });
    expect(again.json().code).toBe('NOTHING_TO_FORWARD');

    // the township sees the batch and the cases in its inbox, and receives them all at once
    expect(await view('incoming', clerk)).toContain(c.id);
    const listed = (await t.app.inject({ url: '/api/agents/batches', headers: { cookie: clerk } })).json().batches;
    expect(listed.map((b: { id: string }) => b.id)).toContain(batch.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/agents/batches/${batch.id}/receive`, headers: { cookie: agent } })).statusCode).toBe(403);
    const received = await t.app.inject({ method: 'POST', url: `/api/agents/batches/${batch.id}/receive`, headers: { cookie: clerk } });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().receivedBy).toBeTruthy();
    const atTownship = await get(c.id, clerk);
    expect(atTownship).toMatchObject({ status: 'submitted', holderOrgId: expect.any(String) });
    // received, it lies at the township's window for the item: the window's clerk finds it under 我的窗口
    expect(atTownship.windowId).not.toBeNull();
    expect(await view('mine', clerk)).toContain(c.id);
    expect((atTownship.allowedActions as { action: string }[]).map((a) => a.action)).toContain('accept');
    // forwarded on the batch day: no violation
    expect((await violations(director)).map((v) => v.caseId)).not.toContain(c.id);

    // accepted, finished above, back to the agent to hand over (回复)
    const accepted = await act(atTownship, 'accept', {}, clerk);
    const completed = await act(accepted.json(), 'complete', { outcome: 'approved', resultNo: '林采 2026-031' }, clerk);
    expect(completed.json()).toMatchObject({ status: 'completed' });
    expect(await view('to-deliver', agent)).toContain(c.id);
    const delivered = await act(completed.json(), 'deliver', { method: 'agent' });
    expect(delivered.json()).toMatchObject({ status: 'delivered' });
    const events = (await get(c.id)).events as { type: string; by: string }[];
    expect(events.map((e) => e.type)).toEqual(['intake', 'forward', 'receive', 'accept', 'complete', 'deliver']);
  });

  it('an urgent case goes at once; late forwarding shows as a violation for the township director', async () => {
    await setTime('2026-03-10T09:00:00+08:00'); // Tuesday
    const urgent = (await register('LY-001', all(FELLING))).json() as CaseView;
    const late = (await register('LY-001', all(FELLING))).json() as CaseView;
    const withdrawn = (await register('LY-001', all(FELLING))).json() as CaseView;
    expect((await act(withdrawn, 'withdraw', { reason: '村民决定暂不采伐' })).statusCode).toBe(200);
    const up = await act(urgent, 'forward', { urgent: true });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().transit).toMatchObject({ to: 'township', urgent: true });
    expect(await view('incoming', clerk)).toContain(urgent.id);

    // the other one misses the next batch day (Monday 3-16) and is still at the village on Tuesday
    await setTime('2026-03-17T09:00:00+08:00');
    const found = await violations(director);
    expect(found.find((v) => v.caseId === late.id)).toMatchObject({ hop: 'village-township', doneAt: null });
    expect(found.map((v) => v.caseId)).not.toContain(urgent.id);
    // it stays a violation once sent late
    await act(await get(late.id), 'forward', { urgent: true });
    expect((await violations(director)).find((v) => v.caseId === late.id)?.doneAt).toBeTruthy();
    // a case the villager withdrew before it was sent was never late
    expect((await violations(director)).map((v) => v.caseId)).not.toContain(withdrawn.id);
    // a village agent sees the violations of the village too; a county clerk sees none of another township's
    expect((await violations(agent)).map((v) => v.caseId)).toContain(late.id);
  });

  it('the supplement round-trip goes through the agent: one notice down, the materials back up', async () => {
    await setTime('2026-03-18T09:00:00+08:00');
    const c = (await register('LY-001', all(FELLING))).json() as CaseView;
    const up = await act(c, 'forward', { urgent: true });
    const received = await act(up.json(), 'receive', {}, clerk);
    const notice = await act(received.json(), 'notify-supplement', { missing: ['伐区简易调查说明'], defectNote: '调查说明未标明伐区四至' }, clerk);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({ status: 'awaiting_supplement' });
    expect(notice.json().supplementNotice.missing).toEqual(['伐区简易调查说明']);
    // the township holds the case; the agent passes the notice on and the villager brings the material to the window
    const supplied = await act(notice.json(), 'supplement', { materials: ['伐区简易调查说明'] }, clerk);
    expect(supplied.json()).toMatchObject({ status: 'in_progress' });
  });

  it('a county item goes village → township → county and the result comes back down to the agent', async () => {
    await setTime('2026-03-19T09:00:00+08:00');
    const c = (
      await register('MZ-003', [
        ...all(['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明']),
        { name: '残疾、重病等特殊情况证明', provided: false, notApplicable: true },
      ])
    ).json() as CaseView;
    expect(c).toMatchObject({ status: 'submitted', kind: 'escalated' });
    const up = await act(c, 'forward', { urgent: true });
    const atTownship = await act(up.json(), 'receive', {}, clerk);
    const accepted = await act(atTownship.json(), 'accept', {}, clerk);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const escalated = await act(accepted.json(), 'escalate', {}, clerk);
    const atCounty = await act(escalated.json(), 'receive', {}, county);
    // at the county, at the county's window for the item (the township's window is not the county's)
    expect(atCounty.json().windowId).not.toBe(atTownship.json().windowId);
    expect(await view('mine', county)).toContain(c.id);
    const decided = await act(atCounty.json(), 'complete', { outcome: 'approved', resultNo: '低保 2026-300' }, county);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await view('to-deliver', agent)).toContain(c.id);
    const delivered = await act(decided.json(), 'deliver', { method: 'agent' });
    expect(delivered.json()).toMatchObject({ status: 'delivered' });
    const progress = (await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=0000` })).json();
    expect(progress.timeline.length).toBeGreaterThanOrEqual(7);
  });

  it('the monthly table matches the cases, for the village and for its township, and exports to Excel', async () => {
    const month = async (cookie: string) => (await t.app.inject({ url: '/api/agents/monthly?month=2026-03', headers: { cookie } })).json();
    const village = await month(agent);
    const ledger = (await t.app.inject({ url: '/api/cases?from=2026-03-01&to=2026-03-31&pageSize=100', headers: { cookie: agent } })).json();
    expect(village.totals.received).toBe(ledger.total);
    expect(village.rows.every((r: { villageName: string }) => r.villageName === '柳河村')).toBe(true);
    const forestry = village.rows.find((r: { category: string }) => r.category === '林业');
    // LY-001: 帮办 and the ordinary one (both in the batch), urgent, late, supplement: 5 forwarded; one more
    // received and withdrawn before it went; one finished above and handed back
    expect(forestry).toMatchObject({ received: 6, forwarded: 5, finishedAbove: 1, handedBack: 1, finishedOnSpot: 0, returned: 0 });
    expect(village.rows.find((r: { category: string }) => r.category === '证明开具')).toMatchObject({ received: 1, finishedOnSpot: 1 });
    expect((await month(director)).totals).toEqual(village.totals); // the township sees all its villages
    expect((await t.app.inject({ url: '/api/agents/monthly?month=2026-13', headers: { cookie: agent } })).statusCode).toBe(400);

    const res = await t.app.inject({ url: '/api/agents/monthly.xlsx?month=2026-03', headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe('村级便民服务办理情况统计表（2026年3月）');
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计');
    expect(sheet.getRow(sheet.rowCount).getCell(3).value).toBe(village.totals.received);
  });
});
