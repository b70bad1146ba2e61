import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

// 投诉 (issue 10 §2) in Chromium: a villager files a complaint on a phone (390×844), gets the number and the query
// code, queries it back; the center handles it in the console (ledger with lights, the steps); the answer shows on the
// villager's query without staff names.
const SHOTS = '/tmp/complaints';

interface ComplaintJson {
  id: string;
  complaintNo: string;
  version: number;
  status: string;
}

describe.skipIf(!hasChromium)('complaints in Chromium', () => {
  let e: E2E;
  let clerk: ServerApi;
  let filed: { complaintNo: string; queryCode: string };

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    clerk = await serverApi(e, 'clerk');
  });
  afterAll(() => e?.close());

  const phonePage = async () => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    return context.newPage();
  };

  it('a villager files a complaint on a phone, gets the number and query code, and queries it back', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/complaint`);
    await page.getByRole('heading', { name: '我要投诉' }).waitFor();
    await page.locator('#orgId option', { hasText: '柳河村便民服务室' }).first().waitFor({ state: 'attached' });
    await shot(page, 'complaint-phone-empty');

    // nothing filled in: told what is missing, nothing sent
    await page.getByRole('button', { name: '提交投诉' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请按红字提示补全');
    await shot(page, 'complaint-phone-missing');

    const village = await page.locator('#orgId option', { hasText: '柳河村便民服务室' }).first().getAttribute('value');
    await page.locator('#orgId').selectOption(village!);
    await page.locator('#title').fill('代办员上门时间不固定');
    await page.locator('#content').fill('柳河村代办员说好每周三上门，连续两周没来，电话也没人接，老人的养老认证一直办不了。');
    await page.locator('#name').fill('孙大爷');
    await page.locator('#phone').fill('13800009999');
    // a 办件编号 that names no case: told so under the box, and that it may be left empty; nothing filed
    await page.locator('#caseNo').fill('abc-123');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.locator('#caseNo-problem').getByText('未找到该办件编号，请核对后重填，不知道的可以不填').waitFor();
    await shot(page, 'complaint-phone-case-not-found');
    await page.locator('#caseNo').fill('');
    expect(await page.locator('#caseNo-problem').count()).toBe(0);
    await shot(page, 'complaint-phone-filled');
    await page.getByRole('button', { name: '提交投诉' }).click();

    await page.getByTestId('filed').waitFor();
    filed = { complaintNo: (await page.getByTestId('filed-no').textContent())!.trim(), queryCode: (await page.getByTestId('filed-code').textContent())!.trim() };
    expect(filed.complaintNo).toMatch(/^TS-410899101-2026-\d{4}$/);
    expect(filed.queryCode).toMatch(/^\d{6}$/);
    await shot(page, 'complaint-phone-filed');

    // readable on a small screen: nothing wider than the phone, text at least 16px
    // (expressions as strings: they run in the page, and this project's Node types know no DOM)
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const smallest = await page.evaluate<number>(`Math.min(...[...document.querySelectorAll('.page *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize)))`);
    expect(smallest).toBeGreaterThanOrEqual(16);

    await page.getByRole('button', { name: '查询办理情况' }).click();
    await page.getByRole('heading', { name: '查询投诉' }).waitFor();
    expect(page.url()).toContain('/complaint/query');
    await expect(page.locator('#complaintNo').inputValue()).resolves.toBe(filed.complaintNo);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('complaint-result').waitFor();
    const text = (await page.getByTestId('complaint-result').textContent())!;
    expect(text).toContain('已收到，等待受理');
    expect(text).toContain('柳河镇便民服务中心');
    expect(text).toContain('投诉已登记');
    await shot(page, 'complaint-phone-query');
    await page.context().close();
  });

  it('the center sees it in the ledger with its light, handles it in the console, and the answer reaches the query', async () => {
    const staff = await signInToConsole(e, 'clerk');
    await staff.goto(`${e.baseUrl}/staff/complaints`);
    const row = staff.getByRole('row', { name: new RegExp(filed.complaintNo) });
    await row.waitFor();
    expect(await row.textContent()).toContain('绿灯');
    expect(await row.textContent()).toContain('网上投诉');
    await staff.screenshot({ path: `${SHOTS}/complaint-ledger.png`, fullPage: true });
    await row.getByTestId('complaint-link').click();
    await staff.getByTestId('complaint-overview').waitFor();
    expect(await staff.getByTestId('complaint-overview').textContent()).toContain('13800009999');

    // 受理 in the console
    await staff.getByTestId('complaint-action-accept').click();
    await staff.getByTestId('complaint-action-submit').click();
    await staff.getByTestId('complaint-action-investigate').waitFor();
    // 调查
    await staff.getByTestId('complaint-action-investigate').click();
    await staff.getByTestId('complaint-findings').fill('与代办员核实：两周内因培训未上门，未告知群众。');
    await staff.getByTestId('complaint-action-submit').click();
    // 处置: upheld
    await staff.getByTestId('complaint-action-handle').click();
    await staff.getByTestId('complaint-upheld').getByText('属实', { exact: true }).click();
    await staff.getByTestId('complaint-reasons').fill('代办员未按约定上门且未告知，对其批评教育，调整为固定每周三上午上门。');
    await staff.getByTestId('complaint-action-submit').click();
    // 反馈
    await staff.getByTestId('complaint-action-answer').click();
    await staff.getByTestId('complaint-feedback').fill('您反映的情况属实。代办员已固定每周三上午上门，本周三将为您办理养老认证。感谢监督！');
    await staff.getByTestId('complaint-action-submit').click();
    await staff.getByTestId('complaint-action-visit').waitFor();
    const timeline = (await staff.getByTestId('complaint-timeline').textContent())!;
    for (const step of ['登记', '受理', '调查', '处置', '反馈']) expect(timeline).toContain(step);
    expect(timeline).toContain('王晓燕');
    expect(await staff.getByTestId('complaint-overview').textContent()).toContain('属实 · 计入月度考核');
    await staff.screenshot({ path: `${SHOTS}/complaint-detail.png`, fullPage: true });

    const page = await phonePage();
    await page.goto(`${e.baseUrl}/complaint/query?no=${encodeURIComponent(filed.complaintNo)}`);
    await page.locator('#queryCode').fill(filed.queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('complaint-answer').waitFor();
    const result = (await page.getByTestId('complaint-result').textContent())!;
    expect(result).toContain('代办员已固定每周三上午上门');
    expect(result).toContain('已答复');
    for (const secret of ['王晓燕', '13800009999', '孙大爷', '批评教育']) expect(result).not.toContain(secret);
    await shot(page, 'complaint-phone-answered');
    await page.context().close();
  });

  it('a clerk registers a complaint forwarded from 12345 in the console and tells the number and query code', async () => {
    const staff = await signInToConsole(e, 'clerk');
    await staff.goto(`${e.baseUrl}/staff/complaints/new`);
    await staff.getByTestId('complaint-source').getByText('12345 热线转办').click();
    await staff.getByTestId('complaint-hotline-no').fill('12345-2026-0302017');
    await staff.getByTestId('complaint-title').fill('中午无人值班');
    await staff.getByTestId('complaint-content').fill('12345 转办：群众反映中午 12 点到中心办事无人值班。');
    await staff.getByTestId('complaint-name').fill('刘建军');
    await staff.getByTestId('complaint-phone').fill('13903712233');
    await staff.getByTestId('complaint-submit').click();
    const done = staff.getByTestId('complaint-registered');
    await done.waitFor();
    const text = (await done.textContent())!;
    expect(text).toMatch(/TS-410899101-2026-\d{4}/);
    expect(text).toMatch(/查询码\s*\d{6}/);
    await staff.screenshot({ path: `${SHOTS}/complaint-registered.png`, fullPage: true });
    await staff.getByRole('button', { name: '查看并受理' }).click();
    await staff.getByTestId('complaint-overview').waitFor();
    expect(await staff.getByTestId('complaint-overview').textContent()).toContain('12345 工单 12345-2026-0302017');
    await staff.context().close();
  });

  it('the system administrator sets the time limits', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('admin');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '投诉时限' }).click();
    await page.getByRole('heading', { name: '投诉时限' }).waitFor();
    const complex = page.getByLabel('复杂投诉（工作日）');
    await expect.poll(() => complex.inputValue()).toBe('5');
    await complex.fill('6');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存，此后登记的投诉按新的时限计算。').waitFor();
    await page.screenshot({ path: `${SHOTS}/complaint-limits.png` });
    const limits = await clerk.call<{ complexDays: number }>('GET', '/api/complaints/limits');
    expect(limits.complexDays).toBe(6);
    await page.context().close();
  });

  it('a wrong query code is refused the same way as an unknown number', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/complaint/query`);
    await page.locator('#complaintNo').fill(filed.complaintNo);
    await page.locator('#queryCode').fill(filed.queryCode === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('未查到该投诉');
    await page.context().close();
    // and the registered complaint is still one, at its step
    const list = await clerk.call<{ complaints: ComplaintJson[] }>('GET', `/api/complaints?q=${encodeURIComponent(filed.complaintNo)}`);
    expect(list.complaints.map((c) => c.status)).toEqual(['answered']);
  });
});
