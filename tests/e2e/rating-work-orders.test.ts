// 差评整改 in the console and on the phone (issue 10 §1): a villager's 差评 opens a work order; the clerk finds it under
// 差评整改 (yellow light), records the return visit and the rectification; the rater opens the SMS link on a phone and
// rates the fix; the director appeals another 差评 and the supervisor upholds it; the figures page draws its chart.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { configurePapers, signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const SHOTS = '/tmp/wo/shots';
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const materials = [
  { name: '居民身份证', provided: true },
  { name: '近期一寸免冠照片', provided: true },
];

describe.skipIf(!hasChromium)('差评整改工单 (Chromium)', () => {
  let e: E2E;
  let clerk: Page;
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await e.shot(page, `rating-work-order-${name}`);
  };
  const badCase = async (phone: string, level = 'very_dissatisfied') => {
    const api = await serverApi(e, 'clerk');
    const c = await api.register<{ id: string; caseNo: string; version: number }>({ channel: 'window', applicant: { ...applicant, phone }, itemCode: 'MZ-002', materials });
    await api.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '证 1' });
    const res = await fetch(`${e.serverUrl}/api/public/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e.serverUrl },
      body: JSON.stringify({ caseNo: c.caseNo, phone4: phone.slice(-4), level, comment: '排队一个多小时，窗口态度差' }),
    });
    expect(res.status, await res.text()).toBe(201);
    return c;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    // the outcome SMS links to the configured public address (here the test server's)
    await configurePapers(e, { publicUrl: e.baseUrl });
  });
  afterAll(() => e?.close());

  it('the clerk finds the 差评 under 差评整改, visits and rectifies it', async () => {
    const c = await badCase('13812340001');
    clerk = await signInToConsole(e, 'clerk');
    await clerk.getByRole('menuitem', { name: '差评整改' }).click();
    const table = clerk.getByTestId('work-orders-table');
    await table.getByText('整改〔2026〕1号').waitFor();
    await table.getByTestId('wo-light-yellow').waitFor();
    expect(await table.textContent()).toContain(c.caseNo);
    await shot(clerk, 'list');
    await table.getByTestId('work-order-link').first().click();
    await clerk.getByTestId('work-order-overview').waitFor();
    // the visit form is open at once: it is the only step owed now
    const visit = clerk.getByTestId('wo-form-visit');
    await visit.getByLabel('回访核实情况').fill('电话回访申请人王大山，反映排队时间长，情况属实。');
    await shot(clerk, 'visit-form');
    await clerk.getByTestId('wo-submit').click();
    await clerk.getByTestId('work-order-overview').getByText('整改中').waitFor();
    await clerk.getByTestId('wo-form-rectify').getByLabel('整改措施').fill('高峰时段增开一个综合窗口，主任到窗口引导分流。');
    await clerk.getByTestId('wo-form-rectify').getByLabel('告知群众的整改结果').fill('已增开综合窗口，排队时间缩短到15分钟内');
    await clerk.getByTestId('wo-submit').click();
    await clerk.getByTestId('work-order-overview').getByText('已整改，待群众评价').waitFor();
    expect(await clerk.getByTestId('work-order-history').textContent()).toContain('告知群众：已增开综合窗口');
    await shot(clerk, 'detail-rectified');
    // the case page shows the rating with its work order, one click from it
    await clerk.goto(`${e.baseUrl}/staff/cases/${c.id}`);
    const ratings = clerk.getByTestId('case-ratings');
    await ratings.getByRole('link', { name: '整改〔2026〕1号' }).waitFor();
    await ratings.getByText('已整改，待群众评价').waitFor();
    await shot(clerk, 'case-page-rating');
    // back to the work order, where the next test watches it close
    await clerk.goBack();
    await clerk.getByTestId('work-order-overview').waitFor();
  });

  it('the rater opens the SMS link on a phone and rates the fix', async () => {
    const rows = await e.ctx.database.db.selectFrom('outbox_messages').select(['text']).where('template', '=', 'rating-fix-outcome').execute();
    expect(rows).toHaveLength(1);
    const token = /rate-fix\?t=(\S+)$/.exec(rows[0]!.text)?.[1];
    expect(token, rows[0]!.text).toBeTruthy();
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${e.baseUrl}/rate-fix?t=${token}`);
    await phone.getByTestId('fix-outcome').getByText('已增开综合窗口').waitFor();
    await phone.getByRole('radio', { name: /满意/ }).first().click();
    await shot(phone, 'phone-rate-fix');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('感谢您的评价！').waitFor();
    await shot(phone, 'phone-rate-fix-thanks');
    await clerk.reload();
    await clerk.getByTestId('work-order-overview').getByText('已办结').waitFor();
  });

  it('the director appeals a 差评, the supervisor upholds it; the figures page draws its chart', async () => {
    await badCase('13812340002', 'dissatisfied');
    const director = await signInToConsole(e, 'director');
    await director.goto(`${e.baseUrl}/staff/evaluations/work-orders?status=visit_pending`);
    await director.getByTestId('work-order-link').first().click();
    await director.getByTestId('appeal-open').click();
    await director.getByTestId('appeal-form').locator('.ant-select').click();
    await director.locator('.ant-select-item-option').filter({ hasText: '恶意评价' }).click();
    await director.getByTestId('appeal-form').getByLabel('事实和证据').fill('评价人当天未到本中心办事，窗口录像和叫号记录为证。');
    await shot(director, 'appeal-form');
    await director.getByTestId('appeal-submit').click();
    await director.getByTestId('appeal-card').getByText('待复核').waitFor();
    await director.goto(`${e.baseUrl}/staff/`);
    await director.getByTestId('rating-figures-card').locator('canvas').first().waitFor();
    await shot(director, 'director-dashboard');

    const supervisor = await e.newPage();
    await supervisor.goto(`${e.baseUrl}/staff/`);
    await supervisor.getByPlaceholder('请输入用户名').fill('supervisor');
    await supervisor.getByPlaceholder('请输入密码').fill('bianmin2026');
    await supervisor.getByRole('button', { name: /登\s*录/ }).click();
    await supervisor.getByTestId('role-duty').waitFor();
    await supervisor.goto(`${e.baseUrl}/staff/evaluations/appeals?status=pending`);
    const decision = supervisor.getByTestId('appeal-decision');
    await decision.getByLabel('复核意见').fill('调阅录像和叫号记录属实，评价与服务无关。');
    await decision.getByTestId('appeal-uphold').click();
    await supervisor.getByText('已认定申诉成立', { exact: false }).waitFor();
    await shot(supervisor, 'appeal-upheld');

    await supervisor.goto(`${e.baseUrl}/staff/evaluations/figures?from=2026-03-01&to=2026-03-31&by=center`);
    await supervisor.getByTestId('figures-table').waitFor();
    await supervisor.locator('canvas').first().waitFor();
    const text = await supervisor.getByTestId('figures-table').textContent();
    expect(text).toContain('柳河镇便民服务中心');
    expect(text).toContain('100.0%'); // the rectified 差评 of two counted, the appealed one out: 1 / 1
    await shot(supervisor, 'figures');
    await supervisor.goto(`${e.baseUrl}/staff/`);
    await supervisor.getByTestId('rating-figures-card').locator('canvas').first().waitFor();
    await shot(supervisor, 'supervisor-dashboard');
  });
});
