// The monthly supervision report (issue 9 §4): per center of the viewer's tree, a month's cases, violations by rule and
// status, and 督办单, counted in SQL; they equal the violations list and the ledger for the same month, the Excel
// download holds the same numbers and is audited, and a director of another township may not read it.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionReportSchema, type SupervisionReport } from '../../src/domain/contract/supervision-report.js';
import { supervisionSweepJob } from '../../src/modules/supervision/sweep-job.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const PROMISED = { itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.each(DIALECTS)('monthly supervision report (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let township = '';
  let otherTownship = '';
  let county = '';
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = (url: string, who: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const post = (url: string, who: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, ...headers }, payload });
  const register = async (body: Record<string, unknown>) => {
    const res = await post('/api/cases', 'clerk', { channel: 'window', applicant, ...body }, { 'idempotency-key': randomUUID() });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; caseNo: string };
  };
  const complete = async (id: string) => {
    const version = (await get(`/api/cases/${id}`, 'clerk')).json().version;
    const res = await post(`/api/cases/${id}/actions/complete`, 'clerk', { expectedVersion: version, outcome: 'approved', resultNo: `证 ${id.slice(0, 6)}` });
    expect(res.statusCode, res.body).toBe(200);
  };
  const drain = () => drainAll(ctx());
  const sweep = () => runJobOnce(ctx(), supervisionSweepJob);
  const total = async (url: string, who: string) => {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };

  beforeAll(async () => {
    const base = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...base.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    at('2026-02-27T09:00:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    county = orgs.find((o) => o.level === 'county')!.id;
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    const director = (await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow())!;
    await db.insertInto('users').values({ ...director, id: randomUUID(), username: 'shiqiao-dir', name: '石桥主任', org_id: otherTownship, phone: null }).execute();
    for (const u of ['clerk', 'director', 'supervisor', 'shiqiao-dir', 'agent']) cookies[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  let promised: { id: string; caseNo: string };
  it('builds March: a case overdue since February, one overdue in March (the sweep records it), one completed late, one on time, two cards', async () => {
    // Friday 27 February: a 即办件 never finished (open past due at the end of March)
    at('2026-02-27T09:00:00');
    await register(IMMEDIATE);
    // Monday 2 March: a promised case (due Monday 16 March 17:30, never finished) and a 即办件 finished at once
    at('2026-03-02T09:00:00');
    promised = await register(PROMISED);
    await complete((await register(IMMEDIATE)).id);
    // Tuesday 3 March: a 即办件 finished the next day (late)
    at('2026-03-03T09:00:00');
    const late = await register(IMMEDIATE);
    at('2026-03-04T10:00:00');
    await complete(late.id);
    at('2026-03-17T09:00:00');
    await drain();
    expect(await sweep()).toBe(true);
    await drain();
    const v = (await get(`/api/supervision/violations?caseId=${promised.id}`, 'supervisor')).json().violations as { ruleCode: string }[];
    expect(v.map((x) => x.ruleCode)).toContain('promise-overrun');

    // Wednesday 18 March: an orange card on the case (answered late, then closed) and a blue one on the center (unanswered)
    at('2026-03-18T09:00:00');
    const issue = (payload: Record<string, unknown>) => post('/api/supervision/cards', 'supervisor', payload, { 'idempotency-key': randomUUID() });
    const orange = await issue({ caseId: promised.id, orgId: township, level: 'orange', content: '该件已超期，请说明原因并加快办理。', replyBy: '2026-03-20' });
    expect(orange.statusCode, orange.body).toBe(201);
    const blue = await issue({ orgId: township, level: 'blue', content: '本月超期件较多，请加强管理。', replyBy: '2026-04-10' });
    expect(blue.statusCode, blue.body).toBe(201);
    at('2026-03-23T10:00:00');
    const replied = await post(`/api/supervision/cards/${orange.json().id}/reply`, 'director', { expectedVersion: orange.json().version, content: '经查，该件因材料核实延误，正在加快办理。' });
    expect(replied.statusCode, replied.body).toBe(200);
    at('2026-03-24T10:00:00');
    const closed = await post(`/api/supervision/cards/${orange.json().id}/close`, 'supervisor', { expectedVersion: replied.json().version, remark: '予以销号。' });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  let report: SupervisionReport;
  it("the report (last month by default) counts them per center, equal to the violations list and the ledger's totals", async () => {
    at('2026-04-02T09:00:00');
    const res = await get('/api/supervision/report', 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    const parsed = supervisionReportSchema.safeParse(res.json());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    report = res.json();
    expect(report).toMatchObject({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', org: { orgId: county, level: 'county' } });
    expect(report.rows[0]).toMatchObject({ orgId: county, subtree: false });
    expect(report.rows.slice(1).every((r) => r.level === 'township' && r.subtree)).toBe(true);
    const row = report.rows.find((r) => r.orgId === township)!;

    // cases: the ledger's own totals for March, and the overdue ones (February's still open, March's promised case, the late one)
    expect(row.numbers.cases.received).toBe(await total('/api/cases?pageSize=1&from=2026-03-01&to=2026-03-31', 'director'));
    expect(row.numbers.cases.completed).toBe(await total('/api/cases?pageSize=1&completedFrom=2026-03-01&completedTo=2026-03-31', 'director'));
    expect(row.numbers.cases).toEqual({ received: 3, completed: 2, completedOnTime: 1, overdue: 3, onTimeRate: 0.5 });

    // violations: every one was recorded in March, so each rule's and each status's count is the list's total
    const listed = await total('/api/supervision/violations?pageSize=1', 'supervisor');
    expect(listed).toBeGreaterThan(0);
    expect(report.total.violations.total).toBe(listed);
    for (const r of report.total.violations.byRule) expect(r.count, r.ruleCode).toBe(await total(`/api/supervision/violations?pageSize=1&ruleCode=${r.ruleCode}`, 'supervisor'));
    for (const [status, n] of Object.entries(report.total.violations.byStatus)) expect(n, status).toBe(await total(`/api/supervision/violations?pageSize=1&status=${status}`, 'supervisor'));
    expect(row.numbers.violations.byRule).toContainEqual(expect.objectContaining({ ruleCode: 'promise-overrun', ruleNumber: 'JC-01', name: '承诺件超期' }));
    expect(row.numbers.violations.total).toBe(await total(`/api/supervision/violations?pageSize=1&orgId=${township}`, 'supervisor'));
    // the list narrowed to the month (as the report's rule links open it) gives the same counts; another month none
    for (const r of report.total.violations.byRule) {
      expect(r.count, r.ruleCode).toBe(await total(`/api/supervision/violations?pageSize=1&month=2026-03&ruleCode=${r.ruleCode}`, 'supervisor'));
    }
    expect(await total('/api/supervision/violations?pageSize=1&month=2026-04', 'supervisor')).toBe(0);
    expect((await get('/api/supervision/violations?month=2026-13', 'supervisor')).statusCode).toBe(400);

    // cards
    expect(row.numbers.cards).toEqual({ issued: 2, byLevel: { blue: 1, orange: 1, red: 0 }, replied: 1, repliedLate: 1, closed: 1 });

    // the total is the rows' sum; the top rules are the total's, most first
    const sum = (f: (n: SupervisionReport['total']) => number) => report.rows.reduce((s, r) => s + f(r.numbers), 0);
    expect(report.total.cases.received).toBe(sum((n) => n.cases.received));
    expect(report.total.cases.overdue).toBe(sum((n) => n.cases.overdue));
    expect(report.total.cards.issued).toBe(sum((n) => n.cards.issued));
    expect(report.total.violations.total).toBe(sum((n) => n.violations.total));
    expect(report.topRules.map((r) => r.count)).toEqual([...report.topRules.map((r) => r.count)].sort((a, b) => b - a));
    expect(report.topRules.reduce((s, r) => s + r.count, 0)).toBe(report.total.violations.total);

    // another month has none of it; the township's director reads their own center's
    const feb = (await get('/api/supervision/report?month=2026-02', 'supervisor')).json() as SupervisionReport;
    expect(feb.total.violations.total).toBe(0);
    expect(feb.total.cases.received).toBe(1);
    const own = await get('/api/supervision/report?month=2026-03', 'director');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().org.orgId).toBe(township);
    expect(own.json().total.cases).toEqual(row.numbers.cases);
  });

  it('the Excel download holds the same numbers, titled with unit and period, and is audited', async () => {
    const res = await get('/api/supervision/report.xlsx?month=2026-03', 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月报')!;
    expect(sheet.getCell(1, 1).value).toBe('清河县便民服务电子监察月报（2026年3月）');
    const line2 = (sheet.getRow(2).values as unknown[]).filter(Boolean).join(' ');
    expect(line2).toContain('统计期间：2026-03-01 至 2026-03-31');
    expect(line2).toContain('制表人：');
    expect(line2).toContain('制表日期：2026-04-02');
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const rowOf = (label: string) => {
      let found: unknown[] | undefined;
      sheet.eachRow((r) => {
        const v = r.values as unknown[];
        if (typeof v[1] === 'string' && v[1].startsWith(label)) found = v.slice(1);
      });
      return Object.fromEntries(header.map((h, i) => [h, found?.[i]]));
    };
    const tw = rowOf('柳河镇便民服务中心');
    const row = report.rows.find((r) => r.orgId === township)!.numbers;
    expect(tw).toMatchObject({ 收件数: row.cases.received, 办结数: row.cases.completed, 按时办结数: row.cases.completedOnTime, 超期件数: row.cases.overdue, 按时办结率: '50.0%', 监察记录: row.violations.total, 督办单: 2, 橙色预警: 1, 蓝色提醒: 1, 逾期回告: 1, 已销号: 1 });
    const sum = rowOf('合计');
    expect(sum).toMatchObject({ 收件数: report.total.cases.received, 超期件数: report.total.cases.overdue, 监察记录: report.total.violations.total, 督办单: report.total.cards.issued });
    const rules = book.getWorksheet('规则统计')!;
    const ruleRows: unknown[][] = [];
    rules.eachRow((r) => ruleRows.push((r.values as unknown[]).slice(1)));
    for (const r of report.topRules) expect(ruleRows).toContainEqual(['全部', r.ruleNumber, r.name, r.count]);

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.supervisionReport').execute();
    expect(audit).toHaveLength(1);
  });

  it("a director of another township may not read this township's report (403), nor download it; a bad month is refused", async () => {
    expect((await get(`/api/supervision/report?month=2026-03&orgId=${township}`, 'shiqiao-dir')).statusCode).toBe(403);
    expect((await get(`/api/supervision/report.xlsx?month=2026-03&orgId=${township}`, 'shiqiao-dir')).statusCode).toBe(403);
    expect((await get(`/api/supervision/report?month=2026-03&orgId=${county}`, 'shiqiao-dir')).statusCode).toBe(403);
    expect((await get(`/api/supervision/report?month=2026-03&orgId=${otherTownship}`, 'shiqiao-dir')).statusCode).toBe(200);
    expect((await get('/api/supervision/report?month=2026-13', 'supervisor')).statusCode).toBe(400);
    // window staff: their own center only, as in the violations list
    const clerk = await get('/api/supervision/report?month=2026-03', 'clerk');
    expect(clerk.statusCode, clerk.body).toBe(200);
    expect((clerk.json() as SupervisionReport).rows.map((r) => r.orgId)).toEqual([township]);
    expect((await get('/api/supervision/report', 'agent')).statusCode).toBe(403);
  });
});
