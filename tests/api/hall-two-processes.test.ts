// Issue 12 §2 "on PostgreSQL a call made through any app process reaches every screen": two app processes on one
// PostgreSQL database — each its own pool, bus and LISTEN connection, as two `npm start` behind nginx would be — and
// a hall display connected to one of them. A number taken and called through the other process reaches that
// display's stream (GET /api/hall/display/<orgId>/stream, no session) as a `call` with the announced text, and as a
// `state` showing the number at its window.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { signIn, startTestApp, type TestApp } from './support/test-app.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('两个应用进程共享叫号屏推送的测试已跳过：需要 PostgreSQL，请设置 TEST_DATABASE_URL=postgres://… 后再运行。');

interface Message {
  event: string;
  data: string;
}

interface Display {
  /** the next message of this event type (others before it are passed over, as an EventSource without a handler would) */
  next<T>(event: string): Promise<T>;
  close(): void;
}

/** A display screen's stream on a listening server, as the browser's EventSource reads it; resolves at its first state. */
function openDisplay(baseUrl: string, orgId: string): Promise<Display & { first: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const queue: Message[] = [];
    const waiters: { event: string; resolve: (m: Message) => void }[] = [];
    const take = () => {
      while (waiters.length > 0) {
        const waiter = waiters[0]!;
        let m = queue.shift();
        while (m && m.event !== waiter.event) m = queue.shift();
        if (!m) return;
        waiters.shift();
        waiter.resolve(m);
      }
    };
    const request = http.get(`${baseUrl}/api/hall/display/${orgId}/stream`, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`叫号屏连接被拒绝：${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let opened = false;
      const display: Display = {
        next: <T>(event: string) =>
          new Promise<Message>((r) => {
            waiters.push({ event, resolve: r });
            take();
          }).then((m) => JSON.parse(m.data) as T),
        close: () => request.destroy(),
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue; // heartbeats and the retry line
          if (!opened && event === 'state') {
            // the state sent on connect: subscribed, so what happens from now on is certain to reach it
            opened = true;
            resolve({ ...display, first: JSON.parse(data.join('\n')) as Record<string, unknown> });
            continue;
          }
          queue.push({ event, data: data.join('\n') });
        }
        take();
      });
    });
    request.on('error', (error) => {
      if (!('code' in error && error.code === 'ECONNRESET')) reject(error);
    });
  });
}

interface Call {
  ticketId: string;
  number: string;
  windowName: string;
  text: string;
  recall: boolean;
}

describe.skipIf(!url)(`hall display across two app processes on one PostgreSQL database${url ? '' : ' — SKIPPED: set TEST_DATABASE_URL (postgres://…) to run'}`, () => {
  let a: TestApp;
  let bDatabase: Database;
  let b: FastifyInstance;
  const base = { a: '', b: '' };
  let clerk: string;
  let director: string;
  let orgId: string;
  let windowId: string;
  let serviceId: string;
  const open: Display[] = [];
  const address = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  beforeAll(async () => {
    a = await startTestApp('postgres');
    // the second process: the same database and schema, its own pool (and so its own bus and LISTEN client)
    const target = { kind: 'postgres' as const, url: url!, schema: a.database.schema! };
    bDatabase = openDatabase(target);
    b = await buildApp({ database: bDatabase, config: { ...a.config, database: target }, clock: () => a.clock.now });
    a.clock.now = new Date('2026-03-02T09:00:00+08:00');
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    await b.listen({ port: 0, host: '127.0.0.1' });
    base.a = address(a.app);
    base.b = address(b);
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
    await b?.close();
    await bDatabase?.close();
    await a?.close();
  });

  const take = (app: FastifyInstance) =>
    app.inject({ method: 'POST', url: '/api/hall/tickets', headers: { 'idempotency-key': randomUUID() }, payload: { orgId, serviceId } });

  it('a number taken and called through one process reaches a display connected to the other', async () => {
    const display = await openDisplay(base.b, orgId);
    open.push(display);
    const taken = await take(a.app);
    expect(taken.statusCode, taken.body).toBeLessThan(300);
    const ticket = taken.json() as { id: string; number: string };
    // the number taken through A: B's display counts it waiting
    for (;;) {
      const state = await display.next<{ waiting: { serviceId: string; waiting: number }[] }>('state');
      if (state.waiting.find((w) => w.serviceId === serviceId)?.waiting === 1) break;
    }
    const called = await a.app.inject({ method: 'POST', url: `/api/hall/windows/${windowId}/call-next`, headers: { cookie: clerk }, payload: {} });
    expect(called.statusCode, called.body).toBe(200);
    const call = await display.next<Call>('call');
    expect(call).toMatchObject({ ticketId: ticket.id, number: ticket.number, recall: false });
    expect(call.text).toContain(ticket.number);
    expect(call.text).toContain('窗口');
    // and the state after it shows the number at the window, waiting back to none
    for (;;) {
      const state = await display.next<{ current: Call | null; waiting: { serviceId: string; waiting: number }[] }>('state');
      if (state.current?.ticketId !== ticket.id) continue;
      expect(state.current.text).toBe(call.text);
      expect(state.waiting.find((w) => w.serviceId === serviceId)?.waiting ?? 0).toBe(0);
      break;
    }
  });

  it('a recall through the other process reaches a display on the first, and every display hears each call once', async () => {
    const onA = await openDisplay(base.a, orgId);
    const onB = await openDisplay(base.b, orgId);
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
      expect(await display.next<Call>('call')).toMatchObject({ ticketId: ticket.id, recall: false });
      expect(await display.next<Call>('call')).toMatchObject({ ticketId: ticket.id, recall: true });
    }
  });
});
