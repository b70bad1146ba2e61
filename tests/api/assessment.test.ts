// 百分制考核 (issue 13 §2): a clerk's overdue case and an upheld complaint appear as deductions on the clerk's (and the
// window's) score with their rules and case; recomputing never duplicates; the clerk appeals, the director decides
// (stale → 409), enters a manual item once per Idempotency-Key, names a chief representative who carries half of the
// window's deductions; the month closes only after it is over and with no open appeal, nothing changes after, and
// closedMonthlyResults (for 评先评优) returns the frozen scores. On SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentMonthSchema, type AssessmentMonth } from '../../src/domain/assessment/contract.js';
import { closedMonthlyResults } from '../../src/modules/assessment/results.js';
import { assessmentRecomputeJob } from '../../src/modules/assessment/job.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { portraitPng } from '../support/images.js';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const PROMISED = { itemCode: 'MZ-001', materials: all(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const MONTH = '2026-03';

describe.each(DIALECTS)('百分制考核 (%s)', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let township: string;
  let clerkId: string;
  let leaderId: string;
  let caseId: string;
  let caseNo: string;
  let windowId: string | null;
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = (url: string, who: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const post = (url: string, who: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]!, ...headers }, payload: payload as Record<string, unknown> });
  const view = async (who: string, month = MONTH): Promise<AssessmentMonth> => {
    const res = await get(`/api/assessments?month=${month}`, who);
    expect(res.statusCode, res.body).toBe(200);
    const parsed = assessmentMonthSchema.safeParse(res.json());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    return parsed.data!;
  };
  const person = (m: AssessmentMonth, id: string) => m.people.find((p) => p.id === id)!;

  beforeAll(async () => {
    const base = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...base.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    at('2026-03-02T09:00:00');
    for (const u of ['clerk', 'director', 'leader', 'admin', 'agent']) cookies[u] = await signIn(t.app, u);
    const db = t.database.db;
    township = (await db.selectFrom('orgs').select(['id', 'name']).execute()).find((o) => o.name === '柳河镇')!.id;
    const users = await db.selectFrom('users').select(['id', 'username']).execute();
    clerkId = users.find((u) => u.username === 'clerk')!.id;
    leaderId = users.find((u) => u.username === 'leader')!.id;
    // nobody signs in in these tests: absence is checked on its own at the end
    await setRule('absence-half-day', false);
  });
  const setRule = async (code: string, enabled: boolean) => {
    const rule = ((await get('/api/assessments/rules', 'admin')).json().rules as { code: string; version: number; points: number; maxPoints: number | null; cap: number | null }[]).find((r) => r.code === code)!;
    const res = await t.app.inject({ method: 'PUT', url: `/api/assessments/rules/${code}`, headers: { cookie: cookies.admin! }, payload: { points: rule.points, maxPoints: rule.maxPoints, cap: rule.cap, enabled, expectedVersion: rule.version } });
    expect(res.statusCode, res.body).toBe(200);
  };
  afterAll(() => t.close());

  it('an overdue case and an upheld complaint are deducted from the clerk and the window, with their rules and case, once', async () => {
    at('2026-03-02T09:00:00');
    const res = await post('/api/cases', 'clerk', { channel: 'window', applicant, ...PROMISED }, { 'idempotency-key': randomUUID() });
    expect(res.statusCode, res.body).toBe(201);
    ({ id: caseId, caseNo } = res.json() as { id: string; caseNo: string });
    windowId = ((await t.database.db.selectFrom('cases').select('window_id').where('id', '=', caseId).executeTakeFirstOrThrow()).window_id as string | null) ?? null;
    await drainAll(ctx());
    expect(windowId, 'the demo clerk works at a window').toBeTruthy();

    // a complaint about the case, upheld by the director
    at('2026-03-03T09:00:00');
    let c = (await post('/api/complaints', 'clerk', { source: 'window', cls: 'simple', title: '窗口人员态度生硬', content: '办理临时救助时工作人员态度生硬。', complainantName: '赵桂兰', complainantPhone: '13700001111', caseNo }, { 'idempotency-key': randomUUID() })).json();
    const act = async (who: string, action: string, body: Record<string, unknown>) => {
      const r = await post(`/api/complaints/${c.id}/actions/${action}`, who, { expectedVersion: c.version, ...body });
      expect(r.statusCode, r.body).toBe(200);
      c = r.json();
    };
    await act('director', 'accept', { cls: 'simple', handlerId: clerkId });
    await act('clerk', 'investigate', { findings: '调取录像，情况属实。' });
    await act('director', 'handle', { upheld: true, reasons: '窗口人员服务态度生硬，已批评教育。' });
    expect(c).toMatchObject({ assessment: true, assessmentMonth: MONTH });

    // past the promise (16 March), never finished: overdue
    at('2026-03-20T09:00:00');
    const first = await post('/api/assessments/recompute', 'director', { month: MONTH });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().added).toBeGreaterThanOrEqual(2);
    // again, and through the job: nothing new
    expect((await post('/api/assessments/recompute', 'director', { month: MONTH })).json()).toMatchObject({ added: 0, withdrawn: 0 });
    expect(await runJobOnce(ctx(), assessmentRecomputeJob)).toBe(true);
    expect((await post('/api/assessments/recompute', 'director', { month: MONTH })).json()).toMatchObject({ added: 0 });

    const m = await view('clerk');
    const me = person(m, clerkId);
    expect(me.detail).toBe(true);
    const lines = me.deductions.map((d) => [d.ruleCode, d.points, d.caseId ?? null]);
    expect(lines).toEqual(expect.arrayContaining([['case-overdue', -5, caseId], ['complaint-upheld', -5, caseId]]));
    expect(me.deductions.find((d) => d.ruleCode === 'case-overdue')).toMatchObject({ ruleName: '承诺件超期', caseNo, canAppeal: true });
    expect(me.deductions.find((d) => d.ruleCode === 'complaint-upheld')!.ruleName).toBe('投诉属实');
    expect(me.score).toBe(90);
    expect(me.rank).toBeGreaterThanOrEqual(1);
    if (windowId) {
      const w = m.windows.find((x) => x.id === windowId)!;
      expect(w.deductions.map((d) => d.ruleCode).sort()).toEqual(['case-overdue', 'complaint-upheld']);
      expect(w.score).toBe(90);
    }
    // the clerk sees the ranking of the center, but not another person's deductions
    const other = m.people.find((p) => p.id !== clerkId);
    if (other) expect(other).toMatchObject({ detail: false, deductions: [] });
    expect(m.canManage).toBe(false);
    // the director sees everything
    expect(person(await view('director'), clerkId).deductions.length).toBe(me.deductions.length);
    // the clerk may not manage
    expect((await post('/api/assessments/recompute', 'clerk', { month: MONTH })).statusCode).toBe(403);
  });

  it('the director enters a manual item with a reason, once per key; rules bound the points', async () => {
    const key = randomUUID();
    const body = { month: MONTH, subjectKind: 'person', subjectId: clerkId, ruleCode: 'tidiness', reason: '3月18日检查，窗口桌面杂乱。' };
    const a = await post('/api/assessments/items', 'director', body, { 'idempotency-key': key });
    expect(a.statusCode, a.body).toBe(201);
    const [b, c] = await Promise.all([post('/api/assessments/items', 'director', body, { 'idempotency-key': key }), post('/api/assessments/items', 'director', body, { 'idempotency-key': key })]);
    expect([b.statusCode, c.statusCode]).toEqual([200, 200]);
    expect(b.json().id).toBe(a.json().id);
    // the key sent again with another reason is refused (422) and records nothing
    const items = async () => Number((await t.database.db.selectFrom('assessment_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await items();
    const other = await post('/api/assessments/items', 'director', { ...body, reason: '3月19日检查，工作牌未佩戴。' }, { 'idempotency-key': key });
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await items()).toBe(n);
    // the photo of the untidy desk through the file store; the clerk opens it, another clerk's session could not
    const photo = multipart({ name: '桌面.png', content: portraitPng(), type: 'image/png' });
    const up = await t.app.inject({ method: 'PUT', url: `/api/assessments/items/${a.json().id}/evidence`, headers: { cookie: cookies.director!, ...photo.headers }, payload: photo.payload });
    expect(up.statusCode, up.body).toBe(204);
    const seen = await get(`/api/assessments/items/${a.json().id}/evidence`, 'clerk');
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toContain('image/png');
    expect((await get(`/api/assessments/items/${a.json().id}/evidence`, 'agent')).statusCode).toBe(404);
    const bad = multipart({ name: 'x.txt', content: Buffer.from('hello'), type: 'text/plain' });
    expect((await t.app.inject({ method: 'PUT', url: `/api/assessments/items/${a.json().id}/evidence`, headers: { cookie: cookies.director!, ...bad.headers }, payload: bad.payload })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await post('/api/assessments/items', 'director', { ...body, ruleCode: 'result-error', points: 9 }, { 'idempotency-key': randomUUID() })).json()).toMatchObject({ code: 'ASSESSMENT_POINTS_INVALID' });
    expect((await post('/api/assessments/items', 'director', { ...body, ruleCode: 'case-overdue' }, { 'idempotency-key': randomUUID() })).json()).toMatchObject({ code: 'ASSESSMENT_POINTS_INVALID' });
    expect((await post('/api/assessments/items', 'director', { ...body, reason: ' ' }, { 'idempotency-key': randomUUID() })).statusCode).toBe(400);
    const bonus = await post('/api/assessments/items', 'director', { ...body, ruleCode: 'bonus-praise', points: 3, reason: '群众送来锦旗。' }, { 'idempotency-key': randomUUID() });
    expect(bonus.statusCode, bonus.body).toBe(201);
    const me = person(await view('clerk'), clerkId);
    expect(me.score).toBe(100 - 5 - 5 - 1 + 3);
    expect(me.deductions.find((d) => d.ruleCode === 'bonus-praise')).toMatchObject({ points: 3, canAppeal: false });
    expect(me.deductions.find((d) => d.ruleCode === 'tidiness')).toMatchObject({ evidenceName: '桌面.png', origin: 'manual' });
  });

  it('the chief representative carries half of the window’s deductions', async () => {
    if (!windowId) return;
    const res = await t.app.inject({ method: 'PUT', url: `/api/assessments/chiefs/${windowId}`, headers: { cookie: cookies.director! }, payload: { userId: leaderId } });
    expect(res.statusCode, res.body).toBe(204);
    const m = await view('leader');
    const chief = person(m, leaderId);
    expect(chief.chiefOf.length).toBe(1);
    expect(chief.deductions.every((d) => d.share)).toBe(true);
    expect(chief.deductions.map((d) => d.points).sort()).toEqual([-2.5, -2.5]);
    expect(chief.score).toBe(95);
  });

  let appealId: string;
  it('the clerk appeals a deduction; the director decides with a reason (stale → 409); upheld, it no longer counts but stays on record', async () => {
    const me = person(await view('clerk'), clerkId);
    const overdue = me.deductions.find((d) => d.ruleCode === 'case-overdue')!;
    expect((await post(`/api/assessments/items/${overdue.itemId}/appeal`, 'agent', { reason: '不是我的' })).statusCode).toBe(404);
    // a double tap: one appeal, the other 409 (never 500)
    const [a, a2] = await Promise.all([
      post(`/api/assessments/items/${overdue.itemId}/appeal`, 'clerk', { reason: '申请人迟迟未补交材料，超期非本人原因。' }),
      post(`/api/assessments/items/${overdue.itemId}/appeal`, 'clerk', { reason: '申请人迟迟未补交材料，超期非本人原因。' }),
    ]);
    expect([a.statusCode, a2.statusCode].sort(), a.body + a2.body).toEqual([201, 409]);
    appealId = (a.statusCode === 201 ? a : a2).json().id;
    expect((await post(`/api/assessments/items/${overdue.itemId}/appeal`, 'clerk', { reason: '再申诉' })).statusCode).toBe(409);

    // not before the month is over, and not with an open appeal
    const d0 = await view('director');
    expect((await post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: d0.version })).json()).toMatchObject({ code: 'ASSESSMENT_CANNOT_CLOSE' });
    at('2026-04-02T09:00:00');
    const d1 = await view('director');
    const closing = await post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: d1.version });
    expect(closing.statusCode).toBe(422);
    expect(closing.json().title).toContain('申诉');
    const appeal = d1.appeals.find((x) => x.id === appealId)!;
    expect(appeal).toMatchObject({ status: 'pending', ruleName: '承诺件超期' });

    expect((await post(`/api/assessments/appeals/${appealId}/decide`, 'director', { decision: 'upheld', reason: '经核实', expectedVersion: appeal.version + 1 })).statusCode).toBe(409);
    expect((await post(`/api/assessments/appeals/${appealId}/decide`, 'clerk', { decision: 'upheld', reason: '经核实', expectedVersion: appeal.version })).statusCode).toBe(403);
    const ok = await post(`/api/assessments/appeals/${appealId}/decide`, 'director', { decision: 'upheld', reason: '经核实，超期系申请人补正所致，申诉成立。', expectedVersion: appeal.version });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await post(`/api/assessments/appeals/${appealId}/decide`, 'director', { decision: 'rejected', reason: '再决定', expectedVersion: appeal.version + 1 })).statusCode).toBe(409);
    const after = person(await view('clerk'), clerkId);
    expect(after.deductions.find((d) => d.ruleCode === 'case-overdue')).toMatchObject({ status: 'cancelled', points: 0, recordedPoints: -5, appeal: { status: 'upheld' } });
    expect(after.score).toBe(100 - 5 - 1 + 3);
    // recomputing does not bring a cancelled deduction back
    await post('/api/assessments/recompute', 'director', { month: MONTH });
    expect(person(await view('clerk'), clerkId).score).toBe(97);
  });

  it('the director closes the month (stale → 409); nothing changes after; closedMonthlyResults returns the frozen scores', async () => {
    expect(await closedMonthlyResults(t.database.db, [township], [MONTH])).toEqual([]);
    // on 2 April the director records one more March deduction (张磊, not scored elsewhere in this file): it can be
    // appealed until 7 April, and closing before then would take that right away, so closing waits for it
    const clerk2 = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'clerk2').executeTakeFirstOrThrow()).id;
    const late = await post('/api/assessments/items', 'director', { month: MONTH, subjectKind: 'person', subjectId: clerk2, ruleCode: 'tidiness', reason: '3月31日检查，窗口桌面杂乱。' }, { 'idempotency-key': randomUUID() });
    expect(late.statusCode, late.body).toBe(201);
    const early = await post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: (await view('director')).version });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json()).toMatchObject({ code: 'ASSESSMENT_CANNOT_CLOSE', title: '还有 1 条扣分在申诉期内（至 4月7日），申诉期满后才能关账，4月8日起可以关账。' });
    at('2026-04-07T17:00:00');
    expect((await post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: (await view('director')).version })).statusCode).toBe(422);
    expect((await view('director')).status).toBe('open');
    at('2026-04-08T09:00:00');
    const d = await view('director');
    expect((await post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: d.version - 1 })).statusCode).toBe(409);
    const [x, y] = await Promise.all([
      post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: d.version }),
      post('/api/assessments/close', 'director', { month: MONTH, expectedVersion: d.version }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const closed = await view('director');
    expect(closed.status).toBe('closed');
    expect((await post('/api/assessments/items', 'director', { month: MONTH, subjectKind: 'person', subjectId: clerkId, ruleCode: 'tidiness', reason: '补录' }, { 'idempotency-key': randomUUID() })).statusCode).toBe(409);
    expect((await post('/api/assessments/recompute', 'director', { month: MONTH })).statusCode).toBe(409);
    const complaintLine = person(closed, clerkId).deductions.find((l) => l.ruleCode === 'complaint-upheld')!;
    expect(complaintLine.canAppeal).toBe(false);
    expect((await post(`/api/assessments/items/${complaintLine.itemId}/appeal`, 'clerk', { reason: '迟来的申诉' })).statusCode).toBe(409);
    // the job leaves a closed month alone
    await runJobOnce(ctx(), assessmentRecomputeJob);

    const results = await closedMonthlyResults(t.database.db, [township], [MONTH, '2026-02']);
    const mine = results.find((r) => r.subjectKind === 'person' && r.subjectId === clerkId)!;
    expect(mine).toEqual({ month: MONTH, orgId: township, subjectKind: 'person', subjectId: clerkId, name: '王晓燕', score: 97, deducted: 6 });
    if (windowId) expect(results.find((r) => r.subjectKind === 'window' && r.subjectId === windowId)).toMatchObject({ score: 90, deducted: 10 });
    expect(results.find((r) => r.subjectId === leaderId)).toMatchObject({ score: 95, deducted: 5 });
    expect(results.every((r) => r.month === MONTH && r.orgId === township)).toBe(true);
  });

  it('rules and settings: anyone at the center reads, only the system administrator changes (stale → 409)', async () => {
    const res = await get('/api/assessments/rules', 'clerk');
    expect(res.statusCode).toBe(200);
    const rule = (res.json().rules as { code: string; version: number; points: number }[]).find((r) => r.code === 'tidiness')!;
    expect(rule.points).toBe(1);
    const body = { points: 2, maxPoints: null, cap: null, enabled: true, expectedVersion: rule.version };
    expect((await t.app.inject({ method: 'PUT', url: '/api/assessments/rules/tidiness', headers: { cookie: cookies.director! }, payload: body })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/assessments/rules/tidiness', headers: { cookie: cookies.admin! }, payload: body });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/assessments/rules/tidiness', headers: { cookie: cookies.admin! }, payload: body })).statusCode).toBe(409);
    const s = await t.app.inject({ method: 'PUT', url: '/api/assessments/settings', headers: { cookie: cookies.admin! }, payload: { appealDays: 7 } });
    expect(s.json()).toEqual({ chiefShare: true, appealDays: 7, publishRanking: false });
    // 政务公开: the ranking appears on the center's public page only once the county publishes it
    const page = () => t.app.inject({ url: `/api/public/centers/${township}` });
    expect((await page()).json().ranking ?? null).toBeNull();
    await t.app.inject({ method: 'PUT', url: '/api/assessments/settings', headers: { cookie: cookies.admin! }, payload: { publishRanking: true } });
    const ranking = (await page()).json().ranking as { month: string; people: { name: string; score: number; rank: number }[] };
    expect(ranking.month).toBe(MONTH);
    expect(ranking.people).toContainEqual(expect.objectContaining({ name: '王晓燕', score: 97 }));
  });

  it('unexcused absence from the attendance records: −3 per half day, in the month of the day', async () => {
    await setRule('absence-half-day', true);
    // a center keeping no sign-in at all does not use attendance: nobody is absent
    at('2026-04-03T09:00:00');
    expect((await post('/api/assessments/recompute', 'director', { month: '2026-04' })).statusCode).toBe(200);
    expect(person(await view('clerk', '2026-04'), clerkId).deductions.filter((d) => d.ruleCode === 'absence-half-day')).toEqual([]);
    // the director signs in on the 3rd: the center keeps attendance, and the clerk was away on 1 and 2 April (working
    // days) without a sign-in or leave
    expect((await post('/api/attendance/sign-in', 'director', {})).statusCode).toBeLessThan(300);
    expect((await post('/api/assessments/recompute', 'director', { month: '2026-04' })).statusCode).toBe(200);
    const me = person(await view('clerk', '2026-04'), clerkId);
    const absent = me.deductions.filter((d) => d.ruleCode === 'absence-half-day');
    expect(absent.map((d) => d.points)).toEqual([-6, -6]);
    expect(absent[0]!.reason).toContain('2026-04-01');
    expect(me.score).toBe(88);
  });

  it('confirmed supervision violations: 收费超标准 by its own rule, others as 监察违规经认定, overdue not twice', async () => {
    const base = { case_id: caseId, case_no: caseNo, org_id: township, window_id: windowId, person_id: clerkId, severity: 'violation', fired_at: '2026-04-01T02:00:00.000Z', occurred_at: '2026-04-01T02:00:00.000Z', facts: '{}', fact_lines: '[]', explanation: null, explained_by: null, explained_at: null, decision: 'confirm', decision_reason: '属实', decided_by: null, decided_at: '2026-04-02T03:00:00.000Z', version: 2, updated_at: '2026-04-02T03:00:00.000Z' };
    await t.database.db
      .insertInto('violations')
      .values([
        { ...base, id: randomUUID(), occurrence_key: `t-fee:${caseId}`, rule_code: 'fee-not-standard', facts_text: '收费 50 元，法定标准 0 元。', status: 'confirmed' },
        { ...base, id: randomUUID(), occurrence_key: `t-backdated:${caseId}`, rule_code: 'acceptance-backdated', facts_text: '受理登记晚于收件 26 小时。', status: 'confirmed' },
        { ...base, id: randomUUID(), occurrence_key: `t-overrun:${caseId}`, rule_code: 'promise-overrun', facts_text: '超期。', status: 'confirmed' },
        { ...base, id: randomUUID(), occurrence_key: `t-dismissed:${caseId}`, rule_code: 'supplement-beyond-notice', facts_text: '撤销的。', status: 'dismissed' },
      ])
      .execute();
    expect((await post('/api/assessments/recompute', 'director', { month: '2026-04' })).statusCode).toBe(200);
    const me = person(await view('clerk', '2026-04'), clerkId);
    const lines = me.deductions.filter((d) => d.ruleCode !== 'absence-half-day').map((d) => [d.ruleCode, d.points, d.caseId]);
    expect(lines.sort()).toEqual([
      ['fee-beyond-standard', -5, caseId],
      ['violation-confirmed', -2, caseId],
    ]);
    expect(me.deductions.find((d) => d.ruleCode === 'fee-beyond-standard')!.reason).toContain('收费 50 元');
    // a violation revoked later: its deduction is withdrawn on the next run, kept on record
    await t.database.db.updateTable('violations').set({ status: 'dismissed' }).where('occurrence_key', '=', `t-backdated:${caseId}`).execute();
    expect((await post('/api/assessments/recompute', 'director', { month: '2026-04' })).json()).toMatchObject({ withdrawn: 2 });
    const again = person(await view('clerk', '2026-04'), clerkId);
    expect(again.deductions.find((d) => d.ruleCode === 'violation-confirmed')).toMatchObject({ status: 'withdrawn', points: 0 });
  });

  it('a refusal the director questioned and a hop sent after its limit are deducted from who did them', async () => {
    const db = t.database.db;
    const county = (await db.selectFrom('orgs').select(['id', 'level']).execute()).find((o) => o.level === 'county')!.id;
    await db.updateTable('cases').set({ refusal_review: 'questioned', refusal_reviewed_at: '2026-04-02T02:00:00.000Z' }).where('id', '=', caseId).execute();
    await db
      .insertInto('case_hops')
      .values({ id: randomUUID(), case_id: caseId, kind: 'township-county', from_org_id: township, to_org_id: county, urgent: 0, batch_id: null, materials: '[]', ready_at: '2026-03-30T01:00:00.000Z', due_at: '2026-04-01T09:30:00.000Z', sent_by: clerkId, sent_at: '2026-04-02T02:00:00.000Z', received_by: null, received_at: null })
      .execute();
    await post('/api/assessments/recompute', 'director', { month: '2026-04' });
    const me = person(await view('clerk', '2026-04'), clerkId);
    expect(me.deductions.find((d) => d.ruleCode === 'refusal-no-reasons')).toMatchObject({ points: -2, caseId, ruleName: '拒办理由不充分' });
    expect(me.deductions.find((d) => d.ruleCode === 'hop-late')).toMatchObject({ points: -1, caseId });
    expect(me.deductions.find((d) => d.ruleCode === 'hop-late')!.reason).toContain('乡镇上报县级');
  });

  it('a 差评 the visit found true is deducted; an upheld complaint naming a clerk without a case finds the clerk and their window', async () => {
    const db = t.database.db;
    const c = await db.selectFrom('cases').select(['item_id', 'item_code', 'item_name']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const ratingId = randomUUID();
    await db
      .insertInto('ratings')
      .values({ id: ratingId, case_id: caseId, case_no: caseNo, org_id: township, window_id: windowId, person_id: clerkId, item_id: c.item_id, item_code: c.item_code, item_name: c.item_name, level: 'dissatisfied', comment: '态度不好', channel: 'pad', round: 1, rater_key: 'k', entered_by: null, pad_id: null, is_default: 0, rated_at: '2026-04-01T02:00:00.000Z', created_at: '2026-04-01T02:00:00.000Z', idempotency_key: null, excluded_at: null, excluded_by: null, excluded_reason: null, appeal_id: null, version: 1 })
      .execute();
    await db
      .insertInto('rating_work_orders')
      .values({ id: randomUUID(), work_order_no: 'GD-T-0001', year: 2026, seq: 1, rating_id: ratingId, case_id: caseId, case_no: caseNo, org_id: township, window_id: windowId, person_id: clerkId, item_code: c.item_code, item_name: c.item_name, level: 'dissatisfied', status: 'rectifying', opened_at: '2026-04-01T02:00:00.000Z', visit_due_at: '2026-04-03T09:30:00.000Z', fix_due_at: '2026-04-10T09:30:00.000Z', visited_at: '2026-04-02T03:00:00.000Z', rectified_at: null, closed_at: null, finding: 'partly', outcome: null, fix_level: null, due_at: null, yellow_at: null, warned: null, version: 2, updated_at: '2026-04-02T03:00:00.000Z' })
      .execute();
    // a complaint registered and upheld without a case, naming the clerk
    let cp = (await post('/api/complaints', 'clerk', { source: 'window', cls: 'simple', title: '窗口人员推诿', content: '咨询时工作人员推诿。', complainantName: '刘秀兰', complainantPhone: '13700003333', respondentPerson: '王晓燕' }, { 'idempotency-key': randomUUID() })).json();
    const act = async (who: string, action: string, body: Record<string, unknown>) => {
      const r = await post(`/api/complaints/${cp.id}/actions/${action}`, who, { expectedVersion: cp.version, ...body });
      expect(r.statusCode, r.body).toBe(200);
      cp = r.json();
    };
    await act('director', 'accept', { cls: 'simple', handlerId: clerkId });
    await act('clerk', 'investigate', { findings: '询问当事双方，情况属实。' });
    await act('director', 'handle', { upheld: true, reasons: '推诿属实。' });
    await post('/api/assessments/recompute', 'director', { month: '2026-04' });
    const m = await view('director', '2026-04');
    const me = person(m, clerkId);
    expect(me.deductions.find((d) => d.ruleCode === 'bad-rating-verified')).toMatchObject({ points: -2, caseId });
    expect(me.deductions.find((d) => d.ruleCode === 'bad-rating-verified')!.reason).toContain('部分属实');
    const complaint = me.deductions.find((d) => d.ruleCode === 'complaint-upheld')!;
    expect(complaint).toMatchObject({ points: -5, caseNo: null });
    expect(complaint.reason).toContain('窗口人员推诿');
    expect(m.windows.find((w) => w.id === windowId)!.deductions.map((d) => d.ruleCode)).toContain('bad-rating-verified');
    // the demo clerk works at several windows: the complaint names no case, so it is on no window
    expect(m.windows.flatMap((w) => w.deductions).filter((d) => d.reason.includes('窗口人员推诿'))).toEqual([]);
  });
});
