// 投诉 (issue 10 §2): registration with the GB/T 39046 表10 fields from every channel, the number and query code,
// limits by class on the working calendar, the steps 受理 → 调查 → 处置 → 反馈 → 回访 → 归档 with who and when, the
// extension told by SMS, the reminder once the day after expiry, the upheld flag for the assessment, 并单 both ways,
// the public filing and query (no staff names), versions, permissions, and bad input changing nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { complaintDetailSchema, complaintListSchema, publicComplaintSchema } from '../../src/domain/complaints/contract.js';
import { complaintReminderJob } from '../../src/modules/complaints/remind-job.js';
import { complaintCountsOfMonth } from '../../src/modules/complaints/stats.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

interface Complaint {
  id: string;
  complaintNo: string;
  status: string;
  cls: string;
  version: number;
  dueDate: string;
  extendedDue: string | null;
  extensionReason: string | null;
  light: string | null;
  overdueDays: number;
  queryCode: string | null;
  complainant: { name: string; phone: string; phoneMasked: boolean };
  upheld: boolean | null;
  assessment: boolean;
  assessmentMonth: string | null;
  handlerName: string | null;
  handledAt: string | null;
  feedback: string | null;
  feedbackAt: string | null;
  orgName: string;
  respondentUnit: string;
  caseNo: string | null;
  hotlineNo: string | null;
  allowedActions: string[];
  mergedInto: { id: string; complaintNo: string } | null;
  mergedFrom: { id: string; complaintNo: string }[];
  events: { type: string; byName: string; text: string; at: string }[];
}

const base = {
  source: 'window',
  cls: 'simple',
  title: '窗口人员态度生硬',
  content: '3月2日上午到社保窗口办理参保登记，工作人员态度生硬，不解释需要什么材料。',
  complainantName: '赵桂兰',
  complainantPhone: '13700001111',
};

describe.each(DIALECTS)('投诉 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let supervisor: string;
  let agent: string;
  let admin: string;
  let otherDirector: string;
  let township: string;
  let village: string;
  let directorId: string;
  let clerkId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { progressPerMinute: 40, session: { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60, secureCookie: false } } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00'); // a Monday
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    village = orgs.find((o) => o.name === '柳河村')!.id;
    const otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    const demo = await db.selectFrom('users').selectAll().where('username', 'in', ['director', 'clerk']).execute();
    directorId = demo.find((u) => u.username === 'director')!.id;
    clerkId = demo.find((u) => u.username === 'clerk')!.id;
    await db.updateTable('users').set({ phone: '13900001111' }).where('id', '=', directorId).execute();
    const d = demo.find((u) => u.username === 'director')!;
    await db.insertInto('users').values({ ...d, id: randomUUID(), username: 'shiqiao-dir', name: '石桥主任', org_id: otherTownship, phone: null }).execute();
    [clerk, director, supervisor, agent, admin, otherDirector] = (await Promise.all(
      ['clerk', 'director', 'supervisor', 'agent', 'admin', 'shiqiao-dir'].map((u) => signIn(t.app, u)),
    )) as [string, string, string, string, string, string];
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
  });

  const register = (cookie: string, payload: Record<string, unknown>, key: string = randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/complaints', headers: { cookie, 'idempotency-key': key }, payload });
  const act = (cookie: string, c: { id: string; version: number }, action: string, body: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
  const get = (cookie: string, id: string) => t.app.inject({ url: `/api/complaints/${id}`, headers: { cookie } });
  const list = async (cookie: string, query = '') => {
    const res = await t.app.inject({ url: `/api/complaints${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(complaintListSchema.safeParse(res.json()).success).toBe(true);
    return res.json() as { complaints: Complaint[]; total: number };
  };
  const ok = (res: { statusCode: number; body: string }, code = 200) => {
    expect(res.statusCode, res.body).toBe(code);
    const body = JSON.parse(res.body) as Complaint;
    const parsed = complaintDetailSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    return body;
  };
  const outbox = (template: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', template).orderBy('created_at').execute();
  const count = async () => Number((await t.database.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const query = (complaintNo: string, queryCode: string) =>
    t.app.inject({ url: `/api/public/complaints?complaintNo=${encodeURIComponent(complaintNo)}&queryCode=${encodeURIComponent(queryCode)}` });
  /** The number of a case taken in at the window (a 办件编号 a complaint names must exist). */
  const aCaseNo = async () => {
    const payload = {
      channel: 'window',
      applicant: { name: '欧阳明华', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' },
      itemCode: 'MZ-002',
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { caseNo: string }).caseNo;
  };
  const file = (payload: Record<string, unknown>, key: string = randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/public/complaints', headers: { 'idempotency-key': key }, payload });

  it('registers at the window with a readable number and a query code, the receipt by SMS, once per key', async () => {
    const key = randomUUID();
    const c = ok(await register(clerk, base, key), 201);
    expect(c.complaintNo).toMatch(/^TS-410899101-2026-\d{4}$/);
    expect(c.queryCode).toMatch(/^\d{6}$/);
    expect(c).toMatchObject({ status: 'registered', cls: 'simple', dueDate: '2026-03-03', light: 'green', orgName: '柳河镇便民服务中心', respondentUnit: '柳河镇便民服务中心' });
    expect(c.complainant).toEqual({ name: '赵桂兰', phone: '13700001111', phoneMasked: false });
    expect(c.events.map((e) => [e.type, e.byName])).toEqual([['register', '王晓燕']]);
    const sms = (await outbox('complaint-registered')).filter((m) => m.recipient === '13700001111');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(c.complaintNo);
    expect(sms[0]!.text).toContain(c.queryCode!);
    // the same key again: the same complaint, no second one, no second SMS
    const again = ok(await register(clerk, base, key), 200);
    expect(again.id).toBe(c.id);
    expect((await outbox('complaint-registered')).filter((m) => m.recipient === '13700001111')).toHaveLength(1);
    // a second complaint takes the next number
    const next = ok(await register(clerk, { ...base, complainantPhone: '13700001112' }), 201);
    expect(Number(next.complaintNo.slice(-4))).toBe(Number(c.complaintNo.slice(-4)) + 1);
  });

  it('limits by class on the working calendar: simple the next working day, complex 5 working days (settings)', async () => {
    expect(ok(await register(clerk, { ...base, cls: 'complex' }), 201).dueDate).toBe('2026-03-09');
    t.clock.now = new Date('2026-03-06T16:00:00+08:00'); // a Friday
    expect(ok(await register(clerk, base), 201).dueDate).toBe('2026-03-09');
    // the administrator changes the complex limit; a clerk may not
    expect((await t.app.inject({ method: 'PUT', url: '/api/complaints/limits', headers: { cookie: clerk }, payload: { simpleDays: 1, complexDays: 7, maxExtensionDays: 10 } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/complaints/limits', headers: { cookie: admin }, payload: { simpleDays: 1, complexDays: 7, maxExtensionDays: 10 } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.app.inject({ url: '/api/complaints/limits', headers: { cookie: admin } })).json()).toEqual({ simpleDays: 1, complexDays: 7, maxExtensionDays: 10 });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    expect(ok(await register(clerk, { ...base, cls: 'complex' }), 201).dueDate).toBe('2026-03-11');
    await t.app.inject({ method: 'PUT', url: '/api/complaints/limits', headers: { cookie: admin }, payload: { simpleDays: 1, complexDays: 5, maxExtensionDays: 10 } });
    // a complaint received on a Saturday: the next working day is Monday
    t.clock.now = new Date('2026-03-07T10:00:00+08:00');
    expect(ok(await register(clerk, { ...base, source: 'phone' }), 201).dueDate).toBe('2026-03-09');
  });

  it('records every channel: 差评 with its case number, 12345 with its work-order number; bad input changes nothing', async () => {
    const rated = await aCaseNo();
    // typed as a clerk copies it from a paper: lower case, spaces, a full-width dash — read as the number it means
    const bad = ok(await register(clerk, { ...base, source: 'bad_rating', caseNo: ` ${rated.replace('-', '－')} ` }), 201);
    expect(bad).toMatchObject({ caseNo: rated, hotlineNo: null });
    // a number that names no case is refused, and nothing is registered
    const beforeUnknown = await count();
    const unknown = await register(clerk, { ...base, source: 'bad_rating', caseNo: '410899101-20260227-9999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'caseNo', message: expect.stringContaining('未找到该办件编号') });
    // a letter dated 11月31日 (no such day) is refused, not read as 12月1日; a real day two days back is taken
    const noSuchDay = await register(clerk, { ...base, source: 'written', receivedAt: '2026-02-30T10:00:00+08:00' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().errors[0]).toMatchObject({ path: 'receivedAt', message: expect.stringContaining('真实存在的日期') });
    expect(await count()).toBe(beforeUnknown);
    expect(ok(await register(clerk, { ...base, source: 'written', receivedAt: '2026-02-28T10:00:00+08:00' }), 201).status).toBe('registered');
    const hotline = ok(await register(director, { ...base, source: 'hotline_12345', hotlineNo: '12345-2026-030188', respondentPerson: '张磊' }), 201);
    expect(hotline.hotlineNo).toBe('12345-2026-030188');
    expect(hotline.events[0]!.text).toContain('12345 工单 12345-2026-030188');
    expect(ok(await register(clerk, { ...base, source: 'written' }), 201).status).toBe('registered');

    const before = await count();
    const sms = (await outbox('complaint-registered')).length;
    for (const [payload, field] of [
      [{ ...base, source: 'bad_rating' }, 'caseNo'],
      [{ ...base, source: 'hotline_12345' }, 'hotlineNo'],
      [{ ...base, source: 'online' }, 'source'],
      [{ ...base, content: '长'.repeat(1001) }, 'content'],
      [{ ...base, title: '' }, 'title'],
      [{ ...base, complainantPhone: '12345' }, 'complainantPhone'],
      [{ ...base, cls: 'huge' }, 'cls'],
    ] as const) {
      const res = await register(clerk, payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain(field);
    }
    expect(await count()).toBe(before);
    expect((await outbox('complaint-registered')).length).toBe(sms);
    // without an Idempotency-Key
    expect((await t.app.inject({ method: 'POST', url: '/api/complaints', headers: { cookie: clerk }, payload: base })).statusCode).toBe(400);
  });

  it('runs 受理 → 调查 → 处置 → 反馈 → 回访 → 归档 with who and when; upheld counts in the assessment; the answer reaches the complainant', async () => {
    let c = ok(await register(clerk, { ...base, complainantPhone: '13700002222' }), 201);
    expect(c.allowedActions).toEqual(['accept', 'extend', 'merge']);
    // class changed at acceptance: the limit is counted again from the day of receipt
    c = ok(await act(director, c, 'accept', { cls: 'complex', handlerId: clerkId }));
    expect(c).toMatchObject({ status: 'accepted', cls: 'complex', dueDate: '2026-03-09', handlerName: '王晓燕' });
    expect(c.handledAt).toBeTruthy();
    t.clock.now = new Date('2026-03-03T10:00:00+08:00');
    // the steps are in order: no answer before the decision
    expect((await act(clerk, c, 'answer', { feedback: '已处理' })).json()).toMatchObject({ code: 'COMPLAINT_WRONG_STATE' });
    expect((await act(clerk, c, 'investigate', { findings: '  ' })).json()).toMatchObject({ code: 'COMPLAINT_TEXT_REQUIRED' });
    // "已核实" tells a supervisor nothing: the record must say whom the handler asked and what was found
    const short = (await act(clerk, c, 'investigate', { findings: '已核实，属实' })).json();
    expect(short).toMatchObject({ code: 'COMPLAINT_TEXT_REQUIRED' });
    expect(short.title).toContain('至少 10 个字');
    c = ok(await act(clerk, c, 'investigate', { findings: '调取窗口录像并询问当班人员，情况属实。' }));
    expect((await act(director, c, 'handle', { reasons: '属实' })).statusCode).toBe(400); // upheld missing
    c = ok(await act(director, c, 'handle', { upheld: true, reasons: '窗口人员未履行一次性告知义务，已批评教育并扣减当月考核分。' }));
    expect(c).toMatchObject({ status: 'handled', upheld: true, assessment: true, assessmentMonth: '2026-03' });
    expect((await act(clerk, c, 'answer', { feedback: '长'.repeat(501) })).statusCode).toBe(400);
    c = ok(await act(clerk, c, 'answer', { feedback: '经核实，您反映的情况属实，已对工作人员批评教育，欢迎您再来办理，我们将一次性告知所需材料。' }));
    expect(c).toMatchObject({ status: 'answered', overdueDays: 0, light: null });
    expect(c.feedbackAt).toBeTruthy();
    const answered = (await outbox('complaint-answered')).filter((m) => m.recipient === '13700002222');
    expect(answered).toHaveLength(1);
    expect(answered[0]!.text).toContain('经核实，您反映的情况属实');
    c = ok(await act(clerk, c, 'visit', { result: 'satisfied', note: '电话回访，群众表示满意' }));
    c = ok(await act(director, c, 'archive'));
    expect(c.status).toBe('archived');
    expect(c.allowedActions).toEqual([]);
    expect(c.events.map((e) => [e.type, e.byName])).toEqual([
      ['register', '王晓燕'],
      ['accept', '李春梅'],
      ['investigate', '王晓燕'],
      ['handle', '李春梅'],
      ['answer', '王晓燕'],
      ['visit', '王晓燕'],
      ['archive', '李春梅'],
    ]);
    expect(c.events.every((e) => e.at)).toBe(true);

    // the public query: the answer, a timeline in plain words, no staff names, no phone
    const res = await query(c.complaintNo, c.queryCode!);
    expect(res.statusCode, res.body).toBe(200);
    expect(publicComplaintSchema.safeParse(res.json()).success).toBe(true);
    const pub = res.json() as { status: string; answer?: { text: string }; timeline: { text: string }[] };
    expect(pub.status).toBe('archived');
    expect(pub.answer?.text).toContain('经核实');
    expect(pub.timeline.map((e) => e.text)).toContain('已受理，将于2026年3月9日前答复');
    for (const secret of ['王晓燕', '李春梅', '13700002222', '赵桂兰', '调取窗口录像', '扣减当月考核分']) expect(res.body).not.toContain(secret);
    // a wrong code answers like an unknown number
    const wrong = await query(c.complaintNo, c.queryCode === '000000' ? '000001' : '000000');
    expect(wrong.statusCode).toBe(404);
    expect((await query('TS-0-2026-9999', '123456')).statusCode).toBe(404);

    // not upheld: not counted
    let n = ok(await register(clerk, base), 201);
    n = ok(await act(clerk, n, 'accept'));
    n = ok(await act(clerk, n, 'investigate', { findings: '查看记录，材料清单已当场告知。' }));
    n = ok(await act(director, n, 'handle', { upheld: false, reasons: '经核查，窗口已一次性告知，投诉不属实。' }));
    expect(n).toMatchObject({ upheld: false, assessment: false, assessmentMonth: null });
    // what the monthly statistics count: the upheld one, not the other
    const counts = await complaintCountsOfMonth(t.database.db, '2026-03', [township]);
    expect(counts).toHaveLength(1);
    expect(counts[0]!.upheld).toBe(1);
    expect(counts[0]!.received).toBeGreaterThanOrEqual(2);
  });

  it('extends once with a reason told by SMS, before expiry only', async () => {
    let c = ok(await register(clerk, { ...base, complainantPhone: '13700003333' }), 201);
    expect((await act(clerk, c, 'extend', { reason: '需向县人社局核实', days: 0 })).json()).toMatchObject({ code: 'COMPLAINT_EXTENSION_DAYS' });
    expect((await act(clerk, c, 'extend', { reason: '', days: 2 })).json()).toMatchObject({ code: 'COMPLAINT_TEXT_REQUIRED' });
    c = ok(await act(clerk, c, 'extend', { reason: '需向县人社局核实', days: 3 }));
    expect(c).toMatchObject({ dueDate: '2026-03-03', extendedDue: '2026-03-06', extensionReason: '需向县人社局核实', status: 'registered' });
    const sms = (await outbox('complaint-extended')).filter((m) => m.recipient === '13700003333');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain('需向县人社局核实');
    expect(sms[0]!.text).toContain('2026年3月6日');
    expect((await act(clerk, c, 'extend', { reason: '再核实', days: 1 })).json()).toMatchObject({ code: 'COMPLAINT_EXTENSION_USED' });
    // an expired complaint cannot be extended any more
    const late = ok(await register(clerk, base), 201);
    t.clock.now = new Date('2026-03-04T09:00:00+08:00');
    const res = await act(clerk, late, 'extend', { reason: '需核实', days: 2 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'COMPLAINT_EXTENSION_LATE' });
  });

  it('lights and the reminder the day after expiry: once, to the handler and the director', async () => {
    t.clock.now = new Date('2026-03-10T09:00:00+08:00'); // Tuesday
    let c = ok(await register(clerk, { ...base, title: '催办测试' }), 201); // due Wednesday 03-11
    c = ok(await act(clerk, c, 'accept'));
    const ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    expect(c.light).toBe('green');
    t.clock.now = new Date('2026-03-11T09:00:00+08:00');
    expect(ok(await get(clerk, c.id)).light).toBe('yellow');
    expect((await list(clerk, `?light=yellow&q=${c.complaintNo}`)).complaints.map((x) => x.id)).toEqual([c.id]);
    await runJobOnce(ctx, complaintReminderJob);
    expect(ok(await get(clerk, c.id)).events.filter((e) => e.type === 'remind')).toHaveLength(0);
    t.clock.now = new Date('2026-03-12T09:00:00+08:00');
    const red = ok(await get(clerk, c.id));
    expect(red).toMatchObject({ light: 'red', overdueDays: 1 });
    expect((await list(clerk, `?light=red&q=${c.complaintNo}`)).complaints.map((x) => x.id)).toEqual([c.id]);
    expect((await list(clerk, `?light=green&q=${c.complaintNo}`)).complaints).toEqual([]);
    await runJobOnce(ctx, complaintReminderJob);
    t.clock.now = new Date('2026-03-12T11:00:00+08:00');
    await runJobOnce(ctx, complaintReminderJob);
    const after = ok(await get(clerk, c.id));
    expect(after.events.filter((e) => e.type === 'remind').map((e) => e.byName)).toEqual(['系统']);
    const sent = (await outbox('complaint-reminder')).filter((m) => m.text.includes(c.complaintNo));
    expect(sent.map((m) => [m.channel, m.recipient]).sort()).toEqual([
      ['inbox', clerkId],
      ['inbox', directorId],
      ['sms', '13900001111'],
    ].sort());
    // answered late: the overdue days are kept
    let d = ok(await act(clerk, after, 'investigate', { findings: '已向窗口人员核实，情况属实。' }));
    d = ok(await act(clerk, d, 'handle', { upheld: false, reasons: '不属实' }));
    t.clock.now = new Date('2026-03-13T09:00:00+08:00');
    d = ok(await act(clerk, d, 'answer', { feedback: '经核实不属实。' }));
    expect(d).toMatchObject({ overdueDays: 2, light: null });
  });

  it('merges repeated complaints on the same matter into a main one, shown both ways; the answer reaches all', async () => {
    const main = ok(await register(clerk, { ...base, title: '大厅空调不开', complainantPhone: '13700004444' }), 201);
    let dup = ok(await register(clerk, { ...base, title: '大厅太热', complainantName: '钱多多', complainantPhone: '13700005555' }), 201);
    expect((await act(clerk, dup, 'merge', { mainId: dup.id })).json()).toMatchObject({ code: 'COMPLAINT_MERGE_INVALID' });
    dup = ok(await act(clerk, dup, 'merge', { mainId: main.id }));
    expect(dup).toMatchObject({ status: 'merged', light: null, mergedInto: { id: main.id, complaintNo: main.complaintNo } });
    expect(dup.allowedActions).toEqual([]);
    let m = ok(await get(clerk, main.id));
    expect(m.mergedFrom.map((x) => x.id)).toEqual([dup.id]);
    expect(m.events.map((e) => e.type)).toContain('merged-in');
    // a merged complaint cannot be a main one
    const third = ok(await register(clerk, { ...base, complainantPhone: '13700006666' }), 201);
    expect((await act(clerk, third, 'merge', { mainId: dup.id })).json()).toMatchObject({ code: 'COMPLAINT_MERGE_INVALID' });
    m = ok(await act(clerk, m, 'accept'));
    m = ok(await act(clerk, m, 'investigate', { findings: '现场查看，大厅空调故障未修。' }));
    m = ok(await act(clerk, m, 'handle', { upheld: true, reasons: '设备故障未及时报修' }));
    m = ok(await act(clerk, m, 'answer', { feedback: '空调已修复，感谢监督。' }));
    const sms = await outbox('complaint-answered');
    expect(sms.filter((x) => x.text.includes('空调已修复')).map((x) => x.recipient).sort()).toEqual(['13700004444', '13700005555']);
    const pub = await query(dup.complaintNo, dup.queryCode!);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'merged', answer: { text: '空调已修复，感谢监督。' } });
    expect(pub.body).not.toContain('13700004444');
  });

  it('simultaneous requests answer a replay or 409, never 500', async () => {
    // the same submission three times at once: one complaint
    const key = randomUUID();
    const same = await Promise.all([1, 2, 3].map(() => register(clerk, { ...base, title: '同时提交' }, key)));
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(same.map((r) => r.json().id)).size).toBe(1);
    // the key sent again with another complainant is refused (422), not answered with the first complaint
    const n = await count();
    const other = await register(clerk, { ...base, title: '同时提交', complainantName: '测试乙' }, key);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count()).toBe(n);
    // different complaints at once: each its own number
    const many = await Promise.all([1, 2, 3, 4].map((i) => register(clerk, { ...base, title: `并发登记${i}` })));
    expect(many.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(many.map((r) => r.json().complaintNo)).size).toBe(4);
    // two steps on one version: one wins, the other 409
    const c = many[0]!.json() as Complaint;
    const both = await Promise.all([act(clerk, c, 'accept'), act(director, c, 'accept')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(ok(await get(clerk, c.id)).events.map((e) => e.type)).toEqual(['register', 'accept']);
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    const c = ok(await register(clerk, base), 201);
    ok(await act(clerk, c, 'accept'));
    const stale = await act(director, c, 'accept');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const now = ok(await get(clerk, c.id));
    expect(now.events).toHaveLength(2);
    expect(now.version).toBe(2);
    expect((await act(clerk, c, 'nonsense')).statusCode).toBe(400);
  });

  it('who sees what: the center handles its own; supervisors read the tree with the phone masked; others are refused', async () => {
    const c = ok(await register(clerk, { ...base, complainantPhone: '13700007777' }), 201);
    const seen = ok(await get(supervisor, c.id));
    expect(seen.complainant).toEqual({ name: '赵桂兰', phone: '137****7777', phoneMasked: true });
    expect(seen.queryCode).toBeNull();
    expect(seen.allowedActions).toEqual([]);
    expect((await act(supervisor, c, 'accept')).statusCode).toBe(403);
    expect((await list(supervisor, `?q=${c.complaintNo}`)).complaints.map((x) => x.id)).toEqual([c.id]);
    expect((await get(otherDirector, c.id)).statusCode).toBe(403);
    expect((await act(otherDirector, c, 'accept')).statusCode).toBe(403);
    expect((await list(otherDirector, `?q=${c.complaintNo}`)).complaints).toEqual([]);
    expect((await t.app.inject({ url: '/api/complaints', headers: { cookie: agent } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/complaints' })).statusCode).toBe(401);
    expect((await register(supervisor, base)).statusCode).toBe(403);
    expect(ok(await get(clerk, c.id)).events).toHaveLength(1);
    // a read of the full record by those handling it is in the audit log; a supervisor's masked read is not
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'complaint.read').where('target_id', '=', c.id).execute();
    expect(reads.map((r) => r.user_id)).toEqual([clerkId, clerkId]);
    // filters
    const reg = await list(clerk, `?status=registered&source=window&orgId=${township}&pageSize=5`);
    expect(reg.complaints.length).toBeLessThanOrEqual(5);
    expect(reg.total).toBeGreaterThan(0);
    expect(reg.complaints.every((x) => x.status === 'registered')).toBe(true);
  });

  it('the public page: a 办件编号 must name a case that exists, and the refusal tells nothing about any case', async () => {
    // an address of its own: the rate limit of the test below is not touched
    const from = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/public/complaints', headers: { 'idempotency-key': randomUUID() }, payload, remoteAddress: '10.9.8.7' });
    const payload = { orgId: village, name: '孙大爷', phone: '13800009999', title: '代办员不在', content: '去了三次都不在。' };
    const before = await count();
    const refusals = [];
    // not a case number at all; and one shaped like a real one (this center, a real day) that was never given
    for (const caseNo of ['abc-123', '410899101-20260301-9999']) {
      const res = await from({ ...payload, caseNo });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { code: string; title: string; errors: { path: string; message: string }[] };
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'caseNo', message: '未找到该办件编号，请核对后重填，不知道的可以不填' }] });
      refusals.push(body);
    }
    expect(refusals[1]).toEqual(refusals[0]);
    expect(await count()).toBe(before);

    // a real number as a phone types it (full-width dashes, spaces, lower case) is found, and kept as the notice prints it
    const real = await aCaseNo();
    const typed = await from({ ...payload, caseNo: ` ${real.replaceAll('-', '－').toLowerCase()} ` });
    expect(typed.statusCode, typed.body).toBe(201);
    const { complaintNo } = typed.json() as { complaintNo: string };
    const stored = await t.database.db.selectFrom('complaints').select('case_no').where('complaint_no', '=', complaintNo).executeTakeFirstOrThrow();
    expect(stored.case_no).toBe(real);
    // none given (an empty box) is no number: the complaint is filed without one
    const none = await from({ ...payload, caseNo: '' });
    expect(none.statusCode, none.body).toBe(201);
    expect(await count()).toBe(before + 2);
  });

  it('the public page: centers, filing (a village room goes to its township), validation, idempotency, query back, rate limit', async () => {
    const centers = await t.app.inject({ url: '/api/public/complaints/centers' });
    expect(centers.statusCode).toBe(200);
    expect((centers.json() as { centers: { id: string }[] }).centers.map((x) => x.id)).toContain(village);

    const before = await count();
    const bad = await file({ orgId: village, name: '孙大爷', phone: '1380000', title: '代办员不在', content: '去了三次都不在。' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('phone');
    expect((await file({ orgId: 'nope', name: '孙大爷', phone: '13800009999', title: '代办员不在', content: '去了三次都不在。' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/complaints', payload: { orgId: village, name: '孙大爷', phone: '13800009999', title: 'x', content: 'y' } })).statusCode).toBe(400);
    expect(await count()).toBe(before);

    const key = randomUUID();
    const caseNo = await aCaseNo();
    const payload = { orgId: village, name: '孙大爷', phone: '13800009999', title: '代办员经常不在', content: '柳河村代办员上周去了三次都不在，电话也不接。', caseNo };
    const res = await file(payload, key);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { complaintNo: string; queryCode: string };
    expect(Object.keys(made).sort()).toEqual(['complaintNo', 'queryCode']);
    expect(made.complaintNo).toMatch(/^TS-410899101-2026-\d{4}$/);
    const replay = await file(payload, key);
    expect(replay.json()).toEqual(made);
    expect(await count()).toBe(before + 1);
    // the same key with another complaint: refused, nothing filed
    const other = await file({ ...payload, title: '窗口排队太久' }, key);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count()).toBe(before + 1);

    const list1 = await list(clerk, `?source=online&q=${made.complaintNo}`);
    const mine = list1.complaints.find((x) => x.complaintNo === made.complaintNo)!;
    expect(mine).toMatchObject({ respondentUnit: '柳河村便民服务室', orgName: '柳河镇便民服务中心', caseNo });
    const detail = ok(await get(clerk, mine.id));
    expect(detail.events[0]).toMatchObject({ type: 'register', byName: '投诉人' });

    const q = await query(made.complaintNo.toLowerCase(), made.queryCode);
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ complaintNo: made.complaintNo, status: 'registered', centerName: '柳河镇便民服务中心', title: '代办员经常不在' });
    expect(q.json()).not.toHaveProperty('answer');

    // repeated filing from one address is slowed down
    let limited = false;
    for (let i = 0; i < 25 && !limited; i++) {
      const r = await file({ ...payload, title: `第${i}次` });
      limited = r.statusCode === 429;
    }
    expect(limited).toBe(true);
  });
});
