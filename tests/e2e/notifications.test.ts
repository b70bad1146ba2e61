// Issue 9 §2 in the real console: a clerk's bell counts the in-app warnings and rises live when a case of hers turns
// yellow (the light sweep, run at a moment the test chose); she reads the warning and the count goes down. The
// system administrator's 短信记录 says that no SMS channel is configured, and the templates page shows every text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '赵春花', idNumber: '11010519491231002X', phone: '13800001234' };
const PROMISED = { itemCode: 'MZ-001', channel: 'window', applicant, materials: ['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'].map((name) => ({ name, provided: true })) };
const IMMEDIATE = { itemCode: 'MZ-002', channel: 'window', applicant, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

describe.skipIf(!hasChromium)('notifications in the console, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  const bell = (page: Page) => page.getByTestId('inbox-bell');
  const navCount = (page: Page) => page.getByRole('menuitem', { name: /我的工作/ });

  it('a clerk sees her unread count rise live when a case turns yellow, reads the warning, and the count goes down', async () => {
    const clerkApi = await serverApi(e, 'clerk');
    const c = await clerkApi.register<{ id: string; caseNo: string }>(IMMEDIATE);
    // a promised case: its acceptance SMS waits in the outbox (no SMS channel configured)
    await clerkApi.register(PROMISED);

    // twenty minutes later she opens the console: nothing unread yet
    e.setTime('2026-03-02T09:20:00+08:00');
    const clerk = await signInToConsole(e, 'clerk');
    await bell(clerk).and(clerk.getByLabel('消息', { exact: true })).waitFor();
    // her console is listening: a colleague's new case reaches the menu count without a reload
    const { total: held } = await clerkApi.call<{ total: number }>('GET', '/api/cases?view=held&pageSize=1');
    await navCount(clerk).getByText(String(held), { exact: true }).waitFor();
    await (await serverApi(e, 'clerk2')).register(IMMEDIATE);
    await navCount(clerk).getByText(String(held + 1), { exact: true }).waitFor();

    // 30 minutes after acceptance the 即办件 turns yellow; the sweep runs
    e.setTime('2026-03-02T09:31:00+08:00');
    expect(await runJobOnce(e.ctx, lightSweepJob)).toBe(true);
    await clerk.getByLabel('消息，1 条未读').waitFor();
    await e.shot(clerk, 'inbox-bell-unread');

    await bell(clerk).click();
    const drawer = clerk.locator('.ant-drawer').filter({ hasText: '我的消息' });
    const message = drawer.getByTestId('inbox-message').filter({ hasText: '黄灯预警' });
    await message.getByText(`的办件${c.caseNo}（老年人优待证办理）将于2026年3月2日17:30到期，请抓紧办理。`, { exact: false }).waitFor();
    await e.shot(clerk, 'inbox-drawer');
    await message.getByRole('button', { name: '标为已读' }).click();
    await message.getByText('已读', { exact: true }).waitFor();
    await clerk.getByLabel('消息', { exact: true }).waitFor();

    // the whole inbox page
    await drawer.getByRole('link', { name: '查看全部' }).click();
    await clerk.getByRole('heading', { name: '我的消息' }).waitFor();
    await clerk.getByTestId('inbox-message').first().waitFor();
    await e.shot(clerk, 'inbox-page');
  });

  it('the administrator’s 短信记录 says no SMS channel is configured; the templates page shows every text', async () => {
    const admin = await e.newPage();
    await admin.goto(`${e.baseUrl}/staff/notifications/outbox`);
    await admin.getByPlaceholder('请输入用户名').fill('admin');
    await admin.getByPlaceholder('请输入密码').fill('bianmin2026');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('heading', { name: '短信记录' }).waitFor();
    await admin.getByTestId('sms-not-configured').waitFor();
    // the clerk's and the director's warnings went in-app (the demo staff have no mobile numbers); the applicant's
    // acceptance SMS waits, its number masked
    await admin.getByRole('row').filter({ hasText: '黄灯预警' }).first().waitFor();
    await admin.getByLabel('状态').click();
    await admin.getByTitle('待发送').click();
    await admin.getByRole('button', { name: /查\s*询/ }).click();
    await admin.waitForURL(/status=pending/);
    const acceptance = admin.getByRole('row').filter({ hasText: '受理通知' });
    await acceptance.getByText('138****1234').waitFor();
    await acceptance.getByTestId('message-note').getByText('未配置短信通道').waitFor();
    expect(await admin.getByText('13800001234').count()).toBe(0);
    await e.shot(admin, 'sms-records');

    await admin.getByRole('menuitem', { name: /消息模板/ }).click();
    await admin.getByRole('heading', { name: '消息模板' }).waitFor();
    await admin.getByRole('row').filter({ hasText: '督办单送达' }).getByText('：纪检监察员对{subject}发出{level}督办单，请于{replyBy}前回告').waitFor();
    await admin.getByText('SMS_TEMPLATE_CASE_ACCEPTED').waitFor();
    await e.shot(admin, 'message-templates');
  });
});
