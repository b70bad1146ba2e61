// 考核评分 (issue 13 §2) in the browser: the clerk opens last month's score (统计考核 → 考核评分), sees each deduction with
// its rule and appeals one; the director sees the ranking, recomputes, decides the appeal with a reason (the deduction
// stops counting) and closes the month.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { portraitPng } from '../support/images.js';
import { serverApi } from './support/server-api.js';

const MONTH = '2026-03';

describe.skipIf(!hasChromium)('考核评分 (Chromium)', () => {
  let e: E2E;
  let clerkId: string;
  let township: string;

  beforeAll(async () => {
    // 2 April 2026: March is over and may be closed
    e = await startE2E({ startAt: '2026-04-02T09:00:00+08:00' });
    const clerk = await serverApi(e, 'clerk');
    const me = await clerk.call<{ user: { id: string; orgId: string } }>('GET', '/api/auth/me');
    clerkId = me.user.id;
    township = me.user.orgId;
    const director = await serverApi(e, 'director');
    await director.call('POST', '/api/assessments/items', { month: MONTH, subjectKind: 'person', subjectId: clerkId, ruleCode: 'tidiness', reason: '3月18日检查，窗口桌面杂乱。' }, { 'idempotency-key': randomUUID() });
    await director.call('POST', '/api/assessments/items', { month: MONTH, subjectKind: 'person', subjectId: clerkId, ruleCode: 'bonus-praise', points: 3, reason: '群众送来锦旗。' }, { 'idempotency-key': randomUUID() });
  });
  afterAll(() => e?.close());

  it('the clerk sees the score with every deduction and its rule, and appeals one', async () => {
    const page = await signInToConsole(e, 'clerk');
    await page.getByRole('menuitem', { name: /考核评分/ }).click();
    await page.getByRole('heading', { name: '考核评分' }).waitFor();
    await page.goto(`${e.baseUrl}/staff/assessment?month=${MONTH}`);
    const mine = page.locator('.assessment-mine');
    await mine.getByText('本月得分').waitFor();
    await mine.getByText('窗口不整洁').waitFor();
    await mine.getByText('群众表扬').waitFor();
    await e.shot(page, 'assessment-clerk');
    await mine.getByRole('row', { name: /窗口不整洁/ }).getByRole('button', { name: /申\s*诉/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '对扣分提出申诉' });
    await modal.getByLabel('申诉理由').fill('18日上午正在整理群众材料，检查时桌面是临时摆放。');
    await modal.getByRole('button', { name: /提交申诉/ }).click();
    await page.getByText('申诉已提交，请等待中心主任处理。').waitFor();
    await mine.getByText('申诉中').waitFor();
  });

  it('the director recomputes, decides the appeal with a reason, and closes the month', async () => {
    const page = await signInToConsole(e, 'director');
    await page.goto(`${e.baseUrl}/staff/assessment?month=${MONTH}`);
    await page.getByRole('heading', { name: '考核评分' }).waitFor();
    await page.getByRole('button', { name: /重新计算/ }).click();
    await page.getByText(/已重新计算：新增 \d+ 条/).waitFor();
    const appeals = page.locator('.ant-card').filter({ hasText: '待处理的申诉' });
    await appeals.getByText('18日上午正在整理群众材料').waitFor();
    await page.getByRole('tab', { name: /人员排名/ }).waitFor();
    await page.getByRole('cell', { name: '王晓燕' }).first().waitFor();
    await e.shot(page, 'assessment-director');
    // a photo of the untidy desk as the manual deduction's evidence
    await page.getByRole('tabpanel').getByRole('row', { name: /王晓燕/ }).first().getByRole('button', { name: /展开/ }).click();
    const detail = page.locator('.ant-table-expanded-row').first();
    await detail.locator('input[type=file]').first().setInputFiles({ name: '桌面.png', mimeType: 'image/png', buffer: portraitPng() });
    await page.getByText('证据已上传。').waitFor();
    await detail.getByRole('link', { name: '证据：桌面.png' }).waitFor();

    await appeals.getByRole('button', { name: /处\s*理/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '处理申诉' });
    await modal.getByText('申诉成立（取消扣分）').click();
    await modal.getByLabel('理由').fill('经查看当日记录，属临时摆放，申诉成立。');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('申诉成立，该扣分不再计分。').waitFor();
    await appeals.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /关\s*账/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确认关账/ }).click();
    await page.getByText('已关账，本月得分和排名已定。').waitFor();
    await page.locator('.ant-alert').getByText('已关账').waitFor();
    // the clerk's row (still open) shows the appealed deduction kept on record without counting
    await page.locator('.ant-table-expanded-row').first().getByText('申诉成立，不计分').waitFor();
    await e.shot(page, 'assessment-closed');
  });

  it('the system administrator keeps the rule set and turns on publishing the ranking', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill('admin');
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: /考核规则/ }).click();
    await page.getByRole('heading', { name: '考核规则' }).waitFor();
    const overdue = page.getByRole('row', { name: /承诺件超期/ });
    await overdue.getByText('自动扣分').waitFor();
    await overdue.getByRole('button', { name: /修\s*改/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改考核规则：承诺件超期' });
    await modal.getByLabel('每月封顶（空：只受类别上限）').fill('15');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('考核规则已保存。').waitFor();
    await page.getByLabel('公布排名').click();
    await page.getByText('考核设置已保存。').waitFor();
    await e.shot(page, 'assessment-rules');
    // the closed March ranking on the center's 政务公开 page
    const open = await e.newPage();
    await open.goto(`${e.baseUrl}/open/${township}`);
    await open.getByRole('heading', { name: /考核排名（2026年3月）/ }).waitFor();
    await open.getByTestId('open-ranking').filter({ hasText: '工作人员' }).getByText('王晓燕').waitFor();
    await open.getByRole('heading', { name: /考核排名/ }).scrollIntoViewIfNeeded();
    await e.shot(open, 'assessment-open-ranking');
  });
});
