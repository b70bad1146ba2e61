import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

// A valid 居民身份证 number (GB 11643 check digit).
const ID = '11010519491231002X';
const CONFLICT = '该办件已被他人办理（版本已变化），请刷新查看最新状态';

describe.skipIf(!hasChromium)('window case handling in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' }); // inside the loaded calendar years, whatever today is
  });
  afterAll(() => e?.close());

  async function signIn(username: string): Promise<Page> {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    return page;
  }

  /** 受理登记 with the keyboard: the item by pinyin initials or code, then the applicant. */
  async function startIntake(page: Page, search: string, itemName: string, applicant: { name: string; phone: string }) {
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.keyboard.type(search); // the item search has the focus
    await page.locator('.ant-select-item-option', { hasText: itemName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('申报材料核对').waitFor();
    await page.getByLabel('姓名').fill(applicant.name);
    await page.getByLabel('联系电话').fill(applicant.phone);
    await page.getByLabel('居民身份证号码').fill(ID);
  }

  async function act(page: Page, action: string, fill?: (modal: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByRole('button', { name: action, exact: true }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: action });
    await modal.waitFor();
    await fill?.(modal);
    await modal.getByRole('button', { name: /确\s*定/ }).click();
  }

  it('a clerk registers an immediate case, completes it and hands the result over; a stale page is told plainly', async () => {
    const page = await signIn('clerk');
    // 我的工作 is the clerk's home
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    expect(page.url()).toContain('/staff/work');
    await e.shot(page, 'cases-my-work');

    await startIntake(page, 'lnr', '老年人优待证办理', { name: '王大山', phone: '13812345678' });
    // the kind and what happens, decided before saving
    await page.getByTestId('intake-decision').getByText('即办件').waitFor();
    await page.getByText('材料齐全，当场受理。').waitFor();
    await e.shot(page, 'cases-intake-immediate');
    // a wrong phone and a wrong check digit: both told at the first save, in the server's own words
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('居民身份证号码').fill(`${ID.slice(0, 17)}1`);
    await page.getByRole('button', { name: /保存登记/ }).click();
    await page.getByText(/联系电话应为 11 位手机号码/).waitFor();
    await page.getByText(/身份证号码校验位不对/).waitFor();
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('居民身份证号码').fill(ID);
    await page.getByRole('button', { name: /保存登记/ }).click();

    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-no').waitFor();
    await page.getByText('办理中').first().waitFor();
    const caseUrl = page.url();
    // a second window opens the same case before it is completed
    const other = await e.newPage();
    await other.context().addCookies(await page.context().cookies());
    await other.goto(caseUrl);
    await other.getByRole('button', { name: '办结', exact: true }).waitFor();

    // 办结 of a free item asks for no fee; its date is picked from a calendar; 确定 clicked twice sends it once
    await page.getByRole('button', { name: '办结', exact: true }).click();
    const complete = page.locator('.ant-modal').filter({ hasText: '办结' });
    await complete.getByLabel('结果文号（证照编号）').fill('优待证 2026-001');
    await complete.getByText(/本事项办事指南未列收费项目/).waitFor();
    expect(await complete.getByLabel(/实收费用/).count()).toBe(0);
    expect(await complete.locator('.ant-picker input').getAttribute('placeholder')).toBe('请选择日期');
    await complete.getByRole('button', { name: /确\s*定/ }).evaluate((ok) => {
      ok.click();
      ok.click();
    });
    await complete.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice').getByText('办结：已完成').waitFor();
    await page.getByText('已办结').first().waitFor();
    expect(await page.getByText(CONFLICT).count()).toBe(0);
    expect(await page.locator('.ant-timeline').getByText('办结', { exact: true }).count()).toBe(1);
    await act(page, '送达结果');
    await page.getByText('已送达').first().waitFor();
    await page.getByText('窗口领取', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: /办结通知书/ }).waitFor();
    // the timeline names every step in Chinese
    for (const step of ['收件登记', '办结', '送达结果']) await page.locator('.ant-timeline').getByText(step, { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: '办结', exact: true }).count()).toBe(0);
    await e.shot(page, 'cases-delivered');

    // the other window is stale: the server answers 409 and the page says so, with a refresh
    await act(other, '办结');
    await other.getByText(CONFLICT).waitFor();
    await e.shot(other, 'cases-conflict');
    await other.getByRole('button', { name: /刷\s*新/ }).click();
    await other.getByText('已送达').first().waitFor();

    // a case number that does not exist: the way back is the ledger, not "reload"
    await page.goto(`${e.baseUrl}/staff/cases/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('button', { name: '返回办件台账' }).click();
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
  });

  it('an attachment missing: the case gets its one-time notice and runs once the material is supplied', async () => {
    const page = await signIn('clerk');
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    await startIntake(page, 'RS-004', '就业创业证申领', { name: '刘小梅', phone: '13698765432' });
    const photo = page.locator('.intake-materials > div', { hasText: '近期一寸免冠照片' });
    await photo.getByRole('checkbox', { name: '已提供' }).uncheck();
    await page.getByTestId('intake-decision').getByText('补办件').waitFor();
    await page.getByText(/一次性告知书/).first().waitFor();
    await e.shot(page, 'cases-intake-supplement');
    await page.getByRole('button', { name: /保存登记并一次性告知/ }).click();

    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('待补正').first().waitFor();
    await page.getByText(/需补正材料：近期一寸免冠照片/).first().waitFor();
    await page.getByRole('button', { name: /一次性告知书/ }).waitFor();
    await e.shot(page, 'cases-supplement-notice');

    await act(page, '登记补正材料', async (modal) => {
      await modal.getByRole('checkbox', { name: '近期一寸免冠照片' }).waitFor();
    });
    await page.getByText('办理中').first().waitFor();
    await page.getByText(/尚缺：无（已补齐）/).waitFor();

    // the case is in the 在办 list of 我的工作
    await page.getByRole('menuitem', { name: '我的工作' }).click();
    await page.getByRole('tab', { name: /在办/ }).waitFor();
    await page.locator('.ant-table-row', { hasText: '刘小梅' }).first().waitFor();
  });

  it('after the item is picked the focus goes on to the name, but never away from a field the clerk is already typing in', async () => {
    const page = await signIn('clerk');
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    // The page's timers are held while the item is picked, and let run only once the clerk is typing the phone: the
    // order in which the focus could move is set by the test, not left to the speed of the machine.
    await page.clock.install();
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.keyboard.type('lnr');
    await page.locator('.ant-select-item-option', { hasText: '老年人优待证办理' }).first().waitFor();
    await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1000));
    await page.keyboard.press('Enter');
    await page.getByText('申报材料核对').waitFor();
    const phone = page.getByLabel('联系电话');
    await phone.click();
    await page.keyboard.type('138');
    // the move of the focus (due 60 ms after the pick) comes now, in the middle of the number
    await page.clock.runFor(1000);
    await page.keyboard.type('12345678');
    expect(await phone.inputValue()).toBe('13812345678');
    expect(await page.getByLabel('姓名').inputValue()).toBe('');

    // picked and left alone, the focus goes on to the name by itself
    await page.clock.resume();
    await page.reload();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.keyboard.type('lnr');
    await page.locator('.ant-select-item-option', { hasText: '老年人优待证办理' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('name');
  });

  it('the ledger exports exactly the filtered cases to Excel', async () => {
    const page = await signIn('clerk');
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    await page.goto(`${e.baseUrl}/staff/cases?kind=immediate&status=delivered`);
    await page.getByRole('heading', { name: '办件台账' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '王大山' }).first().waitFor();
    // the list may still be fetching its first page after the first row shows: count once nothing is loading
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    const rows = await page.locator('.ant-table-row').count();
    await e.shot(page, 'cases-ledger');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.url()).toContain('kind=immediate');
    expect(download.url()).toContain('status=delivered');
    expect(download.suggestedFilename()).toBe('办件台账.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('办件编号');
    expect(sheet.rowCount - 2).toBe(rows);
    expect(String(sheet.getRow(3).getCell(6).value)).toBe('王大山');
  });
});
