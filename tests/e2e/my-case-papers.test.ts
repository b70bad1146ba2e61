import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

// 我的办件 — the printed notices (issue 11 §2) in Chromium: a clerk registers a case at the window for an applicant
// who has an online account (same ID number and phone) and prints its 受理通知书 in the console; the applicant signs
// in on a phone, opens 我的办件, the case's 文书, and the notice: the sheet the center printed, readable at 390 px,
// and on A4 alone (no page frame, one page) with 打印 / 保存为PDF.
const PHONE = '13933334444';
const PASSWORD = 'Liuhe#2026ok';
const ID_NUMBER = '320102198001011238';
const NAME = '李秀兰';
const PUBLIC_URL = 'https://bianmin.qinghe.gov.cn';

describe.skipIf(!hasChromium)('我的办件：文书 in Chromium', () => {
  let e: E2E;
  let admin: ServerApi;
  let clerkApi: ServerApi;
  let clerk: Page;
  let phone: Page;
  let caseNo: string;
  let caseId: string;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-03T09:00:00+08:00' });
    admin = await serverApi(e, 'admin');
    clerkApi = await serverApi(e, 'clerk');
    await admin.call('PUT', '/api/settings', { publicUrl: PUBLIC_URL });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${e.serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl, ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/public/applicants/codes', { phone: PHONE, purpose: 'register' })).status).toBe(202);
    const { messages } = await admin.call<{ messages: { template: string; text: string }[] }>('GET', `/api/notifications/outbox?phone=${PHONE}`);
    const code = /验证码(\d{6})/.exec(messages.find((m) => m.template === 'applicant-code')!.text)![1]!;
    const made = await post('/api/public/applicants', { phone: PHONE, code, password: PASSWORD, kind: 'person', name: NAME, idNumber: ID_NUMBER }, { 'idempotency-key': 'e2e-my-case-papers-register' });
    expect(made.status).toBe(201);
  });
  afterAll(() => e?.close());

  it('the clerk registers the case at the window and prints its 受理通知书 in the console', async () => {
    const c = await clerkApi.register<{ id: string; caseNo: string }>({
      itemCode: 'MZ-002',
      channel: 'window',
      applicant: { kind: 'person', name: NAME, idNumber: ID_NUMBER, phone: PHONE },
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    });
    caseNo = c.caseNo;
    caseId = c.id;
    clerk = await signInToConsole(e, 'clerk');
    await clerk.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
    await clerk.goto(`${e.baseUrl}/staff/cases/${c.id}`);
    await clerk.getByTestId('case-no').getByText(c.caseNo).waitFor();
    await clerk.getByRole('button', { name: /受理通知书$/ }).click();
    await clerk.locator('.notice-sheet .notice-title').waitFor();
    await clerk.getByRole('button', { name: /打\s*印/ }).click();
    await clerk.getByText('已登记本次打印').waitFor();
    await expect.poll(() => clerk.evaluate<number>('window.__printed || 0')).toBe(1);
  });

  it('the applicant signs in, opens 我的办件 → 文书 → the notice, readable on the phone', async () => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    phone = await context.newPage();
    await phone.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
    await phone.goto(`${e.baseUrl}/account/login`);
    await phone.locator('#phone').fill(PHONE);
    await phone.locator('#password').fill(PASSWORD);
    await phone.getByRole('button', { name: /登\s*录/ }).click();
    const item = phone.getByTestId('my-cases').locator('li', { hasText: caseNo });
    await item.waitFor();
    await item.getByText('文书（通知书、告知书）').click();
    const link = item.getByTestId('case-papers').getByRole('link');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toMatch(/受理通知书$/);
    expect(await item.getByTestId('case-papers').textContent()).toContain('2026年3月3日出具');
    await e.shot(phone, 'my-case-papers-list');
    await link.click();

    const sheet = phone.locator('.notice-sheet');
    await sheet.waitFor();
    expect(new URL(phone.url()).pathname).toMatch(new RegExp(`^/account/cases/${caseNo}/papers/[^/]+$`));
    expect(await sheet.locator('.notice-title').textContent()).toMatch(/受理通知书$/);
    const text = (await sheet.textContent()) ?? '';
    for (const expected of [`编号：${caseNo}`, `${NAME.slice(0, 1)}`, '本中心决定予以受理', '王晓燕', '2026年3月3日', '监督电话']) expect(text).toContain(expected);
    // the progress code as printed, to the deployment's public address
    const qr = sheet.locator('.notice-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('alt')).toBe(`办理进度查询二维码：${PUBLIC_URL}/progress?caseNo=${caseNo}`);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await e.shot(phone, 'my-case-papers-notice-phone');

    // the print the clerk made, as the console's print records keep it
    const { prints } = await clerkApi.call<{ prints: { id: string }[] }>('GET', `/api/cases/${caseId}/prints`);
    expect(prints).toHaveLength(1);
    expect(new URL(phone.url()).pathname).toBe(`/account/cases/${caseNo}/papers/${prints[0]!.id}`);

    await phone.getByRole('button', { name: '打印 / 保存为PDF' }).click();
    await expect.poll(() => phone.evaluate<number>('window.__printed || 0')).toBe(1);
  });

  it('printed, the page is the A4 sheet alone: no page frame, no buttons, one page', async () => {
    await phone.emulateMedia({ media: 'print' });
    await phone.setViewportSize({ width: 794, height: 1123 });
    for (const hidden of ['.brand', 'h1', '.paper-actions', '.link-row', '.footer']) expect(await phone.locator(hidden).first().isVisible(), hidden).toBe(false);
    const box = (await phone.locator('.notice-sheet').boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBeGreaterThan(780);
    await e.shot(phone, 'my-case-papers-notice-a4');
    const pdf = Buffer.from(await phone.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await phone.emulateMedia({ media: 'screen' });
  });

  it('another person’s paper address shows nothing of it', async () => {
    await phone.goto(`${e.baseUrl}/account/cases/NO-SUCH-CASE/papers/whatever`);
    await phone.getByRole('alert').getByText(/未找到该办件/).waitFor();
    expect(await phone.locator('.notice-sheet').count()).toBe(0);
  });
});
