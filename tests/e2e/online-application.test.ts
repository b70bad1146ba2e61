import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegLike, portraitPng } from '../support/images.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

// 网上申请 (issue 11 §2) in Chromium: a registered applicant on a phone (390×844) applies for 城乡居民养老保险待遇领取
// with photos of the materials; the township's clerk pre-reviews it in the console and sends a one-time notice; the
// applicant uploads the missing material into the same application; the clerk accepts it into a case; the applicant
// sees the case number in 我的办件, and a second application shows the checked materials as already on file.
const PHONE = '13922223333';
const PASSWORD = 'Liuhe#2026ok';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.skipIf(!hasChromium)('online application in Chromium', () => {
  let e: E2E;
  let admin: ServerApi;
  let phone: Page;
  let clerk: Page;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    admin = await serverApi(e, 'admin');
    // the account, made as h2's registration makes it: a code from the outbox (no SMS provider here)
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${e.serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl, ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/public/applicants/codes', { phone: PHONE, purpose: 'register' })).status).toBe(202);
    const { messages } = await admin.call<{ messages: { template: string; text: string }[] }>('GET', `/api/notifications/outbox?phone=${PHONE}`);
    const code = /验证码(\d{6})/.exec(messages.find((m) => m.template === 'applicant-code')!.text)![1]!;
    const made = await post('/api/public/applicants', { phone: PHONE, code, password: PASSWORD, kind: 'person', name: '赵桂兰', idNumber: '11010519491231002X' }, { 'idempotency-key': 'e2e-online-app-register' });
    expect(made.status).toBe(201);
  });
  afterAll(() => e?.close());

  const phonePage = async () => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    return context.newPage();
  };

  it('the applicant opens 网上申请 on the item’s guide, signs in, and comes back to the form', async () => {
    phone = await phonePage();
    await phone.goto(`${e.baseUrl}/items/RS-006`);
    await phone.getByTestId('apply-online').click();
    await phone.getByRole('heading', { name: '登录', exact: true }).waitFor();
    await phone.locator('#phone').fill(PHONE);
    await phone.locator('#password').fill(PASSWORD);
    await phone.getByRole('button', { name: /登\s*录/ }).click();
    await phone.getByRole('heading', { name: '网上申请' }).waitFor();
    expect(new URL(phone.url()).pathname).toBe('/account/apply/RS-006');
    await phone.getByText('城乡居民养老保险待遇领取申请').first().waitFor();
  });

  it('applies with photos and a PDF; a missing main material is told before anything is sent', async () => {
    const center = await phone.locator('#apply-center option', { hasText: '便民服务中心' }).first().getAttribute('value');
    await phone.locator('#apply-center').selectOption(center!);
    await phone.locator('#material-file-0').setInputFiles({ name: '待遇领取申请表.pdf', mimeType: 'application/pdf', buffer: PDF });
    await phone.getByRole('button', { name: '提交申请' }).click();
    await expect(phone.getByRole('alert').textContent()).resolves.toContain('请上传以下必交材料后再提交：居民身份证、居民户口簿、社会保障卡');
    await phone.locator('#material-file-1').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: portraitPng(160, 100, [230, 230, 210]) });
    await phone.locator('#material-file-2').setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: portraitPng(120, 160, [170, 40, 40]) });
    await phone.locator('#material-file-3').setInputFiles({ name: '社保卡.png', mimeType: 'image/png', buffer: portraitPng() });
    await e.shot(phone, 'online-application-form');
    await phone.getByRole('button', { name: '提交申请' }).click();
    await phone.getByTestId('application-status').getByText('待预审').waitFor();
    await e.shot(phone, 'online-application-submitted');
    const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
  });

  it('the clerk sees it in 网上申请预审, previews the materials and sends a one-time notice', async () => {
    clerk = await signInToConsole(e, 'clerk');
    await clerk.getByRole('menuitem', { name: '网上申请预审' }).click();
    await clerk.getByRole('heading', { name: '网上申请预审' }).waitFor();
    await clerk.getByTestId('pre-review-light-green').waitFor();
    await clerk.getByTestId('application-link').first().click();
    await clerk.getByText('申报材料').waitFor();
    await clerk.getByRole('img', { name: '社会保障卡（第 1 份）' }).waitFor();
    await e.shot(clerk, 'online-application-review');
    await clerk.getByTestId('application-notify').click();
    const dialog = clerk.getByRole('dialog', { name: '一次性告知补正' });
    await dialog.getByTestId('notify-pick-居民户口簿').click();
    await dialog.getByLabel('居民户口簿的补正原因').fill('户主页照片不清晰，请重新拍摄');
    await dialog.getByRole('button', { name: '发出告知' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await clerk.getByText('待补正材料').first().waitFor();
  });

  it('the applicant uploads the missing material into the same application and sends it back', async () => {
    await phone.reload();
    await phone.getByTestId('supplement-notice').waitFor();
    await expect(phone.getByTestId('supplement-notice').textContent()).resolves.toContain('户主页照片不清晰');
    await e.shot(phone, 'online-application-notice');
    await phone.getByLabel('上传 居民户口簿').setInputFiles({ name: '户口簿-重拍.jpg', mimeType: 'image/jpeg', buffer: jpegLike(7000, 3) });
    await phone.getByRole('button', { name: '补传后重新提交' }).click();
    await phone.getByTestId('application-status').getByText('待预审').waitFor();
  });

  it('the clerk accepts it: a case of channel 网上申请; the applicant sees its number in 我的办件', async () => {
    await clerk.reload();
    await clerk.getByTestId('application-accept').click();
    const dialog = clerk.getByRole('dialog', { name: '预审通过并受理' });
    await dialog.getByRole('button', { name: '受 理' }).or(dialog.getByRole('button', { name: '受理' })).click();
    await dialog.waitFor({ state: 'hidden' });
    await clerk.getByText('已受理').first().waitFor();

    await phone.goto(`${e.baseUrl}/account/me`);
    await phone.getByTestId('my-applications').getByText('已受理').waitFor();
    // the case itself, with its progress and the ways to rate and complain
    await phone.getByTestId('my-cases').getByText('城乡居民养老保险待遇领取申请').waitFor();
    const myCase = phone.getByTestId('my-cases');
    expect(await myCase.getByRole('link', { name: /^查看进度/ }).first().getAttribute('href')).toMatch(/^\/progress\?caseNo=.+-\d{8}-\d{4}$/);
    expect(await myCase.getByRole('link', { name: '投诉' }).first().getAttribute('href')).toMatch(/^\/complaint\?caseNo=.+-\d{8}-\d{4}$/);
    await e.shot(phone, 'online-application-me');
    await phone.getByTestId('my-applications').getByRole('link').first().click();
    const caseNo = await phone.getByTestId('application-case-no').textContent();
    expect(caseNo).toMatch(/-\d{8}-\d{4}$/);
    await e.shot(phone, 'online-application-accepted');
  });

  it('a second application does not ask again for the materials the window checked', async () => {
    await phone.goto(`${e.baseUrl}/account/apply/MZ-005`);
    await phone.getByTestId('material-1').getByText('已存档').waitFor();
    await expect(phone.getByTestId('material-1').textContent()).resolves.toContain('居民身份证');
    expect(await phone.locator('#material-file-1').count()).toBe(0);
    await e.shot(phone, 'online-application-second');
  });
});
