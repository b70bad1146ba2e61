// The village agent app offline (issue 8 §4), on a phone-sized page. Where the page is a secure context the service
// worker keeps the app shell and a queue of registrations made with no network: a reload with the network cut
// shows the app, a request made then shows as 待上传, and once the network is back it is registered exactly once
// — sent again with the same Idempotency-Key, it is answered with the same case; one the server refuses stays on the
// page with the server's words and what to do. Over plain HTTP (how centers and villages reach the server) there is
// no worker: the app keeps drafts as before and says why it cannot queue.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

const ID = '11010519491231002X';
const QUEUE_TEXT = '网络已断开，提交后先暂存在本机（待上传），联网后自动上传';
const OFFLINE_TEXT = '网络已断开，填写的内容已保存在本机，恢复网络后再提交';
const HTTP_TEXT = '本机通过 http 访问，断网时不能暂存待上传；填写内容会保存为草稿，联网后再提交。';

interface Queued {
  key: string;
  url: string;
  body: string;
}

describe.skipIf(!hasChromium)('the village agent app with the network cut and restored, in Chromium', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  async function phone(): Promise<Page> {
    const page = await e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }

  async function signIn(page: Page, url: string, username = 'agent', password = 'bianmin2026') {
    await page.goto(`${url}/agent`);
    await page.getByRole('heading', { name: '代办员登录' }).waitFor();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    // the village's items are on the phone (the form opens with them, with or without a network)
    await page.locator('.item-option').first().waitFor();
  }

  async function fillRequest(page: Page, name: string, search = '老年人优待证', itemName = '老年人优待证办理') {
    await page.getByLabel('查找事项').fill(search);
    await page.locator('.item-option', { hasText: itemName }).click();
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('身份证号码').fill(ID);
    await page.getByLabel('联系电话').fill('13700004444');
    await page.getByRole('button', { name: '材料全部收齐' }).click();
    await page.getByRole('radio', { name: /^代办/ }).check();
  }

  /** A call from inside the page, with its cookie and Origin. */
  const call = (page: Page, method: string, path: string, body?: string, key?: string) =>
    page.evaluate(
      async ([m, p, b, k]) => {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (b) headers['content-type'] = 'application/json';
        if (k) headers['idempotency-key'] = k;
        const res = await fetch(p!, { method: m!, credentials: 'same-origin', headers, body: b || undefined });
        const text = await res.text();
        return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
      },
      [method, path, body ?? '', key ?? ''] as const,
    );

  /** The administrator's own session in another browser context (online whatever the phone's network). */
  async function admin() {
    const other = await e.newPage();
    await other.goto(`${e.baseUrl}/progress`);
    const login = await call(other, 'POST', '/api/auth/login', JSON.stringify({ username: 'admin', password: 'bianmin2026' }));
    expect(login.status).toBe(200);
    return other;
  }

  /** What the worker keeps in its queue (IndexedDB), read from the page (as a string: this file has no DOM types). */
  const queued = (page: Page) =>
    page.evaluate<Queued[]>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('bianmin-agent', 1);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('queue').objectStore('queue').getAll();
        all.onsuccess = () => (open.result.close(), resolve(all.result));
      };
    })`);

  it('over HTTPS: reloads with no network, queues a request as 待上传, and registers it once when the network is back', async () => {
    const page = await phone();
    const context = page.context();
    // The app as a center serves it over HTTPS: a host name (not localhost) that Chromium treats as a secure context,
    // so the service worker is allowed. Every other test opens http://bianmin.test, as the field does over a LAN.
    await signIn(page, e.secureUrl);
    expect(await page.evaluate('window.isSecureContext')).toBe(true);
    // the worker has kept the shell and controls the page
    await page.waitForFunction('navigator.serviceWorker.controller !== null');

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    await page.getByText('柳河村代办员').waitFor();
    await page.getByText(QUEUE_TEXT).waitFor();
    await e.shot(page, 'agent-offline-01-reloaded-offline');

    await fillRequest(page, '孙德旺');
    await page.getByRole('button', { name: '提交登记' }).click();
    const waiting = page.locator('.waiting-row');
    await waiting.filter({ hasText: '孙德旺' }).filter({ hasText: '老年人优待证办理' }).getByText('待上传').waitFor();
    await page.getByText('已暂存在本机，联网后自动上传，不会重复登记。').waitFor();
    // the form is free for the next villager
    expect(await page.getByLabel('姓名').inputValue()).toBe('');
    await e.shot(page, 'agent-offline-02-waiting');

    // a second one, for an item the village will have stopped offering by the time the network is back
    await fillRequest(page, '钱老四', 'ZH-002', '居住情况证明');
    await page.getByRole('button', { name: '提交登记' }).click();
    await waiting.filter({ hasText: '钱老四' }).filter({ hasText: '居住情况证明' }).getByText('待上传').waitFor();

    // still waiting after another reload with no network: the queue is on the phone, not in the page
    await page.reload();
    await waiting.filter({ hasText: '孙德旺' }).getByText('待上传').waitFor();
    await waiting.filter({ hasText: '钱老四' }).getByText('待上传').waitFor();
    const entries = await queued(page);
    expect(entries.map((q) => (JSON.parse(q.body) as { applicant: { name: string } }).applicant.name).sort()).toEqual(['孙德旺', '钱老四']);
    const entry = entries.find((q) => q.body.includes('孙德旺'))!;
    expect(JSON.parse(entry.body)).toMatchObject({ itemCode: expect.any(String), applicant: { name: '孙德旺', idNumber: ID } });

    // meanwhile the administrator takes 居住情况证明 off the village's list
    const orgId = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { orgId: string } }).user.orgId);
    const staff = await admin();
    const offered = (await call(staff, 'GET', `/api/orgs/${orgId}/items`)).json.itemCodes as string[];
    const codes = offered.filter((code) => code !== 'ZH-002');
    expect(codes.length).toBe(offered.length - 1);
    expect((await call(staff, 'PUT', `/api/orgs/${orgId}/items`, JSON.stringify({ itemCodes: codes }))).status).toBe(200);

    await context.setOffline(false);
    const uploaded = waiting.filter({ hasText: '孙德旺' });
    await uploaded.getByText('已上传').waitFor();
    const caseNo = /已登记，办件编号 ([\d-]+)/.exec((await uploaded.textContent())!)?.[1];
    expect(caseNo).toMatch(/^410899101201-20260302-\d{4}$/);
    // the refusal is not dropped: the server's words and what to do, until the agent has read them
    const refused = waiting.filter({ hasText: '钱老四' });
    await refused.getByText('未被受理').waitFor();
    await refused.getByText(/本中心未开办“居住情况证明”/).waitFor();
    await refused.getByText('没有登记，请按提示在“新请求”里重新登记。').waitFor();
    expect(await waiting.count()).toBe(2);
    await e.shot(page, 'agent-offline-03-uploaded-and-refused');
    // each stays until the agent has read it
    await refused.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => waiting.count()).toBe(1);
    await uploaded.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => waiting.count()).toBe(0);
    expect(await queued(page)).toEqual([]);

    // exactly one case, even when the same request is sent again with its key (a second replay)
    const again = await call(page, 'POST', '/api/cases', entry.body, entry.key);
    expect(again.status).toBe(200);
    expect(again.json.caseNo).toBe(caseNo);
    const found = await call(page, 'GET', `/api/cases?q=${encodeURIComponent('孙德旺')}`);
    expect(found.status).toBe(200);
    expect(found.json.total).toBe(1);
    expect((found.json.cases as { id: string }[])[0]!.id).toBe(again.json.id);
    expect((await call(page, 'GET', `/api/cases?q=${encodeURIComponent('钱老四')}`)).json.total).toBe(0);
  });

  it('on a phone two agents share: a request waits for the agent who took it, and goes once that agent signs in', async () => {
    const page = await phone();
    const context = page.context();
    await signIn(page, e.secureUrl);
    await page.waitForFunction('navigator.serviceWorker.controller !== null');

    // the village gets a second agent, who has set their own password
    const orgId = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { orgId: string } }).user.orgId);
    const staff = await admin();
    const created = await call(staff, 'POST', '/api/users', JSON.stringify({ username: 'agent-wgl', name: '王桂兰', password: 'Chushi#2026mm', roles: ['agent'], orgId }));
    expect(created.status).toBe(201);
    const second = await e.newPage();
    await second.goto(`${e.baseUrl}/progress`);
    expect((await call(second, 'POST', '/api/auth/login', JSON.stringify({ username: 'agent-wgl', password: 'Chushi#2026mm' }))).status).toBe(200);
    const own = JSON.stringify({ currentPassword: 'Chushi#2026mm', newPassword: 'Liuhe#Wgl2026' });
    expect((await call(second, 'POST', '/api/auth/password', own)).status).toBe(204);
    await second.context().close();

    // 刘德福 takes a request in a house with no signal
    await context.setOffline(true);
    await fillRequest(page, '周大成');
    await page.getByRole('button', { name: '提交登记' }).click();
    const row = page.locator('.waiting-row').filter({ hasText: '周大成' });
    await row.getByText('待上传').waitFor();

    // he hands the phone over: his session ends on it, and 王桂兰 signs in once the network is back
    await context.clearCookies();
    await context.setOffline(false);
    await signIn(page, e.secureUrl, 'agent-wgl', 'Liuhe#Wgl2026');
    await row.getByText('由刘德福暂存，须其本人登录后才能上传。').waitFor();
    await e.shot(page, 'agent-offline-05-shared-phone');
    // nothing went under her name: the village has no such case
    expect((await call(page, 'GET', `/api/cases?q=${encodeURIComponent('周大成')}`)).json.total).toBe(0);

    // she signs out and he signs in again: it goes, once, as his
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(page, e.secureUrl);
    await row.getByText('已上传').waitFor();
    const found = await call(page, 'GET', `/api/cases?q=${encodeURIComponent('周大成')}`);
    expect(found.json.total).toBe(1);
    const caseId = (found.json.cases as { id: string }[])[0]!.id;
    const detail = await call(page, 'GET', `/api/cases/${caseId}`);
    expect((detail.json.events as { type: string; by: string }[])[0]).toMatchObject({ type: 'intake', by: '刘德福' });
  });

  it('over plain HTTP: no worker; the app keeps the draft and says calmly why it cannot queue', async () => {
    const page = await phone();
    await signIn(page, e.baseUrl);
    expect(await page.evaluate(`[window.isSecureContext, 'serviceWorker' in navigator]`)).toEqual([false, false]);
    await fillRequest(page, '钱秀兰');

    await page.context().setOffline(true);
    await page.getByText(OFFLINE_TEXT).waitFor();
    await page.getByText(HTTP_TEXT).waitFor();
    expect(await page.getByText(HTTP_TEXT).count()).toBe(1);
    await page.getByRole('button', { name: '提交登记' }).click();
    // nothing is queued: the request stays in the form as a draft, as before
    expect(await page.locator('.waiting-row').count()).toBe(0);
    expect(await page.getByLabel('姓名').inputValue()).toBe('钱秀兰');
    await e.shot(page, 'agent-offline-04-http');

    await page.context().setOffline(false);
    await expect.poll(() => page.getByText(HTTP_TEXT).count()).toBe(0);
  });
});
