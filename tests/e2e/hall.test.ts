// The hall's queue in Chromium (issue 12 §1, §2), three pages open at once as in a township hall: the touch kiosk at
// the door, the 1920 × 1080 calling display and the clerk's 叫号 page. A number is taken at the kiosk (its 80 mm paper
// ticket printed, with the QR code of the live position page), called by the clerk, shown and announced on the
// display (the chime, and the text the page says aloud in zh-CN, observed as the browser is asked to speak it), served
// into a case registered linked to the number, and finished. The phone pages (手机取号, 排队进度) at 390 × 844, in
// 长辈版 too; the display says when its connection is cut and recovers by itself.
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { configurePapers, signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

const PUBLIC_URL = 'https://bianmin.qinghe.gov.cn';
const ID = '11010519491231002X';
const PHONE = { width: 390, height: 844 };

/**
 * Observes, before any of the page's scripts run, what it asks the browser to print and to say aloud; both still
 * reach the browser (nothing of the server is faked). Written as a string: the tests' tsconfig has no DOM.
 */
const WATCH = `
  window.__printed = [];
  window.__spoken = [];
  const print = window.print.bind(window);
  window.print = () => {
    const paper = document.querySelector('[data-testid="ticket-paper"] .ticket-number');
    window.__printed.push(paper ? paper.textContent : '');
    // headless Chromium has no printer dialog to wait for; the call is what the kiosk asks of the browser
    try { print(); } catch (e) { /* no printer */ }
  };
  if ('speechSynthesis' in window) {
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u) => {
      window.__spoken.push({ text: u.text, lang: u.lang });
      speak(u);
    };
  }
`;

/** what WATCH keeps on the page (read through a function: the pages' CSP forbids evaluating strings there) */
interface Watched {
  __printed: string[];
  __spoken: { text: string; lang: string }[];
}

interface Service {
  id: string;
  code: string;
  name: string;
  windowIds: string[];
}
interface DisplayCall {
  ticketId: string;
  number: string;
  windowName: string;
  text: string;
}

describe.skipIf(!hasChromium)('the hall queue in Chromium: kiosk, display, clerk and phone', () => {
  let e: E2E;
  let director: ServerApi;
  let clerk: ServerApi;
  let orgId: string;
  let window1: { id: string; name: string };
  let service: Service;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // a Monday inside the loaded calendar years
    await configurePapers(e, { publicUrl: PUBLIC_URL });
    director = await serverApi(e, 'director');
    clerk = await serverApi(e, 'clerk');
    const me = await clerk.call<{ user: { orgId: string } }>('GET', '/api/auth/me');
    orgId = me.user.orgId;
    const { windows } = await clerk.call<{ windows: { id: string; name: string; postA: { name: string } | null }[] }>('GET', `/api/windows?orgId=${orgId}`);
    const mine = windows.find((w) => w.postA?.name === '王晓燕')!;
    window1 = { id: mine.id, name: mine.name };
    // the director sets up the hall's services (or the demo data has them): one called at the clerk's window
    const called = async () => (await director.call<{ services: Service[] }>('GET', `/api/hall/services?orgId=${orgId}`)).services.find((s) => s.windowIds.includes(window1.id));
    if (!(await called())) await director.call('POST', '/api/hall/services', { orgId, code: 'A', name: '社保民政', windowIds: [window1.id], itemCodes: ['MZ-002'] });
    service = (await called())!;
  });
  afterAll(() => e?.close());

  async function open(path: string, viewport: { width: number; height: number }, base = e.baseUrl): Promise<Page> {
    const page = await e.newPage();
    await page.setViewportSize(viewport);
    await page.addInitScript(WATCH);
    await page.goto(`${base}${path}`);
    return page;
  }

  it('a number taken at the kiosk is called by the clerk, announced on the display, served into a case and finished', async () => {
    // ---- the three pages of the hall
    const display = await open(`/hall/display/${orgId}`, { width: 1920, height: 1080 });
    await display.getByText('今日值班领导', { exact: false }).waitFor();
    await display.locator('.display-waiting-item', { hasText: service.name }).waitFor();

    const kiosk = await open(`/hall/kiosk/${orgId}`, { width: 1280, height: 1024 });
    await kiosk.getByRole('heading', { name: '请选择您要办理的业务' }).waitFor();
    const serviceButton = kiosk.getByRole('group', { name: '办理业务' }).getByRole('button', { name: new RegExp(service.name) });
    await serviceButton.waitFor();
    // 适老化: service buttons large enough for an elderly finger
    expect((await serviceButton.boundingBox())!.height).toBeGreaterThanOrEqual(150);
    await e.shot(kiosk, 'hall-kiosk');

    const desk = await signInToConsole(e, 'clerk');
    await desk.getByRole('menuitem', { name: '叫号' }).click();
    await desk.getByRole('heading', { name: '叫号' }).waitFor();
    await desk.getByTestId('hall-window-picker').getByText(window1.name, { exact: false }).waitFor();

    // ---- a number at the kiosk, printed on 80 mm paper
    await serviceButton.click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    const number = (await kiosk.locator('.kiosk-issued-number').innerText()).trim();
    expect(number).toMatch(new RegExp(`^${service.code}\\d{3}$`));
    await kiosk.waitForFunction((n) => (globalThis as unknown as Watched).__printed.includes(n), number);
    await kiosk.getByText('您前面没有人在等候', { exact: false }).waitFor();
    await e.shot(kiosk, 'hall-kiosk-taken');
    // the paper as the printer gets it: 80 mm wide, the number, the service, the QR of the position page
    await kiosk.emulateMedia({ media: 'print' });
    await kiosk.setViewportSize({ width: 302, height: 700 });
    const paper = kiosk.getByTestId('ticket-paper');
    expect(await paper.locator('.ticket-number').innerText()).toBe(number);
    await paper.getByText(service.name).waitFor();
    await paper.locator('.ticket-qr img').waitFor();
    await expect(kiosk.locator('.kiosk-issued-number').isVisible()).resolves.toBe(false);
    await kiosk.screenshot({ path: 'test-results/screenshots/hall-ticket-print.png', fullPage: true });
    await kiosk.emulateMedia({ media: 'screen' });
    await kiosk.setViewportSize({ width: 1280, height: 1024 });
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('heading', { name: '请选择您要办理的业务' }).waitFor();

    // the ticket's QR leads to its position page at the public address
    const { services } = await clerk.call<{ services: (Service & { waiting: number })[] }>('GET', `/api/hall/services?orgId=${orgId}`);
    expect(services.find((s) => s.id === service.id)!.waiting).toBe(1);

    // ---- the clerk calls it
    await desk.getByTestId('hall-waiting').getByText(number).waitFor();
    await e.shot(desk, 'hall-clerk-waiting');
    await desk.getByRole('button', { name: /叫号（下一位）/ }).click();
    await desk.getByTestId('hall-current-number').getByText(number).waitFor();
    await desk.getByTestId('hall-current-status').getByText('已叫号').waitFor();

    // ---- the display shows it and says it
    const { current } = await clerk.call<{ current: DisplayCall }>('GET', `/api/hall/display/${orgId}`);
    expect(current.number).toBe(number);
    expect(current.text).toContain(number);
    await display.getByTestId('display-current-number').getByText(number).waitFor();
    await display.getByTestId('display-announcement').getByText(current.text).waitFor();
    await display.waitForFunction((text) => (globalThis as unknown as Watched).__spoken.some((s) => s.text === text && s.lang === 'zh-CN'), current.text);
    await e.shot(display, 'hall-display');

    // ---- 开始办理 opens 受理登记 linked to the number; the case is registered
    await desk.getByRole('button', { name: /开始办理/ }).click();
    await desk.waitForURL(/\/staff\/cases\/new\?ticket=/);
    await desk.getByTestId('intake-ticket').waitFor();
    await desk.keyboard.type('lnr'); // the item search has the focus
    await desk.locator('.ant-select-item-option', { hasText: '老年人优待证办理' }).first().waitFor();
    await desk.keyboard.press('Enter');
    await desk.getByText('申报材料核对').waitFor();
    await desk.getByLabel('姓名').fill('王大山');
    await desk.getByLabel('联系电话').fill('13812345678');
    await desk.getByLabel('居民身份证号码').fill(ID);
    await desk.getByRole('button', { name: /保存登记/ }).click();
    await desk.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    const caseId = desk.url().split('/').pop()!;
    const caseNo = (await desk.getByTestId('case-no').innerText()).trim();

    // ---- back at 叫号: the number is being served with its case; 办结
    await desk.goto(`${e.baseUrl}/staff/hall/queue`);
    await desk.getByTestId('hall-current-status').getByText('办理中').waitFor();
    await desk.getByTestId('hall-current').getByText(caseNo).waitFor();
    await e.shot(desk, 'hall-clerk-serving');
    const queue = await clerk.call<{ current: { id: string; caseId: string | null } }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    expect(queue.current.caseId).toBe(caseId);
    await desk.getByRole('button', { name: /^办\s*结$/ }).click();
    await desk.getByText(`${number} 已办结`).waitFor();
    await desk.getByTestId('hall-current').getByText('暂无等候的群众').waitFor();
    const after = await clerk.call<{ current: unknown; recent: { id: string; number: string; status: string; caseId: string | null }[] }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    expect(after.recent.find((t) => t.number === number)).toMatchObject({ status: 'finished', caseId });
    await e.shot(desk, 'hall-clerk');

    // the case page keeps its queue record: the number, when it was taken, called and served
    await desk.goto(`${e.baseUrl}/staff/cases/${caseId}`);
    const record = desk.getByTestId('case-queue-ticket');
    await record.getByText(number, { exact: false }).first().waitFor();
    expect(await record.textContent()).toContain('办理');
    await e.shot(desk, 'hall-case-queue-record');
  });

  it('on a phone: a number taken at 手机取号 and its live position, called, in 长辈版 too', async () => {
    const phone = await open(`/hall/take/${orgId}`, PHONE);
    await phone.getByRole('heading', { name: '手机取号' }).waitFor();
    const button = phone.getByRole('button', { name: new RegExp(service.name) });
    await button.waitFor();
    await e.shot(phone, 'hall-phone-take');
    await button.click();
    await phone.waitForURL(/\/hall\/ticket\//);
    const number = (await phone.getByTestId('ticket-number').innerText()).trim();
    await phone.getByTestId('ticket-status').getByText('0 人').waitFor();
    await e.shot(phone, 'hall-phone-position');
    // the page of the QR code: the same token at the public address
    const token = decodeURIComponent(phone.url().split('/hall/ticket/')[1]!);
    const position = await clerk.call<{ number: string }>('GET', `/api/hall/tickets/position/${encodeURIComponent(token)}`);
    expect(position.number).toBe(number);

    // coming back to 手机取号 on this phone shows the number already taken
    await phone.goto(`${e.baseUrl}/hall/take/${orgId}`);
    await phone.getByTestId('kept-ticket').getByText(number).waitFor();

    // called: the phone says which window, by itself
    await phone.goto(`${e.baseUrl}/hall/ticket/${encodeURIComponent(token)}`);
    await phone.getByTestId('ticket-status').getByText('0 人').waitFor();
    await clerk.call('POST', `/api/hall/windows/${window1.id}/call-next`, {});
    await phone.getByTestId('ticket-status').getByText(`请到 ${window1.name} 办理`).waitFor();
    await phone.getByRole('switch', { name: /长辈版/ }).click();
    await phone.locator('html.elder').waitFor({ state: 'attached' });
    await e.shot(phone, 'hall-phone-called-elder');
    const queue = await clerk.call<{ current: { id: string; version: number } }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    await clerk.call('POST', `/api/hall/tickets/${queue.current.id}/start`, { version: queue.current.version });
    const serving = await clerk.call<{ current: { id: string; version: number } }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    await clerk.call('POST', `/api/hall/tickets/${serving.current.id}/finish`, { version: serving.current.version });
  });

  it('at the window: 绿色通道 and 指定叫号 with a recorded reason, 重呼, 转移 (keeps its place), 过号 after the wait', async () => {
    const take = async () =>
      (await (
        await fetch(`${e.serverUrl}/api/hall/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), origin: e.serverUrl },
          body: JSON.stringify({ orgId, serviceId: service.id, source: 'kiosk' }),
        })
      ).json()) as { number: string };
    const n1 = (await take()).number;
    const n2 = (await take()).number;
    const desk = await signInToConsole(e, 'clerk');
    await desk.goto(`${e.baseUrl}/staff/hall/queue`);
    const row = (n: string) => desk.getByTestId('hall-waiting').locator('.ant-table-row', { hasText: n });
    await row(n2).waitFor();
    const reasonModal = async (button: RegExp, n: string, reason: string) => {
      await row(n).getByRole('button', { name: button }).click();
      const modal = desk.locator('.ant-modal').filter({ hasText: n });
      await modal.waitFor();
      await modal.getByLabel('原因').fill(reason);
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await modal.waitFor({ state: 'hidden' });
    };

    // 绿色通道: the later number goes first, with the reason on record
    await reasonModal(/绿色通道/, n2, '孕妇，身体不适');
    await desk.getByText(`${n2} 已开通绿色通道`).waitFor();
    await row(n2).getByText('绿色通道').waitFor();
    const line = await clerk.call<{ waiting: { number: string; priority: string; greenReason: string | null }[] }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    expect(line.waiting[0]).toMatchObject({ number: n2, priority: 'green', greenReason: '孕妇，身体不适' });
    await e.shot(desk, 'hall-clerk-green');

    // 指定叫号 the other one anyway, with the reason
    await reasonModal(/指定叫号/, n1, '老人由家属陪同，已在窗口前');
    await desk.getByTestId('hall-current-number').getByText(n1).waitFor();
    // 重呼
    await desk.getByRole('button', { name: /重\s*呼/ }).click();
    await desk.getByText(`已重呼 ${n1}`).waitFor();
    await desk.getByText('已重呼 1 次', { exact: false }).waitFor();
    // 转移 to another service of the hall: it waits there in its old place, the window is free again
    await desk.getByTestId('hall-current').getByRole('button', { name: /转\s*移/ }).click();
    const transfer = desk.locator('.ant-modal').filter({ hasText: `转移 ${n1}` });
    await transfer.waitFor();
    await transfer.getByRole('combobox', { name: /业务/ }).click();
    const target = desk.locator('.ant-select-item-option').first();
    const targetName = (await target.innerText()).trim();
    await target.click();
    await transfer.getByRole('button', { name: /转\s*移/ }).click();
    await desk.getByText(`${n1} 已转移`).waitFor();
    await desk.getByTestId('hall-current').getByText('请叫号', { exact: false }).waitFor();
    expect(targetName).not.toContain(service.name);

    // the next is the green one; called, and not come after the wait: 过号
    await desk.getByRole('button', { name: /叫号（下一位）/ }).click();
    await desk.getByTestId('hall-current-number').getByText(n2).waitFor();
    // the no-show wait after a call (3 minutes by default) has passed
    e.setTime(new Date(e.ctx.clock().getTime() + 4 * 60_000).toISOString());
    await desk.getByTestId('hall-current').getByRole('button', { name: /过\s*号/ }).click();
    await desk.locator('.ant-popover').getByRole('button', { name: /过\s*号/ }).click();
    await desk.getByText(`${n2} 已过号`).waitFor();
    const after = await clerk.call<{ current: unknown; recent: { number: string; status: string }[] }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    expect(after.recent.find((t) => t.number === n2)?.status).toBe('no_show');
  });

  it('the display says when its connection is cut and recovers by itself', async () => {
    // the screen reaches the server through a cable this test can pull: a TCP relay that, while cut, drops every
    // connection (the open stream too) and refuses new ones, as a broken switch would
    const port = Number(new URL(e.serverUrl).port);
    const sockets = new Set<Socket>();
    let cut = false;
    const relay = createServer((client) => {
      if (cut) return client.destroy();
      const upstream = connect(port, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const relayPort = (relay.address() as AddressInfo).port;
      const display = await open(`/hall/display/${orgId}`, { width: 1920, height: 1080 }, `http://bianmin.test:${relayPort}`);
      const waiting = display.locator('.display-waiting-item', { hasText: service.name }).locator('strong');
      await waiting.waitFor();
      const before = Number(await waiting.innerText());
      cut = true;
      for (const socket of sockets) socket.destroy();
      await display.getByTestId('display-connection').getByText('连接中断，正在重连').waitFor();
      await e.shot(display, 'hall-display-cut');
      // a number taken while the screen is cut off …
      await fetch(`${e.serverUrl}/api/hall/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), origin: e.serverUrl },
        body: JSON.stringify({ orgId, serviceId: service.id, source: 'kiosk' }),
      });
      cut = false;
      // … is on the screen once it reconnected by itself (no reload), and the badge is gone
      await display.getByTestId('display-connection').waitFor({ state: 'detached' });
      await waiting.getByText(String(before + 1), { exact: true }).waitFor();
    } finally {
      for (const socket of sockets) socket.destroy();
      relay.close();
    }
  });
  it('预约签到 at the kiosk: the 6-digit code on large keys gives a number at the head of its service', async () => {
    // today's 14:00 slot, booked by phone at the window (the appointments API)
    await director.call('PUT', `/api/hall/appointments/plans/${service.id}`, { ranges: [{ start: '14:00', end: '15:00', capacity: 5 }], version: null });
    const booked = await clerk.call<{ code: string }>('POST', '/api/hall/appointments', { orgId, serviceId: service.id, day: '2026-03-02', start: '14:00', name: '李秀兰', phone: '13900001111' }, { 'idempotency-key': randomUUID() });
    expect(booked.code).toMatch(/^\d{6}$/);
    // someone already waiting, who the appointment goes ahead of
    await fetch(`${e.serverUrl}/api/hall/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), origin: e.serverUrl },
      body: JSON.stringify({ orgId, serviceId: service.id, source: 'kiosk' }),
    });
    const kiosk = await open(`/hall/kiosk/${orgId}`, { width: 1280, height: 1024 });
    await kiosk.getByRole('button', { name: /预约签到/ }).click();
    await kiosk.getByRole('heading', { name: '预约签到' }).waitFor();
    const keys = kiosk.getByRole('group', { name: '数字键' });
    // a wrong code first: said plainly, and the kiosk stays on the code screen
    for (const digit of booked.code === '000000' ? '000001' : '000000') await keys.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    await kiosk.getByRole('alert').getByText('签到码', { exact: false }).waitFor();
    await kiosk.getByRole('button', { name: '清空' }).click();
    for (const digit of booked.code) await keys.getByRole('button', { name: digit, exact: true }).click();
    await e.shot(kiosk, 'hall-kiosk-appointment');
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    await kiosk.getByTestId('kiosk-ticket').getByText('预约已签到', { exact: false }).waitFor();
    const number = (await kiosk.locator('.kiosk-issued-number').innerText()).trim();
    await kiosk.getByText('您前面没有人在等候', { exact: false }).waitFor();
    await kiosk.waitForFunction((n) => (globalThis as unknown as Watched).__printed.includes(n), number);
    const queue = await clerk.call<{ waiting: { number: string; priority: string }[] }>('GET', `/api/hall/queue?windowId=${window1.id}`);
    expect(queue.waiting[0]).toMatchObject({ number, priority: 'appointment' });
  });
});
