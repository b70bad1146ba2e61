// The township side of the village network in the real console: the agent's weekly batch (sent through the API)
// arrives at 柳河镇, the clerk opens its 报送清单, prints it, receives the whole batch and finds the cases in 在办;
// the village monthly table for March; the director's list of late hops (转报超时).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];

interface BatchJson {
  id: string;
  batchNo: string;
  caseCount: number;
  cases: { id: string; caseNo: string }[];
}

describe.skipIf(!hasChromium)('village batches, late hops and the village monthly table in Chromium', () => {
  let e: E2E;
  let agent: ServerApi;
  let batch: BatchJson;
  const caseNos: string[] = [];

  beforeAll(async () => {
    // Monday 2026-03-09, a batch day: the agent sends the week's cases to the township this morning.
    e = await startE2E({ startAt: '2026-03-09T08:40:00+08:00' });
    agent = await serverApi(e, 'agent');

    for (const [name, phone] of [['杨老汉', '13512340000'], ['李桂香', '13512341111']] as const) {
      const c = await agent.register<{ caseNo: string; status: string }>({
        itemCode: 'LY-001',
        channel: 'agent',
        applicant: { name, idNumber: '11010519491231002X', phone },
        materials: FELLING.map((m) => ({ name: m, provided: true })),
        proxy: { authorized: true },
      });
      expect(c.status).toBe('submitted');
      caseNos.push(c.caseNo);
    }
    batch = await agent.call<BatchJson>('POST', '/api/agents/batches', {}, { 'idempotency-key': randomUUID() });
    expect(batch.caseCount).toBe(2);
  });
  afterAll(() => e?.close());

  const signIn = (username: string) => signInToConsole(e, username);

  /** Screenshots after the lists have loaded and the tab and fade animations are over. */
  async function shot(page: Page, name: string) {
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
    await e.shot(page, name);
  }

  /** The rows of the visible work list holding one of this batch's cases. */
  const rowsOfBatch = (page: Page) => page.locator('.ant-table-row:visible', { hasText: new RegExp(caseNos.join('|')) });

  async function workList(page: Page, tab: RegExp) {
    await page.getByRole('menuitem', { name: '我的工作' }).click();
    await page.getByRole('heading', { name: '我的工作' }).waitFor();
    const tabButton = page.getByRole('tab', { name: tab });
    await tabButton.click();
    await expect.poll(() => tabButton.getAttribute('aria-selected')).toBe('true');
    await page.locator('.ant-table:visible').first().waitFor();
  }

  it('the clerk opens the batch, prints the 报送清单, receives every case, and finds them in 在办', async () => {
    const page = await signIn('clerk');
    // on their way: both wait in 待接收
    await workList(page, /待接收/);
    await expect.poll(() => rowsOfBatch(page).count()).toBe(2);

    await page.getByRole('menuitem', { name: '村级代办' }).click();
    await page.getByRole('heading', { name: '村级代办' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: batch.batchNo });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const text of ['柳河村便民服务室', '2026年3月9日 08:40', '2 件', '待接收']) expect(rowText).toContain(text);
    await shot(page, 'villages-batches');

    await row.click();
    await page.getByTestId('batch-no').getByText(batch.batchNo).waitFor();
    await page.getByTestId('batch-status').getByText('待接收').waitFor();
    const cases = page.getByTestId('batch-cases');
    for (const caseNo of caseNos) await cases.locator('.ant-table-row', { hasText: caseNo }).getByText('在途').waitFor();
    expect(await cases.locator('.ant-table-row').first().textContent()).toContain('伐区简易调查说明');
    await shot(page, 'villages-batch');

    // the printed list: one A4 sheet, no console chrome, both cases, the materials and the two signature lines
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印报送清单' }).isVisible()).toBe(false);
    const sheet = page.locator('.batch-sheet');
    expect(await sheet.isVisible()).toBe(true);
    const printed = (await sheet.textContent()) ?? '';
    for (const text of ['村级代办事项报送清单', batch.batchNo, '柳河村便民服务室', '柳河镇便民服务中心', ...caseNos, '杨老汉', '李桂香', '林权证明（不动产权证书、林权证或承包合同）', '移交人（签字）', '接收人（签字）']) {
      expect(printed).toContain(text);
    }
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await shot(page, 'villages-batch-print');
    const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 860 });

    // 全部接收, after checking the papers
    await page.getByRole('button', { name: '全部接收' }).click();
    await page.getByText('请先核对纸质材料与报送清单一致').waitFor();
    await shot(page, 'villages-receive-confirm');
    await page.getByRole('button', { name: '确认接收' }).click();
    await page.locator('.ant-message').getByText('已接收本批次 2 件办件').waitFor();
    await page.getByTestId('batch-status').getByText('已接收').waitFor();
    for (const caseNo of caseNos) await cases.locator('.ant-table-row', { hasText: caseNo }).getByText('已接收').waitFor();
    expect(await page.getByRole('button', { name: '全部接收' }).count()).toBe(0);
    await page.getByText(/王晓燕，2026年3月9日 08:4\d/).waitFor();
    await shot(page, 'villages-batch-received');

    // no longer on their way: out of 待接收, held here in 在办 to be accepted
    await workList(page, /待接收/);
    await expect.poll(() => rowsOfBatch(page).count()).toBe(0);
    await workList(page, /^在办/);
    await expect.poll(() => rowsOfBatch(page).count()).toBe(2);
    await shot(page, 'villages-held');

    // and the batch list says who received it
    await page.getByRole('menuitem', { name: '村级代办' }).click();
    const received = page.locator('.ant-table-row', { hasText: batch.batchNo });
    await received.getByText('已接收').waitFor();
    expect(await received.textContent()).toContain('王晓燕');
  });

  it('the village monthly table for March counts the two forwarded forestry cases, with 合计 and the Excel export', async () => {
    const page = await signIn('clerk');
    await page.getByRole('menuitem', { name: '村级代办' }).click();
    await page.getByRole('tab', { name: '村级统计' }).click();
    const picker = page.getByLabel('统计月份');
    await picker.click();
    await picker.fill('2026-03');
    await picker.press('Enter');
    await picker.press('Escape');
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await page.getByText('村级便民服务办理情况统计表（2026年3月）').waitFor();
    expect(page.url()).toContain('month=2026-03');

    const forestry = page.locator('.ant-table-row', { hasText: '林业' });
    await forestry.waitFor();
    const cells = await forestry.locator('td').allTextContents();
    // 村, 类别, 受理数, 当场办结, 转报乡镇, 上级办结, 退回, 结果已回复
    expect(cells).toEqual(['柳河村', '林业', '2', '0', '2', '0', '0', '0']);
    const total = await page.locator('.ant-table-summary tr').first().locator('td').allTextContents();
    expect(total).toEqual(['合计', '2', '0', '2', '0', '0', '0']);
    await shot(page, 'villages-monthly');

    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toBe('/api/agents/monthly.xlsx?month=2026-03');
    // the download as the browser gets it (Node could not resolve bianmin.test for a request of its own)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets[0]!.getRow(3).getCell(1).value).toBe('柳河村');
  });

  it('the director opens 转报超时: nothing is late on the batch day itself', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: '村级代办' }).click();
    await page.getByRole('tab', { name: /转报超时/ }).click();
    await page.getByText('没有超时的转报、上报和结果返回').waitFor();
    await shot(page, 'villages-violations-none');
  });

  it('a case left at the village past the next batch day shows as late for the director, in red, until it is sent', async () => {
    // registered after the batch left: it must go with the next one, Monday 3-16
    const late = await agent.register<{ id: string; caseNo: string }>({
      itemCode: 'LY-001',
      channel: 'agent',
      applicant: { name: '周大勇', idNumber: '11010519491231002X', phone: '13512342222' },
      materials: FELLING.map((m) => ({ name: m, provided: true })),
      proxy: { authorized: true },
    });
    e.setTime('2026-03-17T09:00:00+08:00'); // Tuesday after the batch day it missed
    const page = await signIn('director');
    await page.goto(`${e.baseUrl}/staff/villages?tab=violations`);
    const row = page.locator('.ant-table-row', { hasText: late.caseNo });
    await row.getByText('尚未完成').waitFor();
    expect(await row.textContent()).toContain('2026年3月16日 17:30');
    expect(await row.textContent()).toContain('村级转报乡镇');
    // the two cases of the batch went on their batch day: not late
    for (const c of batch.cases) expect(await page.locator('.ant-table-row', { hasText: c.caseNo }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /转报超时/ }).textContent()).toContain('1');
    await shot(page, 'villages-violations');
    await row.getByRole('link', { name: late.caseNo }).click();
    await page.getByTestId('case-no').getByText(late.caseNo).waitFor();
  });
});
