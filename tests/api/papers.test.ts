// Papers name the right issuer (DOMAIN.md rule 10, "Printed notices"): the settings every paper prints (the public
// address of the QR code, the county's supervision phone), the issuer of each paper of a village-forwarded case,
// and the print records kept for the archive.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startupWarnings } from '../../src/modules/settings/service.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];

interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  dueAt: string;
}

describe.each(DIALECTS)('papers and their issuers (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let clerk: string;
  let director: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
    [admin, agent, clerk, director] = (await Promise.all(['admin', 'agent', 'clerk', 'director'].map((u) => signIn(t.app, u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  const settings = async (cookie: string) => t.app.inject({ url: '/api/settings', headers: { cookie } });
  const put = (cookie: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie }, payload });
  const act = async (c: { id: string; version: number }, action: string, cookie: string, body: Record<string, unknown> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as CaseView;
  };
  const paper = (c: { id: string }, kind: string, cookie = clerk) => t.app.inject({ url: `/api/cases/${c.id}/papers/${kind}`, headers: { cookie } });
  const audits = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  /** A villager's request taken by the agent, sent at once to the township and received there. */
  async function forwardedAndReceived(): Promise<CaseView> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: agent, 'idempotency-key': randomUUID() },
      payload: { channel: 'agent', applicant: villager, itemCode: 'LY-001', materials: all(FELLING), proxy: { authorized: true } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = await act(res.json(), 'forward', agent, { urgent: true });
    return act(sent, 'receive', clerk);
  }

  /** … and accepted there. */
  async function forwardedAndAccepted(): Promise<CaseView> {
    return act(await forwardedAndReceived(), 'accept', clerk);
  }

  it('settings: everyone signed in reads them; only the system administrator changes them, each change audited', async () => {
    const initial = await settings(agent);
    expect(initial.statusCode).toBe(200);
    // the demo leaves the public address unset (no demo can know it) and seeds the county's supervision phone
    expect(initial.json()).toMatchObject({ publicUrl: null, publicUrlSource: null, supervisionPhone: '0371-6688 1200', supplementDays: 15, levelNames: { county: '县' } });
    expect((await t.app.inject({ url: '/api/settings' })).statusCode).toBe(401);
    expect((await put(clerk, { publicUrl: 'https://bianmin.qinghe.gov.cn' })).statusCode).toBe(403);

    for (const bad of ['bianmin.qinghe.gov.cn', 'ftp://bianmin.qinghe.gov.cn', 'https://bianmin.qinghe.gov.cn/?a=1']) {
      const res = await put(admin, { publicUrl: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'publicUrl' }] });
      expect(res.json().title).toContain('公网地址');
    }
    expect((await put(admin, { supervisionPhone: '请拨打<script>' })).statusCode).toBe(400);
    expect((await put(admin, { supplementDays: 0 })).statusCode).toBe(400);
    expect((await settings(clerk)).json().publicUrl).toBeNull();

    const saved = await put(admin, { publicUrl: ' https://bianmin.qinghe.gov.cn/ ', supervisionPhone: '0371-12345', supplementDays: 10 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ publicUrl: 'https://bianmin.qinghe.gov.cn', publicUrlSource: 'settings', supervisionPhone: '0371-12345', supplementDays: 10 });
    expect((await settings(agent)).json()).toMatchObject({ publicUrl: 'https://bianmin.qinghe.gov.cn', supervisionPhone: '0371-12345' });
    const audit = (await audits('settings.update')).at(-1);
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ publicUrl: { from: null, to: 'https://bianmin.qinghe.gov.cn' }, supervisionPhone: { to: '0371-12345' } });

    // only what is sent changes; the demo's values back for the tests below
    expect((await put(admin, { supervisionPhone: '0371-6688 1200', supplementDays: 15 })).json()).toMatchObject({ publicUrl: 'https://bianmin.qinghe.gov.cn', supplementDays: 15 });
  });

  it('a village-forwarded case accepted by the township: the acceptance notice is the township’s, with its contacts, the supervision phone and the public link', async () => {
    const c = await forwardedAndAccepted();
    const res = await paper(c, 'acceptance');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      paper: 'acceptance',
      title: '承诺件受理通知书',
      issuer: { level: 'township', centerName: '柳河镇便民服务中心', address: '清河县柳河镇政府院内', phone: '0371-6688 2101' },
      event: { type: 'accept', by: '王晓燕' },
      handOver: null,
      supervisionPhone: '0371-6688 1200',
      progressUrl: `https://bianmin.qinghe.gov.cn/progress?caseNo=${c.caseNo}`,
    });
    expect(p.issuer.officeHours.sessions.length).toBeGreaterThan(0);
    // a paper names the applicant only: the case it carries is masked
    expect(JSON.stringify(p)).not.toContain(villager.idNumber);
    expect(JSON.stringify(p)).not.toContain(villager.phone);

    // the agent in the village gets the same paper: issued by the township, not by the village room
    const fromVillage = (await paper(c, 'acceptance', agent)).json();
    expect(fromVillage.issuer.centerName).toBe('柳河镇便民服务中心');

    // papers that do not apply say why; unknown kinds are refused
    const none = await paper(c, 'completion');
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'PAPER_NOT_APPLICABLE' });
    expect(none.json().title).toContain('尚未办结');
    expect((await paper(c, 'licence')).statusCode).toBe(400);
  });

  it('上报件: a village request the township sends up to the county; its 上报件告知书 is the township\'s and sends the villager back to the village for the result', async () => {
    const DIBAO = ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明'];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: agent, 'idempotency-key': randomUUID() },
      payload: { channel: 'agent', applicant: villager, itemCode: 'MZ-003', materials: all(DIBAO), proxy: { authorized: true } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = await act(res.json(), 'forward', agent, { urgent: true });
    const accepted = await act(await act(sent, 'receive', clerk), 'accept', clerk);
    const up = await act(accepted, 'escalate', clerk);
    for (const cookie of [clerk, agent]) {
      const p = await paper(up, 'escalation', cookie);
      expect(p.statusCode, p.body).toBe(200);
      expect(p.json()).toMatchObject({
        title: '上报件告知书',
        issuer: { level: 'township', centerName: '柳河镇便民服务中心', phone: '0371-6688 2101' },
        receivedBy: { centerName: '柳河村便民服务室' },
        supervisionPhone: '0371-6688 1200',
      });
    }
  });

  it('records every print with the issuer, who and when and what it said, lists them on the case and audits them', async () => {
    const c = await forwardedAndAccepted();
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/prints`, headers: { cookie: clerk }, payload: { paper: 'acceptance' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ paper: 'acceptance', paperName: '受理通知书', issuerName: '柳河镇便民服务中心', printedBy: '王晓燕', printedAt: '2026-03-03T01:00:00.000Z' });
    t.clock.now = new Date('2026-03-03T09:20:00+08:00');
    await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/prints`, headers: { cookie: agent }, payload: { paper: 'acceptance' } });

    const list = await t.app.inject({ url: `/api/cases/${c.id}/prints`, headers: { cookie: clerk } });
    expect(list.json().total).toBe(2);
    expect(list.json().prints.map((p: { printedBy: string; issuerName: string }) => [p.printedBy, p.issuerName])).toEqual([
      ['刘德福', '柳河镇便民服务中心'],
      ['王晓燕', '柳河镇便民服务中心'],
    ]);
    const one = await t.app.inject({ url: `/api/cases/${c.id}/prints/${res.json().id}`, headers: { cookie: clerk } });
    expect(one.json().content).toMatchObject({ title: '承诺件受理通知书', issuer: { centerName: '柳河镇便民服务中心' }, case: { caseNo: c.caseNo }, progressUrl: `https://bianmin.qinghe.gov.cn/progress?caseNo=${c.caseNo}` });

    expect((await audits('case.print')).filter((a) => a.target_id === c.id)).toHaveLength(2);
    // a paper that does not apply is not recorded as printed
    const refused = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/prints`, headers: { cookie: clerk }, payload: { paper: 'return' } });
    expect(refused.statusCode).toBe(422);
    expect((await t.app.inject({ url: `/api/cases/${c.id}/prints`, headers: { cookie: clerk } })).json().total).toBe(2);
    // the village that received the case reads what was printed for it too
    expect((await t.app.inject({ url: `/api/cases/${c.id}/prints/${res.json().id}`, headers: { cookie: agent } })).statusCode).toBe(200);
    t.clock.now = new Date('2026-03-03T09:00:00+08:00');
  });

  it('the township returns a forwarded case: its paper, handed over in the village; an approved extension prints the new date and the reason', async () => {
    const returned = await forwardedAndAccepted();
    await act(returned, 'return', clerk, { reasons: '申请采伐的林木不在本人承包的林地内', basis: '《中华人民共和国森林法》第五十六条' });
    const ret = (await paper(returned, 'return')).json();
    expect(ret).toMatchObject({ issuer: { centerName: '柳河镇便民服务中心' }, handOver: { centerName: '柳河村便民服务室', address: '柳河镇柳河村村委会' }, event: { type: 'return' } });

    const c = await forwardedAndAccepted();
    const asked = await act(c, 'request-extension', clerk, { reason: '伐区面积大，需分片核查', days: 3 });
    await act(asked, 'approve-extension', director);
    const ext = await paper(c, 'extension');
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({
      title: '延期告知书',
      issuer: { centerName: '柳河镇便民服务中心' },
      event: { type: 'approve-extension', by: '李春梅' },
      extension: { reason: '伐区面积大，需分片核查', days: 3, previousDueAt: c.dueAt },
    });
    expect(Date.parse(ext.json().extension.dueAt)).toBeGreaterThan(Date.parse(c.dueAt));
  });

  /** Registered at the township's window with every material: accepted at registration (no accept event). */
  async function acceptedAtWindow(itemCode: string, materials: string[]): Promise<CaseView & { dueProvisional: boolean }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant: villager, itemCode, materials: all(materials) },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('in_progress');
    return res.json();
  }

  it('a case accepted at registration: the 延期告知书 states the date first promised and the new one', async () => {
    const c = await acceptedAtWindow('LY-001', FELLING);
    // LY-001 promises 5 working days: registered and accepted Tuesday 3-03 → Tuesday 3-10, 17:30
    expect(c.dueAt).toBe('2026-03-10T09:30:00.000Z');
    const asked = await act(c, 'request-extension', clerk, { reason: '伐区面积大，需分片核查', days: 3 });
    const approved = await act(asked, 'approve-extension', director);
    expect(approved.dueAt).toBe('2026-03-13T09:30:00.000Z');

    const ext = await paper(c, 'extension');
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().extension).toEqual({ reason: '伐区面积大，需分片核查', days: 3, previousDueAt: '2026-03-10T09:30:00.000Z', dueAt: '2026-03-13T09:30:00.000Z' });
    // the approval itself records both dates (the intake event recorded none)
    const events = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json().events as { type: string; data: Record<string, unknown> }[];
    expect(events.find((e) => e.type === 'intake')?.data.dueAt).toBeUndefined();
    expect(events.find((e) => e.type === 'approve-extension')?.data).toMatchObject({ previousDueAt: '2026-03-10T09:30:00.000Z', dueAt: '2026-03-13T09:30:00.000Z' });
  });

  it('the one-time notice says where and by when: the issuing center’s window, and the set number of working days', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant: villager, itemCode: 'MZ-001', materials: [...all(['临时救助申请书', '居民身份证', '困难情况证明材料（医疗票据、事故认定书等）']), { name: '居民户口簿', provided: false }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = (await paper(res.json(), 'supplement')).json();
    // notice on Tuesday 2026-03-03, 15 working days → Tuesday 2026-03-24
    expect(p).toMatchObject({ issuer: { centerName: '柳河镇便民服务中心' }, supplementDays: 15, supplementBy: '2026-03-24' });
    expect(p.windowName).toEqual(expect.any(String));
  });

  it('a township notice for a case a village forwarded names the township window that handles the item, for the clerk and the agent alike', async () => {
    const received = await forwardedAndReceived();
    const noticed = await act(received, 'notify-supplement', clerk, { missing: ['伐区简易调查说明'], defectNote: '调查说明未标明伐区四至' });
    for (const cookie of [clerk, agent]) {
      const p = (await paper(noticed, 'supplement', cookie)).json();
      expect(p).toMatchObject({ issuer: { centerName: '柳河镇便民服务中心' }, windowName: '林业窗口' });
    }
  });

  it('registered in mid-December with a due date in 2027: every paper says the date is provisional, and the print keeps it', async () => {
    const inMarch = await acceptedAtWindow('LY-001', FELLING);
    expect((await paper(inMarch, 'acceptance')).json().case).toMatchObject({ dueAt: inMarch.dueAt, dueProvisional: false });

    t.clock.now = new Date('2026-12-15T10:00:00+08:00'); // Tuesday; 2027's arrangement is not imported
    clerk = await signIn(t.app, 'clerk'); // nine months idle: the session has ended
    try {
      const dibao = await acceptedAtWindow('MZ-003', ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明']);
      // 25 working days: 12 left in December, 元旦 off by law, 13 more → Wednesday 20 January 2027 (暂定)
      expect(dibao).toMatchObject({ dueAt: '2027-01-20T09:30:00.000Z', dueProvisional: true });
      const res = await paper(dibao, 'acceptance');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ title: '承诺件受理通知书', case: { dueAt: '2027-01-20T09:30:00.000Z', dueProvisional: true } });

      const printed = await t.app.inject({ method: 'POST', url: `/api/cases/${dibao.id}/prints`, headers: { cookie: clerk }, payload: { paper: 'acceptance' } });
      expect(printed.statusCode, printed.body).toBe(201);
      const record = await t.app.inject({ url: `/api/cases/${dibao.id}/prints/${printed.json().id}`, headers: { cookie: clerk } });
      expect(record.json().content.case).toMatchObject({ dueAt: '2027-01-20T09:30:00.000Z', dueProvisional: true });
    } finally {
      t.clock.now = new Date('2026-03-03T09:00:00+08:00');
      clerk = await signIn(t.app, 'clerk');
    }
  });
});

describe.each(DIALECTS)('PUBLIC_URL from the environment (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { publicUrl: 'https://zwfw.qinghe.gov.cn/bianmin' } });
  });
  afterAll(() => t.close());

  it('wins over the settings page, which cannot change it', async () => {
    const admin = await signIn(t.app, 'admin');
    expect((await t.app.inject({ url: '/api/settings', headers: { cookie: admin } })).json()).toMatchObject({ publicUrl: 'https://zwfw.qinghe.gov.cn/bianmin', publicUrlSource: 'env' });
    const changed = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'https://other.gov.cn' } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'PUBLIC_URL_FROM_ENV' });
    // a form that sends every field back unchanged still saves the others
    const same = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'https://zwfw.qinghe.gov.cn/bianmin/', supervisionPhone: '12345' } });
    expect(same.json()).toMatchObject({ publicUrl: 'https://zwfw.qinghe.gov.cn/bianmin', supervisionPhone: '12345' });
  });
});

describe.each(DIALECTS)('the warning at start without a public address (%s)', (dialect) => {
  it('in production an unset public address is logged as a fault until the administrator saves one; development stays quiet', async () => {
    const t = await startTestApp(dialect, { config: { publicUrl: null } });
    try {
      const production = { database: t.database, config: { ...t.config, production: true } };
      const warnings = await startupWarnings(production);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('未设置公网地址（PUBLIC_URL）');
      expect(await startupWarnings({ database: t.database, config: { ...t.config, production: false } })).toEqual([]);

      const admin = await signIn(t.app, 'admin');
      const saved = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'https://bianmin.qinghe.gov.cn' } });
      expect(saved.statusCode).toBe(200);
      expect(await startupWarnings(production)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
