// 领导带班值班表 (issue 12 §5) in the browser: the director opens next month's roster in the console (大厅管理), cannot
// publish while days are empty, fills them by rotation, publishes, and changes a day with a reason (listed below the
// grid); a villager's phone (390×844) reads today's leader on duty and the month's roster on the 政务公开 page, and the
// village's fixed office day beside the village among an item's places.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SHOTS_DIR, hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('领导带班值班表 (Chromium)', () => {
  let e: E2E;
  let township: string;

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
    await page.getByRole('menuitem', { name: /带班值班表/ }).waitFor();
    return page;
  };

  beforeAll(async () => {
    // Monday 21 December 2026: next month's roster is due, and this month's is published through the API
    e = await startE2E({ startAt: '2026-12-21T09:00:00+08:00' });
    const director = await serverApi(e, 'director');
    const me = await director.call<{ user: { orgId: string } }>('GET', '/api/auth/me');
    township = me.user.orgId;
    const suggestion = await director.call<{ assignments: { day: string; userId: string }[] }>('POST', '/api/duty/roster/suggest', { month: '2026-12' });
    const draft = await director.call<{ version: number }>('PUT', '/api/duty/roster', { month: '2026-12', assignments: suggestion.assignments });
    await director.call('POST', '/api/duty/roster/publish', { month: '2026-12', expectedVersion: draft.version });
    const agent = await serverApi(e, 'agent');
    const villages = await agent.call<{ villages: { orgId: string }[] }>('GET', '/api/duty/office-days');
    await agent.call('PUT', `/api/duty/office-days/${villages.villages[0]!.orgId}`, { weekdays: [3] });
  });
  afterAll(() => e?.close());

  it('the director fills next month by rotation, publishes, and changes a day with a reason', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: /带班值班表/ }).click();
    await page.getByRole('heading', { name: '领导带班值班表' }).waitFor();
    await page.getByTestId('roster-status').filter({ hasText: '未编排' }).waitFor();
    await page.getByText(/还有 \d+ 个工作日没有排带班领导/).waitFor();
    // 元旦 and the weekend are days off
    await page.getByTestId('roster-day-2027-01-01').getByText('休').waitFor();
    if (!(await page.getByTestId('roster-publish').isDisabled())) throw new Error('有空着的工作日时“发布”应不可用');

    await page.getByTestId('roster-autofill').click();
    await page.getByText(/已按轮流顺序排满所有工作日/).waitFor();
    await page.getByTestId('roster-save').click();
    await page.getByTestId('roster-status').filter({ hasText: '草稿' }).waitFor();
    await e.shot(page, 'duty-roster-draft');

    await page.getByTestId('roster-publish').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByTestId('roster-status').filter({ hasText: '已发布' }).waitFor();

    await page.getByTestId('roster-day-2027-01-05').getByRole('button', { name: /调整/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '调整1月5日的带班领导' });
    await modal.getByTestId('roster-change-user').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await modal.getByTestId('roster-change-reason').fill('原带班领导到县里参加培训');
    await modal.getByRole('button', { name: /调\s*整/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '原带班领导到县里参加培训' }).waitFor();
    await e.shot(page, 'duty-roster-published');
  });

  it('the leader on duty records a reception registered as a petition; the director sets a village office day', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('leader');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: /领导接待/ }).click();
    await page.getByRole('heading', { name: '领导接待' }).waitFor();
    await page.getByTestId('reception-new').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记领导接待' });
    await modal.getByTestId('reception-name').fill('王大山');
    await modal.getByTestId('reception-matter').fill('反映村道路面破损，雨天积水，出行不便。');
    await modal.getByTestId('reception-handling').fill('已请交通办三日内查看并答复来访人。');
    await modal.getByText('同时登记为信访事项').click();
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    await modal.waitFor({ state: 'hidden' });
    const row = page.locator('tr', { hasText: '王大山' });
    await row.getByRole('link', { name: /信/ }).waitFor();
    await e.shot(page, 'duty-receptions');
    // followed up: the leader completes 处理情况; the row says who changed it
    await row.getByRole('button', { name: /修\s*改/ }).click();
    const edit = page.locator('.ant-modal').filter({ hasText: '修改接待记录' });
    await expect.poll(() => edit.getByTestId('reception-handling').inputValue()).toBe('已请交通办三日内查看并答复来访人。');
    await edit.getByTestId('reception-handling').fill('交通办已查看，列入本月维修计划；已电话告知来访人。');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('交通办已查看，列入本月维修计划；已电话告知来访人。').waitFor();
    await row.getByText(/马振华 .+ 修改/).waitFor();
    await e.shot(page, 'duty-receptions-followed-up');

    const director = await signIn('director');
    await director.getByRole('menuitem', { name: /村固定办公日/ }).click();
    await director.getByRole('heading', { name: '村固定办公日' }).waitFor();
    const village = director.locator('tr', { hasText: '杨庄村' });
    await village.getByText('周五').click();
    await village.getByRole('button', { name: /保\s*存/ }).click();
    await village.getByText('每周五').waitFor();
    await e.shot(director, 'duty-office-days');
  });

  it('a villager’s phone reads today’s leader on duty and the roster; the village office day is beside the village', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/open/${township}`);
    await page.getByRole('heading', { name: '领导带班' }).waitFor();
    await page.getByTestId('open-roster-today').getByText(/今日带班领导：/).waitFor();
    await page.getByText('2027年1月值班表（有调整，以此为准）').waitFor();
    await page.locator('#open-duty').scrollIntoViewIfNeeded();
    await e.shot(page, 'duty-roster-public-phone');
    // the section alone, at the phone's width, to look at
    await page.locator('#open-duty').locator('..').screenshot({ path: join(SHOTS_DIR, 'duty-roster-public-phone-section.png'), animations: 'disabled' });

    await page.goto(`${e.baseUrl}/items/MZ-003`);
    await page.getByText('每周三固定办公').first().waitFor();
    await page.getByText('每周三固定办公').first().scrollIntoViewIfNeeded();
    await e.shot(page, 'duty-office-day-places-phone');
    await page.getByText('每周三固定办公').first().locator('xpath=ancestor::div[contains(@class,"villages")]').screenshot({ path: join(SHOTS_DIR, 'duty-office-day-places-section.png'), animations: 'disabled' });
  });
});
