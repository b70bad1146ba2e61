// 领导带班值班表 (issue 12 §5): the director builds next month's roster (one leader of the center every working day),
// publishing is refused while a working day is uncovered, the published roster is public (a draft never is), a change
// to a published roster needs a reason and is recorded, stale copies get 409; from the 20th the director is reminded
// in-app once a day until it is published; the leader on duty records receptions linked to petitions (new or
// existing); a village's fixed office day shows on the public places of an item.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemPlacesSchema } from '../../src/domain/contract/item-places.js';
import { officeDaySchema, publicRosterSchema, receptionListSchema, receptionSchema, rosterSuggestionSchema, staffRosterSchema, type StaffRoster } from '../../src/domain/duty/contract.js';
import { dutyRosterReminderJob } from '../../src/modules/duty/remind-job.js';
import { dutyLeaderOn } from '../../src/modules/duty/queries.js';
import { loadConfig } from '../../src/server/config.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const MONTH = '2027-01';

describe.each(DIALECTS)('领导带班值班表、领导接待、村固定办公日 (%s)', (dialect) => {
  let t: TestApp;
  let director: string;
  let leader: string;
  let clerk: string;
  let agent: string;
  let xinfang: string;
  let township: string;
  let village: string;
  let directorId: string;
  let leaderId: string;
  let clerkId: string;

  const anon = (url: string) => t.app.inject({ method: 'GET', url });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown, key: string | null = randomUUID()) =>
    t.app.inject({ method, url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as object });
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const roster = async (): Promise<StaffRoster> => {
    const res = await get(director, `/api/duty/roster?month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    return staffRosterSchema.parse(res.json());
  };
  const publicOf = async () => {
    const res = await anon(`/api/hall/duty-roster?orgId=${township}&month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    return publicRosterSchema.parse(res.json());
  };
  const reminders = () => t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'duty-roster-reminder').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    t.clock.now = new Date('2026-12-18T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    village = orgs.find((o) => o.name === '柳河村')!.id;
    const users = await db.selectFrom('users').select(['id', 'username']).execute();
    directorId = users.find((u) => u.username === 'director')!.id;
    leaderId = users.find((u) => u.username === 'leader')!.id;
    clerkId = users.find((u) => u.username === 'clerk')!.id;
    [director, leader, clerk, agent, xinfang] = (await Promise.all(['director', 'leader', 'clerk', 'agent', 'xinfang'].map((u) => signIn(t.app, u)))) as [string, string, string, string, string];
  });
  afterAll(() => t.close());

  it('reminds the director from the 20th, once a day, until next month is published', async () => {
    await runJobOnce(ctx(), dutyRosterReminderJob);
    expect(await reminders()).toHaveLength(0);
    t.clock.now = new Date('2026-12-20T09:00:00+08:00');
    await runJobOnce(ctx(), dutyRosterReminderJob);
    await runJobOnce(ctx(), dutyRosterReminderJob);
    t.clock.now = new Date('2026-12-20T15:00:00+08:00');
    await runJobOnce(ctx(), dutyRosterReminderJob);
    const first = (await reminders()).filter((m) => m.recipient === directorId);
    expect(first).toHaveLength(1);
    expect(first[0]!.channel).toBe('inbox');
    expect(first[0]!.text).toContain('2027年1月的领导带班值班表还没有发布');
    t.clock.now = new Date('2026-12-21T09:00:00+08:00');
    await runJobOnce(ctx(), dutyRosterReminderJob);
    expect((await reminders()).filter((m) => m.recipient === directorId)).toHaveLength(2);
  });

  it('only the director builds the roster; the leaders are the center’s leader and director', async () => {
    expect((await get(clerk, `/api/duty/roster?month=${MONTH}`)).statusCode).toBe(403);
    expect((await get(leader, `/api/duty/roster?month=${MONTH}`)).statusCode).toBe(403);
    const r = await roster();
    expect(r).toMatchObject({ status: 'none', month: MONTH, version: null });
    expect(r.leaders.map((l) => [l.name, l.post])).toEqual([
      ['马振华', '带班领导'],
      ['李春梅', '中心主任'],
    ]);
    // 2027-01-01 is 元旦 (a provisional year here: counted on the statutory days off); weekends are not working days
    expect(r.days.map((d) => d.date)).not.toContain('2027-01-01');
    expect(r.days.map((d) => d.date)).not.toContain('2027-01-02');
    expect(r.days[0]!.date).toBe('2027-01-04');
    expect(r.uncovered).toHaveLength(r.days.length);
  });

  it('refuses to publish with an uncovered day; a draft is not public; publishing shows it to everyone', async () => {
    const r = await roster();
    const suggestion = rosterSuggestionSchema.parse((await send(director, 'POST', '/api/duty/roster/suggest', { month: MONTH }, null)).json());
    expect(suggestion.assignments.map((a) => a.day)).toEqual(r.days.map((d) => d.date));
    const counts = [leaderId, directorId].map((id) => suggestion.assignments.filter((a) => a.userId === id).length);
    expect(Math.abs(counts[0]! - counts[1]!)).toBeLessThanOrEqual(1);

    // a non-working day, a clerk, a day twice: refused
    for (const [bad, code] of [
      [[...suggestion.assignments, { day: '2027-01-02', userId: leaderId }], 'DUTY_NOT_WORKING_DAY'],
      [[{ day: '2027-01-04', userId: clerkId }], 'DUTY_NOT_LEADER'],
      [[{ day: '2027-01-04', userId: clerkId }, { day: '2027-01-04', userId: leaderId }], 'DUTY_DAY_TWICE'],
    ] as const) {
      const res = await send(director, 'PUT', '/api/duty/roster', { month: MONTH, assignments: bad }, null);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe(code);
    }

    const partial = suggestion.assignments.slice(1);
    let res = await send(director, 'PUT', '/api/duty/roster', { month: MONTH, assignments: partial }, null);
    expect(res.statusCode, res.body).toBe(200);
    let draft = staffRosterSchema.parse(res.json());
    expect(draft).toMatchObject({ status: 'draft', version: 1, uncovered: ['2027-01-04'] });
    // a second first save (no version) is a stale copy
    expect((await send(director, 'PUT', '/api/duty/roster', { month: MONTH, assignments: partial }, null)).statusCode).toBe(409);

    res = await send(director, 'POST', '/api/duty/roster/publish', { month: MONTH, expectedVersion: 1 }, null);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('DUTY_DAY_UNCOVERED');
    expect(res.json().detail ?? res.json().title ?? res.body).toMatch(/1月4日/);
    expect(await publicOf()).toMatchObject({ published: false, days: [] });
    expect(await dutyLeaderOn(t.database.db, township, '2027-01-05')).toBeNull();

    res = await send(director, 'PUT', '/api/duty/roster', { month: MONTH, assignments: suggestion.assignments, expectedVersion: 1 }, null);
    draft = staffRosterSchema.parse(res.json());
    expect(draft).toMatchObject({ status: 'draft', version: 2, uncovered: [] });
    expect((await send(director, 'POST', '/api/duty/roster/publish', { month: MONTH, expectedVersion: 1 }, null)).statusCode).toBe(409);
    res = await send(director, 'POST', '/api/duty/roster/publish', { month: MONTH, expectedVersion: 2 }, null);
    expect(res.statusCode, res.body).toBe(200);
    expect(staffRosterSchema.parse(res.json())).toMatchObject({ status: 'published', version: 3 });

    const pub = await publicOf();
    expect(pub.published).toBe(true);
    expect(pub.days).toHaveLength(draft.days.length);
    const first = suggestion.assignments[0]!;
    expect(pub.days[0]).toMatchObject({ date: first.day, weekday: '星期一', name: first.userId === leaderId ? '马振华' : '李春梅', post: first.userId === leaderId ? '带班领导' : '中心主任' });
    expect(await dutyLeaderOn(t.database.db, township, first.day)).toEqual({ userId: first.userId, name: first.userId === leaderId ? '马振华' : '李春梅' });
    expect(await dutyLeaderOn(t.database.db, township, '2027-01-02')).toBeNull();

    // published: no more reminders
    t.clock.now = new Date('2026-12-22T09:00:00+08:00');
    await runJobOnce(ctx(), dutyRosterReminderJob);
    expect((await reminders()).filter((m) => m.recipient === directorId)).toHaveLength(2);
  });

  it('changes a published day only with a reason, recorded, and the public sees the change', async () => {
    const before = await roster();
    const day = before.days[2]!;
    const other = day.userId === leaderId ? directorId : leaderId;
    expect((await send(director, 'PUT', '/api/duty/roster', { month: MONTH, assignments: [], expectedVersion: before.version }, null)).json().code).toBe('DUTY_ALREADY_PUBLISHED');
    let res = await send(director, 'POST', '/api/duty/roster/change', { month: MONTH, day: day.date, userId: other, reason: '', expectedVersion: before.version }, null);
    expect(res.statusCode).toBe(400);
    res = await send(director, 'POST', '/api/duty/roster/change', { month: MONTH, day: day.date, userId: other, reason: '原带班领导到县里参加培训', expectedVersion: before.version! - 1 }, null);
    expect(res.statusCode).toBe(409);
    res = await send(director, 'POST', '/api/duty/roster/change', { month: MONTH, day: day.date, userId: clerkId, reason: '临时调整', expectedVersion: before.version }, null);
    expect(res.json().code).toBe('DUTY_NOT_LEADER');
    res = await send(director, 'POST', '/api/duty/roster/change', { month: MONTH, day: day.date, userId: other, reason: '原带班领导到县里参加培训', expectedVersion: before.version }, null);
    expect(res.statusCode, res.body).toBe(200);
    const after = staffRosterSchema.parse(res.json());
    expect(after.days[2]!.userId).toBe(other);
    expect(after.changes[0]).toMatchObject({ action: 'change', day: day.date, fromName: day.name, toName: other === leaderId ? '马振华' : '李春梅', reason: '原带班领导到县里参加培训', byName: '李春梅' });
    expect(after.changes.map((c) => c.action)).toEqual(['change', 'publish']);
    const pub = await publicOf();
    expect(pub.days[2]!.name).toBe(other === leaderId ? '马振华' : '李春梅');
    expect(pub.changedAt).not.toBeNull();
    expect(JSON.stringify(pub)).not.toContain('培训');
  });

  it('the leader on duty records receptions linked to a new or an existing petition', async () => {
    t.clock.now = new Date('2027-01-04T10:00:00+08:00');
    expect((await send(clerk, 'POST', '/api/duty/receptions', { visitorName: '张三', matter: '事', handling: '办' })).statusCode).toBe(403);
    const key = randomUUID();
    const body = { visitorName: '王大山', visitorPhone: '13812345678', matter: '反映村道路面破损，雨天积水。', handling: '已请交通办三日内查看并答复。', registerPetition: true };
    let res = await send(leader, 'POST', '/api/duty/receptions', body, key);
    expect(res.statusCode, res.body).toBe(201);
    const made = receptionSchema.parse(res.json());
    expect(made).toMatchObject({ day: '2027-01-04', leaderName: '马振华', visitorName: '王大山' });
    expect(made.petitionId).not.toBeNull();
    expect(made.petitionNo).toBeTruthy();
    res = await send(leader, 'POST', '/api/duty/receptions', body, key);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(made.id);
    // the key sent again with another visitor is refused (422) and records nothing
    const receptions = async () => Number((await t.database.db.selectFrom('duty_receptions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await receptions();
    res = await send(leader, 'POST', '/api/duty/receptions', { ...body, visitorName: '测试乙', registerPetition: false }, key);
    expect([res.statusCode, res.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await receptions()).toBe(n);

    // an existing petition registered by the petition office
    res = await send(xinfang, 'POST', '/api/petitions', { channel: 'visit', name: '李四', issue: '反映宅基地纠纷。' });
    expect(res.statusCode, res.body).toBe(201);
    const petition = res.json() as { id: string; petitionNo: string };
    res = await send(leader, 'POST', '/api/duty/receptions', { visitorName: '李四', matter: '再次反映宅基地纠纷。', handling: '已约双方下周调解。', petitionId: petition.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(receptionSchema.parse(res.json())).toMatchObject({ petitionId: petition.id, petitionNo: petition.petitionNo });

    const day = receptionListSchema.parse((await get(director, '/api/duty/receptions?day=2027-01-04')).json());
    expect(day.receptions).toHaveLength(2);
    const month = receptionListSchema.parse((await get(leader, '/api/duty/receptions?month=2027-01')).json());
    expect(month).toMatchObject({ from: '2027-01-01', to: '2027-01-31' });
    expect(month.receptions).toHaveLength(2);
    expect((await get(clerk, '/api/duty/receptions')).statusCode).toBe(403);
  });

  it('a reception is followed up: the leader or the director completes 处理情况; a stale version is 409; the log names no visitor', async () => {
    t.clock.now = new Date('2027-01-07T16:00:00+08:00');
    const [first] = receptionListSchema.parse((await get(leader, '/api/duty/receptions?day=2027-01-04')).json()).receptions.filter((r) => r.visitorName === '王大山');
    expect(first).toMatchObject({ version: 1, updatedAt: null, updatedByName: null, canChange: true });
    // the director may follow it up as well; the list says so to each
    expect(receptionListSchema.parse((await get(director, '/api/duty/receptions?day=2027-01-04')).json()).receptions.every((r) => r.canChange)).toBe(true);
    const change = { visitorName: '王大山', visitorPhone: '13812345678', matter: first!.matter, handling: '交通办 1 月 6 日已查看，列入本月维修计划；已电话告知本人。' };
    let res = await send(leader, 'PUT', `/api/duty/receptions/${first!.id}`, { ...change, expectedVersion: 1 }, null);
    expect(res.statusCode, res.body).toBe(200);
    expect(receptionSchema.parse(res.json())).toMatchObject({ handling: change.handling, version: 2, updatedByName: '马振华', petitionId: first!.petitionId });
    // the same form sent again from a page still at version 1: told plainly, nothing changed
    res = await send(leader, 'PUT', `/api/duty/receptions/${first!.id}`, { ...change, handling: '旧页面的内容', expectedVersion: 1 }, null);
    expect(res.statusCode).toBe(409);
    // the director corrects the phone; a clerk may not touch it; 处理情况 cannot be emptied
    res = await send(director, 'PUT', `/api/duty/receptions/${first!.id}`, { ...change, visitorPhone: '13812345679', expectedVersion: 2 }, null);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ visitorPhone: '13812345679', version: 3, updatedByName: '李春梅' });
    expect((await send(clerk, 'PUT', `/api/duty/receptions/${first!.id}`, { ...change, expectedVersion: 3 }, null)).statusCode).toBe(403);
    const empty = await send(leader, 'PUT', `/api/duty/receptions/${first!.id}`, { ...change, handling: '  ', expectedVersion: 3 }, null);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toMatch(/处理情况/);
    const log = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'duty.reception.change').orderBy('seq').execute();
    expect(log.map((l) => JSON.parse(l.detail!).changed)).toEqual([['handling'], ['visitor_phone']]);
    for (const l of log) expect(l.detail).not.toContain('王大山');
  });

  it('an urgent petition is flagged to the leader on duty that day and the director, not to the leader off duty', async () => {
    t.clock.now = new Date('2027-01-05T10:00:00+08:00');
    const onDuty = publicRosterSchema.parse((await anon(`/api/hall/duty-roster?orgId=${township}&month=2027-01`)).json()).days.find((d) => d.date === '2027-01-05')!;
    const res = await send(xinfang, 'POST', '/api/petitions', { channel: 'visit', name: '赵五', issue: '反映灌溉渠堵塞，急需处理。', urgency: 'urgent' });
    expect(res.statusCode, res.body).toBe(201);
    const petitionId = (res.json() as { id: string }).id;
    const told = await t.database.db.selectFrom('outbox_messages').select('recipient').where('channel', '=', 'inbox').where('dedupe_key', 'like', `petition:${petitionId}:flag%`).execute();
    const staff = await t.database.db.selectFrom('users').select(['id', 'name', 'roles']).where('org_id', '=', township).execute();
    const director = staff.find((u) => u.roles.includes('"director"'))!;
    const offDuty = staff.filter((u) => u.roles.includes('"leader"') && u.name !== onDuty.name);
    const dutyId = staff.find((u) => u.name === onDuty.name)!.id;
    expect(told.map((m) => m.recipient).sort()).toEqual([...new Set([dutyId, director.id])].sort());
    // 5 January falls to the director in the rotation: the leader 马振华 is off duty and hears nothing
    expect(offDuty.length).toBeGreaterThan(0);
    for (const leader of offDuty) expect(told.map((m) => m.recipient)).not.toContain(leader.id);
  });

  it('a village sets its fixed office day; the public places of an item show it', async () => {
    const list = (await get(agent, '/api/duty/office-days')).json() as { villages: { orgId: string }[] };
    expect(list.villages.map((v) => v.orgId)).toEqual([village]);
    let res = await send(agent, 'PUT', `/api/duty/office-days/${village}`, { weekdays: [3] }, null);
    expect(res.statusCode, res.body).toBe(200);
    const set = officeDaySchema.parse(res.json());
    expect(set).toMatchObject({ text: '每周三', version: 1 });
    expect((await send(agent, 'PUT', `/api/duty/office-days/${village}`, { weekdays: [1] }, null)).statusCode).toBe(409);
    res = await send(director, 'PUT', `/api/duty/office-days/${village}`, { weekdays: [4, 1], note: '节假日除外', expectedVersion: 1 }, null);
    expect(officeDaySchema.parse(res.json())).toMatchObject({ text: '每周一、周四', version: 2 });
    expect((await send(clerk, 'PUT', `/api/duty/office-days/${village}`, { weekdays: [2], expectedVersion: 2 }, null)).statusCode).toBe(403);
    // the township itself is no village
    expect((await send(director, 'PUT', `/api/duty/office-days/${township}`, { weekdays: [2] }, null)).statusCode).toBe(404);

    const places = itemPlacesSchema.parse((await anon('/api/public/items/MZ-003/places')).json());
    expect(places.places.find((p) => p.orgId === village)?.officeDay).toBe('每周一、周四');
    expect(places.places.find((p) => p.orgId === township)?.officeDay).toBeNull();
  });
});
