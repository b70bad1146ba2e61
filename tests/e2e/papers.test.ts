// Papers name the right issuer (DOMAIN.md rule 10): a villager's request the agent forwarded and the township
// accepted is the township's paper — heading, seal, address, phone, hours — with the county's supervision phone
// and a QR code to the configured public address (not the bianmin.test address this browser opened). Also the
// administrator's public address on the settings page, a return notice with the remedies, an extension notice,
// and the print records on the case page.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { actOnCase, caseStatus, signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

const PUBLIC_URL = 'https://bianmin.qinghe.gov.cn';
const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
const VILLAGE_PHONE = '13903710000'; // the demo 柳河村便民服务室's phone: never on a township's paper

interface CaseJson {
  id: string;
  caseNo: string;
  version: number;
}

describe.skipIf(!hasChromium)('papers issued by the center that acted, in Chromium', () => {
  let e: E2E;
  let clerk: Page;
  const users: Record<string, ServerApi> = {};
  const api = (user: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    users[user]!.call<CaseJson>(body === undefined ? 'GET' : 'POST', path, body, headers);
  const act = (user: string, c: CaseJson, action: string, body: Record<string, unknown> = {}) =>
    api(user, `/api/cases/${c.id}/actions/${action}`, { expectedVersion: c.version, ...body });

  /** The agent takes a villager's request in 柳河村 and sends it to the township at once (急件). */
  async function forwarded(): Promise<CaseJson> {
    const c = await api(
      'agent',
      '/api/cases',
      { channel: 'agent', applicant: villager, itemCode: 'LY-001', materials: FELLING.map((name) => ({ name, provided: true })), proxy: { authorized: true } },
      { 'idempotency-key': randomUUID() },
    );
    return act('agent', c, 'forward', { urgent: true });
  }

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-03T09:00:00+08:00' }); // a Tuesday inside the loaded calendar years
    for (const user of ['agent', 'clerk', 'director']) users[user] = await serverApi(e, user);
    clerk = await signInToConsole(e, 'clerk');
    // the page's print dialog is the browser's: count the calls instead of opening one
    await clerk.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
  });
  afterAll(() => e?.close());

  async function openCase(page: Page, c: CaseJson) {
    await page.goto(`${e.baseUrl}/staff/cases/${c.id}`);
    await page.getByTestId('case-no').getByText(c.caseNo).waitFor();
  }

  async function openPaper(page: Page, button: string, title: string) {
    await page.getByRole('button', { name: new RegExp(`${button}$`) }).click();
    const sheet = page.locator('.notice-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.locator('.notice-title').textContent()).toBe(title);
    return sheet;
  }

  /** The sheet as printed on A4: no console around it, one page. */
  async function a4(page: Page, name: string) {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator('.notice-warnings').isVisible()).toBe(false);
    await e.shot(page, name);
    const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 860 });
  }

  it('without a public address the paper prints no QR code and says how else to ask; the administrator is told and sets it', async () => {
    const c = await forwarded();
    await act('clerk', await act('clerk', c, 'receive'), 'accept');
    await openCase(clerk, c);
    const sheet = await openPaper(clerk, '受理通知书', '承诺件受理通知书');
    await clerk.getByTestId('warning-public-url').waitFor();
    await sheet.getByTestId('notice-no-qr').waitFor();
    expect(await sheet.locator('.notice-qr img').count()).toBe(0);
    expect(await sheet.textContent()).not.toContain('bianmin.test');
    expect(await sheet.getByTestId('notice-no-qr').textContent()).toContain(c.caseNo);
    await e.shot(clerk, 'papers-no-public-url');

    // the system administrator's console home says so, and leads to the settings page
    const admin = await e.newPage();
    await admin.goto(`${e.baseUrl}/staff/`);
    await admin.getByPlaceholder('请输入用户名').fill('admin');
    await admin.getByPlaceholder('请输入密码').fill('bianmin2026');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByTestId('public-url-missing').waitFor();
    await e.shot(admin, 'papers-admin-home-warning');
    await admin.getByTestId('public-url-missing').getByRole('button', { name: /去设置/ }).click();
    await admin.getByRole('heading', { name: '系统设置' }).waitFor();
    const field = admin.getByLabel('公网地址（群众手机能打开的地址）');
    await field.fill('bianmin.qinghe.gov.cn');
    await admin.getByRole('button', { name: /保\s*存/ }).first().click();
    await admin.getByText(/公网地址格式不对|以 http:\/\/ 或 https:\/\/ 开头/).first().waitFor();
    await field.fill(`${PUBLIC_URL}/`);
    await admin.getByText(`二维码将打开：${PUBLIC_URL}/progress?caseNo=`, { exact: false }).waitFor();
    await admin.getByRole('button', { name: /保\s*存/ }).first().click();
    await admin.getByText('设置已保存').waitFor();
    await admin.getByTestId('public-url-missing').waitFor({ state: 'detached' });
    await e.shot(admin, 'papers-settings');
    await admin.close();
  });

  it('a village-forwarded case accepted by the township: the township issues the notice, with its contacts, the supervision phone and the public QR code; the print is recorded', async () => {
    const c = await forwarded();
    // the township clerk receives the agent's case from 待接收 and accepts it at the window
    await clerk.getByRole('menuitem', { name: '我的工作' }).click();
    await clerk.getByRole('tab', { name: /待接收/ }).click();
    await clerk.locator('.ant-table-row:visible', { hasText: c.caseNo }).click();
    await clerk.getByTestId('case-no').getByText(c.caseNo).waitFor();
    await actOnCase(clerk, '接收');
    await caseStatus(clerk, '已收件待受理');
    await actOnCase(clerk, '受理');
    await caseStatus(clerk, '办理中');

    const sheet = await openPaper(clerk, '受理通知书', '承诺件受理通知书');
    expect(await sheet.locator('.notice-center').textContent()).toBe('柳河镇便民服务中心');
    expect(await sheet.locator('.notice-sign').textContent()).toContain('柳河镇便民服务中心');
    const text = (await sheet.textContent()) ?? '';
    for (const expected of [
      `编号：${c.caseNo}`,
      '杨老汉：',
      '经柳河村便民服务室代办员提交',
      '本中心决定予以受理',
      '将送回柳河村便民服务室',
      '王晓燕', // the township clerk who accepted it
      '0371-6688 2101', // the township's phone
      '清河县柳河镇政府院内', // the township's address
      '08:30—12:00、14:30—17:30',
      '监督电话',
      '0371-6688 1200', // the county's supervision phone
      '2026年3月3日',
    ]) {
      expect(text).toContain(expected);
    }
    // nothing of the village as issuer: not its phone, not its name as heading or seal
    expect(text).not.toContain(VILLAGE_PHONE);
    expect(await sheet.locator('.notice-sign').textContent()).not.toContain('柳河村');
    const qr = sheet.locator('.notice-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('alt')).toBe(`办理进度查询二维码：${PUBLIC_URL}/progress?caseNo=${c.caseNo}`);
    expect(text).not.toContain('bianmin.test');
    expect(await clerk.getByTestId('warning-public-url').count()).toBe(0);
    await e.shot(clerk, 'papers-acceptance-screen');
    // printed from the browser itself (as Ctrl+P does; the PDF here): recorded too
    await a4(clerk, 'papers-acceptance-a4');

    // 打印: recorded first, then the browser's print dialog
    await clerk.getByRole('button', { name: /打\s*印/ }).click();
    await clerk.getByText('已登记本次打印').waitFor();
    await expect.poll(() => clerk.evaluate<number>('window.__printed || 0')).toBe(1);
    await clerk.getByRole('link', { name: /返回办件/ }).click();
    const rows = clerk.getByTestId('print-record');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      const text = await row.textContent();
      for (const expected of ['受理通知书', '柳河镇便民服务中心', '王晓燕', '2026年3月3日']) expect(text).toContain(expected);
    }
    await e.shot(clerk, 'papers-print-records');
    // the record shows the paper as it was printed
    await rows.first().getByRole('link', { name: '受理通知书' }).click();
    await clerk.getByText('打印记录：受理通知书').waitFor();
    expect(await clerk.locator('.notice-sheet .notice-center').textContent()).toBe('柳河镇便民服务中心');
  });

  it('the township returns a forwarded case: its return notice states the reasons, the remedies and that the materials go back to the village', async () => {
    const c = await forwarded();
    const received = await act('clerk', c, 'receive');
    await act('clerk', received, 'return', { reasons: '申请采伐的林木不在申请人承包的林地范围内', basis: '《中华人民共和国森林法》第五十六条' });
    await openCase(clerk, c);
    const sheet = await openPaper(clerk, '退回件通知书', '退回件通知书');
    const text = (await sheet.textContent()) ?? '';
    expect(await sheet.locator('.notice-center').textContent()).toBe('柳河镇便民服务中心');
    for (const expected of ['本中心决定予以退回', '不在申请人承包的林地范围内', '第五十六条', '退回柳河村便民服务室', '六十日内依法申请行政复议，或者六个月内依法提起行政诉讼', '0371-6688 1200']) {
      expect(text).toContain(expected);
    }
    await a4(clerk, 'papers-return-a4');
  });

  it('a denial: the township\'s 办结通知书 states the reasons, the basis and the remedies', async () => {
    const c = await forwarded();
    const accepted = await act('clerk', await act('clerk', c, 'receive'), 'accept');
    await act('clerk', accepted, 'complete', { outcome: 'denied', reasons: '申请采伐的林木位于生态公益林内，不得商业性采伐', basis: '《中华人民共和国森林法》第五十六条' });
    await openCase(clerk, c);
    const sheet = await openPaper(clerk, '办结通知书', '办结通知书');
    const text = (await sheet.textContent()) ?? '';
    expect(await sheet.locator('.notice-center').textContent()).toBe('柳河镇便民服务中心');
    for (const expected of ['决定不予批准', '位于生态公益林内', '第五十六条', '领取书面的《不予批准决定书》', '六十日内依法申请行政复议，或者六个月内依法提起行政诉讼', '0371-6688 1200']) {
      expect(text).toContain(expected);
    }
    // a denial has no result to collect
    expect(text).not.toContain('领取办理结果');
    expect(text).not.toContain(VILLAGE_PHONE);
    await a4(clerk, 'papers-denial-a4');
  });

  it('an approved extension prints a 延期告知书 with the reason, the old and the new due date', async () => {
    const c = await forwarded();
    const accepted = await act('clerk', await act('clerk', c, 'receive'), 'accept');
    const asked = await act('clerk', accepted, 'request-extension', { reason: '伐区面积较大，需分片现场核查', days: 3 });
    await act('director', asked, 'approve-extension');
    await openCase(clerk, c);
    const sheet = await openPaper(clerk, '延期告知书', '延期告知书');
    const text = (await sheet.textContent()) ?? '';
    // LY-001 promises 5 working days: accepted Tue 3-03 → due Tue 3-10; 3 more working days → Fri 3-13
    for (const expected of ['原承诺于2026年3月10日前办结', '因伐区面积较大，需分片现场核查', '经本中心负责人批准，办理期限延长3个工作日', '现承诺于2026年3月13日前办结', '李春梅']) {
      expect(text).toContain(expected);
    }
    expect(await sheet.locator('.notice-center').textContent()).toBe('柳河镇便民服务中心');
    await a4(clerk, 'papers-extension-a4');
  });
});
