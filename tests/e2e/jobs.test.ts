import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

// Issue 8 section 2: the system administrator's page of scheduled jobs and event consumers.

describe.skipIf(!hasChromium)('the jobs page in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ jobs: true });
  });
  afterAll(() => e?.close());

  it('lists each job with its last and next run and each consumer with how far it has read', async () => {
    // a case registered: its events reach the consumers right after the write
    const clerk = await serverApi(e, 'clerk');
    await clerk.register({
      channel: 'window',
      applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
      itemCode: 'MZ-002',
      materials: [
        { name: '居民身份证', provided: true },
        { name: '近期一寸免冠照片', provided: true },
      ],
    });

    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill('admin');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('赵建国').first().waitFor();
    await page.getByRole('menuitem', { name: '定时任务' }).click();
    await page.getByRole('heading', { name: '定时任务' }).waitFor();

    const jobs = page.locator('.ant-card').filter({ hasText: '亮灯巡检' });
    const sweep = jobs.locator('tr').filter({ hasText: '亮灯巡检' });
    // the schedule in words; the job's code and cron pattern only on hover
    await sweep.getByText('计划：每分钟').waitFor();
    expect(await sweep.getByText('light-sweep').count()).toBe(0);
    await sweep.getByText('计划：每分钟').hover();
    await page.getByRole('tooltip').getByText('任务代号 light-sweep，cron 表达式 * * * * *').waitFor();
    // both jobs ran once at start; a run still going shows 运行中 until the page looks again
    await sweep.getByText(/成功|运行中/).waitFor();
    const drain = jobs.locator('tr').filter({ hasText: '事件分发' });
    await drain.getByText('计划：每 30 秒').waitFor();
    await drain.getByText(/运行 \d+ 次/).waitFor();
    const consumers = page.locator('.ant-card').filter({ hasText: '办件动态订阅者' });
    await consumers.locator('tr').filter({ hasText: 'case-event-counts' }).getByText('正常').waitFor();
    // the counts consumer has read the demo data's events and the new case's
    await consumers.locator('tr').filter({ hasText: 'case-event-counts' }).getByText(/^[1-9]\d* 条$/).waitFor();

    // a job's recent runs open under it
    await sweep.locator('.ant-table-row-expand-icon').click();
    await page.getByText('运行进程').waitFor();
    await e.shot(page, 'jobs-page');
  });
});
