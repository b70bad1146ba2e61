// Issue 12 §4 in the real console: a clerk signs in (签到) and files a leave; the director approves it (and files one
// for a clerk who phoned in sick) — the clerk
// is at once 请假 on the 去向公示 board and her window's work goes to the B post; the director sets another
// clerk's 去向; the month's attendance table; the public 政务公开 page shows the kinds, never the notes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('presence, leave and whereabouts on the staff console, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    // a Monday morning inside the loaded calendar years
    e = await startE2E({ startAt: '2026-12-07T08:25:00+08:00' });
  });
  afterAll(() => e?.close());

  const openMenu = async (page: Page, item: string, heading: string) => {
    await page.getByRole('menuitem', { name: new RegExp(`${item}$`) }).click();
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  };

  it('signs in, files a leave, the director approves it, the board and the public page show 请假', async () => {
    const clerk = await signInToConsole(e, 'clerk');
    await openMenu(clerk, '考勤签到', '考勤签到');
    const today = clerk.getByTestId('attendance-today');
    await today.getByText('2026-12-07（工作日）').waitFor();
    await today.getByRole('button', { name: /签\s*到/ }).click();
    await today.getByText('按时').waitFor();
    await clerk.getByTestId('attendance-month').getByText('王晓燕').waitFor();
    await e.shot(clerk, 'attendance-signed-in');

    await openMenu(clerk, '请假', '请假');
    const form = clerk.locator('form').filter({ hasText: '事由' });
    await form.getByRole('combobox').first().click();
    await clerk.locator('.ant-select-item-option', { hasText: '病假' }).click();
    await form.getByPlaceholder('如：孩子生病，去县医院').fill('发烧，去县医院看病');
    await form.getByRole('button', { name: '提交申请' }).click();
    await clerk.getByText(/已提交病假申请/).waitFor();
    await clerk.getByText('待审批', { exact: true }).first().waitFor();

    const director = await signInToConsole(e, 'director');
    await openMenu(director, '请假', '请假');
    const pending = director.getByTestId('leaves-pending');
    const row = pending.locator('tr', { hasText: '王晓燕' });
    await row.getByText('发烧，去县医院看病').waitFor();
    await e.shot(director, 'leave-pending');
    await row.getByRole('button', { name: /批\s*准/ }).first().click();
    const modal = director.locator('.ant-modal').filter({ hasText: '批准请假' });
    await modal.getByPlaceholder('如：注意身体，安排好工作交接').fill('注意身体，安排好工作交接');
    await e.shot(director, 'leave-approve-dialog');
    await modal.getByRole('button', { name: /批\s*准/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await director.getByText('休假中').first().waitFor();
    await e.shot(director, 'leave-approved');
    // 张磊 phones in sick: the director files the leave for him, and it waits in 待审批 like any other
    const forOther = director.locator('form').filter({ hasText: '事由' });
    await forOther.getByRole('combobox', { name: '请假人' }).click();
    await director.locator('.ant-select-item-option', { hasText: '张磊' }).click();
    await forOther.getByPlaceholder('如：孩子生病，去县医院').fill('电话请假：重感冒');
    await forOther.getByRole('button', { name: '提交申请' }).click();
    await director.getByText(/已为张磊提交事假申请/).waitFor();
    await pending.locator('tr', { hasText: '张磊' }).getByText('电话请假：重感冒').waitFor();
    await e.shot(director, 'leave-filed-for-other');

    // the director marks clerk2 下村 from the board
    await openMenu(director, '去向公示', '去向公示');
    const cardOf = (name: string) => director.getByTestId('whereabouts-card').filter({ hasText: name });
    await cardOf('王晓燕').getByText('请假', { exact: true }).waitFor();
    await cardOf('王晓燕').getByText(/病假：12月7日/).waitFor();
    await cardOf('张磊').getByRole('button', { name: '设置去向' }).click();
    const set = director.locator('.ant-modal').filter({ hasText: '设置去向' });
    await set.getByText('下村', { exact: true }).click();
    await set.locator('.ant-radio-button-wrapper-checked', { hasText: '下村' }).waitFor();
    await set.getByPlaceholder('如：柳河村入户核查低保，下午三点回').fill('柳河村入户核查低保');
    await set.getByRole('button', { name: '保存去向' }).click();
    await set.waitFor({ state: 'hidden' });
    await cardOf('张磊').getByText('说明：柳河村入户核查低保').waitFor();
    await e.shot(director, 'whereabouts-board');

    // 政务公开: the kinds, never the notes
    const api = await serverApi(e, 'director');
    const me = await api.call<{ user: { orgId: string } }>('GET', '/api/auth/me');
    const pub = await e.newPage();
    await pub.setViewportSize({ width: 390, height: 844 });
    await pub.goto(`${e.baseUrl}/open/${me.user.orgId}`);
    await pub.getByText('王晓燕').first().waitFor();
    await pub.locator('.tag-away', { hasText: '请假' }).first().waitFor();
    await pub.locator('.tag-away', { hasText: '下村' }).first().waitFor();
    if ((await pub.getByText('入户核查').count()) > 0) throw new Error('the note reached the public page');
    if ((await pub.getByText('发烧').count()) > 0) throw new Error('the leave reason reached the public page');
    await e.shot(pub, 'open-center-whereabouts');
  });
});
