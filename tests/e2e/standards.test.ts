// 标准化建设 in Chromium (issue 13 §4): the village agent, on a phone, opens 标准化建设, starts this year's 五有
// self-assessment, enters an area below 40 m² and sees why it earns nothing, corrects it, adds a photo, answers every
// item and submits; the county supervisor, at a desk, sees the village in the table, scores it with one gap and a
// deadline; the table shows self and inspected scores and the open gap.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portraitPng } from '../support/images.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

describe.skipIf(!hasChromium)('标准化建设 in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-11-10T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  async function signIn(username: string, phone = false): Promise<Page> {
    const page = await e.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  it('the agent fills in the 五有 self-assessment on a phone, with a photo, and submits it', async () => {
    const page = await signIn('agent', true);
    await page.goto(`${e.baseUrl}/staff/standards`);
    const mine = page.getByText('本中心自评');
    await mine.waitFor();
    await page.getByRole('button', { name: '填写 2026 年自评' }).click();
    await page.getByText('柳河村便民服务室 2026 年标准化建设').waitFor();

    const area = page.getByTestId('item-V-PLACE-AREA');
    await area.getByLabel('服务场所面积', { exact: true }).fill('32');
    await area.getByRole('button', { name: /保\s*存/ }).click();
    await area.getByText('服务场所面积 32平方米，不足 40平方米').waitFor();
    await area.getByLabel('服务场所面积', { exact: true }).fill('45');
    await area.getByRole('button', { name: /保\s*存/ }).click();
    await area.getByText('自评 15 / 15 分').waitFor();
    await page.getByTestId('photo-input-V-PLACE-AREA').setInputFiles({ name: '服务室.png', mimeType: 'image/png', buffer: portraitPng(160, 120) });
    const photo = area.getByRole('img', { name: '服务场所面积的照片' });
    await photo.waitFor();
    await page.waitForFunction((el) => {
      const image = el as unknown as { complete: boolean; naturalWidth: number } | null;
      return !!image && image.complete && image.naturalWidth === 160;
    }, await photo.elementHandle());

    const sign = page.getByTestId('item-V-SIGN-NAME');
    await sign.getByLabel('门牌标识上的文字').fill('柳河村便民服务室');
    await sign.getByRole('button', { name: /保\s*存/ }).click();
    await sign.getByText('自评 10 / 10 分').waitFor();
    await e.shot(page, 'standards-self-phone');
    await area.screenshot({ path: 'test-results/screenshots/standards-item-phone-detail.png', animations: 'disabled' });

    for (const code of ['V-PLACE-FACILITY', 'V-SIGN-GUIDE', 'V-RULE-ITEMS', 'V-RULE-PROCEDURE', 'V-RULE-FEES', 'V-RULE-SYSTEMS', 'V-AGENT-STAFF', 'V-AGENT-DUTY', 'V-RECORD-LEDGER', 'V-RECORD-FILES']) {
      const item = page.getByTestId(`item-${code}`);
      await item.getByText(code === 'V-RECORD-FILES' ? '不达标' : '达标', { exact: true }).click();
      await item.getByRole('button', { name: /保\s*存/ }).click();
      await item.getByText(/自评 \d+ \/ \d+ 分/).waitFor();
    }
    await page.getByText('每项都已填写，自评 93 分').waitFor();
    await page.getByRole('button', { name: '提交自评' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('round-status').filter({ hasText: '已提交自评' }).waitFor();
    await e.shot(page, 'standards-submitted-phone');
    // nothing of the page's content is wider than the phone (the console's own header is the layout's business)
    const widest = await page.evaluate<number>(`Math.max(...[...document.querySelectorAll('.ant-layout-content *')].map((el) => el.getBoundingClientRect().right))`);
    expect(widest).toBeLessThanOrEqual(390);
  });

  it('the county supervisor scores the village with one gap; the table shows both scores and the gap', async () => {
    const page = await signIn('supervisor');
    await page.goto(`${e.baseUrl}/staff/standards`);
    await page.getByTestId('standards-title').waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: '柳河村便民服务室' });
    await row.getByText('已提交自评，待县级检查').waitFor();
    await e.shot(page, 'standards-table-submitted');
    await row.getByRole('link', { name: '柳河村便民服务室' }).click();

    const fees = page.getByTestId('inspect-V-RULE-FEES');
    await fees.waitFor();
    await fees.getByLabel('收费标准公开检查得分').fill('0');
    await fees.getByLabel('收费标准公开存在问题').fill('未公示“代办免费”');
    const files = page.getByTestId('inspect-V-RECORD-FILES');
    await files.getByLabel('代办资料归档存在问题').fill('委托书未按月归档');
    await page.getByTestId('inspect-total').filter({ hasText: '88 分' }).waitFor();
    await e.shot(page, 'standards-inspect');
    await page.getByRole('button', { name: '提交检查评分' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByTestId('round-status').filter({ hasText: '已检查，整改中' }).waitFor();
    const gaps = page.getByTestId('gaps');
    await gaps.getByText('未公示“代办免费”').waitFor();
    await gaps.getByText('整改期限：2026-12-08').first().waitFor();
    await e.shot(page, 'standards-inspected');

    await page.getByRole('button', { name: '标准化建设情况表' }).click();
    const after = page.locator('.ant-table-row').filter({ hasText: '柳河村便民服务室' });
    await after.getByText('已检查，整改中').waitFor();
    const cells = await after.locator('td').allInnerTexts();
    expect(cells.slice(4, 9)).toEqual(['93', '88', '2026-11-10', '2', '0']);
    await page.getByTestId('standards-title').filter({ hasText: '清河县政务服务中心标准化建设情况表' }).waitFor();
    await e.shot(page, 'standards-table');
    await page.emulateMedia({ media: 'print' });
    await e.shot(page, 'standards-table-print');
  });

  it('the agent rectifies a gap with a photo on the phone; the county confirms it', async () => {
    const page = await signIn('agent', true);
    await page.goto(`${e.baseUrl}/staff/standards`);
    await page.getByRole('button', { name: '打开' }).click();
    const gap = page.getByTestId('gap-V-RULE-FEES');
    await gap.getByText('未公示“代办免费”').waitFor();
    await gap.locator('input[type=file]').setInputFiles({ name: '公示牌.png', mimeType: 'image/png', buffer: portraitPng(120, 90, [60, 160, 90]) });
    await gap.getByRole('img', { name: '收费标准公开整改的照片' }).waitFor();
    await gap.getByLabel('收费标准公开整改情况').fill('已在门口张贴“代办免费”公示牌');
    await gap.getByRole('button', { name: '登记整改' }).click();
    await gap.getByText('已整改，待确认').waitFor();
    await e.shot(page, 'standards-rectified-phone');
    await page.getByTestId('gaps').screenshot({ path: 'test-results/screenshots/standards-gaps-phone-detail.png', animations: 'disabled' });

    const county = await signIn('supervisor');
    await county.goto(page.url());
    const seen = county.getByTestId('gap-V-RULE-FEES');
    await seen.getByText('整改情况：已在门口张贴“代办免费”公示牌').waitFor();
    await seen.getByRole('button', { name: '确认整改' }).click();
    await seen.getByText('已确认整改').first().waitFor();
    await e.shot(county, 'standards-confirmed');
  });

  it('the system administrator edits a checklist: the total must stay 100, saved as a new version', async () => {
    const page = await signIn('admin');
    await page.goto(`${e.baseUrl}/staff/standards/checklists`);
    const card = page.locator('.ant-card').filter({ hasText: '村便民服务室标准化建设检查表（五有）' });
    await card.getByRole('button', { name: /修\s*改/ }).click();
    await card.getByLabel('服务场所面积分值').fill('16');
    await card.getByText('各项分值合计须为 100 分，现在是 101 分').waitFor();
    await card.getByLabel('办公和便民设施分值').fill('9');
    await card.getByLabel('修改原因').fill('按 2027 年考核办法调整分值');
    await card.getByRole('button', { name: '保存为新版本' }).click();
    await card.getByText('第 2 版').waitFor();
    await e.shot(page, 'standards-checklists');
  });
});
