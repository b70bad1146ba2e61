// Issue 7 §8 and §3 in the browser: the Origin check never stops the app's own pages (signing in and out
// of the console on a plain-HTTP non-localhost origin) but refuses a form another page on the same host posts
// with the staff's cookie; a villager types the case number back from a notice any which way and finds the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_HOST, hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('edge hardening in Chromium', () => {
  let e: E2E;
  let caseNo = '';
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    const clerk = await serverApi(e, 'clerk');
    ({ caseNo } = await clerk.register<{ caseNo: string }>({
      itemCode: 'MZ-002',
      channel: 'window',
      applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    }));
  });
  afterAll(() => e?.close());

  it("lets the console's own pages post, and refuses a form another service on the same host posts with the cookie", async () => {
    const page = await signInToConsole(e, 'clerk');
    // another service of the same machine (another port: the same site, so the SameSite cookie goes along)
    const port = new URL(e.baseUrl).port;
    const evil = `http://${E2E_HOST}:${Number(port) === 8080 ? 8081 : 8080}/prize.html`;
    await page.route(evil, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<form id="f" method="post" action="${e.baseUrl}/api/auth/logout"></form><script>document.getElementById('f').submit()</script>`,
      }),
    );
    await page.goto(evil);
    await page.getByText('CROSS_ORIGIN').waitFor();
    expect(await page.textContent('body')).toContain('已拒绝来自其他网页');
    await e.shot(page, 'hardening-cross-origin-refused');
    // still signed in: the forged logout did nothing
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByText('退出登录').waitFor();
    expect(await page.getByText('王晓燕').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('a villager types the case number with full-width dashes, spaces and full-width digits, and finds the case', async () => {
    const phone = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    phone.setDefaultTimeout(120_000);
    const page = await phone.newPage();
    await page.goto(`${e.baseUrl}/progress`);
    await page.getByRole('heading', { name: '办件进度查询' }).waitFor();
    const [org, day, seq] = caseNo.split('-');
    await page.getByLabel('办件编号').fill(` ${org} － ${day}—${seq} `);
    await page.getByLabel('登记电话后四位').fill('５６７８');
    // leaving the field shows the number as the notice prints it
    expect(await page.getByLabel('办件编号').inputValue()).toBe(caseNo);
    expect(await page.getByLabel('登记电话后四位').inputValue()).toBe('5678');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.result').waitFor();
    expect(await page.locator('.result').textContent()).toContain(caseNo);
    await e.shot(page, 'hardening-progress-typed-loosely');

    // without any hyphen
    await page.getByLabel('办件编号').fill(`${org}${day}${seq}`);
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByLabel('办件编号').inputValue()).toBe(caseNo);
    await page.locator('.result').getByText(caseNo).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
