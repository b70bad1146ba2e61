// 月度统计报表 (issue 13 §1) in the browser: March's cases are locked by the month-end job; the village agent submits
// (through the API); the township director opens 统计考核 › 月度统计报表, sees the figures, the village submitted and the
// other villages pending, returns the village's report with a comment, submits the township's own report, and a figure
// opens the ledger of the same cases; after the due day the county director sees the late townships marked, until the
// system administrator moves the due day later on the settings page.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlySnapshotJob } from '../../src/modules/statistics/jobs.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.skipIf(!hasChromium)('月度统计报表 (Chromium)', () => {
  let e: E2E;
  let village = '';
  let township = '';

  /** Signs in and waits for a menu item the person has (月度统计报表 for those who report). */
  const signIn = async (username: string, menu: string | RegExp = /月度统计报表/): Promise<Page> => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: menu }).waitFor();
    return page;
  };

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-10T09:00:00+08:00' });
    const clerk = await serverApi(e, 'clerk');
    for (let i = 0; i < 3; i++) {
      const c = await clerk.register<{ id: string; version: number }>({ channel: 'window', applicant, ...IMMEDIATE });
      if (i < 2) await clerk.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: `证 ${i}` });
    }
    const agent = await serverApi(e, 'agent');
    await agent.register({ channel: 'agent', applicant: { ...applicant, address: '柳河村' }, itemCode: 'ZH-002', materials: all(['居民身份证', '户口簿或居住证']), proxy: { authorized: true } });
    const db = e.ctx.database.db;
    const director = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    township = director.org_id;
    village = (await db.selectFrom('users').select('org_id').where('username', '=', 'agent').executeTakeFirstOrThrow()).org_id;
    const county = (await db.selectFrom('orgs').select('id').where('level', '=', 'county').executeTakeFirstOrThrow()).id;
    await db.insertInto('users').values({ ...director, id: randomUUID(), username: 'county-dir', name: '周县长', org_id: county, phone: null }).execute();

    // the month-end job on 1 April locks March; the agent submits the village's report on the 3rd
    e.setTime('2026-04-01T00:30:00+08:00');
    await runJobOnce(e.ctx, monthlySnapshotJob);
    e.setTime('2026-04-03T09:00:00+08:00');
    const agentNow = await serverApi(e, 'agent');
    const mine = await agentNow.call<{ report: { id: string; rowVersion: number } }>('GET', `/api/reports/monthly?orgId=${village}&month=2026-03`);
    await agentNow.call('POST', `/api/reports/monthly/${mine.report.id}/submit`, { expectedVersion: mine.report.rowVersion });
  });
  afterAll(() => e?.close());

  it('the township director reads the locked report, returns the village report with a comment and submits his own', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: /月度统计报表/ }).click();
    await page.getByTestId('monthly-title').filter({ hasText: '（2026年3月）' }).waitFor();
    await page.getByTestId('monthly-status').getByText('第 1 版').waitFor();
    await page.getByTestId('monthly-status').getByText('待报送', { exact: true }).waitFor();
    await page.getByTestId(`monthly-centers-own-received`).filter({ hasText: '3' }).waitFor();
    await page.getByTestId(`state-${village}`).filter({ hasText: '已按时报送' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await e.shot(page, 'monthly-report-township');

    await page.getByTestId(`return-${village}`).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '退回' });
    await modal.getByTestId('monthly-dialog-text').fill('代办件数与台账不符，请核对后重报');
    await modal.getByRole('button', { name: /退\s*回/ }).click();
    await page.getByTestId(`state-${village}`).filter({ hasText: '已退回待重报' }).waitFor();

    await page.getByTestId('monthly-submit').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /报\s*送/ }).click();
    await page.getByTestId('monthly-status').getByText('已报送', { exact: true }).waitFor();
    await page.getByTestId('monthly-history').getByText(/报送（第 1 版）/).waitFor();
    await e.shot(page, 'monthly-report-submitted');

    // a figure opens the ledger with the same cases: the four received in March in the township and its villages
    await page.getByTestId('monthly-centers-total-received').filter({ hasText: '4' }).click();
    await page.waitForURL(/\/cases\?/);
    expect(page.url()).toContain('from=2026-03-01');
    await page.getByText('共 4 件').waitFor();
    await e.shot(page, 'monthly-report-ledger');
    // the 本级 line opens the township's own three, not its villages'; 代办 of the village opens its agent's one
    await page.goBack();
    await page.getByTestId('monthly-centers-own-received').filter({ hasText: '3' }).click();
    await page.getByTestId('ledger-drill-note').getByText(/（本级，不含下级）/).waitFor();
    await page.getByText('共 3 件').waitFor();
    await page.goBack();
    await page.getByTestId(`monthly-centers-${village}-proxyShare`).click();
    await page.getByTestId('ledger-drill-note').getByText(/收件渠道：/).waitFor();
    await page.getByText('共 1 件').waitFor();
  });

  it('the village agent sees the return in the console; after the due day the county sees the late townships', async () => {
    const agent = await signIn('agent');
    await agent.getByRole('menuitem', { name: /月度统计报表/ }).click();
    await agent.getByTestId('monthly-returned').filter({ hasText: '代办件数与台账不符' }).waitFor();
    await agent.getByTestId('monthly-correct').waitFor();
    await agent.locator('canvas').first().waitFor();
    await e.shot(agent, 'monthly-report-village-returned');

    e.setTime('2026-04-07T09:00:00+08:00');
    const page = await signIn('county-dir');
    await page.getByRole('menuitem', { name: /月度统计报表/ }).click();
    await page.getByTestId(`state-${township}`).filter({ hasText: '已按时报送' }).waitFor();
    await page.getByTestId('monthly-late-count').waitFor();
    await page.getByTestId('monthly-submissions').getByText('逾期未报送').first().waitFor();
    await page.locator('canvas').nth(1).waitFor();
    await e.shot(page, 'monthly-report-county');
  });

  it('the system administrator moves the due day on the settings page; the county sees the townships not late yet', async () => {
    const admin = await signIn('admin', '系统设置');
    await admin.getByRole('menuitem', { name: '系统设置' }).click();
    const dueDay = admin.getByLabel('报送截止日（每月几日前报送上月报表）');
    await expect.poll(() => dueDay.inputValue()).toBe('5');
    await dueDay.fill('10');
    await admin.getByRole('button', { name: /保\s*存/ }).last().click();
    await admin.getByText('已保存：月报每月 10 日前报送上级。').waitFor();
    await e.shot(admin, 'monthly-report-due-day');
    // still 04-07: before the 10th nobody is late; whoever has not reported is 未报送（未到期）
    const page = await signIn('county-dir');
    await page.getByRole('menuitem', { name: /月度统计报表/ }).click();
    await page.getByTestId('monthly-submissions').getByText('未报送（未到期）').first().waitFor();
    expect(await page.getByTestId('monthly-late-count').count()).toBe(0);
    expect(await page.getByTestId('monthly-submissions').getByText('逾期未报送').count()).toBe(0);
  });
});
