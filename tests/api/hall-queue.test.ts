// 大厅排队叫号 (issue 12 §1–2) over HTTP on a real database: taking numbers (numbers restart daily, one per
// Idempotency-Key), the order of the line (checked-in appointment first, then priority balanced against waiting),
// call next, call a specific one only with a reason, recall, no-show only after the wait, transfer keeping the place,
// start and finish, a case registered from a number being served linked to it in the same transaction, two windows
// calling at once never getting the same number (and never a 500), the display's JSON and SSE stream, the one
// "N in line" SMS through the outbox, and the figures.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/modules/hall/issue-ticket.js';
import { hallSettingsOf } from '../../src/modules/hall/settings.js';
import { DEFAULT_SMS_POSITION } from '../../src/domain/hall/ticket.js';
import type { AppContext } from '../../src/server/context.js';
import { openSse } from './support/sse.js';
import { mobileNumberIn } from './support/no-mobile.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };

type Ticket = { id: string; number: string; status: string; version: number; priority: string; issuedAt: string; serviceId: string; windowId: string | null; caseId: string | null; caseNo: string | null; recalls: number };

describe.each(DIALECTS)('大厅排队叫号 (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  let clerk: string;
  let director: string;
  let orgId: string;
  let w1: string;
  let w2: string;
  let w3: string;
  let serviceA: string;
  let serviceB: string;
  let ip = 0;

  const take = (body: Record<string, unknown>, key = `k-${randomUUID()}`) =>
    t.app.inject({ method: 'POST', url: '/api/hall/tickets', headers: { 'idempotency-key': key }, payload: { orgId, serviceId: serviceA, ...body }, remoteAddress: `10.12.${++ip % 250}.7` });
  const queue = async (windowId: string) => {
    const res = await t.app.inject({ url: `/api/hall/queue?windowId=${windowId}`, headers: { cookie: clerk } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { current: Ticket | null; waiting: Ticket[]; recent: Ticket[] };
  };
  const callNext = (windowId: string) => t.app.inject({ method: 'POST', url: `/api/hall/windows/${windowId}/call-next`, headers: { cookie: clerk }, payload: {} });
  const act = (id: string, action: string, body: Record<string, unknown>, cookie = clerk) =>
    t.app.inject({ method: 'POST', url: `/api/hall/tickets/${id}/${action}`, headers: { cookie }, payload: body });
  const version = async (id: string) => Number((await t.database.db.selectFrom('hall_tickets').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
  /** Finishes whatever is at the window now, and whatever waits in these lines, so each test starts with an empty hall. */
  const at = async (iso: string) => {
    t.clock.now = new Date(iso);
    [clerk, director] = await Promise.all([signIn(t.app, 'clerk'), signIn(t.app, 'director')]);
  };
  const clearHall = async () => {
    await t.database.db.updateTable('hall_tickets').set({ status: 'cancelled' }).where('status', 'in', ['waiting', 'called', 'serving']).execute();
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ctx = { database: t.database, config: t.config, clock: () => t.clock.now };
    t.clock.now = new Date('2026-03-02T09:00:00+08:00'); // a Monday
    clerk = await signIn(t.app, 'clerk');
    director = await signIn(t.app, 'director');
    orgId = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user.orgId;
    const windows = (await t.app.inject({ url: `/api/windows?orgId=${orgId}`, headers: { cookie: clerk } })).json().windows as { id: string }[];
    [w1, w2, w3] = windows.map((w) => w.id) as [string, string, string];
    const create = async (body: Record<string, unknown>) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/hall/services', headers: { cookie: director }, payload: { orgId, itemCodes: ['MZ-002'], ...body } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    serviceA = await create({ code: 'A', name: '社保医保', windowIds: [w1, w2] });
    serviceB = await create({ code: 'B', name: '户籍证件', windowIds: [w3] });
    const settings = await t.app.inject({ method: 'PUT', url: '/api/hall/settings', headers: { cookie: director }, payload: { noShowMinutes: 3, smsPosition: 2, priorityBonusMinutes: 15, maxOvertakes: 3 } });
    expect(settings.statusCode, settings.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keeps each center's settings its own: the director's change leaves the other centers on the defaults", async () => {
    const db = t.database.db;
    expect((await hallSettingsOf(db, orgId)).smsPosition).toBe(2);
    const other = await db.selectFrom('orgs').select('id').where('id', '!=', orgId).executeTakeFirstOrThrow();
    expect((await hallSettingsOf(db, other.id)).smsPosition).toBe(DEFAULT_SMS_POSITION);
    expect(DEFAULT_SMS_POSITION).not.toBe(2);
  });

  it('a kiosk request without a service is told to pick one, in Chinese, and takes no number', async () => {
    const before = await t.database.db.selectFrom('hall_tickets').select('id').execute();
    const res = await take({ serviceId: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('提交的信息有误：请选择要办理的业务。');
    expect(await t.database.db.selectFrom('hall_tickets').select('id').execute()).toHaveLength(before.length);
  });

  it('sets up services: only the director, one code per center, the public sees the open ones with how many wait', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/hall/services', headers: { cookie: director }, payload: { orgId, code: 'A', name: '重复', windowIds: [], itemCodes: [] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().title ?? dup.json().detail ?? dup.body).toMatch(/服务代码/);
    const byClerk = await t.app.inject({ method: 'POST', url: '/api/hall/services', headers: { cookie: clerk }, payload: { orgId, code: 'Q', name: '窗口自建', windowIds: [], itemCodes: [] } });
    expect(byClerk.statusCode).toBe(403);
    const badCode = await t.app.inject({ method: 'POST', url: '/api/hall/services', headers: { cookie: director }, payload: { orgId, code: 'aa', name: '坏代码', windowIds: [], itemCodes: [] } });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.body).toMatch(/大写英文字母/);
    const list = (await t.app.inject({ url: `/api/hall/services?orgId=${orgId}` })).json();
    const a = list.services.find((s: { id: string }) => s.id === serviceA);
    expect(a).toMatchObject({ code: 'A', name: '社保医保', windowIds: [w1, w2], itemCodes: ['MZ-002'], waiting: 0 });
    const setup = await t.app.inject({ url: '/api/hall/setup', headers: { cookie: director } });
    expect(setup.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/hall/services/${serviceB}`, headers: { cookie: director }, payload: { version: 99, name: '户籍' } });
    expect(stale.statusCode).toBe(409);
  });

  it('issues numbers A001, A002 …, one per Idempotency-Key, restarting the next day; a bad phone is refused in Chinese', async () => {
    const key = `k-${randomUUID()}`;
    const first = await take({}, key);
    expect(first.statusCode, first.body).toBe(201);
    const issued = first.json();
    expect(issued).toMatchObject({ number: 'A001', serviceId: serviceA, serviceName: '社保医保', ahead: 0 });
    expect(issued.token).toEqual(expect.any(String));
    const again = await take({}, key);
    expect(again.json().id).toBe(issued.id);
    // the key sent again for another service is another request: refused, no number taken, not A001 answered
    const tickets = async () => Number((await t.database.db.selectFrom('hall_tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await tickets();
    const otherService = await take({ serviceId: serviceB }, key);
    expect([otherService.statusCode, otherService.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await tickets()).toBe(before);
    const second = (await take({})).json();
    expect(second).toMatchObject({ number: 'A002', ahead: 1 });
    const badPhone = await take({ phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.body).toMatch(/手机号码/);
    const noKey = await t.app.inject({ method: 'POST', url: '/api/hall/tickets', payload: { orgId, serviceId: serviceA } });
    expect(noKey.statusCode).toBe(400);
    const position = await t.app.inject({ url: `/api/hall/tickets/position/${second.token}` });
    expect(position.json()).toMatchObject({ number: 'A002', serviceName: '社保医保', status: 'waiting', ahead: 1, windowName: null });
    expect(position.body).not.toContain('phone');
    // the next day the numbers start again
    await at('2026-03-03T09:00:00+08:00');
    expect((await take({})).json().number).toBe('A001');
    expect((await take({ serviceId: serviceB })).json().number).toBe('B001');
    await clearHall();
  });

  it('orders the line: a checked-in appointment first, then priority balanced against waiting time', async () => {
    await at('2026-03-04T08:30:00+08:00');
    const early = (await take({})).json(); // has waited 20 minutes when the elderly man comes
    await at('2026-03-04T08:50:00+08:00');
    const normal = (await take({})).json();
    const elderly = (await take({ priority: 'elderly' })).json();
    const appointment = await issueTicket(ctx, { orgId, serviceId: serviceA, source: 'appointment' }, t.clock.now);
    const line = (await queue(w1)).waiting.map((x) => x.id);
    // early waited longer than the 15 priority minutes: before the elderly man; normal after him
    expect(line).toEqual([appointment.id, early.id, elderly.id, normal.id]);
    expect((await queue(w1)).waiting.map((x) => x.priority)).toEqual(['appointment', 'none', 'elderly', 'none']);
    // the clerk calls next: the appointment, then the rest in that order
    for (const expected of [appointment.id, early.id, elderly.id, normal.id]) {
      const res = await callNext(w1);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().ticket.id).toBe(expected);
      expect((await act(expected, 'cancel', { version: await version(expected) })).statusCode).toBe(200);
    }
    const none = await callNext(w1);
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('当前没有等候的群众');
  });

  it('grants 绿色通道 only with a reason, recorded; the number then moves up within the priority bound', async () => {
    await at('2026-03-04T14:00:00+08:00');
    const first = (await take({})).json();
    const second = (await take({})).json();
    const noReason = await act(second.id, 'green-channel', { version: await version(second.id) });
    expect(noReason.statusCode).toBe(400);
    const granted = await act(second.id, 'green-channel', { version: await version(second.id), reason: '孕妇，身体不适' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().ticket.priority).toBe('green');
    expect((await queue(w1)).waiting.map((x) => x.id)).toEqual([second.id, first.id]);
    const row = await t.database.db.selectFrom('hall_tickets').selectAll().where('id', '=', second.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ green_reason: '孕妇，身体不适', priority: 'green' });
    expect(row.green_granted_by).toEqual(expect.any(String));
    await clearHall();
  });

  it('calls a specific number only with a reason; recalls; refuses a no-show before the wait; start and finish', async () => {
    await at('2026-03-05T09:00:00+08:00');
    const a1 = (await take({})).json();
    const a2 = (await take({})).json();
    const noReason = await act(a2.id, 'call', { windowId: w1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toMatch(/原因/);
    const specific = await act(a2.id, 'call', { windowId: w1, reason: '老人家的家属刚才已经来过' });
    expect(specific.statusCode, specific.body).toBe(200);
    const events = await t.database.db.selectFrom('hall_ticket_events').selectAll().where('ticket_id', '=', a2.id).orderBy('at').execute();
    expect(events.at(-1)).toMatchObject({ action: 'call_specific', reason: '老人家的家属刚才已经来过', window_id: w1 });
    const recall = await act(a2.id, 'recall', { version: specific.json().ticket.version });
    expect(recall.statusCode, recall.body).toBe(200);
    t.clock.advanceMinutes(2);
    const early = await act(a2.id, 'no-show', { version: recall.json().ticket.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('HALL_NO_SHOW_TOO_EARLY');
    expect(early.body).toMatch(/3 分钟/);
    const stale = await act(a2.id, 'no-show', { version: 1 });
    expect(stale.statusCode).toBe(409);
    t.clock.advanceMinutes(2);
    const noShow = await act(a2.id, 'no-show', { version: recall.json().ticket.version });
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect(noShow.json().ticket.status).toBe('no_show');
    // a no-show only from called: a waiting number cannot be marked
    expect((await act(a1.id, 'no-show', { version: await version(a1.id) })).statusCode).toBe(409);
    // the next is a1; start and finish it
    const called = await callNext(w1);
    expect(called.json().ticket.id).toBe(a1.id);
    const started = await act(a1.id, 'start', { version: called.json().ticket.version });
    expect(started.statusCode).toBe(200);
    const q = await queue(w1);
    expect(q.current).toMatchObject({ id: a1.id, status: 'serving' });
    const finished = await act(a1.id, 'finish', { version: started.json().ticket.version });
    expect(finished.json().ticket.status).toBe('finished');
    // the no-show comes back: reactivated, in its old place
    const back = await act(a2.id, 'reactivate', { version: await version(a2.id) });
    expect(back.json().ticket.status).toBe('waiting');
    expect((await queue(w1)).waiting.map((x) => x.id)).toEqual([a2.id]);
    await clearHall();
  });

  it('transfers a number to another service or window keeping its place (its original issue time)', async () => {
    await at('2026-03-06T09:00:00+08:00');
    const a = (await take({})).json();
    t.clock.advanceMinutes(5);
    const b1 = (await take({ serviceId: serviceB })).json();
    const b2 = (await take({ serviceId: serviceB })).json();
    const called = await callNext(w1);
    expect(called.json().ticket.id).toBe(a.id);
    const moved = await act(a.id, 'transfer', { version: called.json().ticket.version, serviceId: serviceB });
    expect(moved.statusCode, moved.body).toBe(200);
    const line = (await queue(w3)).waiting;
    expect(line.map((x) => x.id)).toEqual([a.id, b1.id, b2.id]);
    expect(line[0]).toMatchObject({ number: 'A001', serviceId: serviceB, issuedAt: a.issuedAt, status: 'waiting' });
    // to one window: only that window's line has it
    const toWindow = await act(b2.id, 'transfer', { version: await version(b2.id), windowId: w1 });
    expect(toWindow.statusCode).toBe(200);
    expect((await queue(w1)).waiting.map((x) => x.id)).toEqual([b2.id]);
    expect((await queue(w2)).waiting.map((x) => x.id)).toEqual([]);
    const nowhere = await act(b1.id, 'transfer', { version: await version(b1.id) });
    expect(nowhere.statusCode).toBe(422);
    await clearHall();
  });

  it('a case registered from the number being served is linked to it in the same transaction', async () => {
    await at('2026-03-09T09:00:00+08:00');
    const a = (await take({})).json();
    const register = (ticketId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: clerk, 'idempotency-key': randomUUID() },
        payload: { itemCode: 'MZ-002', channel: 'window', applicant, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }], ticketId },
      });
    const count = async () => Number((await t.app.inject({ url: '/api/cases', headers: { cookie: clerk } })).json().total);
    const before = await count();
    // only a number being served: a waiting one is refused, and no case is made
    const notYet = await register(a.id);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.body).toMatch(/开始办理/);
    expect(await count()).toBe(before);
    const called = await callNext(w1);
    await act(a.id, 'start', { version: called.json().ticket.version });
    const res = await register(a.id);
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().id as string;
    const q = await queue(w1);
    expect(q.current).toMatchObject({ id: a.id, caseId, caseNo: res.json().caseNo });
    // the case page's queue record: waiting from taking the number to the call, serving from 开始办理 to 办结
    t.clock.advanceMinutes(12);
    expect((await act(a.id, 'finish', { version: await version(a.id) })).statusCode).toBe(200);
    const record = await t.app.inject({ url: `/api/hall/tickets/of-case/${caseId}`, headers: { cookie: clerk } });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().ticket).toMatchObject({ number: a.number, serviceName: '社保医保', waitingMinutes: 0, servingMinutes: 12 });
    expect((await t.app.inject({ url: `/api/hall/tickets/of-case/${randomUUID()}`, headers: { cookie: clerk } })).statusCode).toBe(404);
    const unknown = await register(randomUUID());
    expect(unknown.statusCode).toBe(422);
    await clearHall();
  });

  it('two windows calling at the same moment never get the same number (the next one or 404, never 500)', async () => {
    await at('2026-03-10T09:00:00+08:00');
    for (let round = 0; round < 4; round++) {
      const taken = [(await take({})).json().id, (await take({})).json().id, (await take({})).json().id];
      const answers = await Promise.all([callNext(w1), callNext(w2), callNext(w1), callNext(w2)]);
      for (const r of answers) expect([200, 404, 409], r.body).toContain(r.statusCode);
      const ids = answers.filter((r) => r.statusCode === 200).map((r) => r.json().ticket.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(3);
      expect(new Set(ids)).toEqual(new Set(taken));
      await clearHall();
    }
  });

  it('the display: JSON with the current call, and the SSE stream hears a call', async () => {
    await at('2026-03-11T09:00:00+08:00');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // subscribed once its first state arrived: the call made next is certain to reach it
    const display = await openSse(base, undefined, { path: `/api/hall/display/${orgId}/stream`, readyEvent: 'state' });
    expect(display.status, display.body).toBe(200);
    try {
      const a = (await take({})).json();
      const called = await callNext(w1);
      expect(called.statusCode).toBe(200);
      const call = (await display.next('call')).json<{ text: string }>();
      expect(call).toMatchObject({ ticketId: a.id, number: 'A001', recall: false, serviceName: '社保医保' });
      expect(call.text).toMatch(/^请 A001 号到 /);
      const json = (await t.app.inject({ url: `/api/hall/display/${orgId}` })).json();
      expect(json).toMatchObject({ orgId, date: '2026-03-11', current: { ticketId: a.id, number: 'A001' } });
      expect(json.calls[0].ticketId).toBe(a.id);
      expect(json.waiting.find((w: { serviceId: string }) => w.serviceId === serviceA)).toMatchObject({ code: 'A', waiting: 0 });
      expect(mobileNumberIn(JSON.stringify(json))).toBeNull();
    } finally {
      display.close();
      await clearHall();
    }
  });

  it('sends ONE SMS when a number with a phone comes within N of the head (N = 2 here)', async () => {
    await at('2026-03-12T09:00:00+08:00');
    const phone = '13900001111';
    const before = [(await take({})).json(), (await take({})).json(), (await take({})).json()];
    const mine = (await take({ phone })).json();
    expect(mine.ahead).toBe(3);
    const sms = () => t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).where('template', '=', 'hall-position').execute();
    expect(await sms()).toHaveLength(0);
    await callNext(w1); // 2 ahead now
    const sent = await sms();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/A004号.*前面还有2人/);
    await callNext(w2);
    await callNext(w1);
    expect(await sms()).toHaveLength(1);
    // a number taken already close to the head gets none
    const phone2 = '13900002222';
    await take({ phone: phone2 });
    expect(await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone2).execute()).toHaveLength(0);
    expect(before).toHaveLength(3);
    await clearHall();
  });

  it('figures: waiting and serving minutes per service, window and hour, and those who left before being served', async () => {
    // on 2026-03-13: one served (waited 10, served 6), one no-show; then the range is read
    await at('2026-03-13T10:00:00+08:00');
    const a = (await take({})).json();
    const b = (await take({})).json();
    t.clock.advanceMinutes(10);
    const called = await callNext(w1);
    expect(called.json().ticket.id).toBe(a.id);
    const started = await act(a.id, 'start', { version: called.json().ticket.version });
    t.clock.advanceMinutes(6);
    await act(a.id, 'finish', { version: started.json().ticket.version });
    const second = await callNext(w1);
    t.clock.advanceMinutes(5);
    expect((await act(b.id, 'no-show', { version: second.json().ticket.version })).statusCode).toBe(200);
    const refused = await t.app.inject({ url: `/api/hall/figures?from=2026-03-13&to=2026-03-13`, headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ url: `/api/hall/figures?from=2026-03-13&to=2026-03-13`, headers: { cookie: director } });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.totals).toMatchObject({ tickets: 2, served: 1, left: 1, serveAvg: 6 });
    expect(f.totals.waitAvg).toBe(13); // a waited 10, b 16
    expect(f.byService).toEqual([expect.objectContaining({ serviceId: serviceA, code: 'A', tickets: 2, served: 1, left: 1, waitMax: 16 })]);
    expect(f.byWindow).toEqual([expect.objectContaining({ windowId: w1, served: 1 })]);
    expect(f.byHour).toEqual([expect.objectContaining({ hour: 10, tickets: 2 })]);
  });
});
