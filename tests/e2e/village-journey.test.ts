// A villager's request the whole way round: taken on the agent's phone, sent up in the weekly batch (a township
// item) or at once as urgent (a county item), received and decided at the township — and for the county item at
// the county — then back on the agent's phone, handed over to the villager (回复).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { actOnCase, caseStatus, signInToConsole } from './support/console.js';

const ID = '11010519491231002X';

describe.skipIf(!hasChromium)('a villager request from the agent phone through the township and county and back', () => {
  let e: E2E;
  let phone: Page;
  const caseNos: Record<'township' | 'county', string> = { township: '', county: '' };

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-09T08:30:00+08:00' }); // Monday, a batch day
    phone = await e.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.clock.setFixedTime(new Date('2026-03-09T08:35:00+08:00'));
    await phone.goto(`${e.baseUrl}/agent`);
    await phone.getByLabel('用户名').fill('agent');
    await phone.getByLabel('密码').fill('bianmin2026');
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('heading', { name: '新请求' }).waitFor();
  });
  afterAll(() => e?.close());

  const tab = (name: string) => phone.getByRole('navigation', { name: '主要功能' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();

  async function request(search: string, itemName: string, name: string, tel: string): Promise<string> {
    await tab('新请求');
    await phone.getByLabel('查找事项').fill(search);
    await phone.locator('.item-option', { hasText: itemName }).first().click();
    await phone.getByLabel('姓名').fill(name);
    await phone.getByLabel('身份证号码').fill(ID);
    await phone.getByLabel('联系电话').fill(tel);
    await phone.getByRole('button', { name: '材料全部收齐' }).click();
    await phone.getByRole('radio', { name: /^代办/ }).check();
    await phone.getByRole('button', { name: '提交登记' }).click();
    await phone.getByText('登记成功').waitFor();
    return (await phone.getByTestId('case-no').textContent())!.trim();
  }

  const staff = (username: string) => signInToConsole(e, username);
  const act = actOnCase;
  const status = caseStatus;

  async function openFromWorkList(page: Page, list: RegExp, caseNo: string) {
    await page.getByRole('menuitem', { name: '我的工作' }).click();
    await page.getByRole('tab', { name: list }).click();
    await page.locator('.ant-table-row:visible', { hasText: caseNo }).click();
    await page.getByTestId('case-no').getByText(caseNo).waitFor();
  }

  async function handOver(caseNo: string) {
    await tab('待回复');
    const card = phone.getByTestId('deliver-card').filter({ hasText: caseNo });
    await card.waitFor();
    await card.getByRole('button', { name: '已告知并交付' }).click();
    await card.getByRole('button', { name: '确认已交付' }).click();
    await phone.getByText('已告知并交付。').waitFor();
  }

  it('the agent takes a township item and a county item; the county one goes at once as urgent, the other in the batch', async () => {
    caseNos.township = await request('LY-001', '林木采伐许可', '赵德厚', '13700001111');
    caseNos.county = await request('MZ-003', '最低生活保障', '钱桂花', '13700004444');
    await tab('集中报送');
    const county = phone.locator('.case-card', { hasText: caseNos.county });
    await county.getByRole('button', { name: '急件立即报送' }).click();
    await county.getByRole('button', { name: '确认急件报送' }).click();
    await phone.getByText(`${caseNos.county} 已作为急件报送乡镇便民服务中心。`).waitFor();
    await phone.getByRole('button', { name: '发送本周报送批次' }).click();
    await phone.getByRole('button', { name: '确认发送' }).click();
    await phone.getByText('本周批次已报送').waitFor();
    await e.shot(phone, 'journey-phone-batch-sent');
    await phone.getByRole('button', { name: '‹ 返回' }).click();
    await phone.getByRole('heading', { name: '报送记录' }).waitFor();
  });

  it('the township receives the batch, accepts and decides the township item', async () => {
    const clerk = await staff('clerk');
    await clerk.getByRole('menuitem', { name: '村级代办' }).click();
    await clerk.locator('.ant-table-row', { hasText: '柳河村' }).first().click();
    await clerk.getByRole('button', { name: '全部接收' }).click();
    await clerk.getByRole('button', { name: '确认接收' }).click();
    await clerk.getByTestId('batch-status').getByText('已接收').waitFor();

    await clerk.getByRole('link', { name: caseNos.township }).click();
    await status(clerk, '已收件待受理');
    await act(clerk, '受理');
    await status(clerk, '办理中');
    await act(clerk, '办结', (modal) => modal.getByLabel('结果文号（证照编号）').fill('林采 2026-041'));
    await status(clerk, '已办结');
    await e.shot(clerk, 'journey-township-completed');
  });

  it('the urgent county item: the township receives and escalates it, the county receives and decides it', async () => {
    const clerk = await staff('clerk');
    await openFromWorkList(clerk, /待接收/, caseNos.county);
    await act(clerk, '接收');
    await act(clerk, '受理');
    await act(clerk, '上报县级');
    await clerk.getByText('已上报县级，等待县政务服务中心接收').waitFor();

    const county = await staff('county');
    await openFromWorkList(county, /待接收/, caseNos.county);
    await act(county, '接收');
    await act(county, '办结', (modal) => modal.getByLabel('结果文号（证照编号）').fill('低保 2026-318'));
    await status(county, '已办结');
  });

  it('both results are back on the agent phone and handed over to the villagers; every hop is on the record', async () => {
    await handOver(caseNos.township);
    await handOver(caseNos.county);
    await phone.getByText('没有等待回复的办件。').waitFor();
    await e.shot(phone, 'journey-phone-handed-over');

    // the township clerk sees the whole path in the timeline
    const clerk = await staff('clerk');
    await clerk.goto(`${e.baseUrl}/staff/cases?q=${caseNos.county}`);
    await clerk.locator('.ant-table-row', { hasText: caseNos.county }).click();
    await status(clerk, '已送达');
    const timeline = clerk.locator('.ant-timeline');
    for (const step of ['收件登记', '转报乡镇', '接收', '受理', '上报县级', '办结', '送达结果']) {
      await timeline.getByText(step, { exact: true }).first().waitFor();
    }
    expect(await timeline.getByText('接收', { exact: true }).count()).toBe(2); // township, then county
    await e.shot(clerk, 'journey-county-item-timeline');
  });
});
