// 政务公开 (issue 11 §3) in the browser: the director publishes a notice in the console (公告 page, 基础数据), is told a
// withdrawal inside the minimum period needs a reason, and a villager's phone (390×844) finds the center from /open
// and reads the notice on its page, with the staff (photo or initial), the month figures, the finished cases with
// masked names and the complaint outcomes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR, hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('政务公开和公告 (Chromium)', () => {
  let e: E2E;
  const title = '关于开展冬季农村电网检修的停电公告';

  const phonePage = async () => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    return context.newPage();
  };
  const signIn = async (username: string): Promise<Page> => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: /政务公开公告/ }).waitFor();
    return page;
  };

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the director publishes a notice in the console; withdrawing it at once asks for a reason', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: /政务公开公告/ }).click();
    await page.getByRole('heading', { name: '政务公开公告' }).waitFor();
    // the demo's: two shown, one withdrawn with its reason
    await page.getByText('元旦假期办公时间安排').waitFor();
    await page.getByText(/撤下原因：线路改造推迟/).waitFor();

    await page.getByTestId('notice-new').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '发布公告' });
    await modal.waitFor();
    await modal.getByTestId('notice-title').fill(title);
    await modal.getByTestId('notice-body').fill('因冬季电网检修，本周六上午 8:00—12:00 中心大厅停电，暂停办理业务。\n急需办理的请于周五前到窗口办理，或联系村代办员。');
    // a mistyped -5 is refused in words, not silently turned into 1
    await modal.getByTestId('notice-min-days').fill('-5');
    await modal.getByRole('button', { name: '发 布' }).or(modal.getByRole('button', { name: '发布' })).click();
    await modal.getByText('最短公示天数至少 1 天').waitFor();
    await modal.getByTestId('notice-min-days').fill('7');
    await modal.getByText('最短公示天数至少 1 天').waitFor({ state: 'hidden' });
    await modal.getByRole('button', { name: '发 布' }).or(modal.getByRole('button', { name: '发布' })).click();
    await modal.waitFor({ state: 'hidden' });
    const row = page.locator('tr', { hasText: title });
    await row.getByText('公示中').waitFor();
    await e.shot(page, 'notices-console');

    // withdrawing on its first day: the reason is required, nothing is sent without it
    await row.getByTestId('notice-withdraw').click();
    const withdraw = page.locator('.ant-modal').filter({ hasText: '撤下公告' });
    await withdraw.getByText(/现在撤下须写明原因/).waitFor();
    await withdraw.getByRole('button', { name: /撤\s*下/ }).click();
    await withdraw.getByText('未满最短公示天数，请写明撤下原因').waitFor();
    await e.shot(page, 'notices-withdraw-reason');
    await withdraw.getByRole('button', { name: /取\s*消/ }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await row.getByText('公示中').waitFor();
  });

  it('a villager finds the center from /open and reads the notice, the staff, the figures and the results', async () => {
    // two cases finished at the window today, one rated
    const api = await serverApi(e, 'clerk');
    const materials = [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }];
    for (const [name, idNumber, phone] of [['欧阳明华', '11010519491231002X', '13812345678'], ['张桂兰', '110105195803150041', '13912345678']] as const) {
      const c = await api.register<{ id: string; caseNo: string; version: number }>({ channel: 'window', applicant: { name, idNumber, phone, address: '柳河镇柳河村三组' }, itemCode: 'MZ-002', materials });
      await api.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证 1' });
      if (name === '欧阳明华') {
        const rated = await fetch(`${e.serverUrl}/api/public/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl }, body: JSON.stringify({ caseNo: c.caseNo, phone4: '5678', level: 'very_satisfied' }) });
        expect(rated.status, await rated.text()).toBe(201);
      }
    }

    const page = await phonePage();
    await page.goto(`${e.baseUrl}/open`);
    await page.getByRole('heading', { name: '政务公开' }).waitFor();
    await page.getByRole('link', { name: /柳河镇便民服务中心/ }).first().waitFor();
    await e.shot(page, 'open-list-phone');
    await page.getByRole('link', { name: /柳河镇便民服务中心/ }).first().click();
    await page.getByRole('heading', { name: '柳河镇便民服务中心', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/open\/[0-9a-f-]+$/);

    const notice = page.getByTestId('open-notice').filter({ hasText: title });
    await notice.waitFor();
    expect(await page.getByTestId('open-notice').filter({ hasText: '民政窗口临时调整' }).count()).toBe(0);
    await page.getByTestId('open-supervision-phone').waitFor();
    expect(await page.getByTestId('open-supervision-phone').getAttribute('href')).toMatch(/^tel:/);
    // no photo stored yet: the name's first character instead
    const staff = page.getByTestId('open-staff').first();
    await staff.waitFor();
    await staff.locator('.staff-initial').waitFor();
    expect(await page.getByTestId('open-month').count()).toBe(2);
    await page.getByTestId('open-complaint').filter({ hasText: '办理低保申请被要求反复补材料' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('陈秀芳');
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    await page.getByTestId('open-result').filter({ hasText: '申请人 欧**' }).waitFor();
    await page.getByTestId('open-result').filter({ hasText: '申请人 张**' }).waitFor();
    for (const name of await page.getByTestId('open-result').locator('span', { hasText: '申请人' }).allTextContents()) expect(name).toMatch(/^申请人 .\*\*$/u);
    for (const secret of ['欧阳明华', '张桂兰', '13812345678', '13912345678', '11010519491231002X']) expect(text).not.toContain(secret);
    expect(await page.getByTestId('open-month').first().textContent()).toContain('100.0%');
    await e.shot(page, 'open-center-phone');
    // what the phone shows first, without scrolling
    await page.screenshot({ path: `${SHOTS_DIR}/open-center-phone-first-screen.png` });

    // a reload of the address lands on the same center (the server serves /open/<id>)
    await page.reload();
    await page.getByTestId('open-notice').filter({ hasText: title }).waitFor();
  });

  it('the director withdraws it with a reason; the public page no longer shows it', async () => {
    const page = await signIn('director');
    await page.goto(`${e.baseUrl}/staff/notices`);
    const row = page.locator('tr', { hasText: title });
    await row.getByTestId('notice-withdraw').click();
    const withdraw = page.locator('.ant-modal').filter({ hasText: '撤下公告' });
    await withdraw.getByTestId('notice-withdraw-reason').fill('检修改到下周，另行发布公告');
    await withdraw.getByRole('button', { name: /撤\s*下/ }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await row.getByText('已撤下').waitFor();
    await row.getByText('撤下原因：检修改到下周，另行发布公告').waitFor();
    await row.getByRole('button', { name: /记\s*录/ }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '公告的修改记录' });
    await drawer.getByText('第 2 版 · 撤下').waitFor();

    const phone = await phonePage();
    await phone.goto(`${e.baseUrl}/open`);
    await phone.getByRole('link', { name: /柳河镇便民服务中心/ }).first().click();
    await phone.getByTestId('open-notice').filter({ hasText: '元旦假期办公时间安排' }).waitFor();
    expect(await phone.getByTestId('open-notice').filter({ hasText: title }).count()).toBe(0);
  });
});
