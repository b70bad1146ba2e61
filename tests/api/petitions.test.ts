// 信访接待 (issue 10 §4): registration with the ledger fields, earlier visits found by ID number or phone, group
// petitions (≥ 5 people, at most 5 representatives) flagged once to the leader and the director (in-app + SMS), the
// law's clocks in calendar days (15 / 60 / one extension ≤ 30 / review windows), hand-over and the department's
// reply, 告知书 and 交办单 papers and prints, visibility (petition roles and leadership only), 409 on a stale version,
// the clock warnings (once per change), the working-day setting.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { earlierVisitsSchema, handoverPaperSchema, noticePaperSchema, petitionDetailSchema, petitionListSchema } from '../../src/domain/petitions/contract.js';
import { warnPetitionClocks } from '../../src/modules/petitions/warn-job.js';
import { loadConfig } from '../../src/server/config.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

type Detail = ReturnType<typeof petitionDetailSchema.parse>;

const ID = '11010519491231002X';
const MONDAY = '2026-03-02T09:00:00+08:00';

describe.each(DIALECTS)('信访接待 (%s)', (dialect) => {
  let t: TestApp;
  let xinfang: string;
  let director: string;
  let leader: string;
  let clerk: string;
  let supervisor: string;
  let admin: string;
  let directorId: string;
  let leaderId: string;
  let xinfangId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    t.clock.now = new Date(MONDAY);
    const db = t.database.db;
    const users = await db.selectFrom('users').selectAll().where('username', 'in', ['director', 'leader', 'xinfang']).execute();
    directorId = users.find((u) => u.username === 'director')!.id;
    leaderId = users.find((u) => u.username === 'leader')!.id;
    xinfangId = users.find((u) => u.username === 'xinfang')!.id;
    await db.updateTable('users').set({ phone: '13900001111' }).where('id', '=', directorId).execute();
    await db.updateTable('users').set({ phone: '13900002222' }).where('id', '=', leaderId).execute();
    [xinfang, director, leader, clerk, supervisor, admin] = (await Promise.all(['xinfang', 'director', 'leader', 'clerk', 'supervisor', 'admin'].map((u) => signIn(t.app, u)))) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.clock.now = new Date(MONDAY);
  });

  const register = async (payload: Record<string, unknown>, cookie = xinfang, key = randomUUID()) =>
    t.app.inject({ method: 'POST', url: '/api/petitions', headers: { cookie, 'idempotency-key': key }, payload });
  const registered = async (payload: Record<string, unknown>): Promise<Detail> => {
    const res = await register({ channel: 'visit', name: '王大山', issue: '反映土地承包经营权纠纷。', ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return petitionDetailSchema.parse(res.json());
  };
  const act = (p: { id: string; version: number }, action: string, body: Record<string, unknown> = {}, cookie = xinfang) =>
    t.app.inject({ method: 'POST', url: `/api/petitions/${p.id}/actions/${action}`, headers: { cookie }, payload: { expectedVersion: p.version, ...body } });
  const acted = async (p: { id: string; version: number }, action: string, body: Record<string, unknown> = {}): Promise<Detail> => {
    const res = await act(p, action, body);
    expect(res.statusCode, res.body).toBe(200);
    return petitionDetailSchema.parse(res.json());
  };
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const outbox = (like: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('dedupe_key', 'like', like).execute();

  it('registers with the ledger fields; the same Idempotency-Key answers with the same petition', async () => {
    const key = randomUUID();
    const payload = {
      channel: 'visit',
      name: '王大山',
      sex: 'male',
      age: 76,
      occupation: '农民',
      address: '柳河镇柳河村三组',
      phone: '138 1234 5678',
      idNumber: ID,
      issue: '反映土地承包经营权纠纷，邻居占用承包地。',
      receivedAt: '2026-03-02T08:00:00+08:00',
    };
    const first = await register(payload, xinfang, key);
    expect(first.statusCode, first.body).toBe(201);
    const p = petitionDetailSchema.parse(first.json());
    expect(p).toMatchObject({
      status: 'registered',
      group: false,
      persons: 1,
      handling: 'reply',
      urgency: 'normal',
      receivedByName: '高秀英',
      phone: '13812345678',
      idNumber: ID,
      acceptanceDueAt: '2026-03-17',
      finishDueAt: null,
      dayCount: 'calendar',
      light: 'green',
      earlierVisits: 0,
    });
    expect(p.petitionNo).toMatch(/^信〔2026〕\d+号$/);
    expect(p.clocks.map((c) => [c.name, c.dueOn])).toEqual([
      ['promise', '2026-03-05'],
      ['reception', '2026-03-09'],
      ['acceptance', '2026-03-17'],
    ]);
    expect(p.events.map((e) => e.action)).toEqual(['register']);
    const again = await register(payload, xinfang, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(p.id);
    // the key sent again with another petitioner is refused (422) and registers nothing
    const petitions = async () => Number((await t.database.db.selectFrom('petitions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await petitions();
    const other = await register({ ...payload, name: '测试乙', idNumber: undefined }, xinfang, key);
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await petitions()).toBe(n);
    const missingKey = await t.app.inject({ method: 'POST', url: '/api/petitions', headers: { cookie: xinfang }, payload });
    expect(missingKey.statusCode).toBe(400);
  });

  it('finds earlier visits of the same person by ID number (checked) or phone, and counts them at registration', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/petitions/earlier?idNumber=${ID}`, headers: { cookie: xinfang } });
    expect(before.statusCode, before.body).toBe(200);
    const found = earlierVisitsSchema.parse(before.json()).visits;
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toMatchObject({ name: '王大山', matchedBy: 'idNumber' });
    const byPhone = earlierVisitsSchema.parse((await t.app.inject({ method: 'GET', url: '/api/petitions/earlier?phone=13812345678', headers: { cookie: xinfang } })).json());
    expect(byPhone.visits.length).toBe(found.length);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/petitions/earlier?idNumber=110105194912310021', headers: { cookie: xinfang } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().title).toContain('校验位');
    const second = await registered({ idNumber: ID, issue: '再次反映承包地被占用。' });
    expect(second.earlierVisits).toBe(found.length);
    const badId = await register({ channel: 'visit', name: '王大山', issue: 'x', idNumber: '11010519491231002' });
    expect(badId.statusCode).toBe(422);
  });

  it('a group petition (≥ 5) names at most 5 representatives and is flagged once to the leader and the director', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}` }));
    const tooMany = await register({ channel: 'visit', name: '孙桂兰', issue: '养殖场污染', persons: 12, representatives: six });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'PETITION_TOO_MANY_REPRESENTATIVES' });
    expect(tooMany.json().title).toContain('不超过 5 人');
    const none = await register({ channel: 'visit', name: '孙桂兰', issue: '养殖场污染', persons: 5 });
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('PETITION_REPRESENTATIVES_REQUIRED');

    const key = randomUUID();
    const payload = { channel: 'visit', name: '孙桂兰', phone: '13803712245', issue: '河东社区居民反映养殖场污水外排。', persons: 8, representatives: six.slice(0, 5) };
    const res = await register(payload, xinfang, key);
    expect(res.statusCode, res.body).toBe(201);
    const p = petitionDetailSchema.parse(res.json());
    expect(p).toMatchObject({ group: true, persons: 8 });
    expect(p.representatives).toHaveLength(5);
    await register(payload, xinfang, key); // a replay sends nothing again
    const flags = await outbox(`petition:${p.id}:flag%`);
    expect(flags.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual([`inbox:${directorId}`, `inbox:${leaderId}`, 'sms:13900001111', 'sms:13900002222'].sort());
    expect(flags[0]!.text).toContain('集体访（8人）');
    expect(flags.every((m) => !m.text.includes('孙桂兰') && !m.text.includes('13803712245'))).toBe(true);

    // four people: not a group, no flag
    const four = await registered({ persons: 4, representatives: [{ name: '甲' }] });
    expect(four.group).toBe(false);
    expect(await outbox(`petition:${four.id}:flag%`)).toHaveLength(0);
    // urgent: flagged too
    const urgent = await registered({ urgency: 'urgent' });
    expect((await outbox(`petition:${urgent.id}:flag%`)).length).toBe(4);
  });

  it('runs the clocks in calendar days: acceptance 15, finish 60, one extension of at most 30, across the year end', async () => {
    t.clock.now = new Date('2026-12-20T10:00:00+08:00');
    const p = await registered({});
    expect(p.acceptanceDueAt).toBe('2027-01-04');
    const accepted = await acted(p, 'accept');
    expect(accepted).toMatchObject({ status: 'accepted', finishDueAt: '2027-02-18' });
    expect(accepted.notices.map((n) => n.kind)).toEqual(['accept']);
    const tooLong = await act(accepted, 'extend', { days: 31, text: '需要实地测量' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('PETITION_EXTENSION_TOO_LONG');
    const noReason = await act(accepted, 'extend', { days: 10, text: '' });
    expect(noReason.statusCode).toBe(400);
    const extended = await acted(accepted, 'extend', { days: 30, text: '需要实地测量，并征求相邻权利人意见。' });
    expect(extended).toMatchObject({ extensionDays: 30, finishDueAt: '2027-03-20' });
    expect(extended.notices.map((n) => n.kind)).toEqual(['accept', 'extend']);
    const twice = await act(extended, 'extend', { days: 5, text: '再延' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('PETITION_EXTENDED_ONCE');
  });

  it('hands over to a department, registers its reply against the hand-over, answers, and keeps the review windows', async () => {
    const p = await registered({});
    const accepted = await acted(p, 'accept');
    const late = await act(accepted, 'hand-over', { department: '镇自然资源所', text: '请核实承包地四至。', replyBy: '2026-06-30' });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('PETITION_INVALID_DATE');
    const handed = await acted(accepted, 'hand-over', { department: '镇自然资源所', text: '请核实承包地四至，提出处理意见。', replyBy: '2026-03-09' });
    expect(handed.status).toBe('handed_over');
    expect(handed.handovers).toHaveLength(1);
    expect(handed.handovers[0]).toMatchObject({ department: '镇自然资源所', replyBy: '2026-03-09', reply: null });
    expect(handed.handovers[0]!.handoverNo).toMatch(/^交〔2026〕\d+-1号$/);
    const early = await act(handed, 'answer', { text: '答复' });
    expect(early.statusCode).toBe(409);
    const replied = await acted(handed, 'department-reply', { handoverId: handed.handovers[0]!.id, text: '经实地核实，四至清楚，已协调邻居退还。' });
    expect(replied.status).toBe('dept_replied');
    expect(replied.handovers[0]).toMatchObject({ reply: '经实地核实，四至清楚，已协调邻居退还。', repliedByName: '高秀英', late: false });
    const again = await act(replied, 'department-reply', { text: '重复' });
    expect(again.statusCode).toBe(409);

    const reception = await acted(replied, 'reception', { leaderName: '马振华', receivedOn: '2026-03-02', text: '同意部门意见，由镇自然资源所督促落实。' });
    expect(reception.receptions).toEqual([expect.objectContaining({ leaderName: '马振华', receivedOn: '2026-03-02' })]);
    expect(reception.clocks.find((c) => c.name === 'reception')).toMatchObject({ stoppedOn: '2026-03-02', light: null, late: false });

    const answered = await acted(reception, 'answer', { text: '经核实，您反映的承包地已由邻居退还。' });
    expect(answered.status).toBe('answered');
    expect(answered.clocks.find((c) => c.name === 'finish')).toMatchObject({ light: null, late: false });
    expect(answered.clocks.find((c) => c.name === 'reviewRequest')).toMatchObject({ dueOn: '2026-04-01', light: 'green' });

    t.clock.now = new Date('2026-04-02T09:00:00+08:00');
    const closed = await act(answered, 'request-review', {});
    expect(closed.statusCode).toBe(422);
    expect(closed.json().code).toBe('PETITION_WINDOW_CLOSED');
    t.clock.now = new Date('2026-04-01T09:00:00+08:00');
    const review = await acted(answered, 'request-review', { text: '对答复不服' });
    expect(review.status).toBe('review');
    expect(review.clocks.find((c) => c.name === 'review')).toMatchObject({ dueOn: '2026-05-01' });
    const reviewed = await acted(review, 'review-answer', { text: '维持原答复意见。' });
    const recheck = await acted(reviewed, 'request-recheck', {});
    expect(recheck.clocks.find((c) => c.name === 'recheck')).toMatchObject({ startedOn: '2026-04-01', dueOn: '2026-05-01' });
    const final = await acted(recheck, 'recheck-answer', { text: '维持复查意见，复核为最终意见。' });
    expect(final.status).toBe('rechecked');
    expect(final.allowedActions).toEqual([]);
    expect(final.events.map((e) => e.action)).toEqual(['register', 'accept', 'hand_over', 'department_reply', 'reception', 'answer', 'request_review', 'review_answer', 'request_recheck', 'recheck_answer']);
  });

  it('solves on the spot at registration, or refuses with reasons; both told on a notice', async () => {
    const solved = await registered({ handling: 'solved', result: '当场查询并解释了医保缴费记录。' });
    expect(solved).toMatchObject({ status: 'solved', light: null, clocks: [] });
    expect(solved.events.map((e) => e.action)).toEqual(['register', 'solve']);
    const noResult = await register({ channel: 'phone', name: '钱', issue: 'x', handling: 'solved' });
    expect(noResult.statusCode).toBe(422);
    const p = await registered({});
    const noReason = await act(p, 'reject', { text: '' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await acted(p, 'reject', { text: '该事项已进入诉讼程序，依照《信访工作条例》第三十一条不予受理。' });
    expect(rejected.status).toBe('rejected');
    const paper = await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}/notices/${rejected.notices[0]!.seq}/paper`, headers: { cookie: xinfang } });
    expect(paper.statusCode, paper.body).toBe(200);
    const notice = noticePaperSchema.parse(paper.json());
    expect(notice.notice).toMatchObject({ kind: 'reject', title: '信访事项不予受理告知书' });
    expect(notice.rights).toContain('诉讼');
  });

  it('prints the 交办单 and the 告知书, each print kept', async () => {
    const p = await acted(await registered({}), 'accept');
    const handed = await acted(p, 'hand-over', { department: '镇民政办', text: '请核实低保申请情况。', replyBy: '2026-03-05' });
    const h = handed.handovers[0]!;
    const paper = await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}/handovers/${h.id}/paper`, headers: { cookie: xinfang } });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(handoverPaperSchema.parse(paper.json())).toMatchObject({ handover: { department: '镇民政办', replyBy: '2026-03-05' }, center: { centerName: '柳河镇便民服务中心' } });
    const printed = await t.app.inject({ method: 'POST', url: `/api/petitions/${p.id}/prints`, headers: { cookie: xinfang }, payload: { handoverId: h.id } });
    expect(printed.statusCode, printed.body).toBe(201);
    const notice = await t.app.inject({ method: 'POST', url: `/api/petitions/${p.id}/prints`, headers: { cookie: xinfang }, payload: { seq: handed.notices[0]!.seq } });
    expect(notice.statusCode, notice.body).toBe(201);
    const detail = petitionDetailSchema.parse((await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}`, headers: { cookie: xinfang } })).json());
    expect(detail.prints.map((x) => x.paper).sort()).toEqual([`handover:${h.id}`, `notice:${handed.notices[0]!.seq}`].sort());
    const none = await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}/notices/1/paper`, headers: { cookie: xinfang } });
    expect(none.statusCode).toBe(404); // seq 1 is the registration, not a notice
  });

  it('is seen only by the petition staff and the leadership; phone and ID masked in the ledger; 409 on a stale version', async () => {
    const p = await registered({ phone: '13812345678', idNumber: ID });
    for (const cookie of [clerk, supervisor]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/petitions', headers: { cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}`, headers: { cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/petitions/earlier?idNumber=${ID}`, headers: { cookie } })).statusCode).toBe(403);
      expect((await register({ channel: 'visit', name: '甲', issue: '乙' }, cookie)).statusCode).toBe(403);
    }
    for (const cookie of [director, leader, xinfang]) {
      const list = await t.app.inject({ method: 'GET', url: '/api/petitions?pageSize=100', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      const row = petitionListSchema.parse(list.json()).petitions.find((x) => x.id === p.id)!;
      expect(row).toMatchObject({ phone: '138****5678', idNumber: '1101**********002X' });
    }
    const full = await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}`, headers: { cookie: director } });
    expect(full.json()).toMatchObject({ phone: '13812345678', idNumber: ID });
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'petition.read').where('target_id', '=', p.id).execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);

    const accepted = await acted(p, 'accept');
    const stale = await act(p, 'reject', { text: '理由' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(accepted.version).toBe(p.version + 1);
    const filtered = petitionListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/petitions?group=true&pageSize=100', headers: { cookie: xinfang } })).json());
    expect(filtered.petitions.every((x) => x.group)).toBe(true);
    expect(filtered.total).toBeGreaterThanOrEqual(1);
  });

  it('a double submit or a race never registers twice nor answers 500; two steps on one version: one wins, one 409', async () => {
    const key = randomUUID();
    const payload = { channel: 'visit', name: '并发', issue: '同时提交两次。' };
    const [a, b] = await Promise.all([register(payload, xinfang, key), register(payload, xinfang, key)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const p = await registered({});
    const results = await Promise.all([act(p, 'accept'), act(p, 'reject', { text: '理由' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("a director of another township sees none of this center's petitions", async () => {
    const db = t.database.db;
    const other = (await db.selectFrom('orgs').select('id').where('name', '=', '石桥乡').executeTakeFirst())!.id;
    const base = (await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirst())!;
    await db.insertInto('users').values({ ...base, id: randomUUID(), username: 'shiqiao-dir', name: '石桥主任', org_id: other, phone: null }).execute();
    const otherDirector = await signIn(t.app, 'shiqiao-dir');
    const p = await registered({});
    expect((await t.app.inject({ method: 'GET', url: `/api/petitions/${p.id}`, headers: { cookie: otherDirector } })).statusCode).toBe(403);
    const list = petitionListSchema.parse((await t.app.inject({ method: 'GET', url: '/api/petitions?pageSize=100', headers: { cookie: otherDirector } })).json());
    expect(list.petitions.find((x) => x.id === p.id)).toBeUndefined();
    expect((await act(p, 'accept', {}, otherDirector)).statusCode).toBe(403);
  });

  it('warns once when a clock turns yellow and once when it turns red', async () => {
    const p = await registered({});
    const count = async () => (await outbox(`petition:${p.id}:clock:%`)).length;
    await warnPetitionClocks(ctx(), new Date('2026-03-03T09:00:00+08:00'));
    expect(await count()).toBe(0);
    // 2026-03-05: the 3-day promise on its last day (yellow)
    await warnPetitionClocks(ctx(), new Date('2026-03-05T09:00:00+08:00'));
    const yellow = await outbox(`petition:${p.id}:clock:promise:2026-03-05:yellow%`);
    expect(yellow.map((m) => m.recipient).sort()).toEqual([directorId, xinfangId].sort());
    expect(yellow.every((m) => m.channel === 'inbox')).toBe(true);
    const afterYellow = await count();
    await warnPetitionClocks(ctx(), new Date('2026-03-05T15:00:00+08:00'));
    expect(await count()).toBe(afterYellow);
    // 2026-03-06: the promise is red (in-app and SMS to the director)
    await warnPetitionClocks(ctx(), new Date('2026-03-06T09:00:00+08:00'));
    const red = await outbox(`petition:${p.id}:clock:promise:2026-03-05:red%`);
    expect(red.map((m) => m.channel).sort()).toEqual(['inbox', 'inbox', 'sms']);
    expect(red[0]!.text).toContain('红灯警告');
    const afterRed = await count();
    await warnPetitionClocks(ctx(), new Date('2026-03-06T10:00:00+08:00'));
    expect(await count()).toBe(afterRed);
  });

  it('the administrator may switch to working days; petitions registered afterwards count so', async () => {
    const refused = await t.app.inject({ method: 'PUT', url: '/api/petitions/settings', headers: { cookie: xinfang }, payload: { dayCount: 'working' } });
    expect(refused.statusCode).toBe(403);
    const set = await t.app.inject({ method: 'PUT', url: '/api/petitions/settings', headers: { cookie: admin }, payload: { dayCount: 'working' } });
    expect(set.statusCode, set.body).toBe(200);
    const p = await registered({});
    // 15 working days from Monday 2026-03-02: 2026-03-23 (no holiday in between)
    expect(p).toMatchObject({ dayCount: 'working', acceptanceDueAt: '2026-03-23' });
    await t.app.inject({ method: 'PUT', url: '/api/petitions/settings', headers: { cookie: admin }, payload: { dayCount: 'calendar' } });
    expect((await registered({})).acceptanceDueAt).toBe('2026-03-17');
  });
});
