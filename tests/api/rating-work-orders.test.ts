// 差评整改工单, 申诉复核 and the rating figures (issue 10 §1): a 差评 opens one work order in the rating's transaction
// with the return visit due the next working day and the rectification 15 working days on (close of office), lights
// from the clock (yellow the working day before, red when overdue) and the sweep's warnings once; the center visits
// and rectifies (expectedVersion → 409), the outcome SMS with a signed link reaches the rater, who rates the fix once;
// the director appeals, a supervisor upholds: the rating leaves the figures but stays on record; permissions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealSchema, figuresSchema, workOrderDetailSchema, workOrderListSchema } from '../../src/domain/contract/evaluation-work-orders.js';
import { seedDemoWorkOrder } from '../../src/modules/evaluation/work-order-demo.js';
import { sweepWorkOrders } from '../../src/modules/evaluation/work-order-sweep.js';
import { loadConfig } from '../../src/server/config.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC = 'https://bianmin.example.gov.cn';
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

interface WorkOrder {
  id: string;
  workOrderNo: string;
  status: string;
  version: number;
  visitDueAt: string;
  fixDueAt: string;
  light: string | null;
  allowedActions: string[];
  fixLevel: string | null;
  events: { type: string; byName: string | null; text: string }[];
  rating: { excludedAt: string | null; excludedReason: string | null } | null;
}

describe.each(DIALECTS)('差评整改工单与申诉 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let supervisor: string;
  let otherClerk: string;
  let townshipId: string;
  let windowId: string;
  let itemId: string;
  let directorId: string;
  const cfg = { ...loadConfig({}), publicUrl: PUBLIC };
  const ctx = () => ({ database: t.database, config: cfg, clock: () => t.clock.now }) as never;

  const finishedCase = async (at: string, phone = applicant.phone) => {
    t.clock.now = new Date(at);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant: { ...applicant, phone }, ...IMMEDIATE } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: string; caseNo: string; version: number };
    const done = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/complete`, headers: { cookie: clerk }, payload: { expectedVersion: c.version, outcome: 'approved', resultNo: '证 1' } });
    expect(done.statusCode, done.body).toBe(200);
    await drainAll(ctx());
    return c;
  };
  const rate = async (c: { caseNo: string }, level: string, phone4 = '5678') => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/ratings', payload: { caseNo: c.caseNo, phone4, level, comment: '等了很久，态度也不好' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const workOrderOf = async (caseId: string) => t.database.db.selectFrom('rating_work_orders').selectAll().where('case_id', '=', caseId).execute();
  const get = async (cookie: string, id: string) => {
    const res = await t.app.inject({ url: `/api/evaluations/work-orders/${id}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as WorkOrder;
    expect(workOrderDetailSchema.safeParse(body).success).toBe(true);
    return body;
  };
  const act = (cookie: string, wo: { id: string; version: number }, action: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/evaluations/work-orders/${wo.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: wo.version, ...body } });
  const list = async (cookie: string, query = '') => {
    const res = await t.app.inject({ url: `/api/evaluations/work-orders${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(workOrderListSchema.safeParse(res.json()).success).toBe(true);
    return res.json() as { workOrders: WorkOrder[]; total: number };
  };
  const figures = async (cookie: string, query: string) => {
    const res = await t.app.inject({ url: `/api/evaluations/figures?${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(figuresSchema.safeParse(res.json()).success).toBe(true);
    return res.json() as { from: string; to: string; figures: { key: string; name: string; rated: number; good: number; goodRate: number | null; bad: number; rectified: number; rectifyRate: number | null; finished: number; activelyRated: number; activeRate: number | null; excluded: number }[]; total: { rated: number; bad: number; goodRate: number | null; excluded: number; rectified: number } };
  };
  const outbox = (template: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', template).orderBy('created_at').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false }, publicUrl: PUBLIC } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    townshipId = orgs.find((o) => o.name === '柳河镇')!.id;
    const other = orgs.find((o) => o.name === '石桥乡')!;
    itemId = (await db.selectFrom('items').select('id').where('code', '=', 'MZ-002').executeTakeFirstOrThrow()).id;
    const at = t.clock.now.toISOString();
    windowId = randomUUID();
    await db.insertInto('windows').values({ id: windowId, org_id: townshipId, name: '整改测试窗口', department: null, post_a_user_id: null, post_b_user_id: null, active: 1, created_at: at, updated_at: at, version: 1 }).execute();
    await db.updateTable('org_items').set({ window_id: windowId }).where('org_id', '=', townshipId).where('item_id', '=', itemId).execute();
    const base = await db.selectFrom('users').selectAll().where('username', '=', 'clerk').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ ...base, id: randomUUID(), username: 'shiqiao-clerk2', name: '石桥办事员', org_id: other.id }).execute();
    directorId = (await db.selectFrom('users').select('id').where('username', '=', 'director').executeTakeFirstOrThrow()).id;
    await db.updateTable('users').set({ phone: '13900001111' }).where('id', '=', directorId).execute();
    [clerk, director, supervisor, otherClerk] = (await Promise.all(['clerk', 'director', 'supervisor', 'shiqiao-clerk2'].map((u) => signIn(t.app, u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  it('a 差评 opens one work order with the visit due the next working day and the fix 15 working days on; a good rating opens none', async () => {
    const good = await finishedCase('2026-03-02T09:00:00+08:00', '13800000001');
    await rate(good, 'satisfied', '0001');
    expect(await workOrderOf(good.id)).toHaveLength(0);

    const c = await finishedCase('2026-03-02T09:30:00+08:00'); // a Monday
    const rating = await rate(c, 'very_dissatisfied');
    const rows = await workOrderOf(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating_id: rating.id, status: 'visit_pending', org_id: townshipId, window_id: windowId, level: 'very_dissatisfied' });
    // close of office (17:30) on Tuesday; 15 working days: 3–6, 9–13, 16–20, 23 March
    expect(rows[0]!.visit_due_at).toBe(new Date('2026-03-03T17:30:00+08:00').toISOString());
    expect(rows[0]!.fix_due_at).toBe(new Date('2026-03-23T17:30:00+08:00').toISOString());

    const wo = await get(director, rows[0]!.id);
    expect(wo).toMatchObject({ workOrderNo: '整改〔2026〕1号', status: 'visit_pending', statusName: '待回访核实', light: 'yellow', windowName: '整改测试窗口', levelName: '非常不满意' });
    expect(wo.events.map((e) => e.type)).toEqual(['open']);
    // the director heard of it, in-app and by SMS, written with the rating
    const opened = await outbox('rating-work-order-opened');
    expect(opened.map((m) => [m.channel, m.recipient])).toEqual(expect.arrayContaining([['inbox', directorId], ['sms', '13900001111']]));
    expect(opened[0]!.text).toContain(c.caseNo);
    expect(opened[0]!.text).toContain('2026年3月3日前回访核实');

    // the evaluation list: the 差评 carries its work order
    const listed = await t.app.inject({ url: `/api/evaluations?caseId=${c.id}`, headers: { cookie: director } });
    expect(listed.statusCode, listed.body).toBe(200);
    const ev = (listed.json() as { evaluations: { workOrder: { status: string; visitDueAt: string; fixDueAt: string } | null }[] }).evaluations[0]!;
    expect(ev.workOrder).toMatchObject({ status: 'visit_pending', visitDueAt: rows[0]!.visit_due_at, fixDueAt: rows[0]!.fix_due_at });
  });

  it('the center visits and rectifies (stale version → 409), the outcome SMS carries a signed link, the rater rates the fix once', async () => {
    const c = await finishedCase('2026-03-03T09:00:00+08:00', '13812340002');
    await rate(c, 'dissatisfied', '0002');
    const [row] = await workOrderOf(c.id);
    let wo = await get(clerk, row!.id);
    expect(wo.allowedActions).toEqual(['visit']);

    // another center's clerk does not see it; a supervisor may not act; a stale copy is refused and nothing changes
    expect((await t.app.inject({ url: `/api/evaluations/work-orders/${wo.id}`, headers: { cookie: otherClerk } })).statusCode).toBe(403);
    expect((await act(supervisor, wo, 'visit', { finding: 'confirmed', content: '已电话回访' })).statusCode).toBe(403);
    expect((await act(otherClerk, wo, 'visit', { finding: 'confirmed', content: '已电话回访' })).statusCode).toBe(403);
    expect((await act(clerk, { ...wo, version: wo.version + 5 }, 'visit', { finding: 'confirmed', content: '已电话回访' })).statusCode).toBe(409);
    expect((await act(clerk, wo, 'rectify', { measures: '培训', outcome: '已整改' })).statusCode).toBe(409);
    const empty = await act(clerk, wo, 'visit', { finding: 'confirmed', content: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toMatch(/回访核实情况/);

    t.clock.now = new Date('2026-03-03T15:00:00+08:00');
    let res = await act(clerk, wo, 'visit', { finding: 'confirmed', content: '电话回访申请人，反映窗口排队时间长，情况属实。' });
    expect(res.statusCode, res.body).toBe(200);
    wo = res.json() as WorkOrder;
    expect(wo).toMatchObject({ status: 'rectifying', light: 'green', findingName: '情况属实', visitLate: false });
    // the same version again: 409
    expect((await act(clerk, { ...wo, version: wo.version - 1 }, 'rectify', { measures: 'x', outcome: 'y' })).statusCode).toBe(409);

    t.clock.now = new Date('2026-03-05T10:00:00+08:00');
    res = await act(clerk, wo, 'rectify', { measures: '增开一个综合窗口，高峰时段主任到窗口引导。', outcome: '已增开窗口，排队时间缩短到15分钟内' });
    expect(res.statusCode, res.body).toBe(200);
    wo = res.json() as WorkOrder;
    expect(wo).toMatchObject({ status: 'awaiting_feedback', light: null });
    // the director may not close it before the rater had 7 days
    const early = await act(director, wo, 'close', { reason: '群众未评价' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('WORK_ORDER_FEEDBACK_PENDING');

    const sms = (await outbox('rating-fix-outcome')).filter((m) => m.case_id === c.id);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.recipient).toBe('13812340002');
    expect(sms[0]!.text).toContain('已增开窗口');
    const link = /https:\/\/bianmin\.example\.gov\.cn\/rate-fix\?t=(\S+)$/.exec(sms[0]!.text);
    expect(link, sms[0]!.text).not.toBeNull();
    const token = decodeURIComponent(link![1]!);

    // a changed letter is refused; the right link shows the outcome
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await t.app.inject({ url: `/api/public/rate-fix?t=${encodeURIComponent(forged)}` })).statusCode).toBe(404);
    const page = await t.app.inject({ url: `/api/public/rate-fix?t=${encodeURIComponent(token)}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ caseNo: c.caseNo, canRate: true, outcome: '已增开窗口，排队时间缩短到15分钟内' });
    expect(page.body).not.toContain('13812340002');

    const rated = await t.app.inject({ method: 'POST', url: '/api/public/rate-fix', payload: { token, level: 'satisfied', comment: '好多了' } });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ canRate: false, fixLevel: 'satisfied' });
    const again = await t.app.inject({ method: 'POST', url: '/api/public/rate-fix', payload: { token, level: 'dissatisfied' } });
    expect(again.statusCode).toBe(409);
    wo = await get(director, wo.id);
    expect(wo).toMatchObject({ status: 'closed', fixLevel: 'satisfied' });
    expect(wo.events.map((e) => e.type)).toEqual(['open', 'visit', 'rectify', 'rate-fix']);
    // kept as the rating's second round (表9 评价次数 2)
    const second = await t.database.db.selectFrom('ratings').selectAll().where('case_id', '=', c.id).where('round', '=', 2).execute();
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ level: 'satisfied', channel: 'sms' });
  });

  it('lights: yellow from the working day before (over a weekend), red after the due instant; the sweep warns once per colour', async () => {
    const c = await finishedCase('2026-03-06T10:00:00+08:00', '13812340003'); // a Friday
    await rate(c, 'dissatisfied', '0003');
    const [row] = await workOrderOf(c.id);
    expect(row!.visit_due_at).toBe(new Date('2026-03-09T17:30:00+08:00').toISOString()); // Monday
    t.clock.now = new Date('2026-03-07T10:00:00+08:00'); // Saturday: the working day before Monday was Friday
    expect((await get(director, row!.id)).light).toBe('yellow');
    t.clock.now = new Date('2026-03-09T17:30:00+08:00');
    expect((await get(director, row!.id)).light).toBe('yellow');
    t.clock.now = new Date('2026-03-09T17:31:00+08:00');
    expect((await get(director, row!.id)).light).toBe('red');
    const red = await list(director, '?light=red');
    expect(red.workOrders.map((w) => w.id)).toContain(row!.id);
    expect((await list(director, '?light=green')).workOrders.map((w) => w.id)).not.toContain(row!.id);

    const first = await sweepWorkOrders(ctx(), t.clock.now);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    const again = await sweepWorkOrders(ctx(), t.clock.now);
    expect(again.warned).toBe(0);
    const warnings = (await outbox('rating-work-order-warning')).filter((m) => m.case_id === c.id);
    expect(warnings.filter((m) => m.channel === 'sms' && m.recipient === '13900001111').map((m) => m.text)).toEqual([expect.stringMatching(/^红灯警告：整改工单.*回访核实已超过期限（2026年3月9日）/)]);
    const late = await get(director, row!.id);
    expect(late).toMatchObject({ visitLate: true });

    // electronic supervision: JC-12 recorded once against the case, with its facts; the supervisor sees it
    expect(first.violations).toBeGreaterThanOrEqual(1); // this one, and the first test's work order never visited
    expect(again.violations).toBe(0);
    const v = await t.database.db.selectFrom('violations').selectAll().where('case_id', '=', c.id).execute();
    expect(v.map((x) => [x.rule_code, x.severity])).toEqual([['rating-visit-late', 'warning']]);
    expect(v[0]!.facts_text).toMatch(/差评整改工单 整改〔2026〕\d+号 应于 2026-03-09 17:30 前回访核实，至 2026-03-09 17:31 仍未回访核实/);
    const listed = await t.app.inject({ url: '/api/supervision/violations?ruleCode=rating-visit-late', headers: { cookie: supervisor } });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().violations).toEqual(expect.arrayContaining([expect.objectContaining({ ruleCode: 'rating-visit-late', caseNo: c.caseNo })]));
    // visited late afterwards: the same occurrence, nothing new; the rectification is then owed (green)
    t.clock.now = new Date('2026-03-10T09:00:00+08:00');
    const visited = await act(clerk, late, 'visit', { finding: 'partly', content: '补做电话回访。' });
    expect(visited.statusCode, visited.body).toBe(200);
    expect(visited.json()).toMatchObject({ status: 'rectifying', light: 'green', visitLate: true });
    expect(await t.database.db.selectFrom('violations').select('id').where('case_id', '=', c.id).execute()).toHaveLength(1);
  });

  it('appeal: the director asks (once), a supervisor upholds; the rating leaves the figures, stays on record, its work order is cancelled', async () => {
    const c = await finishedCase('2026-03-10T09:00:00+08:00', '13812340004');
    const rating = await rate(c, 'very_dissatisfied', '0004');
    const [row] = await workOrderOf(c.id);
    const period = `from=2026-03-10&to=2026-03-10&by=window&orgId=${townshipId}`;
    const before = await figures(director, period);
    const mine = before.figures.find((f) => f.key === windowId)!;
    expect(mine).toMatchObject({ rated: 1, bad: 1, good: 0, goodRate: 0, rectified: 0, rectifyRate: 0, finished: 1, activelyRated: 1, activeRate: 1 });

    const appeal = (cookie: string, body: Record<string, unknown> = { reason: 'malicious', evidence: '评价内容与服务无关，含辱骂；窗口录像显示办理 5 分钟即办结。' }) =>
      t.app.inject({ method: 'POST', url: `/api/evaluations/ratings/${rating.id}/appeal`, headers: { cookie }, payload: body });
    expect((await appeal(clerk)).statusCode).toBe(403);
    expect((await appeal(director, { reason: 'malicious', evidence: ' ' })).statusCode).toBe(400);
    const asked = await appeal(director);
    expect(asked.statusCode, asked.body).toBe(201);
    const a = asked.json() as { id: string; version: number; status: string };
    expect(appealSchema.safeParse(a).success).toBe(true);
    expect(a.status).toBe('pending');
    expect((await appeal(director)).statusCode).toBe(409);

    const decide = (cookie: string, action: string, version: number) =>
      t.app.inject({ method: 'POST', url: `/api/evaluations/appeals/${a.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: version, decision: '查看录像属实，评价与服务无关。' } });
    expect((await decide(director, 'uphold', a.version)).statusCode).toBe(403);
    expect((await decide(supervisor, 'uphold', a.version + 1)).statusCode).toBe(409);
    const upheld = await decide(supervisor, 'uphold', a.version);
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', statusName: '申诉成立', decidedByName: expect.any(String) });
    expect((await decide(supervisor, 'reject', a.version + 1)).statusCode).toBe(409);

    // kept on record with the decision, out of the figures; the work order cancelled
    const stored = await t.database.db.selectFrom('ratings').selectAll().where('id', '=', rating.id).executeTakeFirstOrThrow();
    expect(stored.excluded_at).not.toBeNull();
    expect(stored.appeal_id).toBe(a.id);
    const wo = await get(director, row!.id);
    expect(wo).toMatchObject({ status: 'cancelled', light: null });
    expect(wo.rating!.excludedReason).toMatch(/申诉成立/);
    const after = await figures(director, period);
    const now = after.figures.find((f) => f.key === windowId)!;
    expect(now).toMatchObject({ rated: 0, bad: 0, goodRate: null, excluded: 1, activelyRated: 0, finished: 1 });
    const listed = await t.app.inject({ url: `/api/evaluations?caseId=${c.id}`, headers: { cookie: director } });
    expect(listed.json().evaluations[0]).toMatchObject({ excluded: { reason: expect.stringMatching(/申诉成立/) }, workOrder: { status: 'cancelled', appeal: { status: 'upheld', statusName: '申诉成立' } } });
    // a supervisor reads the appeals of the tree
    const appeals = await t.app.inject({ url: '/api/evaluations/appeals?status=upheld', headers: { cookie: supervisor } });
    expect(appeals.json().appeals.map((x: { id: string }) => x.id)).toContain(a.id);
  });

  it('two 差评 at the same moment get two work orders with their own numbers; the days are a setting (sysadmin)', async () => {
    const [a, b] = [await finishedCase('2026-03-11T09:00:00+08:00', '13812340005'), await finishedCase('2026-03-11T09:00:00+08:00', '13812340006')];
    await Promise.all([rate(a, 'dissatisfied', '0005'), rate(b, 'very_dissatisfied', '0006')]);
    const rows = [...(await workOrderOf(a.id)), ...(await workOrderOf(b.id))];
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.work_order_no)).size).toBe(2);

    const admin = await signIn(t.app, 'admin');
    expect((await t.app.inject({ method: 'PUT', url: '/api/evaluations/work-orders/settings', headers: { cookie: director }, payload: { visitDays: 2, fixDays: 7 } })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/evaluations/work-orders/settings', headers: { cookie: admin }, payload: { visitDays: 9, fixDays: 7 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().title).toMatch(/回访核实时限/);
    const set = await t.app.inject({ method: 'PUT', url: '/api/evaluations/work-orders/settings', headers: { cookie: admin }, payload: { visitDays: 2, fixDays: 7 } });
    expect(set.statusCode, set.body).toBe(200);
    const c = await finishedCase('2026-03-12T09:00:00+08:00', '13812340007'); // a Thursday
    await rate(c, 'dissatisfied', '0007');
    const [row] = await workOrderOf(c.id);
    expect(row!.visit_due_at).toBe(new Date('2026-03-16T17:30:00+08:00').toISOString()); // Friday, Monday
    expect(row!.fix_due_at).toBe(new Date('2026-03-23T17:30:00+08:00').toISOString());
    await t.app.inject({ method: 'PUT', url: '/api/evaluations/work-orders/settings', headers: { cookie: admin }, payload: { visitDays: 1, fixDays: 15 } });
  });

  it('figures per center, window, person and item; a rectified 差评 counts in 差评整改率; bad requests and other trees refused', async () => {
    const period = `from=2026-03-02&to=2026-03-09&orgId=${townshipId}`;
    const byCenter = await figures(supervisor, `${period}&by=center`);
    const center = byCenter.figures.find((f) => f.key === townshipId)!;
    // 2 Mar: satisfied + very_dissatisfied; 3 Mar: dissatisfied (rectified); 6 Mar: dissatisfied (open)
    expect(center).toMatchObject({ name: '柳河镇便民服务中心', rated: 4, good: 1, bad: 3, rectified: 1 });
    expect(center.goodRate).toBeCloseTo(0.25);
    expect(center.rectifyRate).toBeCloseTo(1 / 3);
    for (const by of ['window', 'person', 'item']) {
      const f = await figures(director, `${period}&by=${by}`);
      expect(f.total).toMatchObject({ rated: 4, bad: 3, rectified: 1 });
    }
    expect((await figures(director, `${period}&by=item`)).figures[0]).toMatchObject({ key: 'MZ-002' });
    // no period: this month up to today on the server's clock
    t.clock.now = new Date('2026-03-10T12:00:00+08:00');
    const month = await figures(director, 'by=center');
    expect(month).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
    expect(month.total.rated).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject({ url: `/api/evaluations/figures?from=2026-03-09&to=2026-03-02`, headers: { cookie: director } })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/evaluations/figures?${period}&by=window`, headers: { cookie: otherClerk } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/evaluations/figures?${period}` })).statusCode).toBe(401);
  });
});

describe.each(DIALECTS)('the demo 差评 (%s)', (dialect) => {
  it('a server in demo mode shows a 差评 with its open work order, made once through the real use cases', async () => {
    const t = await startTestApp(dialect);
    try {
      t.clock.now = new Date('2026-03-02T10:00:00+08:00');
      const ctx = { database: t.database, config: { ...loadConfig({}), demo: true }, clock: () => t.clock.now } as never;
      expect(await seedDemoWorkOrder(ctx)).toBe('演示差评及其整改工单');
      expect(await seedDemoWorkOrder(ctx)).toBeNull();
      const director = await signIn(t.app, 'director');
      const res = await t.app.inject({ url: '/api/evaluations/work-orders?status=visit_pending', headers: { cookie: director } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total: 1, workOrders: [{ levelName: '不满意', status: 'visit_pending', light: 'yellow', personName: '王晓燕' }] });
    } finally {
      await t.close();
    }
  });
});
