import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violationDetailSchema, violationListSchema } from '../../src/domain/contract/supervision.js';
import { supervisionSweepJob } from '../../src/modules/supervision/sweep-job.js';
import { busOf } from '../../src/server/bus.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { openSse, type SseClient } from './support/sse.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

// Issue 9 §1: supervision rules as data, violations recorded by the event consumer and the sweep job (never in a
// request), explained by the center and decided by a supervisor, each in the viewer's tree.

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const PROMISED = { itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

type V = { id: string; ruleCode: string; ruleNumber: string; caseId: string; caseNo: string; orgId: string; status: string; version: number; factsText: string; factLines: { label: string; value: string }[] };

describe.each(DIALECTS)('electronic supervision: rules and violations (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const users = ['clerk', 'director', 'supervisor', 'admin', 'county', 'agent'] as const;
  type Who = (typeof users)[number] | 'supervisorB';
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = (url: string, who: Who) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const send = (method: 'POST' | 'PATCH', url: string, who: Who, payload: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload: payload as Record<string, unknown> });
  const register = async (body: Record<string, unknown>, who: Who = 'clerk', channel = 'window') => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: cookies[who]!, 'idempotency-key': randomUUID() }, payload: { channel, applicant, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; caseNo: string; version: number; dueAt: string };
  };
  const act = async (id: string, action: string, body: Record<string, unknown>, who: Who = 'clerk') => {
    const version = (await get(`/api/cases/${id}`, who)).json().version;
    const res = await send('POST', `/api/cases/${id}/actions/${action}`, who, { expectedVersion: version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const sweep = () => runJobOnce(ctx(), supervisionSweepJob);
  const drain = () => drainAll(ctx());
  const violationsOf = async (caseId: string, who: Who = 'supervisor'): Promise<V[]> => {
    const res = await get(`/api/supervision/violations?caseId=${caseId}&pageSize=100`, who);
    expect(res.statusCode, res.body).toBe(200);
    expect(violationListSchema.safeParse(res.json()).success).toBe(true);
    return res.json().violations;
  };

  beforeAll(async () => {
    // sessions that outlive the test's jumps of the clock: each person signs in once
    const base = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...base.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    at('2026-03-02T09:00:00'); // Monday
    for (const u of users) cookies[u] = await signIn(t.app, u);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // the township director's console and the village agent's, listening from the start
    [townshipConsole, villageConsole] = [await openSse(url, cookies.director), await openSse(url, cookies.agent)];
  });
  afterAll(async () => {
    townshipConsole?.close();
    villageConsole?.close();
    await t.close();
  });
  let townshipConsole: SseClient;
  let villageConsole: SseClient;

  it('lists the shipped rules with their numbers, severities and parameters', async () => {
    const res = await get('/api/supervision/rules', 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    const rules = res.json().rules as { code: string; number: string; name: string; enabled: boolean; parameters: { key: string; value: number }[] }[];
    expect(rules.map((r) => r.number)).toEqual(['JC-01', 'JC-02', 'JC-03', 'JC-04', 'JC-05', 'JC-06', 'JC-07', 'JC-08', 'JC-09', 'JC-10', 'JC-11', 'JC-12', 'JC-13']);
    expect(rules.find((r) => r.code === 'promise-overrun')).toMatchObject({ name: '承诺件超期', enabled: true });
    expect(rules.find((r) => r.code === 'acceptance-backdated')!.parameters).toEqual([expect.objectContaining({ key: 'thresholdHours', value: 8 })]);
    expect((await get('/api/supervision/rules', 'agent')).statusCode).toBe(403);
  });

  let overdue: V;
  it('a township case past its promise: the sweep job (injected clock) records one violation naming the rule and the facts; running again adds none', async () => {
    at('2026-03-02T09:00:00');
    const c = await register(PROMISED);
    expect(c.dueAt).toBe('2026-03-16T09:30:00.000Z'); // 10 working days: Monday 16 March 17:30
    await drain();
    at('2026-03-16T17:30:00');
    expect(await sweep()).toBe(true);
    expect(await violationsOf(c.id)).toEqual([]); // the due instant itself is still in time

    at('2026-03-17T09:00:00');
    expect(await sweep()).toBe(true);
    const found = await violationsOf(c.id);
    expect(found).toHaveLength(1);
    overdue = found[0]!;
    expect(overdue).toMatchObject({ ruleCode: 'promise-overrun', ruleNumber: 'JC-01', caseNo: c.caseNo, status: 'open', version: 1 });
    expect(overdue.factsText).toContain('应于 2026-03-16 17:30 前办结，至 2026-03-17 09:00 仍未办结');
    expect(overdue.factLines).toContainEqual({ label: '承诺办结时间', value: '2026-03-16 17:30' });
    const township = (await get(`/api/cases/${c.id}`, 'clerk')).json().holderOrgId;
    expect(overdue.orgId).toBe(township);
    // recorded by the passing of time, not by a case change: the township's console is told to count again
    expect((await townshipConsole.next('violation')).json()).toEqual({ type: 'violation', orgId: township, action: 'record' });

    // again: the sweep, the consumers, another sweep later — still one
    expect(await sweep()).toBe(true);
    await drain();
    at('2026-03-18T09:00:00');
    await sweep();
    expect(await violationsOf(c.id)).toHaveLength(1);
    const count = await t.database.db.selectFrom('violations').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('the center explains and the supervisor decides, each under the version read (409 when stale), once', async () => {
    const url = `/api/supervision/violations/${overdue.id}`;
    expect((await send('POST', `${url}/explain`, 'supervisor', { expectedVersion: 1, reason: '说明' })).statusCode).toBe(403);
    expect((await send('POST', `${url}/explain`, 'county', { expectedVersion: 1, reason: '不是本中心' })).statusCode).toBe(403);
    expect((await send('POST', `${url}/explain`, 'clerk', { expectedVersion: 1, reason: '  ' })).statusCode).toBe(400);

    const explained = await send('POST', `${url}/explain`, 'clerk', { expectedVersion: 1, reason: '调查核实需要村委会出具证明，村委会延误；已办结。' });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(violationDetailSchema.safeParse(explained.json()).success).toBe(true);
    expect(explained.json()).toMatchObject({ status: 'explained', statusName: '已说明', version: 2, explanation: { reason: '调查核实需要村委会出具证明，村委会延误；已办结。', by: { name: '王晓燕' } } });
    expect((await townshipConsole.next('violation')).json()).toEqual({ type: 'violation', orgId: overdue.orgId, action: 'explain' });
    expect((await send('POST', `${url}/explain`, 'director', { expectedVersion: 1, reason: '再说明' })).statusCode).toBe(409);
    const twice = await send('POST', `${url}/explain`, 'director', { expectedVersion: 2, reason: '再说明' });
    expect([twice.statusCode, twice.json().code]).toEqual([422, 'VIOLATION_NOT_OPEN']);

    expect((await send('POST', `${url}/decide`, 'clerk', { expectedVersion: 2, decision: 'dismiss', reason: '自己撤销' })).statusCode).toBe(403);
    expect((await send('POST', `${url}/decide`, 'supervisor', { expectedVersion: 1, decision: 'confirm', reason: '超期属实' })).statusCode).toBe(409);
    const decided = await send('POST', `${url}/decide`, 'supervisor', { expectedVersion: 2, decision: 'confirm', reason: '超期属实，说明的理由不属于暂停计时的情形。' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'confirmed', statusName: '已认定', version: 3, decision: { decision: 'confirm', reason: '超期属实，说明的理由不属于暂停计时的情形。', by: { name: '孙正清' } } });
    expect(decided.json().events.map((e: { type: string }) => e.type)).toEqual(['recorded', 'explained', 'confirm']);
    expect(decided.json().caseEvents[0]).toMatchObject({ type: 'intake', name: '收件登记' });
    expect((await townshipConsole.next('violation')).json()).toEqual({ type: 'violation', orgId: overdue.orgId, action: 'decide' });
    // the village's console heard none of the township's: the first thing it hears is a change of its own village
    const village = (await get('/api/auth/me', 'agent')).json().user.orgId as string;
    const mark = { type: 'case', caseId: randomUUID(), version: 1, status: 'in_progress', light: 'green', receivingOrgId: village, holderOrgId: village, transitOrgId: null, windowId: null, action: 'intake', byUserId: null } as const;
    busOf(ctx()).publish(mark);
    expect((await villageConsole.next()).json()).toEqual(mark);
    const again = await send('POST', `${url}/decide`, 'supervisor', { expectedVersion: 3, decision: 'dismiss', reason: '改判' });
    expect([again.statusCode, again.json().code]).toEqual([422, 'VIOLATION_DECIDED']);
    expect((await get(`/api/supervision/violations?status=confirmed&ruleCode=promise-overrun`, 'supervisor')).json().violations.map((v: V) => v.id)).toContain(overdue.id);
  });

  it('an administrator switches a rule off and sets its parameters with a reason, under its version; the history keeps each change', async () => {
    at('2026-03-18T10:00:00');
    const url = '/api/supervision/rules/promise-overrun';
    expect((await send('PATCH', url, 'supervisor', { expectedVersion: 1, enabled: false, reason: '试试' })).statusCode).toBe(403);
    expect((await send('PATCH', url, 'admin', { expectedVersion: 1, enabled: false })).statusCode).toBe(400);
    const off = await send('PATCH', url, 'admin', { expectedVersion: 1, enabled: false, reason: '县里统一调整承诺时限期间暂停检查' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, version: 2, updatedBy: { name: '赵建国' } });
    expect((await send('PATCH', url, 'admin', { expectedVersion: 1, enabled: true, reason: '过期的版本' })).statusCode).toBe(409);
    const bad = await send('PATCH', url, 'admin', { expectedVersion: 2, parameters: { graceMinutes: -5 }, reason: '负数' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'RULE_PARAMETER_INVALID']);

    // switched off: a case overdue meanwhile is not recorded
    const c = await register(PROMISED);
    at('2026-04-02T09:00:00');
    await sweep();
    await drain();
    expect((await violationsOf(c.id)).map((v) => v.ruleCode)).not.toContain('promise-overrun');

    const on = await send('PATCH', url, 'admin', { expectedVersion: 2, enabled: true, parameters: { graceMinutes: 30 }, reason: '恢复检查，超过承诺时间半小时内不计' });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().parameters).toEqual([expect.objectContaining({ key: 'graceMinutes', value: 30 })]);
    const history = (await get(`${url}/history`, 'supervisor')).json();
    expect(history.total).toBe(2);
    expect(history.changes[0]).toMatchObject({
      version: 3,
      reason: '恢复检查，超过承诺时间半小时内不计',
      by: { name: '赵建国' },
      changes: [
        { field: 'enabled', label: '开关', from: '停用', to: '启用' },
        { field: 'graceMinutes', label: '宽限时间', from: '0 分钟', to: '30 分钟' },
      ],
    });
    expect(history.changes[1]).toMatchObject({ version: 2, reason: '县里统一调整承诺时限期间暂停检查', changes: [{ field: 'enabled', from: '启用', to: '停用' }] });
  });

  it('an immediate case not finished by the close of its day is recorded by the sweep (JC-02)', async () => {
    at('2026-04-06T09:00:00'); // Monday (清明 is Saturday 4 April 2026; Monday 6 April is its day off)
    at('2026-04-07T09:00:00'); // Tuesday
    const c = await register(IMMEDIATE);
    await drain();
    at('2026-04-07T17:30:00');
    await sweep();
    expect(await violationsOf(c.id)).toEqual([]);
    at('2026-04-07T17:45:00');
    await sweep();
    const [v] = await violationsOf(c.id);
    expect(v).toMatchObject({ ruleCode: 'immediate-same-day', ruleNumber: 'JC-02' });
    expect(v!.factsText).toContain('本件为即办件，应于 2026-04-07 17:30 前办结');
  });

  it('a fee below the legal standard at completion is recorded from the event (JC-08), with who charged it', async () => {
    at('2026-04-08T09:00:00');
    const c = await register({ itemCode: 'GA-003', materials: all(['居民户口簿', '原居民身份证（换领时交回）']) }, 'county');
    await act(c.id, 'complete', { outcome: 'approved', resultNo: '身份证 2026-001', feeCharged: 10, receiptNo: 'PJ-0001' }, 'county');
    await drain();
    const [v] = await violationsOf(c.id);
    expect(v).toMatchObject({ ruleCode: 'fee-not-standard', ruleNumber: 'JC-08', status: 'open' });
    expect(v!.factsText).toBe('办结时登记收费 10 元，与法定标准 20 元不符。');
    const detail = (await get(`/api/supervision/violations/${v!.id}`, 'supervisor')).json();
    expect(detail.person).toMatchObject({ name: '陈静' });
    // the county center's violation: the township clerk does not see it, the county clerk does and may explain
    expect((await get(`/api/supervision/violations/${v!.id}`, 'clerk')).statusCode).toBe(403);
    expect((await get(`/api/supervision/violations/${v!.id}`, 'county')).json().allowed).toEqual({ explain: true, decide: false });

    // the county center explains, and the supervisor dismisses it with a reason (the other end of the cycle)
    const url = `/api/supervision/violations/${v!.id}`;
    const explained = await send('POST', `${url}/explain`, 'county', { expectedVersion: 1, reason: '申请人属于依法减半收费的对象，减免审批表已附卷。' });
    expect(explained.statusCode, explained.body).toBe(200);
    const dismissed = await send('POST', `${url}/decide`, 'supervisor', { expectedVersion: 2, decision: 'dismiss', reason: '减免有据，不属违规。' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(violationDetailSchema.safeParse(dismissed.json()).success).toBe(true);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', statusName: '已撤销', version: 3, decision: { decision: 'dismiss', reason: '减免有据，不属违规。' } });
    expect(dismissed.json().events.map((e: { type: string }) => e.type)).toEqual(['recorded', 'explained', 'dismiss']);
    expect((await get('/api/supervision/violations?status=dismissed&pageSize=100', 'supervisor')).json().violations.map((x: V) => x.id)).toContain(v!.id);
    const again = await send('POST', `${url}/explain`, 'county', { expectedVersion: 3, reason: '再说明' });
    expect([again.statusCode, again.json().code]).toEqual([422, 'VIOLATION_NOT_OPEN']);
  });

  it('a village case sent to the township after its batch day, then accepted two working days after it arrived (JC-05, JC-10)', async () => {
    at('2026-04-13T09:00:00'); // Monday: the batch day is Monday 20 April
    const c = await register(PROMISED, 'agent', 'agent');
    await drain();
    at('2026-04-21T09:00:00');
    await sweep();
    const late = await violationsOf(c.id);
    expect(late.map((v) => v.ruleNumber)).toEqual(['JC-05']);
    expect(late[0]!.factsText).toContain('至 2026-04-21 09:00 仍未报送');
    at('2026-04-21T10:00:00');
    await act(c.id, 'forward', { urgent: false }, 'agent');
    await act(c.id, 'receive', {}, 'clerk');
    at('2026-04-23T10:00:00');
    await act(c.id, 'accept', {}, 'clerk');
    await drain();
    const found = await violationsOf(c.id);
    expect(found.map((v) => v.ruleNumber).sort()).toEqual(['JC-05', 'JC-10']);
    const backdated = found.find((v) => v.ruleNumber === 'JC-10')!;
    expect(backdated.factsText).toContain('于 2026-04-21 10:00 接收转报（上报）的办件，于 2026-04-23 10:00 才登记受理');
    // the late hop stays one violation although the hop was then sent (a fact the consumer saw again)
    expect(found.filter((v) => v.ruleNumber === 'JC-05')).toHaveLength(1);
  });

  it('a refusal the director questioned and the window did not answer within 3 working days (JC-11)', async () => {
    at('2026-04-27T09:00:00'); // Monday
    const c = await register(PROMISED);
    await act(c.id, 'return', { reasons: '申请人家庭收入超过临时救助标准', basis: '《临时救助办法》第六条' });
    const version = (await get(`/api/cases/${c.id}`, 'director')).json().version;
    const reviewed = await send('POST', `/api/cases/${c.id}/refusal-review`, 'director', { expectedVersion: version, opinion: 'questioned', comment: '收入核算有误，请重新核实' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    at('2026-04-30T17:30:00'); // three working days later, at the close: still in time
    await sweep();
    expect(await violationsOf(c.id)).toEqual([]);
    at('2026-05-06T09:00:00'); // after 劳动节
    await sweep();
    const [v] = await violationsOf(c.id);
    expect(v).toMatchObject({ ruleCode: 'objection-unanswered', ruleNumber: 'JC-11' });
    expect(v!.factsText).toContain('窗口应于 2026-04-30 17:30 前答复');
  });

  it('each viewer sees the violations of their own tree: a supervisor of another township sees none of these, the overview counts them', async () => {
    // a supervisor at another township of the county (created by the administrators, password set by them)
    const orgs = (await get('/api/orgs', 'admin')).json() as { id: string; level: string; parentId: string | null; name: string }[];
    const list = Array.isArray(orgs) ? orgs : (orgs as unknown as { orgs: typeof orgs }).orgs;
    const township = (await get(`/api/cases/${overdue.caseId}`, 'clerk')).json().holderOrgId as string;
    const other = list.find((o) => o.level === 'township' && o.id !== township)!;
    const created = await send('POST', '/api/users', 'admin', { username: 'supervisorb', name: '钱清白', orgId: other.id, roles: ['supervisor'], password: 'Jiancha#2026x' });
    expect(created.statusCode, created.body).toBe(201);
    await t.database.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'supervisorb').execute();
    cookies.supervisorB = await signIn(t.app, 'supervisorb', 'Jiancha#2026x');

    const mine = (await get('/api/supervision/violations?pageSize=100', 'supervisorB')).json();
    expect(mine).toEqual({ violations: [], total: 0 });
    expect((await get(`/api/supervision/violations/${overdue.id}`, 'supervisorB')).statusCode).toBe(403);
    expect((await get(`/api/supervision/violations?orgId=${township}`, 'supervisorB')).statusCode).toBe(403);
    expect((await get(`/api/supervision/overview?orgId=${township}`, 'supervisorB')).statusCode).toBe(403);

    const county = (await get('/api/supervision/violations?pageSize=100', 'supervisor')).json();
    expect(county.total).toBeGreaterThanOrEqual(6);
    const atTownship = (await get(`/api/supervision/violations?orgId=${township}&pageSize=100`, 'director')).json();
    expect(atTownship.violations.every((v: V) => v.orgId === township)).toBe(true);
    expect((await get('/api/supervision/violations?pageSize=100', 'clerk')).json().violations.every((v: V) => v.orgId === township)).toBe(true);

    const overview = (await get('/api/supervision/overview', 'supervisor')).json();
    const row = overview.centers.find((c: { orgId: string }) => c.orgId === township);
    const undecided = atTownship.violations.filter((v: V) => v.status === 'open' || v.status === 'explained').length;
    expect(row.openViolations).toBe(undecided);
    expect(row.byRule.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(undecided);
    // the lights are the ledger's: the same numbers as the township's light counts
    const lights = (await get('/api/cases/lights', 'director')).json().counts;
    expect(row.lights.red + overview.centers.filter((c: { parentId: string | null }) => c.parentId === township).reduce((n: number, c: { lights: { red: number } }) => n + c.lights.red, 0)).toBe(lights.red);
    expect(row.overdue).toBeGreaterThanOrEqual(1);
  });
});
