// Issue 7 §5, the village: an in-person item received at the village as 申请人本人办理 (rule 11); refusals that send
// the villager to the real window (center, address, hours from data); the agent's 待回复 with the villager's phone
// in full for its own village only, each full read audited; a request missing a main material registered and
// returned with reasons, so it reaches the refusal register.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const villager = { name: '李桂芝', idNumber: '11010519491231002X', phone: '13512345678', address: '柳河镇柳河村三组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
const TOWNSHIP_HOURS = '08:30–12:00、14:30–17:30';

interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  sixKind: string;
  version: number;
  proxy: { authorized: boolean } | null;
  applicant: { phone: string };
  events: { type: string; data?: Record<string, unknown> }[];
  [key: string]: unknown;
}
interface ReplyCase {
  id: string;
  applicant: { name: string; phone: string };
  replyDueAt: string | null;
  replyLate: boolean;
}

describe.each(DIALECTS)('the village: presence, where to go, 待回复, returns (%s)', (dialect) => {
  let t: TestApp;
  let agent: string;
  let clerk: string;
  let director: string;
  let admin: string;
  /** Moves the server's clock; sessions idle that long end, so everyone signs in again. */
  const setTime = async (at: string) => {
    t.clock.now = new Date(at);
    [agent, clerk, director, admin] = await Promise.all([signIn(t.app, 'agent'), signIn(t.app, 'clerk'), signIn(t.app, 'director'), signIn(t.app, 'admin')]);
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await setTime('2026-04-07T09:00:00+08:00'); // a Tuesday in the loaded calendar
  });
  afterAll(() => t.close());

  const register = (itemCode: string, materials: { name: string; provided: boolean }[], extra: Record<string, unknown> = {}, cookie = agent) =>
    t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, 'idempotency-key': randomUUID() },
      payload: { channel: 'agent', applicant: villager, itemCode, materials, ...extra },
    });
  const act = (c: { id: string; version: number }, action: string, body: Record<string, unknown> = {}, cookie = agent) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: c.version, ...body } });
  const total = async () => (await t.app.inject({ url: '/api/cases', headers: { cookie: agent } })).json().total as number;
  const toReply = async (cookie = agent) => (await t.app.inject({ url: '/api/agents/to-reply', headers: { cookie } })).json().cases as ReplyCase[];

  it('an old villager’s 养老资格认证 is received at the village as 申请人本人办理 and finished on the spot', async () => {
    const res = await register('RS-002', all(['居民身份证或社会保障卡'])); // no proxy: the applicant in person
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseView;
    expect(c).toMatchObject({ status: 'in_progress', sixKind: 'immediate', channel: 'agent', proxy: null });
    expect(c.events[0]).toMatchObject({ type: 'intake', data: { presence: 'in_person', proxy: null } });
    const done = await act(c, 'complete', { outcome: 'approved' });
    expect(done.json()).toMatchObject({ status: 'completed' });
    // finished here: to be handed over, with no hand-back limit
    expect((await toReply()).find((r) => r.id === c.id)).toMatchObject({ replyDueAt: null, replyLate: false, applicant: { phone: villager.phone } });
  });

  it('by proxy or help the same item is refused with the way to do it here, never sent to the room the villager is in', async () => {
    const before = await total();
    for (const authorized of [true, false]) {
      const res = await register('RS-002', all(['居民身份证或社会保障卡']), { proxy: { authorized } });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('IN_PERSON_REQUIRED');
      expect(res.json().title).toContain('“申请人本人办理”');
      expect(res.json().title).not.toContain('民生事务窗口');
    }
    expect(await total()).toBe(before);
  });

  it('what the village cannot take names the deciding center’s window, address and hours from data', async () => {
    const before = await total();
    // 居民身份证: in person, received at the township's 户籍窗口 (the nearest center that offers it)
    const idCard = await register('GA-003', all(['居民户口簿']), { proxy: { authorized: true } });
    expect(idCard.statusCode).toBe(422);
    expect(idCard.json().code).toBe('IN_PERSON_REQUIRED');
    for (const text of ['柳河镇便民服务中心户籍窗口', '清河县柳河镇政府院内', TOWNSHIP_HOURS, '0371-6688 2101']) expect(idCard.json().title).toContain(text);
    expect(idCard.json().title).not.toContain('到村便民服务室');

    // 结婚登记: only at the county, even with the applicants present
    const marriage = await register('MZ-009', all(['男女双方居民身份证', '无配偶及无禁止结婚亲属关系的签字声明（现场签署）']));
    expect(marriage.json().code).toBe('NOT_RECEIVABLE_HERE');
    for (const text of ['清河县政务服务中心婚姻收养登记窗口', '清河县人民路 88 号', '08:30–12:00']) expect(marriage.json().title).toContain(text);

    // 失业登记: no proxy, township only — the township's 劳动保障窗口
    const jobless = await register('RS-003', all(['居民身份证或社会保障卡']), { proxy: { authorized: true } });
    expect(jobless.json().code).toBe('PROXY_NOT_ALLOWED');
    for (const text of ['柳河镇便民服务中心劳动保障窗口', '清河县柳河镇政府院内', TOWNSHIP_HOURS]) expect(jobless.json().title).toContain(text);
    expect(await total()).toBe(before);
  });

  it('待回复: the agent sees its own villager’s phone in full with the reply deadline; lists elsewhere stay masked; each full read is audited', async () => {
    const c = (await register('LY-001', all(FELLING), { proxy: { authorized: true } })).json() as CaseView;
    expect(c.status).toBe('submitted');
    const up = await act(c, 'forward', { urgent: true });
    const received = await act(up.json(), 'receive', {}, clerk);
    expect((await act(received.json(), 'accept', {}, clerk)).statusCode).toBe(200);
    await setTime('2026-04-08T10:00:00+08:00'); // Wednesday: decided at the township
    const decided = await act((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: clerk } })).json(), 'complete', { outcome: 'approved', resultNo: '林采 2026-041' }, clerk);
    expect(decided.json()).toMatchObject({ status: 'completed' });

    const mine = (await toReply()).find((r) => r.id === c.id)!;
    expect(mine.applicant).toEqual({ name: villager.name, phone: villager.phone });
    // three working days after the decision, at the close of office: Monday 4-13 17:30 (Saturday and Sunday skipped)
    expect(mine.replyDueAt).toBe(new Date('2026-04-13T17:30:00+08:00').toISOString());
    expect(mine.replyLate).toBe(false);
    // the ordinary ledger list keeps the phone masked
    const listed = (await t.app.inject({ url: '/api/cases?view=to-deliver', headers: { cookie: agent } })).json().cases as CaseView[];
    expect(listed.find((x) => x.id === c.id)!.applicant.phone).not.toBe(villager.phone);

    const audited = await t.database.db.selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('target_id', '=', c.id).execute();
    expect(audited.some((a) => a.action === 'case.read' && String(a.detail).includes('to-reply'))).toBe(true);

    // the township holds none of them: its clerk gets none of the village's phones from this list
    expect((await toReply(clerk)).map((r) => r.id)).not.toContain(c.id);

    // the same agent moved to another village sees none of 柳河村's villagers any more
    const orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs as { id: string; name: string }[];
    const users = (await t.app.inject({ url: '/api/users', headers: { cookie: admin } })).json().users as { id: string; username: string; orgId: string; version: number }[];
    const me = users.find((u) => u.username === 'agent')!;
    const other = orgs.find((o) => o.name === '杨庄村')!;
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: { cookie: admin }, payload: { expectedVersion: me.version, orgId: other.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    const elsewhere = await signIn(t.app, 'agent');
    expect(await toReply(elsewhere)).toEqual([]);
    const back = await t.app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: { cookie: admin }, payload: { expectedVersion: moved.json().version, orgId: me.orgId } });
    expect(back.statusCode, back.body).toBe(200);
    agent = await signIn(t.app, 'agent');

    // late once the limit has passed; handed over, it leaves the list
    await setTime('2026-04-14T09:00:00+08:00');
    expect((await toReply()).find((r) => r.id === c.id)).toMatchObject({ replyLate: true });
    const delivered = await act((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: agent } })).json(), 'deliver', { method: 'agent' });
    expect(delivered.json()).toMatchObject({ status: 'delivered' });
    expect((await toReply()).map((r) => r.id)).not.toContain(c.id);
  });

  it('a request missing a main material is registered and returned with reasons, and reaches the township’s refusal register', async () => {
    const missing = [{ name: '林木采伐申请表', provided: false }, ...all(FELLING.slice(1))];
    const unwritten = await register('LY-001', missing, { proxy: { authorized: false } });
    expect(unwritten.json().code).toBe('REFUSAL_REASONS_REQUIRED');
    const res = await register('LY-001', missing, {
      proxy: { authorized: false },
      refusal: { reasons: '缺少主件：林木采伐申请表。', basis: '《林木采伐许可》办事指南“申报材料”' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseView;
    expect(c).toMatchObject({ status: 'returned', sixKind: 'returned', refusal: { reasons: '缺少主件：林木采伐申请表。' } });
    const register_ = (await t.app.inject({ url: '/api/cases?view=refusals-to-review&pageSize=100', headers: { cookie: director } })).json().cases as { id: string }[];
    expect(register_.map((x) => x.id)).toContain(c.id);
    // nothing waits at the village to be forwarded
    const toForward = (await t.app.inject({ url: '/api/cases?view=to-forward', headers: { cookie: agent } })).json().cases as { id: string }[];
    expect(toForward.map((x) => x.id)).not.toContain(c.id);
  });
});
