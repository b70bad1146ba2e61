// Finding an item by the names people use (俗称) and by pinyin, where clerks and agents look for it: the console's
// 受理登记 and 事项目录 (GET /api/items?q=), and the agent's phone, which matches its downloaded list itself with
// the server's own rules and the pinyin the list carries.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';

const MZ_003 = '城乡居民最低生活保障';

describe.skipIf(!hasChromium)('search by 俗称 and pinyin, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  /**
   * Types into a fresh intake form's item box and waits for the first option to be 城乡居民最低生活保障 as the
   * search answered it (with its time limit tag; nothing is chosen yet, so it cannot be a left-over).
   */
  async function intakeFinds(page: Page, text: string) {
    await page.reload();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    const box = page.getByRole('combobox', { name: '办理事项' });
    await box.click();
    await box.fill(text);
    const first = page.locator('.ant-select-item-option').first();
    await first.filter({ hasText: MZ_003 }).filter({ hasText: '承诺 25 个工作日' }).waitFor();
    expect(await first.textContent()).toContain('MZ-003');
    // its 俗称 beside the name: why 低保 found it
    expect(await first.getByTestId('item-aliases').textContent()).toBe('俗称：低保、低保户');
  }

  it('console 受理登记 finds 城乡居民最低生活保障 by dbsq and by 低保, first in the list', async () => {
    const page = await signInToConsole(e, 'clerk');
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();

    await intakeFinds(page, 'dbsq');
    await e.shot(page, 'search-intake-dbsq');
    await page.keyboard.press('Enter');
    await page.getByText('最低生活保障申请书').waitFor();

    await intakeFinds(page, '低保');
    await e.shot(page, 'search-intake-dibao');
    await page.keyboard.press('Enter');
    await page.getByText('申报材料核对').waitFor();
    await page.getByText('最低生活保障申请书').waitFor();
  });

  it('console 事项目录 finds it by 低保 and shows its 俗称', async () => {
    const page = await signInToConsole(e, 'clerk');
    await page.getByRole('menuitem', { name: '事项目录' }).click();
    await page.getByText(MZ_003).first().waitFor();
    await page.getByPlaceholder(/俗称/).fill('低保');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '俗称：低保、低保户' }).waitFor();
    await e.shot(page, 'search-catalog-dibao');
    await page.getByText(MZ_003).first().click();
    await page.getByTestId('guide-aliases').filter({ hasText: '俗称：低保、低保户' }).waitFor();
  });

  it('the console\'s item drop-downs (台账的办理事项, 常见问题的事项) find it by dbsq and 低保 too, first in the list', async () => {
    const page = await signInToConsole(e, 'clerk');
    /** Opens the drop-down, types, and waits for 城乡居民最低生活保障 to be the first option left. */
    const dropDownFinds = async (box: ReturnType<Page['getByRole']>, text: string) => {
      await box.click();
      await box.fill(text);
      const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await first.filter({ hasText: MZ_003 }).waitFor();
      await box.fill('');
      await page.keyboard.press('Escape');
    };
    await page.getByRole('menuitem', { name: '办件台账' }).click();
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
    const ledgerItem = page.locator('.ant-select', { hasText: '办理事项' }).getByRole('combobox');
    await dropDownFinds(ledgerItem, 'dbsq');
    await dropDownFinds(ledgerItem, '低保');
    await ledgerItem.click();
    await ledgerItem.fill('dbsq');
    await e.shot(page, 'search-ledger-item-dbsq');
    await page.keyboard.press('Escape');

    await page.goto(`${e.baseUrl}/staff/consultations/faq`);
    await page.getByRole('heading', { name: '事项常见问题' }).waitFor();
    const faqItem = page.getByTestId('item-select').getByRole('combobox');
    await dropDownFinds(faqItem, 'dbsq');
    await dropDownFinds(faqItem, 'dibao');
  });

  it('an administrator adds a 俗称 in the item form, and the catalog search finds the item by it', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('admin');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('赵建国').first().waitFor();
    await page.goto(`${e.baseUrl}/staff/catalog/ZH-002/edit`);
    await page.getByRole('heading', { name: /编辑事项/ }).waitFor();
    const aliases = page.getByRole('combobox', { name: '俗称' });
    await page.locator('.ant-select-selection-item', { hasText: '居住证明' }).waitFor();
    await aliases.click();
    await aliases.fill('开证明');
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-selection-item', { hasText: '开证明' }).waitFor();
    await e.shot(page, 'search-item-form-aliases');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('修改已保存。').waitFor();

    await page.getByRole('menuitem', { name: '事项目录' }).click();
    await page.getByPlaceholder(/俗称/).fill('kzm');
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '俗称：居住证明、住址证明、开证明' }).waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').first().textContent()).toContain('ZH-002');
  });

  it('the agent app on a 390 px phone finds it by 低保 and by dbsq', async () => {
    const phone = await e.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${e.baseUrl}/agent`);
    await phone.getByLabel('用户名').fill('agent');
    await phone.getByLabel('密码').fill('bianmin2026');
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('heading', { name: '新请求' }).waitFor();

    const search = phone.getByLabel('查找事项');
    const options = phone.locator('.item-option');
    const first = options.first();
    // each search starts from the whole list, whose first item is another one
    const finds = async (text: string) => {
      await search.fill('');
      await expect.poll(() => options.count()).toBeGreaterThan(5);
      expect(await first.textContent()).not.toContain(MZ_003);
      await search.fill(text);
      await first.filter({ hasText: MZ_003 }).waitFor();
    };
    await finds('低保');
    await first.filter({ hasText: '俗称：低保' }).waitFor();
    await e.shot(phone, 'search-agent-dibao');
    await finds('dbsq');
    await finds('dibao');
    await first.click();
    await phone.getByTestId('chosen-item').locator('.chosen-name', { hasText: MZ_003 }).waitFor();
    await e.shot(phone, 'search-agent-chosen');
  });
});
