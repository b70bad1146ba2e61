import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

describe.skipIf(!hasChromium)('accounts and the audit log in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  async function signIn(page: Page, username: string, password = 'bianmin2026') {
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('an account the administrator created must set its own password at first sign-in, then works', async () => {
    const admin = await e.newPage();
    await signIn(admin, 'admin');
    await admin.getByText('赵建国').first().waitFor();
    await admin.getByRole('menuitem', { name: '人员管理' }).click();
    await admin.getByRole('button', { name: /新增人员/ }).click();
    const form = admin.locator('.ant-modal').filter({ hasText: '新增人员' });
    await form.getByLabel('用户名').fill('xinren');
    await form.getByLabel('姓名').fill('辛仁');
    await form.getByLabel('初始密码').fill('Chushi-2026');
    await form.getByLabel('角色').click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '窗口工作人员' }).click();
    // the three administrator roles are never offered in the console (三员分立)
    expect(await admin.locator('.ant-select-item-option').filter({ hasText: '审计管理员' }).count()).toBe(0);
    await admin.keyboard.press('Escape');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await admin.getByText('待本人改密码').first().waitFor();
    await e.shot(admin, 'users-new-account');

    const page = await e.newPage();
    await signIn(page, 'xinren', 'Chushi-2026');
    await page.getByRole('heading', { name: '设置您自己的密码' }).waitFor();
    await e.shot(page, 'change-password-first-sign-in');
    // nothing else opens until then
    await page.goto(`${e.baseUrl}/staff/cases`);
    await page.getByRole('heading', { name: '设置您自己的密码' }).waitFor();

    await page.getByPlaceholder('请输入原密码').fill('Chushi-2026');
    await page.getByPlaceholder('请输入新密码').fill('abcdefgh');
    await page.getByPlaceholder('请再次输入新密码').fill('abcdefgh');
    await page.getByRole('button', { name: '设置新密码并进入系统' }).click();
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类').waitFor();
    await page.getByPlaceholder('请输入新密码').fill('Ziji-De-Mima-8');
    await page.getByPlaceholder('请再次输入新密码').fill('Ziji-De-Mima-8');
    await page.getByRole('button', { name: '设置新密码并进入系统' }).click();
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    expect(page.url()).toContain('/staff/work');
  });

  it('everyone changes their own password from the user menu', async () => {
    const page = await e.newPage();
    await signIn(page, 'leader-less-clerk-does-not-exist', 'x');
    await page.getByText('用户名或密码不正确').waitFor();
    await signIn(page, 'clerk2');
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    await page.getByRole('button', { name: /修改密码/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改密码' });
    await modal.getByPlaceholder('请输入原密码').fill('bianmin2026');
    await modal.getByPlaceholder('请输入新密码').fill('Zhang-Lei-2026');
    await modal.getByPlaceholder('请再次输入新密码').fill('Zhang-Lei-2026');
    await e.shot(page, 'change-password-modal');
    await modal.getByRole('button', { name: '修改密码' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('密码已修改').waitFor();
  });

  it('the audit administrator reads the log, filters it and checks that it is whole', async () => {
    const page = await e.newPage();
    await signIn(page, 'auditor');
    await page.getByText('吴审之').first().waitFor();
    // only the audit log among the administration pages
    expect(await page.getByRole('menuitem', { name: '人员管理' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByText('新建人员账号').first().waitFor();
    await page.getByText('登录失败').first().waitFor();

    await page.getByLabel('操作类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^全部登录与密码$/ }).click();
    await page.getByText(/用户名 leader-less-clerk-does-not-exist：无此用户名/).waitFor();
    expect(page.url()).toContain('action=auth');

    await page.getByRole('button', { name: /校验日志完整性/ }).click();
    await page.getByText(/审计日志完整：已校验 \d+ 条记录/).waitFor();
    await e.shot(page, 'audit-log');

    // the filtered log as an Excel file; the export is itself on record
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe('审计日志.xlsx');
    await download.path();
    await page.goto(`${e.baseUrl}/staff/audit?action=export.audit`);
    await page.locator('tr').filter({ hasText: '导出审计日志' }).getByText('筛选：action=auth').first().waitFor();
  });

  it('tells the security administrator whose duty the audit log is (三员分立), not to ask for a role', async () => {
    const page = await e.newPage();
    await signIn(page, 'secadmin');
    await page.getByText('周立安').first().waitFor();
    await page.goto(`${e.baseUrl}/staff/audit`);
    await page.getByText('无权访问').waitFor();
    await page.getByText('您的账号没有打开这个页面的权限。按三员分立，这项工作由审计管理员办理。').waitFor();
  });
});
