import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainAll } from '../support/drain.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

// Issue 9 §1: the supervisor opens the violations list and one violation's facts, in Chinese.

describe.skipIf(!hasChromium)('the supervisor reads the violations in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // Monday
  });
  afterAll(() => e?.close());

  it('an immediate case finished after the close of its day shows in 监察记录 with its rule number and facts', async () => {
    const clerk = await serverApi(e, 'clerk');
    const c = await clerk.register<{ id: string; caseNo: string; version: number }>({
      channel: 'window',
      applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
      itemCode: 'MZ-002',
      materials: [
        { name: '居民身份证', provided: true },
        { name: '近期一寸免冠照片', provided: true },
      ],
    });
    // the consumers have read the intake at 09:00 (as the app's own drain would within moments) before the clock moves
    await drainAll(e.ctx);
    // finished at 17:45, after the close of its day (17:30): the event consumer records it
    e.setTime('2026-03-02T17:45:00+08:00');
    const late = await serverApi(e, 'clerk');
    await late.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证 2026-001' });
    const supervisor = await serverApi(e, 'supervisor');
    let found: { violations: { caseNo: string }[] } = { violations: [] };
    // the consumers follow the write within moments (nudged after the answer): wait until it is recorded
    for (let i = 0; i < 200 && found.violations.length === 0; i++) {
      found = await supervisor.call('GET', `/api/supervision/violations?caseId=${c.id}`);
      if (found.violations.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found.violations).toHaveLength(1);

    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill('supervisor');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('孙正清').first().waitFor();
    await page.getByRole('menuitem', { name: '监察记录' }).click();
    await page.getByRole('heading', { name: '监察记录' }).waitFor();

    const row = page.locator('tr').filter({ hasText: c.caseNo });
    await row.getByText('JC-02 即办件当日未办结').waitFor();
    // the facts as the rule saw them: finished late, or (had the consumer read the intake only after the clock moved)
    // still open at 17:45; either way the due time and the 15 minutes over it
    await row.getByText(/本件为即办件，应于 2026-03-02 17:30 前办结，.*超时 15 分钟/).waitFor();
    await row.getByTestId('violation-status').getByText('待说明').waitFor();
    await e.shot(page, 'supervision-violations');

    await row.getByRole('link', { name: '查看' }).click();
    await page.getByRole('heading', { name: `监察记录 · ${c.caseNo}` }).waitFor();
    await page.getByTestId('violation-facts-text').getByText('超时 15 分钟').waitFor();
    await page.getByTestId('violation-fact').getByText('2026-03-02 17:30').waitFor();
    await page.getByTestId('violation-person').getByText('王晓燕').waitFor();
    // the supervisor may decide, not explain; the case's steps are there to read the facts against
    await page.getByRole('button', { name: /^提\s*交$/ }).waitFor();
    expect(await page.getByRole('button', { name: '提交说明' }).count()).toBe(0);
    await page.locator('.ant-card').filter({ hasText: '办件过程' }).getByText('收件登记').waitFor();
    await e.shot(page, 'supervision-violation');

    // a 督办单 about this violation, issued from its page: the printed card names the rule and its facts
    const box = page.getByTestId('subject-cards');
    await box.getByText('这条监察记录没有督办单。').waitFor();
    await box.getByTestId('issue-card').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '发出督办单' });
    await modal.waitFor();
    await modal.getByLabel('督办内容').fill('即办件未当日办结，请说明原因。');
    await modal.getByRole('button', { name: /发\s*出/ }).click();
    await page.getByTestId('card-overview').getByText('JC-02 即办件当日未办结').waitFor();
    await page.getByTestId('card-print-link').click();
    const sheet = page.getByTestId('card-sheet');
    await sheet.waitFor();
    await sheet.getByText('JC-02 即办件当日未办结', { exact: false }).waitFor();
    await sheet.getByText('应办结时间：2026-03-02 17:30').waitFor();
    await sheet.getByText(/^超时：15 分钟$/).waitFor();
    await e.shot(page, 'supervision-violation-card-print');
  });
});
