// 预约 (issue 12 §3): slots per service and day with a capacity, only on working days (a holiday is closed, a 调休
// Saturday open, the next year provisionally), published N days ahead; booking by a signed-in applicant, by the window
// for a phone caller and by a village agent for a villager, each recorded; the last place goes to one of two at once;
// one booking per phone, service and day; a 6-digit check-in code at the kiosk (or the window) gives a number at the
// head of its service's line; the reminder SMS the day before, once; no-shows marked after the day and counted;
// refusals in Chinese change nothing.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentSchema, checkedInSchema, slotsSchema } from '../../src/domain/contract/appointments.js';
import { DEMO_APPLICANT, seedDemoApplicant } from '../../src/modules/applicants/demo.js';
import { appointmentJob } from '../../src/modules/appointments/jobs.js';
import { issueTicket } from '../../src/modules/hall/issue-ticket.js';
import { loadDay, serviceLine } from '../../src/modules/hall/line.js';
import { hallSettingsOf } from '../../src/modules/hall/settings.js';
import { busOf } from '../../src/server/bus.js';
import type { AppContext } from '../../src/server/context.js';
import { openSse } from './support/sse.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('预约 (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  let director: string;
  let clerk: string;
  let agent: string;
  let applicant: string;
  let orgId: string;
  let serviceId: string;
  let otherServiceId: string;
  let seq = 0;

  const at = async (iso: string) => {
    t.clock.now = new Date(iso);
    director = await signIn(t.app, 'director');
    clerk = await signIn(t.app, 'clerk');
    agent = await signIn(t.app, 'agent');
    const res = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: DEMO_APPLICANT.phone, password: DEMO_APPLICANT.password }, remoteAddress: `10.33.${++seq}.1` });
    expect(res.statusCode, res.body).toBe(200);
    applicant = `bianmin_applicant=${res.cookies.find((c) => c.name === 'bianmin_applicant')!.value}`;
  };
  const slots = async (sid = serviceId) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/hall/appointments?orgId=${orgId}&serviceId=${sid}` });
    expect(res.statusCode, res.body).toBe(200);
    return slotsSchema.parse(res.json());
  };
  const staffBook = (cookie: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/hall/appointments', headers: { cookie, 'idempotency-key': `k-${randomUUID()}` }, payload: { orgId, serviceId, name: '张大爷', ...body } });
  const publicBook = (body: Record<string, unknown>, key = `k-${randomUUID()}`) =>
    t.app.inject({ method: 'POST', url: '/api/public/appointments', headers: { cookie: applicant, 'idempotency-key': key }, payload: { orgId, serviceId, ...body } });
  const count = async (table: 'appointments' | 'outbox_messages') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const sms = (phone: string, template: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).where('template', '=', template).execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ctx = { database: t.database, config: t.config, clock: () => t.clock.now };
    t.clock.now = new Date('2026-09-28T09:00:00+08:00');
    await seedDemoApplicant(ctx);
    await at('2026-09-28T10:00:00+08:00'); // a Monday; 10-01…10-07 国庆, 10-10 (Saturday) a make-up working day
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: director } });
    orgId = me.json().user.orgId;
    const now = t.clock.now.toISOString();
    serviceId = randomUUID();
    otherServiceId = randomUUID();
    for (const [id, code, name] of [
      [serviceId, 'Y', '社保医保'],
      [otherServiceId, 'Z', '户籍证明'],
    ] as const) {
      await t.database.db
        .insertInto('hall_services')
        .values({ id, org_id: orgId, code, name, window_ids: '[]', item_codes: '[]', active: 1, sort: 90, created_at: now, updated_at: now, version: 1 })
        .execute();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('no plan: nothing to book, and a booking is refused in Chinese', async () => {
    const list = await slots();
    expect(list.services.map((s) => s.id)).not.toContain(serviceId);
    expect(list.days).toEqual([]);
    const res = await publicBook({ day: '2026-09-29', start: '09:00' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('NO_APPOINTMENTS');
    expect(res.json().title).toMatch(/还没有开放预约/);
  });

  it('the director sets the plan (a clerk may not; a stale version is 409; overlapping ranges are refused)', async () => {
    const plan = { ranges: [{ start: '09:00', end: '10:00', capacity: 5 }, { start: '10:00', end: '11:00', capacity: 1 }, { start: '14:30', end: '16:00', capacity: 3 }], version: null };
    expect((await t.app.inject({ method: 'PUT', url: `/api/hall/appointments/plans/${serviceId}`, headers: { cookie: clerk }, payload: plan })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: `/api/hall/appointments/plans/${serviceId}`, headers: { cookie: director }, payload: { ranges: [{ start: '09:00', end: '10:30', capacity: 5 }, { start: '10:00', end: '11:00', capacity: 1 }], version: null } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().title).toMatch(/重叠/);
    const res = await t.app.inject({ method: 'PUT', url: `/api/hall/appointments/plans/${serviceId}`, headers: { cookie: director }, payload: plan });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().services.find((s: { serviceId: string }) => s.serviceId === serviceId);
    expect(mine.version).toBe(1);
    expect(res.json().daysAhead).toBe(7);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/hall/appointments/plans/${serviceId}`, headers: { cookie: director }, payload: plan });
    expect(stale.statusCode).toBe(409);
    await t.app.inject({ method: 'PUT', url: `/api/hall/appointments/plans/${otherServiceId}`, headers: { cookie: director }, payload: { ranges: [{ start: '09:00', end: '12:00', capacity: 10 }], version: null } });
  });

  it('slots: working days only, today only what is still to come, the 国庆 holiday closed, N days ahead', async () => {
    const list = await slots();
    expect(list.services.map((s) => s.name)).toEqual(expect.arrayContaining(['社保医保', '户籍证明']));
    // 7 days ahead from Monday 09-28: 09-28 … 10-05, of which 10-01 … 10-05 are 国庆
    expect(list.days.map((d) => d.date)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30']);
    // at 10:00 today the 09:00–10:00 slot is over
    expect(list.days[0]!.slots.map((s) => s.start)).toEqual(['10:00', '14:30']);
    expect(list.days[1]!.slots[0]).toMatchObject({ start: '09:00', end: '10:00', capacity: 5, left: 5 });
    const holiday = await publicBook({ day: '2026-10-02', start: '09:00' });
    expect(holiday.statusCode).toBe(422);
    expect(holiday.json().code).toBe('SLOT_CLOSED');
    expect(holiday.json().title).toMatch(/不是工作日/);
    const beyond = await publicBook({ day: '2026-10-09', start: '09:00' });
    expect(beyond.json().code).toBe('SLOT_NOT_PUBLISHED');
    const past = await publicBook({ day: '2026-09-28', start: '09:00' });
    expect(past.json().code).toBe('SLOT_PAST');
    expect(await count('appointments')).toBe(0);
  });

  it('14 days ahead: the 调休 Saturday 10-10 is open, the Sunday after is not', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/hall/appointments/days-ahead', headers: { cookie: clerk }, payload: { daysAhead: 14 } })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/hall/appointments/days-ahead', headers: { cookie: director }, payload: { daysAhead: 0 } });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'PUT', url: '/api/hall/appointments/days-ahead', headers: { cookie: director }, payload: { daysAhead: 14 } });
    expect(res.statusCode, res.body).toBe(200);
    const dates = (await slots()).days.map((d) => d.date);
    expect(dates).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });

  let publicOne: { id: string; version: number; code: string };

  it('a signed-in applicant books with their account; an SMS with the code; a double submit is one booking; one per day', async () => {
    const key = `k-${randomUUID()}`;
    const res = await publicBook({ day: '2026-10-10', start: '09:00' }, key);
    expect(res.statusCode, res.body).toBe(201);
    const b = appointmentSchema.parse(res.json());
    expect(b).toMatchObject({ via: 'public', status: 'booked', phone: DEMO_APPLICANT.phone, name: DEMO_APPLICANT.name, weekday: '星期六', start: '09:00', end: '10:00' });
    expect(b.code).toMatch(/^\d{6}$/);
    publicOne = b;
    const again = await publicBook({ day: '2026-10-10', start: '09:00' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(b.id);
    // the key sent again for another time is refused (422), not answered with the 09:00 booking
    const otherTime = await publicBook({ day: '2026-10-10', start: '14:30' }, key);
    expect([otherTime.statusCode, otherTime.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count('appointments')).toBe(1);
    const [message] = await sms(DEMO_APPLICANT.phone, 'appointment-booked');
    expect(message!.text).toContain(`签到码${b.code}`);
    expect(message!.text).toContain('2026-10-10（星期六）09:00-10:00的“社保医保”');
    const second = await publicBook({ day: '2026-10-10', start: '14:30' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_BOOKED');
    const mine = await t.app.inject({ method: 'GET', url: '/api/public/appointments', headers: { cookie: applicant } });
    expect(mine.json().appointments.map((a: { id: string }) => a.id)).toEqual([b.id]);
    expect((await slots()).days.find((d) => d.date === '2026-10-10')!.slots[0]!.left).toBe(4);
    // not signed in: 401, nothing written
    const anon = await t.app.inject({ method: 'POST', url: '/api/public/appointments', headers: { 'idempotency-key': 'k-anon-123' }, payload: { orgId, serviceId, day: '2026-10-10', start: '10:00' } });
    expect(anon.statusCode).toBe(401);
    expect(await count('appointments')).toBe(1);
  });

  it('the window books for a phone caller; a village agent for a villager; each recorded with who and how', async () => {
    const byPhone = await staffBook(clerk, { day: '2026-09-29', start: '14:30', phone: '13811112222', name: '李桂芝' });
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    expect(byPhone.json()).toMatchObject({ via: 'window', viaName: '窗口电话预约', bookedByName: '王晓燕', phone: '13811112222' });
    const byAgent = await staffBook(agent, { day: '2026-09-29', start: '14:30', phone: '13833334444', name: '刘老汉' });
    expect(byAgent.statusCode, byAgent.body).toBe(201);
    expect(byAgent.json()).toMatchObject({ via: 'agent', viaName: '村代办员代约', bookedByName: '刘德福' });
    const agentList = await t.app.inject({ method: 'GET', url: '/api/hall/appointments/mine', headers: { cookie: agent } });
    expect(agentList.json().appointments.map((a: { id: string }) => a.id)).toEqual([byAgent.json().id]);
    const badPhone = await staffBook(clerk, { day: '2026-09-29', start: '14:30', phone: '1381111', name: '李桂芝' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().title).toMatch(/11 位/);
    // a supervisor books nothing
    const supervisor = await signIn(t.app, 'supervisor');
    expect((await staffBook(supervisor, { day: '2026-09-29', start: '14:30', phone: '13855556666' })).statusCode).toBe(403);
    const day = await t.app.inject({ method: 'GET', url: '/api/hall/appointments/day?date=2026-09-29', headers: { cookie: clerk } });
    expect(day.json().appointments.map((a: { name: string }) => a.name)).toEqual(['李桂芝', '刘老汉']);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'user_id']).where('action', '=', 'appointment.book').execute();
    expect(audit).toHaveLength(3);
  });

  it('two bookings for the last place at once: one wins, the other gets a clear 409; never over capacity', async () => {
    const results = await Promise.all(
      ['13900000001', '13900000002', '13900000003'].map((phone) => staffBook(clerk, { day: '2026-09-30', start: '10:00', phone })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().code).toBe('SLOT_FULL');
      expect(r.json().title).toMatch(/约满/);
    }
    const taken = await t.database.db.selectFrom('appointments').selectAll().where('day', '=', '2026-09-30').where('start', '=', '10:00').execute();
    expect(taken).toHaveLength(1);
    expect((await slots()).days.find((d) => d.date === '2026-09-30')!.slots.find((s) => s.start === '10:00')!.left).toBe(0);
    // the same phone twice at once for the same service and day: one booking
    const same = await Promise.all([0, 1].map(() => staffBook(clerk, { day: '2026-09-30', start: '09:00', phone: '13900000009' })));
    expect(same.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(same.find((r) => r.statusCode === 409)!.json().code).toBe('ALREADY_BOOKED');
  });

  it('cancelling: by the booker or the window, stale version 409, another applicant cannot; the place comes back', async () => {
    const b = await staffBook(clerk, { day: '2026-09-30', start: '14:30', phone: '13877778888' });
    const { id, version } = b.json();
    const other = await signIn(t.app, 'clerk2');
    expect((await t.app.inject({ method: 'POST', url: `/api/public/appointments/${id}/cancel`, headers: { cookie: applicant }, payload: { version } })).statusCode).toBe(404);
    const stale = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${id}/cancel`, headers: { cookie: other }, payload: { version: version + 1 } });
    expect(stale.statusCode).toBe(409);
    const ok = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${id}/cancel`, headers: { cookie: other }, payload: { version } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('cancelled');
    expect((await sms('13877778888', 'appointment-cancelled'))[0]!.text).toContain('您预约的9月30日 14:30—');
    const twice = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${id}/cancel`, headers: { cookie: other }, payload: { version: ok.json().version } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().title).toMatch(/已取消/);
    // the phone may book again that day
    expect((await staffBook(clerk, { day: '2026-09-30', start: '14:30', phone: '13877778888' })).statusCode).toBe(201);
    // the applicant cancels their own
    const own = await t.app.inject({ method: 'POST', url: `/api/public/appointments/${publicOne.id}/cancel`, headers: { cookie: applicant }, payload: { version: publicOne.version } });
    expect(own.statusCode, own.body).toBe(200);
    const rebook = await publicBook({ day: '2026-10-10', start: '09:00' });
    expect(rebook.statusCode).toBe(201);
    publicOne = rebook.json();
  });

  it('the center’s consoles hear of a booking made from home, cancelled and checked in, ids only; a village agent does not', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const [window, village] = [await openSse(base, clerk), await openSse(base, agent)];
    try {
      const key = `k-${randomUUID()}`;
      const booked = await publicBook({ day: '2026-10-09', start: '09:00' }, key);
      expect(booked.statusCode, booked.body).toBe(201);
      const { id, version } = booked.json() as { id: string; version: number };
      const heard = await window.next('appointment');
      expect(heard.json()).toEqual({ type: 'appointment', appointmentId: id, orgId, action: 'book' });
      for (const secret of [DEMO_APPLICANT.name, DEMO_APPLICANT.phone]) expect(heard.data).not.toContain(secret);
      // the same request again (a lost answer) books nothing new and announces nothing: the next message is the cancelling
      expect((await publicBook({ day: '2026-10-09', start: '09:00' }, key)).statusCode).toBe(200);
      const cancelled = await t.app.inject({ method: 'POST', url: `/api/public/appointments/${id}/cancel`, headers: { cookie: applicant }, payload: { version } });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect((await window.next('appointment')).json()).toMatchObject({ appointmentId: id, action: 'cancel' });
      // a phone caller's booking for this afternoon, checked in at the window
      const today = await staffBook(clerk, { day: '2026-09-28', start: '14:30', phone: '13866665555', name: '赵婶' });
      expect(today.statusCode, today.body).toBe(201);
      expect((await window.next('appointment')).json()).toMatchObject({ appointmentId: today.json().id, action: 'book' });
      const checkedIn = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${today.json().id}/check-in`, headers: { cookie: clerk }, payload: { version: today.json().version } });
      expect(checkedIn.statusCode, checkedIn.body).toBe(200);
      expect((await window.next('appointment')).json()).toMatchObject({ appointmentId: today.json().id, action: 'check-in' });
      // the village agent's console is not told of the township's bookings (nor of its hall): the first thing it
      // hears is a change of its own village, published after all of them
      const agentOrg = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: agent } })).json().user.orgId as string;
      const mark = { type: 'case', caseId: randomUUID(), version: 1, status: 'in_progress', light: 'green', receivingOrgId: agentOrg, holderOrgId: agentOrg, transitOrgId: null, windowId: null, action: 'intake', byUserId: null } as const;
      busOf(ctx).publish(mark);
      expect((await village.next()).json()).toEqual(mark);
    } finally {
      window.close();
      village.close();
    }
  });

  it('the reminder SMS goes out the day before, once however often the job runs', async () => {
    await at('2026-09-29T08:30:00+08:00'); // before 09:00: nobody's phone rings yet
    await appointmentJob.run(ctx, t.clock.now);
    const before = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'appointment-reminder').execute();
    expect(before).toHaveLength(0);
    await at('2026-09-29T18:00:00+08:00');
    await appointmentJob.run(ctx, t.clock.now);
    await appointmentJob.run(ctx, t.clock.now);
    const reminders = await t.database.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'appointment-reminder').execute();
    // tomorrow (09-30): the last place at 10:00, the phone 13900000009, and 13877778888 rebooked
    expect(reminders.map((r) => r.recipient).sort()).toEqual(expect.arrayContaining(['13877778888', '13900000009']));
    expect(reminders).toHaveLength(3);
    expect(reminders[0]!.text).toMatch(/提醒：您预约了明天2026-09-30（星期三）/);
  });

  it('check-in at the kiosk with the code gives a number at the head of its service; a wrong code is refused', async () => {
    await at('2026-09-29T14:40:00+08:00');
    const cfg = { orgId, serviceId, source: 'kiosk' as const };
    await issueTicket(ctx, cfg, t.clock.now);
    await issueTicket(ctx, cfg, t.clock.now);
    const row = await t.database.db.selectFrom('appointments').selectAll().where('day', '=', '2026-09-29').where('phone', '=', '13811112222').executeTakeFirstOrThrow();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/hall/appointments/check-in', payload: { orgId, code: row.code === '000000' ? '000001' : '000000' } });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().title).toMatch(/签到码不正确/);
    const kiosk = { 'idempotency-key': `kiosk-${randomUUID()}` };
    const res = await t.app.inject({ method: 'POST', url: '/api/hall/appointments/check-in', headers: kiosk, payload: { orgId, code: row.code } });
    expect(res.statusCode, res.body).toBe(200);
    const done = checkedInSchema.parse(res.json());
    // the answer is the number taken (as POST /api/hall/tickets answers), with the booking alongside
    expect(done.number).toBe(done.ticket.number);
    expect(done.appointment.phone).toBe('138****2222');
    // the kiosk's same request again (a double tap): the same number, no second ticket
    const replay = await t.app.inject({ method: 'POST', url: '/api/hall/appointments/check-in', headers: kiosk, payload: { orgId, code: row.code } });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().id).toBe(done.id);
    expect(done.ticket.ahead).toBe(0);
    expect(done.ticket.number).toMatch(/^Y\d{3}$/);
    expect(done.appointment).toMatchObject({ status: 'checked_in', ticketNumber: done.ticket.number });
    const day = await loadDay(t.database.db, orgId, t.clock.now);
    const line = serviceLine(day!, serviceId, await hallSettingsOf(t.database.db, orgId));
    expect(line[0]!.id).toBe(done.ticket.id);
    expect(line[0]!.priority).toBe('appointment');
    expect(line).toHaveLength(3);
    const again = await t.app.inject({ method: 'POST', url: '/api/hall/appointments/check-in', payload: { orgId, code: row.code } });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toMatch(/已经签到/);
    // the window checks in the agent's villager
    const villager = await t.database.db.selectFrom('appointments').selectAll().where('day', '=', '2026-09-29').where('phone', '=', '13833334444').executeTakeFirstOrThrow();
    const early = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${publicOne.id}/check-in`, headers: { cookie: clerk }, payload: { version: publicOne.version } });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toMatch(/请在预约当天来签到/);
    const w = await t.app.inject({ method: 'POST', url: `/api/hall/appointments/${villager.id}/check-in`, headers: { cookie: clerk }, payload: { version: villager.version } });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().ticket.ahead).toBe(1);
  });

  it('after the day, unchecked bookings become no-shows, counted per service for the director', async () => {
    await at('2026-10-08T09:30:00+08:00');
    await appointmentJob.run(ctx, t.clock.now);
    const rows = await t.database.db.selectFrom('appointments').select(['day', 'status']).where('day', '<', '2026-10-08').execute();
    expect(rows.filter((r) => r.status === 'booked')).toHaveLength(0);
    expect(rows.filter((r) => r.status === 'no_show')).toHaveLength(3);
    expect((await t.app.inject({ method: 'GET', url: '/api/hall/appointments/no-shows?month=2026-09', headers: { cookie: clerk } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'GET', url: '/api/hall/appointments/no-shows?month=2026-09', headers: { cookie: director } });
    expect(res.statusCode, res.body).toBe(200);
    // checked in: the kiosk's, the window's and the live-update test's phone caller of 09-28
    expect(res.json().services.find((s: { serviceId: string }) => s.serviceId === serviceId)).toMatchObject({ noShows: 3, checkedIn: 3, cancelled: 1 });
  });

  it('across the year end the next year counts provisionally: 元旦 2027 closed', async () => {
    await at('2026-12-28T08:00:00+08:00');
    const dates = (await slots()).days.map((d) => d.date);
    expect(dates).toContain('2026-12-31');
    expect(dates).not.toContain('2027-01-01');
    expect(dates).toContain('2027-01-04');
  });
});
