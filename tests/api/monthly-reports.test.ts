// 月度统计与报送 (issue 13 §1): the month-end job locks each center's March report (once, however often it runs); the
// township's figures equal the ledger's totals; the village's agent submits, the township sees it, returns it with a
// comment, the village corrects it (a new version with its reason, the first kept) and submits again; the township
// submits late and the county sees who is late; stale writes answer 409; the Excel carries the official header.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReportSchema, type MonthlyReport, type SubmissionList } from '../../src/domain/statistics/contract.js';
import { monthlySnapshotJob, monthlyReminderJob } from '../../src/modules/statistics/jobs.js';
import { snapshotMonth } from '../../src/modules/statistics/service.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const PROMISED = { itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.each(DIALECTS)('monthly reports (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let county = '';
  let township = '';
  let village = '';
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = (url: string, who: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const post = (url: string, who: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, ...headers }, payload });
  const report = async (who: string, orgId: string, month = '2026-03') => {
    const res = await get(`/api/reports/monthly?orgId=${orgId}&month=${month}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MonthlyReport;
  };
  const submissions = async (who: string, orgId: string) => {
    const res = await get(`/api/reports/monthly/submissions?orgId=${orgId}&month=2026-03`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SubmissionList;
  };
  const ledgerTotal = async (url: string) => (await get(url, 'director')).json().total as number;

  beforeAll(async () => {
    const base = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...base.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    at('2026-03-02T09:00:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    county = orgs.find((o) => o.level === 'county')!.id;
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    const agentUser = await db.selectFrom('users').selectAll().where('username', '=', 'agent').executeTakeFirstOrThrow();
    village = agentUser.org_id;
    const director = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ ...director, id: randomUUID(), username: 'county-dir', name: '县中心主任', org_id: county, phone: null }).execute();
    for (const u of ['clerk', 'director', 'agent', 'county-dir', 'supervisor']) cookies[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  it('March: township cases (one late, one open past due) and a village case by the agent', async () => {
    const register = async (who: string, body: Record<string, unknown>) => {
      const res = await post('/api/cases', who, body, { 'idempotency-key': randomUUID() });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const complete = async (who: string, id: string) => {
      const version = (await get(`/api/cases/${id}`, who)).json().version;
      const res = await post(`/api/cases/${id}/actions/complete`, who, { expectedVersion: version, outcome: 'approved', resultNo: `证 ${id.slice(0, 6)}` });
      expect(res.statusCode, res.body).toBe(200);
    };
    at('2026-03-02T09:00:00');
    await register('clerk', { channel: 'window', applicant, ...PROMISED });
    const first = await register('clerk', { channel: 'window', applicant, ...IMMEDIATE });
    await complete('clerk', first.id);
    at('2026-03-03T09:00:00');
    const late = await register('clerk', { channel: 'window', applicant, ...IMMEDIATE });
    at('2026-03-05T10:00:00');
    await complete('clerk', late.id);
    // the applicants' paper forms, keyed in by the clerk: one 满意, one 不满意 (a 差评, not rectified)
    await drainAll(ctx());
    for (const [caseId, level] of [
      [first.id, 'satisfied'],
      [late.id, 'dissatisfied'],
    ] as const) {
      const rated = await post('/api/evaluations/paper', 'clerk', { caseId, level, comment: '纸质表', ratedOn: '2026-03-05' }, { 'idempotency-key': randomUUID() });
      expect(rated.statusCode, rated.body).toBe(201);
    }
    at('2026-03-10T10:00:00');
    const v = await register('agent', { channel: 'agent', applicant: villager, itemCode: 'ZH-002', materials: all(['居民身份证', '户口簿或居住证']), proxy: { authorized: true } });
    await complete('agent', v.id);
  });

  it('before the snapshot the month is shown live and unlocked; the month-end job locks every center once', async () => {
    at('2026-03-31T16:00:00');
    const live = await report('director', township);
    expect(live.locked).toBe(false);
    expect(live.report).toBeNull();

    at('2026-04-01T00:30:00');
    await drainAll(ctx()); // the case events of March have reached their consumers (rating openings) long before
    expect(await runJobOnce(ctx(), monthlySnapshotJob, () => {}, t.clock.now)).toBe(true);
    const count = async () => Number((await t.database.db.selectFrom('monthly_reports').select((eb) => eb.fn.countAll().as('n')).where('month', '=', '2026-03').executeTakeFirstOrThrow()).n);
    const orgCount = (await t.database.db.selectFrom('orgs').select('id').execute()).length;
    expect(await count()).toBe(orgCount);
    // idempotent: another run (a catch-up, another process) adds nothing
    at('2026-04-02T00:30:00');
    await runJobOnce(ctx(), monthlySnapshotJob, () => {}, t.clock.now);
    expect(await count()).toBe(orgCount);
  });

  let townshipReport: MonthlyReport;
  it("the township's locked report: its own cases equal the ledger, the village is a row below, shares and days per measure", async () => {
    at('2026-04-02T09:00:00');
    townshipReport = await report('director', township);
    const parsed = monthlyReportSchema.safeParse(townshipReport);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(townshipReport).toMatchObject({ locked: true, month: '2026-03', dueDate: '2026-04-05', report: { version: 1, status: 'draft', state: 'pending' } });
    expect(townshipReport.own).toMatchObject({ received: 3, finished: 2, onTime: 1, overdue: 2, returned: 0, immediateShare: 2 / 3, proxyShare: 0 });
    // the late one was accepted Tuesday and finished Thursday: 2 working days; the other the same day: 0
    expect(townshipReport.own.avgWorkingDays).toBe(1);
    expect(townshipReport.total.received).toBe(await ledgerTotal('/api/cases?pageSize=1&from=2026-03-01&to=2026-03-31'));
    // 本级 alone (orgOnly) and 代办 by channel: the ledger opens exactly the figure's cases
    const march = 'from=2026-03-01&to=2026-03-31';
    expect(await ledgerTotal(`/api/cases?pageSize=1&${march}&orgId=${township}&orgOnly=true`)).toBe(3);
    expect(await ledgerTotal(`/api/cases?pageSize=1&${march}&orgId=${township}`)).toBe(4);
    expect(await ledgerTotal(`/api/cases?pageSize=1&${march}&orgId=${township}&channel=agent`)).toBe(1);
    expect(await ledgerTotal(`/api/cases?pageSize=1&${march}&orgId=${township}&orgOnly=true&channel=agent`)).toBe(0);
    expect(await ledgerTotal(`/api/cases?pageSize=1&${march}&channel=window`)).toBe(3);
    const badChannel = await get('/api/cases?channel=fax', 'director');
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().title).toContain('收件渠道');
    expect(townshipReport.total.finished).toBe(await ledgerTotal('/api/cases?pageSize=1&completedFrom=2026-03-01&completedTo=2026-03-31'));
    // 超期件 and 按时办结 open the ledger of exactly those cases (not every case received or finished in the month)
    expect(await ledgerTotal(`/api/cases?pageSize=1&orgId=${township}&orgOnly=true&overdueFrom=2026-03-01&overdueTo=2026-03-31`)).toBe(townshipReport.own.overdue);
    expect(await ledgerTotal(`/api/cases?pageSize=1&orgId=${township}&orgOnly=true&completedFrom=2026-03-01&completedTo=2026-03-31&onTime=true`)).toBe(townshipReport.own.onTime);
    const halfPeriod = await get('/api/cases?overdueFrom=2026-03-01', 'director');
    expect([halfPeriod.statusCode, halfPeriod.json().title]).toEqual([400, expect.stringContaining('起止日期')]);
    const row = townshipReport.below.find((b) => b.orgId === village)!;
    expect(row.measures).toMatchObject({ received: 1, finished: 1, proxyShare: 1 });
    expect(townshipReport.items.map((i) => i.key).sort()).toEqual(['MZ-001', 'MZ-002']);
    // the ratings counted as the evaluation figures count them
    expect(townshipReport.own).toMatchObject({ goodRate: 0.5, activeRate: 1, rectifyRate: 0 });
    const figures = (await get('/api/evaluations/figures?by=center&from=2026-03-01&to=2026-03-31', 'director')).json().total;
    expect([townshipReport.total.goodRate, townshipReport.total.activeRate, townshipReport.total.rectifyRate]).toEqual([figures.goodRate, figures.activeRate, figures.rectifyRate]);
    expect(townshipReport.items.find((i) => i.key === 'MZ-002')!.measures.goodRate).toBe(0.5);
    expect(townshipReport.windows.reduce((n, w) => n + (w.measures.received ?? 0), 0)).toBe(3);
    // a case registered now does not change the locked March report
    const res = await post('/api/cases', 'clerk', { channel: 'window', applicant, ...IMMEDIATE }, { 'idempotency-key': randomUUID() });
    expect(res.statusCode).toBe(201);
    expect((await report('director', township)).own.received).toBe(3);
  });

  it('the village agent submits; the township sees it; a second submit or a stale version is refused', async () => {
    at('2026-04-03T10:00:00');
    const mine = await report('agent', village);
    expect(mine.can).toEqual({ submit: true, correct: true });
    expect(mine.upperName).toContain('柳河');
    const ok = await post(`/api/reports/monthly/${mine.report!.id}/submit`, 'agent', { expectedVersion: mine.report!.rowVersion });
    expect(ok.statusCode, ok.body).toBe(200);
    // the township's director is told in the console's inbox at once, once
    const told = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'monthly-report-submitted').execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toBe(`${mine.org.centerName}已报送2026年3月的月度统计报表。请在“统计考核 › 月度统计报表”的下级报送情况中查看，有问题可退回并写明意见。`);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/me/messages', headers: { cookie: cookies.director! } });
    expect(inbox.json().messages.map((m: { text: string }) => m.text)).toContain(told[0]!.text);
    const again = await post(`/api/reports/monthly/${mine.report!.id}/submit`, 'agent', { expectedVersion: mine.report!.rowVersion });
    expect(again.statusCode).toBe(409);
    // the township may not submit the village's report
    const other = await post(`/api/reports/monthly/${mine.report!.id}/submit`, 'director', { expectedVersion: mine.report!.rowVersion + 1 });
    expect(other.statusCode).toBe(403);
    const list = await submissions('director', township);
    expect(list.canReturn).toBe(true);
    const v = list.centers.find((c) => c.orgId === village)!;
    expect(v).toMatchObject({ state: 'submitted', late: false, version: 1 });
    expect(list.centers.filter((c) => c.orgId !== village).every((c) => c.state === 'pending')).toBe(true);
  });

  it('the township returns it with a comment; the village corrects it (version 2 with its reason, version 1 kept) and submits again', async () => {
    at('2026-04-03T15:00:00');
    const v = (await submissions('director', township)).centers.find((c) => c.orgId === village)!;
    const empty = await post(`/api/reports/monthly/${v.reportId}/return`, 'director', { expectedVersion: v.rowVersion, comment: '  ' });
    expect(empty.statusCode).toBe(400);
    const byCounty = await post(`/api/reports/monthly/${v.reportId}/return`, 'county-dir', { expectedVersion: v.rowVersion, comment: '请核对' });
    expect(byCounty.statusCode).toBe(403);
    const back = await post(`/api/reports/monthly/${v.reportId}/return`, 'director', { expectedVersion: v.rowVersion, comment: '代办件数与台账不符，请核对后重报' });
    expect(back.statusCode, back.body).toBe(200);
    const msgs = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'monthly-report-returned').execute();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.text).toContain('代办件数与台账不符');
    expect((await submissions('director', township)).centers.find((c) => c.orgId === village)).toMatchObject({ state: 'returned', returnComment: '代办件数与台账不符，请核对后重报' });

    const mine = await report('agent', village);
    expect(mine.report).toMatchObject({ status: 'returned', returnComment: '代办件数与台账不符，请核对后重报' });
    const noReason = await post(`/api/reports/monthly/${mine.report!.id}/correct`, 'agent', { expectedVersion: mine.report!.rowVersion, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const corrected = await post(`/api/reports/monthly/${mine.report!.id}/correct`, 'agent', { expectedVersion: mine.report!.rowVersion, reason: '补录 3 月 28 日漏登的一件代办件' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const stale = await post(`/api/reports/monthly/${mine.report!.id}/correct`, 'agent', { expectedVersion: mine.report!.rowVersion, reason: '再次更正' });
    expect(stale.statusCode).toBe(409);
    const v2 = await report('agent', village);
    expect(v2.report).toMatchObject({ version: 2, status: 'draft', reason: '补录 3 月 28 日漏登的一件代办件' });
    expect(v2.versions.map((x) => [x.version, x.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(v2.events.map((e) => e.action)).toEqual(['snapshot', 'submit', 'return', 'correct']);
    const resubmit = await post(`/api/reports/monthly/${v2.report!.id}/submit`, 'agent', { expectedVersion: v2.report!.rowVersion });
    expect(resubmit.statusCode, resubmit.body).toBe(200);
    expect((await submissions('director', township)).centers.find((c) => c.orgId === village)).toMatchObject({ state: 'submitted', version: 2 });
    const told = await t.database.db.selectFrom('outbox_messages').select('text').where('template', '=', 'monthly-report-submitted').orderBy('created_at').execute();
    expect(told.map((m) => m.text)).toEqual([expect.not.stringContaining('第 2 版'), expect.stringContaining('已报送2026年3月的月度统计报表（第 2 版，已更正）。')]);
  });

  it('reminders before the due day go to those who have not submitted, once a day', async () => {
    at('2026-04-04T09:00:00');
    await runJobOnce(ctx(), monthlyReminderJob, () => {}, t.clock.now);
    await runJobOnce(ctx(), monthlyReminderJob, () => {}, new Date(t.clock.now.getTime() + 60_000));
    const msgs = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'monthly-report-reminder').execute();
    const directorId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'director').executeTakeFirstOrThrow()).id;
    const agentId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'agent').executeTakeFirstOrThrow()).id;
    expect(msgs.filter((m) => m.recipient === directorId)).toHaveLength(1);
    expect(msgs.filter((m) => m.recipient === agentId)).toHaveLength(0);
    expect(msgs.find((m) => m.recipient === directorId)!.text).toContain('4月5日');
  });

  it('the township submits after the due day: the county sees it late, and the other township late without a report', async () => {
    at('2026-04-07T10:00:00');
    const mine = await report('director', township);
    // a double click: one submission, the other answers 409 (never 500)
    const both = await Promise.all([0, 1].map(() => post(`/api/reports/monthly/${mine.report!.id}/submit`, 'director', { expectedVersion: mine.report!.rowVersion })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const list = await submissions('county-dir', county);
    expect(list.centers.find((c) => c.orgId === township)).toMatchObject({ state: 'submitted_late', late: true });
    expect(list.centers.filter((c) => c.orgId !== township).every((c) => c.state === 'late' && c.late)).toBe(true);
    // the county's own report goes to nobody
    const top = await report('county-dir', county);
    expect(top.can.submit).toBe(false);
    expect(top.below.some((b) => b.orgId === township)).toBe(true);
    // a township's director may not read the county's report
    expect((await get(`/api/reports/monthly?orgId=${county}&month=2026-03`, 'director')).statusCode).toBe(403);
  });

  it('the trend covers 12 months, the locked one from its snapshot', async () => {
    const res = await get(`/api/reports/monthly/trend?orgId=${township}&month=2026-03`, 'director');
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json() as { months: string[]; series: { month: string; locked: boolean; measures: { received: number } }[] };
    expect(trend.months).toHaveLength(12);
    expect(trend.months.at(-1)).toBe('2026-03');
    expect(trend.series.at(-1)).toMatchObject({ locked: true, measures: { received: 4 } });
  });

  it('two snapshot runs at the same moment (two processes) write each center once; the due day is a setting', async () => {
    at('2026-05-01T00:30:00');
    const [a, b] = await Promise.all([snapshotMonth(ctx(), '2026-04', t.clock.now), snapshotMonth(ctx(), '2026-04', t.clock.now)]);
    const orgCount = (await t.database.db.selectFrom('orgs').select('id').execute()).length;
    expect(a.taken + b.taken).toBe(orgCount);
    expect(a.waiting + b.waiting).toBe(0);
    const rows = await t.database.db.selectFrom('monthly_reports').select('org_id').where('month', '=', '2026-04').execute();
    expect(new Set(rows.map((r) => r.org_id)).size).toBe(rows.length);

    const admin = await signIn(t.app, 'admin');
    const refused = await t.app.inject({ method: 'PUT', url: '/api/reports/monthly/settings', headers: { cookie: cookies.director! }, payload: { dueDay: 10 } });
    expect(refused.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/reports/monthly/settings', headers: { cookie: admin }, payload: { dueDay: 31 } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/reports/monthly/settings', headers: { cookie: admin }, payload: { dueDay: 10 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await report('director', township, '2026-04')).dueDate).toBe('2026-05-10');
    await t.app.inject({ method: 'PUT', url: '/api/reports/monthly/settings', headers: { cookie: admin }, payload: { dueDay: 5 } });
  });

  it('the Excel has the official header cells and A4 landscape page setup', async () => {
    at('2026-04-07T10:00:00');
    const res = await get(`/api/reports/monthly.xlsx?orgId=${township}&month=2026-03`, 'director');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // to look at it in LibreOffice: MONTHLY_XLSX_OUT=/tmp/x.xlsx
    if (process.env.MONTHLY_XLSX_OUT && dialect === 'sqlite') writeFileSync(process.env.MONTHLY_XLSX_OUT, res.rawPayload);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月度统计')!;
    expect(String(sheet.getCell('A1').value)).toBe('柳河镇便民服务中心月度统计报表（2026年3月）');
    expect(String(sheet.getCell('A2').value)).toBe(`填报单位：${townshipReport.org.centerName}`);
    expect(String(sheet.getCell('A2').value)).toContain('填报单位：');
    expect(String(sheet.getCell('G2').value)).toBe('统计期：2026-03-01 至 2026-03-31');
    expect(String(sheet.getCell('L2').value)).toContain('单位：件、%、工作日');
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((x) => x.startsWith('填报人：'))).toBe(true);
    expect(texts).toContain('审核人：');
    expect(texts.some((x) => x.startsWith('填报日期：2026-04-07'))).toBe(true);
    expect(texts).toContain('好评率（%）');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    // the title is the center's own name: a county's is its 政务服务中心, not “清河县便民服务…”
    const countyXlsx = await get(`/api/reports/monthly.xlsx?orgId=${county}&month=2026-03`, 'county-dir');
    expect(countyXlsx.statusCode, countyXlsx.body).toBe(200);
    const countyBook = new ExcelJS.Workbook();
    await countyBook.xlsx.load(countyXlsx.rawPayload as unknown as ArrayBuffer);
    expect(String(countyBook.getWorksheet('月度统计')!.getCell('A1').value)).toBe('清河县政务服务中心月度统计报表（2026年3月）');
  });
});
