import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../src/modules/open311/authenticate.js';
import { Open311Error } from '../../src/modules/open311/errors.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

// Issue 11 §5: the system administrator issues an Open311 API key to a third party (shown once), then revokes it
// with a reason; the revoked key no longer authenticates.

describe.skipIf(!hasChromium)('Open311 接口密钥 in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the administrator issues a key, sees it once, and revokes it with a reason', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill('admin');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('赵建国').first().waitFor();
    await page.getByRole('menuitem', { name: 'Open311 接口密钥' }).click();
    await page.getByRole('heading', { name: 'Open311 接口密钥' }).waitFor();
    await page.getByText('还没有发放接口密钥').waitFor();

    // an empty name is refused on the page
    await page.getByRole('button', { name: '发放密钥' }).click();
    await page.getByText('请填写使用单位名称').waitFor();

    await page.getByLabel('使用单位名称').fill('县 12345 热线平台');
    await page.getByRole('button', { name: '发放密钥' }).click();
    const dialog = page.getByRole('dialog', { name: '已为“县 12345 热线平台”发放接口密钥' });
    await dialog.getByText('密钥只显示这一次').waitFor();
    const apiKey = (await dialog.getByTestId('open311-api-key').innerText()).trim();
    expect(apiKey).toMatch(/^bm311_[0-9A-Z]{32}$/);
    await e.shot(page, 'open311-key-issued');
    await expect(authenticateApiKey(e.ctx, apiKey)).resolves.toMatchObject({ name: '县 12345 热线平台' });

    await dialog.getByRole('button', { name: '我已记下' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr').filter({ hasText: '县 12345 热线平台' });
    await row.getByText('使用中').waitFor();
    // the key is never shown again: not on the page, not after a reload
    expect(await page.locator('body').innerText()).not.toContain(apiKey.slice(6));
    await page.reload();
    await row.getByText('使用中').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(apiKey.slice(6));

    await row.getByRole('button', { name: /^吊\s*销$/ }).click();
    const revoke = page.getByRole('dialog', { name: '吊销“县 12345 热线平台”的接口密钥' });
    await revoke.getByRole('button', { name: /^吊\s*销$/ }).click();
    await revoke.getByText('请填写吊销理由').waitFor();
    await revoke.getByLabel('吊销理由').fill('合作结束，对方平台已停用');
    await revoke.getByRole('button', { name: /^吊\s*销$/ }).click();
    await revoke.waitFor({ state: 'hidden' });
    await row.getByText('已吊销').waitFor();
    await row.getByText(/系统管理员|赵建国/).filter({ hasText: '合作结束，对方平台已停用' }).waitFor();
    expect(await row.getByRole('button', { name: /^吊\s*销$/ }).count()).toBe(0);
    await e.shot(page, 'open311-key-revoked');

    const refused = await authenticateApiKey(e.ctx, apiKey).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Open311Error);
    expect((refused as Open311Error).status).toBe(403);
  });
});
