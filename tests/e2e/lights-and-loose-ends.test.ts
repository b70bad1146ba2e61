// Issue 7 section 7 in the real console: the presence screen (离岗/返岗 for oneself and by the director, and what
// B does for A), the director's objection to a refusal as a window task answered there, and the wording points.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { actOnCase, signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const applicant = { name: '赵春花', idNumber: '11010519491231002X', phone: '13800001234' };

describe.skipIf(!hasChromium)('presence, objections and wording on the staff console, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    // a Monday morning inside the loaded calendar years
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  type CaseJson = { id: string; caseNo: string };
  /** A signed-in API client of the same server, to prepare cases the browser then works on. */
  async function api(username: string) {
    const server = await serverApi(e, username);
    return {
      register: (itemCode: string, materials: { name: string; provided: boolean }[], extra: Record<string, unknown> = {}) =>
        server.register<CaseJson>({ itemCode, channel: 'window', applicant, materials, ...extra }),
      call: (method: string, path: string, body?: unknown) => server.call<CaseJson>(method, `/api${path}`, body),
    };
  }
  const provided = (names: string[]) => names.map((name) => ({ name, provided: true }));

  const openMenu = async (page: Page, item: string, heading: string) => {
    await page.getByRole('menuitem', { name: item }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  };

  it('presence: a clerk goes away (开会), B sees A\'s open case routed to it, the director brings A back', async () => {
    const clerkApi = await api('clerk');
    const open = await clerkApi.register('MZ-002', provided(['居民身份证', '近期一寸免冠照片']));

    const a = await signInToConsole(e, 'clerk');
    await openMenu(a, '在岗登记', '在岗登记');
    const mine = a.getByTestId('my-presence');
    await mine.getByText('在岗', { exact: true }).waitFor();
    await mine.getByRole('button', { name: '登记离岗' }).click();
    const modal = a.locator('.ant-modal').filter({ hasText: '登记离岗' });
    await modal.getByText('开会', { exact: true }).click();
    // the choice has taken before confirming (the dialog may still be opening on a busy machine)
    await modal.locator('.ant-radio-button-wrapper-checked', { hasText: '开会' }).waitFor();
    await modal.getByRole('button', { name: '确认离岗' }).click();
    await modal.waitFor({ state: 'hidden' });
    await mine.getByText('离岗（开会）').waitFor();
    await e.shot(a, 'presence-clerk-away');

    const b = await signInToConsole(e, 'clerk2');
    await openMenu(b, '在岗登记', '在岗登记');
    const covering = b.getByTestId('covering');
    await covering.getByText(/A 岗王晓燕离岗（开会），由您顶岗办理/).first().waitFor();
    await covering.getByText(open.caseNo).waitFor();
    await e.shot(b, 'presence-backup-covering');
    // the same cases in B's work lists
    await openMenu(b, '我的工作', '我的工作');
    await b.getByRole('tab', { name: /顶岗办理/ }).click();
    await b.getByRole('tabpanel').getByText(open.caseNo).waitFor();

    const d = await signInToConsole(e, 'director');
    await openMenu(d, '在岗登记', '在岗登记');
    const row = d.getByTestId('staff-presence').locator('tr', { hasText: '王晓燕' });
    await row.getByText('离岗（开会）').waitFor();
    await e.shot(d, 'presence-director-staff');
    await row.getByRole('button', { name: '返岗' }).click();
    await row.getByText('在岗', { exact: true }).waitFor();
    // marking someone else away works from the same table
    const other = d.getByTestId('staff-presence').locator('tr', { hasText: '李建国' });
    if ((await other.count()) > 0) expect(await other.getByRole('button', { name: '登记离岗' }).count()).toBe(1);

    await b.reload();
    await b.getByRole('heading', { name: '我的工作' }).waitFor();
    await openMenu(b, '在岗登记', '在岗登记');
    await b.getByTestId('my-presence').waitFor();
    expect(await b.getByTestId('covering').count()).toBe(0);
  });

  it('the director\'s objection to a refusal becomes the window\'s task, answered there and read by the director', async () => {
    const clerkApi = await api('clerk');
    const returned = await clerkApi.register('MZ-001', [{ name: '临时救助申请书', provided: false }, ...provided(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])], {
      refusal: { reasons: '缺少临时救助申请书', basis: '《社会救助暂行办法》第十一条' },
    });

    const d = await signInToConsole(e, 'director');
    await d.goto(`${e.baseUrl}/staff/cases/${returned.id}`);
    await d.getByTestId('case-no').waitFor();
    // 确定 clicked twice at once: one review, the dialog closes with its success and no "已经审查过"
    await d.getByRole('button', { name: '否定报备审查', exact: true }).click();
    const review = d.locator('.ant-modal').filter({ hasText: '否定报备审查' });
    await review.getByText('有异议', { exact: true }).click();
    await review.getByLabel('审查说明（有异议时必填）').fill('申请书可当场指导填写，不应退回');
    await review.getByRole('button', { name: /确\s*定/ }).evaluate((ok) => {
      ok.click();
      ok.click();
    });
    await review.waitFor({ state: 'hidden' });
    await d.locator('.ant-message-notice').getByText('否定报备审查：已完成').waitFor();
    await d.getByTestId('refusal-objection').getByText('窗口答复：尚未答复').waitFor();

    const c = await signInToConsole(e, 'clerk');
    const tab = c.getByRole('tab', { name: /异议待答复/ });
    await tab.click();
    await c.getByRole('tabpanel').getByText(returned.caseNo).waitFor();
    await e.shot(c, 'objection-work-list');
    await c.getByRole('tabpanel').getByText(returned.caseNo).click();
    await c.getByTestId('case-no').waitFor();
    await actOnCase(c, '答复异议', async (modal) => {
      await modal.getByText('申请书可当场指导填写，不应退回').waitFor();
      await modal.getByLabel('答复（是否纠正、如何纠正）').fill('已电话联系申请人，明日到窗口当场填写申请书后重新受理');
    });
    await c.getByTestId('refusal-objection').getByText(/窗口答复：已电话联系申请人/).waitFor();
    expect(await c.getByRole('button', { name: '答复异议' }).count()).toBe(0);
    await e.shot(c, 'objection-answered-case');
    await c.getByRole('button', { name: '返回' }).click();
    await c.getByRole('heading', { name: '我的工作' }).waitFor();
    await c.getByRole('tab', { name: /异议待答复/ }).click();
    await c.getByRole('tabpanel').getByText('暂无办件').waitFor();

    await d.reload();
    await d.getByTestId('refusal-objection').getByText(/窗口答复：已电话联系申请人，明日到窗口当场填写申请书后重新受理（王晓燕/).waitFor();
    await d.goto(`${e.baseUrl}/staff/work`);
    await d.getByRole('tab', { name: /否定报备/ }).click();
    await d.getByRole('tabpanel').locator('tr', { hasText: returned.caseNo }).getByText('异议已答复').waitFor();
    await e.shot(d, 'objection-director-register');
  });

  it('wording: no version for the clerk, 待审批 for a pending extension, no 需补正材料 on a returned case', async () => {
    const clerkApi = await api('clerk');
    // an item whose legal limit (20 days) leaves room to extend its promise (5 days)
    const promised = await clerkApi.register('LY-001', provided(['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明']));
    const returned = await clerkApi.register('MZ-001', [{ name: '临时救助申请书', provided: false }, ...provided(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])], {
      refusal: { reasons: '缺少临时救助申请书', basis: '《社会救助暂行办法》第十一条' },
    });

    const c = await signInToConsole(e, 'clerk');
    await c.goto(`${e.baseUrl}/staff/cases/${promised.id}`);
    await c.getByTestId('case-no').waitFor();
    expect(await c.getByText('版本', { exact: true }).count()).toBe(0);
    expect(await c.getByText(/第 \d+ 版/).count()).toBe(0);
    await c.getByRole('button', { name: '申请延期', exact: true }).click();
    const modal = c.locator('.ant-modal').filter({ hasText: '申请延期' });
    await modal.getByLabel('延期理由').fill('需入户核查家庭经济状况');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await c.getByText('延期申请已提交，待中心主任审批').waitFor();
    expect(await c.getByText('申请延期：已完成').count()).toBe(0);
    await c.getByText(/延期申请待中心主任审批/).first().waitFor();
    await e.shot(c, 'wording-extension-pending');

    await c.goto(`${e.baseUrl}/staff/cases/${returned.id}`);
    await c.getByTestId('case-no').waitFor();
    await c.getByText('所缺材料：临时救助申请书').waitFor();
    expect(await c.getByText(/需补正材料/).count()).toBe(0);
    await e.shot(c, 'wording-returned-case');

    // after a defect request the 补正 action offers every outstanding material, the re-requested one too
    const waiting = await clerkApi.register('MZ-001', [...provided(['临时救助申请书', '居民身份证', '困难情况证明材料（医疗票据、事故认定书等）']), { name: '居民户口簿', provided: false }]);
    await clerkApi.call('POST', `/cases/${waiting.id}/actions/notify-supplement`, { expectedVersion: 1, missing: ['居民身份证'], defectNote: '身份证复印件模糊不清' });
    await c.goto(`${e.baseUrl}/staff/cases/${waiting.id}`);
    await c.getByTestId('outstanding-materials').getByText('尚缺：居民户口簿、居民身份证').waitFor();
    await c.getByRole('button', { name: '登记补正材料', exact: true }).click();
    const supplement = c.locator('.ant-modal').filter({ hasText: '登记补正材料' });
    for (const m of ['居民户口簿', '居民身份证']) {
      const box = supplement.getByRole('checkbox', { name: m });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      expect(await box.isDisabled()).toBe(false);
    }
    await e.shot(c, 'wording-supplement-outstanding');
    await supplement.getByRole('button', { name: /确\s*定/ }).click();
    await supplement.waitFor({ state: 'hidden' });
    await c.getByTestId('case-status').getByText('办理中', { exact: true }).waitFor();

    // item names in the ledger are shown in full: they wrap, and the whole name is also on hover
    await c.goto(`${e.baseUrl}/staff/cases?pageSize=20`);
    const name = c.getByTestId('ledger-item-name').filter({ hasText: '临时救助' }).first();
    await name.waitFor();
    expect(await name.getAttribute('title')).toContain('临时救助（MZ-001）');
    // the test runs in Node: the browser's getComputedStyle is reached through the element's own window
    const whiteSpace = await name.evaluate((el) => {
      const view = (el as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { whiteSpace: string } } } }).ownerDocument.defaultView;
      return view.getComputedStyle(el).whiteSpace;
    });
    expect(whiteSpace).toBe('normal');
    await c.setViewportSize({ width: 1100, height: 860 });
    await e.shot(c, 'wording-ledger-names');
  });

  it('the director\'s and the supervisor\'s pages say what their role does', async () => {
    const d = await signInToConsole(e, 'director');
    await d.getByText(/审批延期、审查否定报备/).waitFor();
    await e.shot(d, 'subtitle-director-work');
    await d.getByRole('menuitem', { name: '工作台' }).click();
    await d.getByTestId('role-duty').waitFor();
    expect(await d.getByTestId('role-duty').textContent()).toContain('中心主任');
    await e.shot(d, 'subtitle-director-home');

    const s = await e.newPage();
    await s.goto(`${e.baseUrl}/staff/`);
    await s.getByPlaceholder('请输入用户名').fill('supervisor');
    await s.getByPlaceholder('请输入密码').fill('bianmin2026');
    await s.getByRole('button', { name: /登\s*录/ }).click();
    await s.getByTestId('role-duty').waitFor();
    const duty = await s.getByTestId('role-duty').textContent();
    expect(duty).toContain('纪检监察');
    // the supervisor watches the centers of the county, and is not shown as working in one
    expect(await s.getByTestId('profile-org').textContent()).not.toContain('服务中心');
    await e.shot(s, 'subtitle-supervisor-home');
  });
});
