// The rules of DOMAIN.md "Rules that the software enforces" that tests/api/cases.test.ts does not walk through:
// the clock paused only for a named special step, extensions only before the due date and within the legal limit,
// only the legal fee with a receipt, first-responder transfers, joint reviews, withdrawal. Each refusal answers
// 422 with the rule's code and leaves the case as it was.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '李秀英', idNumber: '11010519491231002X', phone: '13912340000', address: '柳河镇柳河村五组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));

const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
const HOMESTEAD = [
  '农村宅基地和建房（规划许可）申请表',
  '申请人及家庭成员居民身份证、户口簿',
  '农村宅基地使用承诺书',
  '村民小组和村委会审查意见',
  '住房设计图或选用的通用图',
  '原宅基地处置情况说明（翻建或退出时）',
];

interface CaseView {
  id: string;
  status: string;
  version: number;
  dueAt: string | null;
  windowId: string;
  events: { type: string; data?: Record<string, unknown> }[];
  allowedActions: { action: string }[];
  [key: string]: unknown;
}

describe.each(DIALECTS)('case rules (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let county: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await setTime(MONDAY); // a Monday inside the loaded calendar years
  });
  afterAll(() => t.close());

  /** Moves the server's clock; sessions idle that long have ended, so everyone signs in again. */
  const setTime = async (at: string) => {
    t.clock.now = new Date(at);
    [clerk, director, county] = await Promise.all([signIn(t.app, 'clerk'), signIn(t.app, 'director'), signIn(t.app, 'county')]);
  };
  const MONDAY = '2026-03-02T09:00:00+08:00';

  const register = async (itemCode: string, materials: string[], cookie = clerk): Promise<CaseView> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant, itemCode, materials: all(materials) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const act = (c: { id: string; version: number }, action: string, body: Record<string, unknown> = {}, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
  const get = async (id: string, cookie = clerk): Promise<CaseView> => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie } })).json();
  const listed = async (view: string, id: string, cookie = clerk) =>
    ((await t.app.inject({ url: `/api/cases?view=${view}&pageSize=100`, headers: { cookie } })).json().cases as { id: string }[]).some((x) => x.id === id);
  const refused = async (res: Awaited<ReturnType<typeof act>>, code: string) => {
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe(code);
    expect(res.json().title).toMatch(/[\u4e00-\u9fa5]/); // a sentence for the clerk, in Chinese
  };

  it('pauses the clock only for a special step of the guide, within its limit, and moves the due date by the days paused', async () => {
    const c = await register('LY-001', FELLING);
    expect(c.dueAt).toBe('2026-03-09T09:30:00.000Z'); // 5 working days after Monday 3-02, at 17:30

    await refused(await act(c, 'pause', { reason: '等待申请人补充说明', limitDays: 3 }), 'PAUSE_NOT_SPECIAL_STEP');
    await refused(await act(c, 'pause', { reason: '现场查验', limitDays: 10 }), 'PAUSE_LIMIT_EXCEEDED');
    expect((await get(c.id)).version).toBe(1); // refusals changed nothing

    const paused = await act(c, 'pause', { reason: '现场查验', limitDays: 3 });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', version: 2 });

    await setTime('2026-03-04T10:00:00+08:00'); // two working days later (3-03, 3-04)
    const resumed = await act(paused.json(), 'resume');
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'in_progress', version: 3 });
    expect(resumed.json().dueAt).toBe('2026-03-11T09:30:00.000Z'); // moved by the two working days paused
    expect(resumed.json().events.map((e: { type: string }) => e.type)).toEqual(['intake', 'pause', 'resume']);
    await setTime(MONDAY);
  });

  it('an item without special steps cannot pause at all', async () => {
    const c = await register('MZ-002', ['居民身份证', '近期一寸免冠照片']);
    await refused(await act(c, 'pause', { reason: '公示', limitDays: 5 }), 'PAUSE_NOT_SPECIAL_STEP');
  });

  it('extends only within the legal limit, only before the due date, and only with the director', async () => {
    // LY-001: promised 5, legal 20 working days → at most 15 days of extension
    const c = await register('LY-001', FELLING);
    const beyond = await act(c, 'request-extension', { reason: '伐区面积大，需分片核查', days: 16 });
    await refused(beyond, 'EXTENSION_BEYOND_LEGAL_LIMIT');
    expect(beyond.json().maxDays).toBe(15);

    const asked = await act(c, 'request-extension', { reason: '伐区面积大，需分片核查', days: 15 });
    expect(asked.statusCode, asked.body).toBe(200);
    await refused(await act(asked.json(), 'request-extension', { reason: '再延', days: 1 }), 'EXTENSION_ALREADY_PENDING');
    await refused(await act(asked.json(), 'approve-extension'), 'DIRECTOR_APPROVAL_REQUIRED');
    const approved = await act(asked.json(), 'approve-extension', { comment: '同意' }, director);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().dueAt).toBe('2026-03-30T09:30:00.000Z'); // 20 working days after 3-02: the legal limit
    // the legal limit is used up: no further extension, whatever the number of days
    await refused(await act(approved.json(), 'request-extension', { reason: '仍需核查', days: 1 }), 'EXTENSION_BEYOND_LEGAL_LIMIT');
  });

  it('refuses an extension asked for after the due date', async () => {
    const c = await register('LY-001', FELLING);
    await setTime('2026-03-10T09:00:00+08:00'); // the day after it fell due
    try {
      const late = await act(c, 'request-extension', { reason: '忘记申请', days: 3 });
      await refused(late, 'EXTENSION_AFTER_DUE');
      expect(late.json().title).toContain('2026-03-09 17:30');
    } finally {
      await setTime(MONDAY);
    }
  });

  it('charges only the legal fee, and only with a receipt number', async () => {
    // GA-003 at the county center: 工本费 20 元
    const c = await register('GA-003', ['居民户口簿', '原居民身份证（换领时交回）'], county);
    expect(c.status).toBe('in_progress');
    await refused(await act(c, 'complete', { outcome: 'approved', resultNo: '身份证 2026-001', feeCharged: 25 }, county), 'FEE_ABOVE_STANDARD');
    await refused(await act(c, 'complete', { outcome: 'approved', resultNo: '身份证 2026-001', feeCharged: 20 }, county), 'FEE_RECEIPT_REQUIRED');
    const ok = await act(c, 'complete', { outcome: 'approved', resultNo: '身份证 2026-001', feeCharged: 20, receiptNo: '豫财票 0012345' }, county);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().events.at(-1).data).toMatchObject({ feeCharged: 20, receiptNo: '豫财票 0012345' });

    // a free item charges nothing at all
    const free = await register('MZ-002', ['居民身份证', '近期一寸免冠照片']);
    const charged = await act(free, 'complete', { outcome: 'approved', feeCharged: 5, receiptNo: 'X1' });
    await refused(charged, 'FEE_ABOVE_STANDARD');
    expect(charged.json().title).toContain('不收费');
    // the applicant came in person: 代办 is none of this case's business
    expect(charged.json().title).not.toContain('代办');
  });

  it('records a transfer to another window; the first responder still follows the case', async () => {
    const c = await register('MZ-002', ['居民身份证', '近期一寸免冠照片']);
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user;
    const windows = (await t.app.inject({ url: `/api/windows?orgId=${me.orgId}`, headers: { cookie: clerk } })).json().windows as { id: string; name: string }[];
    const other = windows.find((w) => w.id !== c.windowId)!;

    await refused(await act(c, 'transfer', { toWindowId: c.windowId }), 'SAME_WINDOW');
    const moved = await act(c, 'transfer', { toWindowId: other.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ windowId: other.id, status: 'in_progress', version: 2 });
    expect(moved.json().events.at(-1)).toMatchObject({ type: 'transfer' });

    const followed = (await t.app.inject({ url: '/api/cases?view=first-responded&pageSize=100', headers: { cookie: clerk } })).json();
    expect(followed.cases.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('a joint case completes only when every department has answered, with one deadline for all', async () => {
    const c = await register('ZJ-001', HOMESTEAD);
    expect(c).toMatchObject({ kind: 'joint', sixKind: 'joint', status: 'in_progress' });
    expect(c.dueAt).toBe('2026-03-23T09:30:00.000Z'); // 15 working days, the same for every department

    expect(await listed('joint', c.id)).toBe(true); // the lead center's 联办待审 list
    await refused(await act(c, 'complete', { outcome: 'approved', resultNo: '宅批 2026-01' }), 'JOINT_REVIEWS_INCOMPLETE');
    await refused(await act(c, 'review', { department: '县公安局', opinion: 'agree' }), 'UNKNOWN_JOINT_DEPARTMENT');
    await refused(await act(c, 'review', { department: '乡镇自然资源所', opinion: 'disagree' }), 'REVIEW_COMMENT_REQUIRED');

    const first = await act(c, 'review', { department: '乡镇农业农村办', opinion: 'agree', comment: '符合一户一宅' });
    expect(first.statusCode, first.body).toBe(200);
    await refused(await act(first.json(), 'review', { department: '乡镇农业农村办', opinion: 'agree' }), 'ALREADY_REVIEWED');
    await refused(await act(first.json(), 'complete', { outcome: 'approved', resultNo: '宅批 2026-01' }), 'JOINT_REVIEWS_INCOMPLETE');

    const second = await act(first.json(), 'review', { department: '乡镇自然资源所', opinion: 'disagree', comment: '选址占用永久基本农田，不符合村庄规划' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().dueAt).toBe(c.dueAt);
    // a department said no: the case cannot be approved, only denied in writing
    await refused(await act(second.json(), 'complete', { outcome: 'approved', resultNo: '宅批 2026-01' }), 'JOINT_REVIEW_DISAGREED');
    await refused(await act(second.json(), 'complete', { outcome: 'denied' }), 'REFUSAL_REASONS_REQUIRED');
    const denied = await act(second.json(), 'complete', {
      outcome: 'denied',
      reasons: '拟建房选址占用永久基本农田，不符合村庄规划',
      basis: '《中华人民共和国土地管理法》第三十五条',
    });
    expect(denied.statusCode, denied.body).toBe(200);
    expect(denied.json()).toMatchObject({ status: 'completed', outcome: 'denied' });
    expect(await listed('joint', c.id)).toBe(false);
    const refusals = (await t.app.inject({ url: '/api/cases?view=refusals&pageSize=100', headers: { cookie: clerk } })).json();
    expect(refusals.cases.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('an escalated case is on the township 已上报 list until the county result comes back', async () => {
    const c = await register('MZ-003', ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明']);
    expect(await listed('sent-up', c.id)).toBe(false); // not sent yet: still the township's own work
    const up = await act(c, 'escalate');
    expect(await listed('sent-up', c.id)).toBe(true);
    const received = await act(up.json(), 'receive', {}, county);
    expect(await listed('sent-up', c.id)).toBe(true); // held by the county now
    expect(await listed('sent-up', c.id, county)).toBe(false);
    await act(received.json(), 'complete', { outcome: 'approved', resultNo: '低保 2026-200' }, county);
    expect(await listed('sent-up', c.id)).toBe(false); // back at the township, to hand over
    expect(await listed('to-deliver', c.id)).toBe(true);
    expect(await listed('to-deliver', c.id, county)).toBe(false);
  });

  it('a withdrawn case stops its clock and allows nothing more', async () => {
    const c = await register('LY-001', FELLING);
    const gone = await act(c, 'withdraw', { reason: '申请人决定暂不采伐' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({ status: 'withdrawn', light: null });
    expect(gone.json().allowedActions).toEqual([]);
    const after = await act(gone.json(), 'complete', { outcome: 'approved' });
    await refused(after, 'ACTION_NOT_ALLOWED');
    expect(after.json()).toMatchObject({ status: 422, caseStatus: 'withdrawn', action: 'complete' });
  });
});
