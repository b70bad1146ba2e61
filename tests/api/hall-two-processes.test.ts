// Issue 12 §2 "on PostgreSQL a call made through any app process reaches every screen": two app processes on one
// PostgreSQL database — each its own pool, bus and LISTEN connection, as two `npm start` behind nginx would be — and
// a hall display connected to one of them. A number taken and called through the other process reaches that
// display's stream (GET /api/hall/display/<orgId>/stream, no session) as a `call` with the announced text, and as a
// `state` showing the number at its window.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse, type SseClient } from './support/sse.js';
import { signIn, type TestApp } from './support/test-app.js';
import { startTwoProcesses, type TwoProcesses } from './support/two-processes.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('两个应用进程共享叫号屏推送的测试已跳过：需要 PostgreSQL，请设置 TEST_DATABASE_URL=postgres://… 后再运行。');

/** A display screen's stream, as the browser's EventSource reads it; resolves at its first state (subscribed). */
const openDisplay = (baseUrl: string, orgId: string) => openSse(baseUrl, undefined, { path: `/api/hall/display/${orgId}/stream`, readyEvent: 'state' });
/** The next message of this event type, parsed (others before it are passed over). */
const nextOf = async <T>(display: SseClient, event: string) => (await display.next(event)).json<T>();

interface Call {
  ticketId: string;
  number: string;
  windowName: string;
  text: string;
  recall: boolean;
}

describe.skipIf(!url)(`hall display across two app processes on one PostgreSQL database${url ? '' : ' — SKIPPED: set TEST_DATABASE_URL (postgres://…) to run'}`, () => {
  let procs: TwoProcesses;
  let a: TestApp;
  let b: FastifyInstance;
  let base: TwoProcesses['base'];
  let clerk: string;
  let director: string;
  let orgId: string;
  let windowId: string;
  let serviceId: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    procs = await startTwoProcesses(url!, '2026-03-02T09:00:00+08:00');
    ({ a, b, base } = procs);
    [clerk, director] = await Promise.all([signIn(a.app, 'clerk'), signIn(a.app, 'director')]);
    const me = await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk } });
    orgId = me.json().user.orgId as string;
    const windows = (await a.app.inject({ method: 'GET', url: `/api/windows?orgId=${orgId}`, headers: { cookie: clerk } })).json().windows as { id: string; name: string; postA: { name: string } | null }[];
    windowId = windows.find((w) => w.postA?.name === '王晓燕')!.id;
    const service = await a.app.inject({
      method: 'POST',
      url: '/api/hall/services',
      headers: { cookie: director, 'idempotency-key': randomUUID() },
      payload: { orgId, code: 'A', name: '社保医保', windowIds: [windowId], itemCodes: ['MZ-002'] },
    });
    expect(service.statusCode, service.body).toBeLessThan(300);
    serviceId = service.json().id as string;
  });
  afterAll(async () => {
    for (const d of open) d.close();
    await procs?.close();
  });

  const take = (app: FastifyInstance) =>
    app.inject({ method: 'POST', url: '/api/hall/tickets', headers: { 'idempotency-key': randomUUID() }, payload: { orgId, serviceId } });

  it('a number taken and called through one process reaches a display connected to the other', async () => {
    const display = await openDisplay(base.b, orgId);
    expect(display.status, display.body).toBe(200);
    open.push(display);
    const taken = await take(a.app);
    expect(taken.statusCode, taken.body).toBeLessThan(300);
    const ticket = taken.json() as { id: string; number: string };
    // the number taken through A: B's display counts it waiting
    for (;;) {
      const state = await nextOf<{ waiting: { serviceId: string; waiting: number }[] }>(display, 'state');
      if (state.waiting.find((w) => w.serviceId === serviceId)?.waiting === 1) break;
    }
    const called = await a.app.inject({ method: 'POST', url: `/api/hall/windows/${windowId}/call-next`, headers: { cookie: clerk }, payload: {} });
    expect(called.statusCode, called.body).toBe(200);
    const call = await nextOf<Call>(display, 'call');
    expect(call).toMatchObject({ ticketId: ticket.id, number: ticket.number, recall: false });
    expect(call.text).toContain(ticket.number);
    expect(call.text).toContain('窗口');
    // and the state after it shows the number at the window, waiting back to none
    for (;;) {
      const state = await nextOf<{ current: Call | null; waiting: { serviceId: string; waiting: number }[] }>(display, 'state');
      if (state.current?.ticketId !== ticket.id) continue;
      expect(state.current.text).toBe(call.text);
      expect(state.waiting.find((w) => w.serviceId === serviceId)?.waiting ?? 0).toBe(0);
      break;
    }
  });

  it('a recall through the other process reaches a display on the first, and every display hears each call once', async () => {
    const onA = await openDisplay(base.a, orgId);
    const onB = await openDisplay(base.b, orgId);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    open.push(onA, onB);
    const ticket = (await take(b)).json() as { id: string; number: string };
    const queue = (await a.app.inject({ method: 'GET', url: `/api/hall/queue?windowId=${windowId}`, headers: { cookie: clerk } })).json() as { current: { id: string; version: number } };
    // the first number is served and finished at the window, then the next is called and recalled through B
    const clerkOnB = await signIn(b, 'clerk');
    for (const step of ['start', 'finish'] as const) {
      const now = (await b.inject({ method: 'GET', url: `/api/hall/queue?windowId=${windowId}`, headers: { cookie: clerkOnB } })).json() as { current: { id: string; version: number } };
      const done = await b.inject({ method: 'POST', url: `/api/hall/tickets/${now.current.id}/${step}`, headers: { cookie: clerkOnB }, payload: { version: now.current.version } });
      expect(done.statusCode, done.body).toBe(200);
    }
    expect(queue.current.id).not.toBe(ticket.id);
    expect((await b.inject({ method: 'POST', url: `/api/hall/windows/${windowId}/call-next`, headers: { cookie: clerkOnB }, payload: {} })).statusCode).toBe(200);
    const now = (await b.inject({ method: 'GET', url: `/api/hall/queue?windowId=${windowId}`, headers: { cookie: clerkOnB } })).json() as { current: { id: string; version: number } };
    const recalled = await b.inject({ method: 'POST', url: `/api/hall/tickets/${ticket.id}/recall`, headers: { cookie: clerkOnB }, payload: { version: now.current.version } });
    expect(recalled.statusCode, recalled.body).toBe(200);
    for (const display of [onA, onB]) {
      // the call and the recall, each once and in order, whichever process made them
      expect(await nextOf<Call>(display, 'call')).toMatchObject({ ticketId: ticket.id, recall: false });
      expect(await nextOf<Call>(display, 'call')).toMatchObject({ ticketId: ticket.id, recall: true });
    }
  });
});
