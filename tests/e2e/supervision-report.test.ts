import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainAll } from '../support/drain.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

// Issue 9 §4: the supervisor opens 监察月报 for a month (the table, the top rules, print and Excel) and sees this
// month's top rules on the dashboard, each opening 监察记录 of that rule.

describe.skipIf(!hasChromium)('the supervisor reads the monthly supervision report in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // Monday
  });
  afterAll(() => e?.close());

  it('a 即办件 finished late shows in March: the report, its chart, the dashboard list and the rule filter', async () => {
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
    await drainAll(e.ctx);
    e.setTime('2026-03-02T17:45:00+08:00');
    const late = await serverApi(e, 'clerk');
    await late.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证 2026-001' });
    const supervisor = await serverApi(e, 'supervisor');
    let found: { violations: unknown[] } = { violations: [] };
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

    // the dashboard: this month's top rules, linking to 监察记录 of the rule
    const top = page.getByTestId('top-rules');
    await top.getByText('JC-02 即办件当日未办结').waitFor();
    await top.getByText('1 次').waitFor();
    await e.shot(page, 'supervision-report-dashboard');

    await page.getByRole('menuitem', { name: '监察月报' }).click();
    await page.getByRole('heading', { name: '监察月报', exact: true }).waitFor();
    // the default is last month (February): nothing fired then
    await page.getByText('该月没有监察记录').waitFor();
    await page.goto(`${e.baseUrl}/staff/supervision/report?month=2026-03`);
    await page.getByTestId('report-title').getByText('清河县便民服务电子监察月报（2026年3月）').waitFor();
    const township = page.getByTestId('report-table').locator('tr').filter({ hasText: '柳河镇便民服务中心（含下级）' });
    await township.waitFor();
    expect(await township.locator('td').nth(1).innerText()).toBe('1'); // received
    expect(await township.locator('td').nth(4).innerText()).toBe('1'); // overdue: completed late
    await page.locator('canvas').first().waitFor();
    expect(await page.getByTestId('report-export').getAttribute('href')).toContain('/api/supervision/report.xlsx?month=2026-03');
    await e.shot(page, 'supervision-report');
    await page.emulateMedia({ media: 'print' });
    await e.shot(page, 'supervision-report-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByTestId('top-rules').getByRole('link', { name: /JC-02/ }).click();
    await page.getByRole('heading', { name: '监察记录' }).waitFor();
    expect(page.url()).toContain('ruleCode=immediate-same-day');
  });
});
