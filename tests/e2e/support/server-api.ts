import { randomUUID } from 'node:crypto';
import { drainConsumers } from '../../../src/modules/events/consumers.js';
import type { E2E } from './browser.js';

export interface ServerApi {
  /** One call as the signed-in user; answers the parsed JSON, throws with the Chinese title on any error. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** POST /api/cases with a fresh Idempotency-Key. */
  register<T = Record<string, unknown>>(body: Record<string, unknown>): Promise<T>;
}

/**
 * A signed-in client of the test server from Node, to prepare what the browser then works on (cases, settings).
 * It sends the Origin a browser on the server's own address would send with a state-changing request.
 */
export async function serverApi(e: E2E, username: string, password = 'bianmin2026'): Promise<ServerApi> {
  const base = e.serverUrl;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`${username} 登录失败：${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, origin: base, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as T & { title?: string }) : ({} as T & { title?: string });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${json.title ?? text}`);
    return json;
  };
  return {
    call,
    register: <T>(body: Record<string, unknown>) => call<T>('POST', '/api/cases', body, { 'idempotency-key': randomUUID() }),
  };
}

/**
 * 材料复用's starting point: the applicant was served at 柳河镇's window (老年人优待证), where the clerk checked their
 * 居民身份证 and photo; once the consumers have run, both are on file as 窗口已核验 (level B, kept a year).
 */
export async function checkedAtTheWindow(e: E2E, applicant: { name: string; idNumber: string; phone: string }): Promise<void> {
  const clerk = await serverApi(e, 'clerk');
  await clerk.register({
    channel: 'window',
    itemCode: 'MZ-002',
    applicant,
    materials: [
      { name: '居民身份证', provided: true },
      { name: '近期一寸免冠照片', provided: true },
    ],
  });
  await drainConsumers(e.ctx);
}
