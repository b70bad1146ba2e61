// Issue 8 §2 "Live updates" in the real console: two clerks of one center. While one completes a case, the other's
// open page of that case shows the banner at once (no reload), the menu's 我的工作 count and the work list's tab
// counts follow, and 刷新 shows the change.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { actOnCase, caseStatus, signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '赵春花', idNumber: '11010519491231002X', phone: '13800001234' };
const IMMEDIATE = { itemCode: 'MZ-002', channel: 'window', applicant, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.skipIf(!hasChromium)('live updates between two clerks, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    // a Monday morning inside the loaded calendar years
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  type CaseJson = { id: string; caseNo: string };
  /** The count badge of the 在办 tab on 我的工作. */
  const heldTab = (page: Page) => page.getByRole('tab', { name: /在办/ }).first();
  const navCount = (page: Page) => page.getByRole('menuitem', { name: /我的工作/ });

  it('one clerk completes a case: the other’s open case page shows the banner and the counts update without reload', async () => {
    const clerkApi = await serverApi(e, 'clerk');
    const c = await clerkApi.register<CaseJson>(IMMEDIATE);
    await clerkApi.register<CaseJson>(IMMEDIATE); // the menu shows no badge at 0: keep one in progress
    const { total: held } = await clerkApi.call<{ total: number }>('GET', '/api/cases?view=held&pageSize=1');
    expect(held).toBeGreaterThan(1);

    // clerk2 has the case open; a mark on the window shows the page is never reloaded
    const other = await signInToConsole(e, 'clerk2');
    await other.evaluate(() => ((globalThis as unknown as { liveMark: number }).liveMark = 1));
    await navCount(other).getByText(String(held), { exact: true }).waitFor();
    await heldTab(other).click();
    await other.locator('.ant-table-row:visible', { hasText: c.caseNo }).first().click();
    await other.getByTestId('case-no').getByText(c.caseNo).waitFor();
    await caseStatus(other, '办理中');

    // the first clerk completes it on their own screen
    const clerk = await signInToConsole(e, 'clerk');
    await clerk.goto(`${e.baseUrl}/staff/cases/${c.id}`);
    await clerk.getByTestId('case-no').getByText(c.caseNo).waitFor();
    await actOnCase(clerk, '办结', async (modal) => {
      await modal.getByText('准予办理', { exact: true }).click();
      await modal.getByLabel('结果文号（证照编号）').fill('优待证 2026-101');
    });
    await caseStatus(clerk, '已办结');
    // the one who acted sees no banner about their own change
    expect(await clerk.getByTestId('live-change-banner').count()).toBe(0);

    const banner = other.getByTestId('live-change-banner');
    await banner.getByText('该办件刚被他人办理（办结），请刷新查看').waitFor();
    // the menu count has followed: one case fewer in progress
    await navCount(other).getByText(String(held - 1), { exact: true }).waitFor();
    // the page still shows what it showed, until the clerk chooses to refresh
    await caseStatus(other, '办理中');
    await e.shot(other, 'live-case-changed-banner');
    await banner.getByRole('button', { name: /刷\s*新/ }).click();
    await caseStatus(other, '已办结');
    await banner.waitFor({ state: 'detached' });

    // on 我的工作, a case registered by the first clerk shows in the tab count at once
    await other.getByRole('menuitem', { name: /我的工作/ }).click();
    await heldTab(other).getByText(String(held - 1), { exact: true }).waitFor();
    await clerkApi.register<CaseJson>(IMMEDIATE);
    await heldTab(other).getByText(String(held), { exact: true }).waitFor();
    await navCount(other).getByText(String(held), { exact: true }).waitFor();
    await e.shot(other, 'live-work-counts');
    expect(await other.evaluate(() => (globalThis as unknown as { liveMark?: number }).liveMark)).toBe(1);
  });
});
