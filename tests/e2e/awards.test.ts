// 评先评优 in the console (issue 13 §3): the township director closes January to March with a few deductions
// (through the assessment API), opens 统计考核 → 评先评优 and sees the first quarter's 流动红旗 follow the rule, the
// 标兵 and the tiers with the months not yet closed named, and prints the A4 list headed by the center. The
// administrator enters a person's 入职日期 in the user form.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('评先评优 (Chromium)', () => {
  let e: E2E;
  let director: Page;
  let api: ServerApi;

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-04-08T09:00:00+08:00' });
    api = await serverApi(e, 'director');
    const township = (await api.call<{ user: { orgId: string } }>('GET', '/api/auth/me')).user.orgId;
    for (const name of ['便民窗口甲', '便民窗口乙']) await api.call('POST', '/api/windows', { orgId: township, name });
    const windows = new Map((await api.call<{ windows: { id: string; name: string }[] }>('GET', `/api/windows?orgId=${township}`)).windows.map((w) => [w.name, w.id]));
    const deduct = (month: string, name: string, points: number) =>
      api.call('POST', '/api/assessments/items', { month, subjectKind: 'window', subjectId: windows.get(name), ruleCode: points === 1 ? 'records-incomplete' : 'attitude', points, reason: '检查发现窗口服务不规范' }, { 'idempotency-key': randomUUID() });
    // January: 11th and 12th of 12 windows; February: two share place 11; March: three share place 10
    await deduct('2026-01', '便民窗口甲', 2);
    await deduct('2026-01', '便民窗口乙', 1);
    await deduct('2026-02', '民政窗口', 2);
    await deduct('2026-02', '计生窗口', 2);
    for (const name of ['便民窗口甲', '便民窗口乙', '财政窗口']) await deduct('2026-03', name, 1);
    // a month closes only once its deductions' appeal window (5 days) is over; the session has idled out by then
    e.setTime('2026-04-14T09:00:00+08:00');
    api = await serverApi(e, 'director');
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      const m = await api.call<{ version: number }>('GET', `/api/assessments?month=${month}`);
      await api.call('POST', '/api/assessments/close', { month, expectedVersion: m.version });
    }
    director = await signInToConsole(e, 'director');
  });
  afterAll(() => e?.close());

  it('shows the first quarter: in the top 10 all three months, with the rule in words', async () => {
    await director.getByRole('menuitem', { name: '评先评优' }).click();
    await director.getByRole('heading', { name: '评先评优' }).waitFor();
    const table = director.getByTestId('flag-table');
    await table.getByText('综合窗口').waitFor();
    expect(await director.getByTestId('award-rule').textContent()).toContain('一个季度只有 3 次月度排名');
    expect(await director.getByTestId('award-missing').count()).toBe(0);
    expect(await table.locator('.ant-tag').filter({ hasText: /^获得$/ }).count()).toBe(8);
    expect(await table.locator('.ant-tag').filter({ hasText: /^未达到$/ }).count()).toBe(4);
    const row = table.locator('tr').filter({ hasText: '便民窗口乙' });
    expect(await row.textContent()).toContain('11110'); // 11th, 1st, 10th (shared), 2 times
    await e.shot(director, 'awards-quarter');
  });

  it('shows the 标兵 and the tiers as provisional while April to December are open', async () => {
    await director.getByRole('tab', { name: '优质服务标兵' }).click();
    await director.getByTestId('model-table').getByText('王晓燕').waitFor();
    const missing = director.getByTestId('award-missing');
    expect(await missing.textContent()).toContain('4—12月（尚未结束）');
    expect(await director.getByTestId('model-table').locator('.ant-tag').filter({ hasText: '尚待关账确定' }).count()).toBeGreaterThan(0);
    await e.shot(director, 'awards-models');
    await director.getByRole('tab', { name: '年终考核档次' }).click();
    await director.getByTestId('tier-table').getByText('王晓燕').waitFor();
    expect(await director.getByTestId('award-rule').textContent()).toContain('第一档 30%');
    expect(await director.getByTestId('award-missing').textContent()).toContain('请勿据此发放');
    await e.shot(director, 'awards-tiers');
  });

  it('prints the quarter’s list on A4 headed by the center', async () => {
    await director.getByRole('tab', { name: '优质服务窗口（流动红旗）' }).click();
    await director.getByTestId('flag-table').getByText('综合窗口').waitFor();
    await director.getByTestId('award-print').click();
    const sheet = director.getByTestId('award-sheet');
    await sheet.waitFor();
    expect(await director.getByTestId('award-sheet-issuer').textContent()).toBe('柳河镇便民服务中心');
    const text = (await sheet.textContent()) ?? '';
    for (const part of ['2026年第一季度优质服务窗口（流动红旗）名单', '评定依据', '综合窗口', '财政窗口', '审核人（签字）']) expect(text).toContain(part);
    expect(text).not.toContain('便民窗口乙');
    expect(text).not.toContain('临时名单');
    expect(await director.getByTestId('award-sheet-list').locator('tbody tr').count()).toBe(8);
    await director.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
    await director.getByTestId('award-sheet-print').click();
    await expect.poll(() => director.evaluate<number>('window.__printed || 0')).toBe(1);
    await e.shot(director, 'awards-print-a4');
    // as the printer sees it: the sheet alone
    await director.emulateMedia({ media: 'print' });
    expect(await director.locator('.console-sider').isVisible()).toBe(false);
    await e.shot(director, 'awards-print-media');
    await director.emulateMedia({ media: 'screen' });
  });

  it('a county supervisor sees every center below and which have not closed their months', async () => {
    const supervisor = await e.newPage();
    await supervisor.goto(`${e.baseUrl}/staff/awards?quarter=2026-Q1`);
    await supervisor.getByPlaceholder('请输入用户名').fill('supervisor');
    await supervisor.getByPlaceholder('请输入密码').fill('bianmin2026');
    await supervisor.getByRole('button', { name: /登\s*录/ }).click();
    await supervisor.getByRole('heading', { name: '评先评优' }).waitFor();
    const missing = supervisor.getByTestId('award-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('石桥乡便民服务中心');
    expect(await missing.textContent()).not.toMatch(/柳河镇便民服务中心[^）]*尚未关账/);
    await e.shot(supervisor, 'awards-county');
    // the township alone is complete
    await supervisor.getByTestId('award-org').click();
    await supervisor.locator('.ant-select-item-option').filter({ hasText: '柳河镇便民服务中心' }).click();
    await supervisor.getByTestId('flag-table').getByText('综合窗口').waitFor();
    expect(await supervisor.getByTestId('award-missing').count()).toBe(0);
  });

  it('the administrator enters a person’s 入职日期 in the user form', async () => {
    const admin = await e.newPage();
    await admin.goto(`${e.baseUrl}/staff/`);
    await admin.getByPlaceholder('请输入用户名').fill('admin');
    await admin.getByPlaceholder('请输入密码').fill('bianmin2026');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    // the numbers are the administrator's settings, the seeds' by default
    await admin.getByRole('menuitem', { name: '评先评优设置' }).click();
    const settings = admin.getByTestId('award-settings');
    await expect.poll(() => settings.getByLabel('流动红旗：月度排名前几名').inputValue()).toBe('10');
    expect(await settings.getByLabel('第一档比例').inputValue()).toBe('30');
    expect(await settings.getByLabel('全年扣分超过多少分不参加评定').inputValue()).toBe('60');
    await e.shot(admin, 'awards-settings');
    await admin.getByRole('menuitem', { name: '人员管理' }).click();
    await admin.locator('tr').filter({ hasText: '张磊' }).getByRole('button', { name: '编辑' }).click();
    const form = admin.locator('.ant-modal').filter({ hasText: '编辑人员' });
    await form.waitFor();
    const date = form.getByLabel('入职日期');
    await date.click();
    await date.fill('2026-07-02');
    await date.press('Enter');
    await e.shot(admin, 'awards-user-service-start');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const adminApi = await serverApi(e, 'admin');
    const users = await adminApi.call<{ users: { name: string; serviceStartDate: string | null }[] }>('GET', '/api/users');
    expect(users.users.find((u) => u.name === '张磊')!.serviceStartDate).toBe('2026-07-02');
  });
});
