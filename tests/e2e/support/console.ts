import type { Locator, Page } from 'playwright-core';
import type { E2E } from './browser.js';
import { serverApi } from './server-api.js';

/** Signs in to the staff console and waits for 我的工作, the home of everyone who handles cases. */
export async function signInToConsole(e: E2E, username: string): Promise<Page> {
  const page = await e.newPage();
  await page.goto(`${e.baseUrl}/staff/`);
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill('bianmin2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '我的工作' }).waitFor();
  return page;
}

/** One action on the open case page: its button, its dialog (filled by `fill`), 确定, and the dialog gone. */
export async function actOnCase(page: Page, action: string, fill?: (modal: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: action });
  await modal.waitFor();
  await fill?.(modal);
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await modal.waitFor({ state: 'hidden' });
}

/** Waits until the case page shows this status. */
export const caseStatus = (page: Page, text: string) => page.getByTestId('case-status').getByText(text, { exact: true }).waitFor();

/**
 * The system administrator's settings for printed papers (PUT /api/settings), as set on the settings page: the
 * public address every QR code opens (never the address the browser test opened) and the supervision phone.
 */
export async function configurePapers(e: E2E, settings: { publicUrl?: string | null; supervisionPhone?: string | null }): Promise<void> {
  await (await serverApi(e, 'admin')).call('PUT', '/api/settings', settings);
}
