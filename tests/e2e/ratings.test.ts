// 好差评 in Chromium: the window rating pad at tablet size (registered for its window, showing the case just finished
// there live, five large faces, thanks, then ready again) and the QR rating of the 办结通知书 at phone size.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { configurePapers } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

const applicant = { name: '李秀兰', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };
const PUBLIC_URL = 'https://bianmin.qinghe.gov.cn';
const SHOTS = '/tmp/ratings';

interface CaseJson {
  id: string;
  caseNo: string;
  version: number;
  windowId: string | null;
}

describe.skipIf(!hasChromium)('好差评 in Chromium', () => {
  let e: E2E;
  let clerk: ServerApi;
  let director: ServerApi;
  const register = () => clerk.register<CaseJson>({ channel: 'window', applicant, ...IMMEDIATE });
  const complete = (c: CaseJson) => clerk.call<CaseJson>('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证 2026-001' });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    await configurePapers(e, { publicUrl: PUBLIC_URL });
    clerk = await serverApi(e, 'clerk');
    director = await serverApi(e, 'director');
  });
  afterAll(() => e?.close());

  it('the window pad at tablet size: the case just finished at its window, five faces, thanks, ready again', async () => {
    const c = await register();
    expect(c.windowId).toBeTruthy();
    const { code, path } = await director.call<{ code: string; path: string }>('POST', '/api/evaluations/pads', { windowId: c.windowId });
    const page = await e.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${e.baseUrl}${path}#code=${code}`);
    await page.getByRole('heading', { name: '欢迎您来办事' }).waitFor();
    // the code left the address and stays with the tablet
    expect(page.url()).not.toContain('code=');
    await page.screenshot({ path: `${SHOTS}/pad-idle.png` });

    await complete(c);
    await page.getByRole('heading', { name: '请您为本次服务评价' }).waitFor();
    await page.getByText(`办件编号 ${c.caseNo}`).waitFor();
    await expect(page.getByText('李**', { exact: false }).count()).resolves.toBe(1);
    const faces = page.getByRole('group', { name: '满意程度' }).getByRole('button');
    expect(await faces.count()).toBe(5);
    // large touch targets: each face at least 180 px high on the tablet
    const box = await faces.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(180);
    await page.screenshot({ path: `${SHOTS}/pad-offer.png` });

    await page.getByRole('button', { name: /非常满意/ }).click();
    await page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/pad-thanks.png` });
    await page.getByRole('heading', { name: '欢迎您来办事' }).waitFor();

    const { evaluations } = await director.call<{ evaluations: { caseNo: string; channel: string; level: string }[] }>('GET', '/api/evaluations');
    expect(evaluations.find((r) => r.caseNo === c.caseNo)).toMatchObject({ channel: 'pad', level: 'very_satisfied' });

    // after a reload the tablet still knows its code
    await page.reload();
    await page.getByRole('heading', { name: '欢迎您来办事' }).waitFor();
  });

  it('the QR code of the completion notice opens the rating at phone size, at the public address', async () => {
    const c = await complete(await register());
    const { url } = await clerk.call<{ url: string }>('GET', `/api/evaluations/rating-link?caseId=${c.id}`);
    expect(url.startsWith(`${PUBLIC_URL}/rate?t=`)).toBe(true);
    const page = await e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    // the phone opens the printed address; here the same server under the test's host name
    await page.goto(`${e.baseUrl}${url.slice(PUBLIC_URL.length)}`);
    await page.getByRole('heading', { name: '请您为本次服务评价' }).waitFor();
    await page.getByText(`办件编号：${c.caseNo}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/qr-rate.png`, fullPage: true });
    await page.getByRole('radio', { name: /不满意/ }).first().click();
    await page.getByLabel('请告诉我们哪里不满意（中心会回访整改）').fill('排队时间太长');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/qr-thanks.png`, fullPage: true });
    await page.reload();
    await page.getByText(/您已于.*评价：不满意/).waitFor();
    await page.screenshot({ path: `${SHOTS}/qr-rated.png`, fullPage: true });

    // the progress page offers the rating of a finished case (number + phone4)
    const other = await complete(await register());
    await page.goto(`${e.baseUrl}/progress?caseNo=${other.caseNo}`);
    await page.getByLabel('登记电话后四位').fill('5678');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '请您为本次服务评价' }).waitFor();
    await page.getByRole('radio', { name: /基本满意/ }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/progress-rated.png`, fullPage: true });
  });

  it('the console lists the ratings; the paper form is keyed in on the rater\'s behalf', async () => {
    const c = await complete(await register());
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.includes('/login'));
    await page.goto(`${e.baseUrl}/staff/evaluations`);
    await page.getByRole('heading', { name: '评价记录' }).waitFor();
    await page.getByRole('button', { name: '代录纸质评价表' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('办件编号').fill(c.caseNo);
    await modal.getByRole('radio', { name: '满意', exact: true }).check();
    await modal.getByRole('button', { name: '保存评价' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: c.caseNo }).waitFor();
    await page.getByText('代录：王晓燕').waitFor();
    await page.screenshot({ path: `${SHOTS}/console-list.png`, fullPage: true });

    // the case page shows the rating, keyed in on the rater's behalf
    await page.getByRole('link', { name: c.caseNo }).click();
    await page.getByText('服务评价').first().waitFor();
    await page.getByText(/王晓燕代录/).waitFor();
    // the completion notice carries the rating QR code at the public address
    await page.goto(`${e.baseUrl}/staff/cases/${c.id}/notice/completion`);
    const qr = page.getByTestId('rating-qr');
    await qr.getByRole('img').waitFor();
    expect(await qr.getAttribute('data-url')).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/rate\\?t=q`));
    await page.screenshot({ path: `${SHOTS}/completion-notice.png`, fullPage: true });
  });
});
