// A clerk walks each of the six kinds of case (六件) from intake to hand-over in the real console: 即办件 and the
// conflict are in cases.test.ts; here 承诺件, 补办件, 退回件, 联办件 and 上报件 (through the county account), each with
// its printed notice, then the ledger filtered by the six-kind label.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { actOnCase, caseStatus, configurePapers, signInToConsole } from './support/console.js';

const ID = '11010519491231002X';

describe.skipIf(!hasChromium)('the six kinds of case, intake to hand-over, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    // a Monday morning inside the loaded calendar years, so every deadline is on the official calendar
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    await configurePapers(e, { publicUrl: 'https://bianmin.qinghe.gov.cn' });
  });
  afterAll(() => e?.close());

  const signIn = (username: string) => signInToConsole(e, username);

  async function intake(page: Page, search: string, itemName: string, name: string, phone: string) {
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.keyboard.type(search);
    await page.locator('.ant-select-item-option', { hasText: itemName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('申报材料核对').waitFor();
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('联系电话').fill(phone);
    await page.getByLabel('居民身份证号码').fill(ID);
  }

  /**
   * Saves the intake and waits for the case page. Should the page refuse instead (a field's error, the server's
   * answer), the test fails at once with what the clerk would read, not after a silent two-minute wait.
   */
  async function save(page: Page, button: RegExp) {
    await page.getByRole('button', { name: button }).click();
    const refusal = page.locator('.ant-form-item-explain-error, .ant-alert-error');
    const saved = page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/).then(() => null);
    const refused = refusal.first().waitFor().then(() => refusal.allTextContents());
    // the race's loser rejects when the page closes; that is not a failure of its own
    saved.catch(() => {});
    refused.catch(() => {});
    const errors = await Promise.race([saved, refused]);
    if (errors) throw new Error(`登记没有保存，页面显示：${errors.join('；')}`);
    await page.getByTestId('case-no').waitFor();
  }

  const act = actOnCase;
  const status = caseStatus;

  /** Opens a notice from the case page, checks its title and case number, and comes back. */
  async function printNotice(page: Page, button: string, title: string, shot: string) {
    const caseNo = (await page.getByTestId('case-no').textContent())!.trim();
    await page.getByRole('button', { name: new RegExp(`${button}$`) }).click();
    const sheet = page.locator('.notice-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.locator('.notice-title').textContent()).toBe(title);
    expect(await sheet.textContent()).toContain(caseNo);
    // the QR code opens the configured public address, never the address this browser opened the console at
    const qr = sheet.locator('.notice-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('alt')).toContain(`https://bianmin.qinghe.gov.cn/progress?caseNo=${caseNo}`);
    await e.shot(page, shot);
    await page.goBack();
    await page.getByTestId('case-no').waitFor();
  }

  async function completeAndDeliver(page: Page, resultNo: string) {
    await act(page, '办结', (modal) => modal.getByLabel('结果文号（证照编号）').fill(resultNo));
    await status(page, '已办结');
    await printNotice(page, '办结通知书', '办结取件通知书', `six-${resultNo.slice(0, 2)}-completion`);
    await act(page, '送达结果');
    await status(page, '已送达');
  }

  it('承诺件: accepted with its due date, the promise notice printed, completed and handed over', async () => {
    const page = await signIn('clerk');
    await intake(page, 'LY-001', '林木采伐许可', '赵德厚', '13700001111');
    await page.getByTestId('intake-decision').getByText('承诺件', { exact: true }).waitFor();
    await save(page, /保存登记/);
    await status(page, '办理中');
    await page.getByText('2026年3月9日 17:30').first().waitFor(); // 5 working days after Monday 3-02
    await printNotice(page, '受理通知书', '承诺件受理通知书', 'six-promised-acceptance');
    await completeAndDeliver(page, '林采 2026-007');
    await e.shot(page, 'six-promised-delivered');
  });

  it('补办件: one notice for what is missing, the supplement registered, then completed and handed over', async () => {
    const page = await signIn('clerk');
    await intake(page, 'RS-004', '就业创业证申领', '刘小梅', '13698765432');
    await page.locator('.intake-materials > div', { hasText: '近期一寸免冠照片' }).getByRole('checkbox', { name: '已提供' }).uncheck();
    await page.getByTestId('intake-decision').getByText('补办件', { exact: true }).waitFor();
    await save(page, /保存登记并一次性告知/);
    await status(page, '待补正');
    await printNotice(page, '一次性告知书', '补正材料一次性告知书', 'six-supplement-notice');
    await act(page, '登记补正材料', (modal) => modal.getByRole('checkbox', { name: '近期一寸免冠照片' }).check());
    await status(page, '办理中');
    await completeAndDeliver(page, '就业证 2026-031');
  });

  it('退回件: a main material missing is returned in writing, with reasons, basis and the return notice', async () => {
    const page = await signIn('clerk');
    await intake(page, 'MZ-001', '临时救助', '孙桂兰', '13600002222');
    await page.locator('.intake-materials > div', { hasText: '临时救助申请书' }).getByRole('checkbox', { name: '已提供' }).uncheck();
    await page.getByTestId('intake-decision').getByText('退回件', { exact: true }).waitFor();
    await page.getByLabel('退回理由').fill('缺少临时救助申请书，申请人家庭收入高于当地救助标准');
    await page.getByLabel('退回依据').fill('《社会救助暂行办法》第四十七条');
    await e.shot(page, 'six-returned-intake');
    await save(page, /登记并退回/);
    await status(page, '已退回');
    await printNotice(page, '退回件通知书', '退回件通知书', 'six-returned-notice');
    // returned is the end: the written notice is what the applicant takes home, nothing else can be done
    expect(await page.getByRole('button', { name: '办结', exact: true }).count()).toBe(0);
  });

  it('联办件: each joint department answers, then the lead window completes and hands over', async () => {
    const page = await signIn('clerk');
    await intake(page, 'ZJ-001', '宅基地和建房', '陈建国', '13500003333');
    await page.getByTestId('intake-decision').getByText('联办件', { exact: true }).waitFor();
    await save(page, /保存登记/);
    await status(page, '办理中');
    await printNotice(page, '联办件告知书', '联办件告知书', 'six-joint-notice');
    for (const department of ['乡镇农业农村办', '乡镇自然资源所']) {
      await act(page, '联办部门审核', async (modal) => {
        await modal.getByLabel('审核部门').click();
        await page.locator('.ant-select-item-option', { hasText: department }).click();
        await modal.getByRole('radio', { name: '同意', exact: true }).check();
        await modal.getByLabel('具体意见').fill('符合一户一宅和村庄规划');
      });
      await page.getByText(department).first().waitFor();
    }
    await e.shot(page, 'six-joint-reviewed');
    await completeAndDeliver(page, '宅批 2026-015');
  });

  it('上报件: the township escalates, the county receives and decides, the township hands the result over', async () => {
    const township = await signIn('clerk');
    await intake(township, 'MZ-003', '最低生活保障', '周玉芬', '13400004444');
    await township.getByTestId('intake-decision').getByText('上报件', { exact: true }).waitFor();
    await save(township, /保存登记/);
    await status(township, '办理中');
    const caseNo = (await township.getByTestId('case-no').textContent())!.trim();
    await act(township, '上报县级');
    await township.getByText('已上报县级，等待县政务服务中心接收').waitFor();
    await township.getByRole('menuitem', { name: '我的工作' }).click();
    await township.getByRole('tab', { name: /已上报/ }).click();
    await township.locator('.ant-table-row:visible', { hasText: caseNo }).click();
    await printNotice(township, '上报件告知书', '上报件告知书', 'six-escalated-notice');
    const caseUrl = township.url();

    const county = await signIn('county');
    await county.getByRole('tab', { name: /待接收/ }).click();
    await county.locator('.ant-table-row:visible', { hasText: caseNo }).click();
    await county.getByTestId('case-no').waitFor();
    await act(county, '接收');
    await act(county, '办结', (modal) => modal.getByLabel('结果文号（证照编号）').fill('低保 2026-118'));
    await status(county, '已办结');
    await e.shot(county, 'six-escalated-county-completed');

    // the result is back: the township finds it in 我的工作 → 待送达
    await township.getByRole('menuitem', { name: '我的工作' }).click();
    await township.getByRole('tab', { name: /待送达/ }).click();
    await township.locator('.ant-table-row:visible', { hasText: caseNo }).click();
    await status(township, '已办结');
    expect(township.url()).toBe(caseUrl);
    await act(township, '送达结果');
    await status(township, '已送达');
    for (const step of ['上报县级', '接收', '办结', '送达结果']) {
      await township.locator('.ant-timeline').getByText(step, { exact: true }).first().waitFor();
    }
    await e.shot(township, 'six-escalated-delivered');
  });

  it('the ledger filtered by six-kind label lists exactly those cases', async () => {
    const page = await signIn('clerk');
    for (const [kind, name] of [['joint', '陈建国'], ['returned', '孙桂兰'], ['escalated', '周玉芬'], ['promised', '赵德厚'], ['supplement', '刘小梅']] as const) {
      await page.goto(`${e.baseUrl}/staff/cases?kind=${kind}`);
      await page.getByRole('heading', { name: '办件台账' }).waitFor();
      await page.locator('.ant-table-row', { hasText: name }).first().waitFor();
      expect(await page.locator('.ant-table-row').count()).toBe(1);
    }
  });
});
