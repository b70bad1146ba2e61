import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { configurePapers } from './support/console.js';
import { serverApi, type ServerApi } from './support/server-api.js';

// A valid 居民身份证 number (GB 11643 check digit) and a mobile phone ending in 5678.
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
/** The deployment's public address, set by the administrator: every QR code opens it (not bianmin.test). */
const PUBLIC_URL = 'https://bianmin.qinghe.gov.cn';

interface CaseJson {
  id: string;
  caseNo: string;
  version: number;
  status: string;
}

describe.skipIf(!hasChromium)('printed notices and the public progress page in Chromium', () => {
  let e: E2E;
  let staff: BrowserContext;
  const cases: Record<'promised' | 'supplement' | 'returned' | 'joint' | 'escalated' | 'completed', CaseJson> = {} as never;

  let clerk: ServerApi;
  const register = (body: Record<string, unknown>) => clerk.register<CaseJson>({ channel: 'window', applicant, ...body });
  const act = (c: CaseJson, action: string, body: Record<string, unknown> = {}) =>
    clerk.call<CaseJson>('POST', `/api/cases/${c.id}/actions/${action}`, { expectedVersion: c.version, ...body });

  beforeAll(async () => {
    // A Monday morning inside the loaded calendar years (2025–2026), so every deadline is computable.
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    await configurePapers(e, { publicUrl: PUBLIC_URL });
    clerk = await serverApi(e, 'clerk');

    cases.promised = await register({
      itemCode: 'LY-001',
      materials: all(['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明']),
    });
    cases.supplement = await register({
      itemCode: 'MZ-001',
      materials: [...all(['临时救助申请书', '居民身份证']), { name: '居民户口簿', provided: false }, { name: '困难情况证明材料（医疗票据、事故认定书等）', provided: false }],
    });
    cases.returned = await register({
      itemCode: 'MZ-001',
      materials: [{ name: '临时救助申请书', provided: false }, ...all(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])],
      refusal: { reasons: '缺少临时救助申请书，且申请人家庭收入高于救助标准', basis: '《社会救助暂行办法》第四十七条' },
    });
    cases.joint = await register({
      itemCode: 'ZJ-001',
      materials: [
        ...all(['农村宅基地和建房（规划许可）申请表', '申请人及家庭成员居民身份证、户口簿', '农村宅基地使用承诺书', '村民小组和村委会审查意见', '住房设计图或选用的通用图']),
        { name: '原宅基地处置情况说明（翻建或退出时）', provided: false, notApplicable: true },
      ],
    });
    const escalated = await register({
      itemCode: 'MZ-003',
      materials: [...all(['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明']), { name: '残疾、重病等特殊情况证明', provided: false, notApplicable: true }],
    });
    cases.escalated = await act(escalated, 'escalate');
    const immediate = await register({ itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) });
    cases.completed = await act(immediate, 'complete', { outcome: 'approved', resultNo: '优待证 2026-001' });

    staff = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    // signed in from a page of the app, so the session cookie is the bianmin.test one (Node cannot resolve that name)
    const page = await staff.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    const signedIn = await page.evaluate<number>(
      `fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'bianmin2026' }) }).then((r) => r.status)`,
    );
    expect(signedIn).toBe(200);
    await page.close();
  });
  afterAll(() => e?.close());

  async function openNotice(c: CaseJson, type: string): Promise<Page> {
    const page = await staff.newPage();
    await page.goto(`${e.baseUrl}/staff/cases/${c.id}/notice/${type}`);
    await page.locator('.notice-sheet, .notice-unavailable').first().waitFor();
    return page;
  }

  /** What every notice carries: center, number, applicant, item, responsible person, seal, QR code to /progress. */
  async function expectNotice(page: Page, c: CaseJson, title: string, itemName: string) {
    const sheet = page.locator('.notice-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.locator('.notice-title').textContent()).toBe(title);
    const text = (await sheet.textContent()) ?? '';
    for (const expected of ['柳河镇便民服务中心', `编号：${c.caseNo}`, '王大山：', itemName, '经办人', '王晓燕', '清河县柳河镇政府院内', '0371-6688 2101', '监督电话', '0371-6688 1200', '（盖章）', '2026年3月2日', '扫码查询办理进度']) {
      expect(text).toContain(expected);
    }
    // no personal data beyond the name
    expect(text).not.toContain(applicant.idNumber);
    expect(text).not.toContain(applicant.phone);
    const qr = sheet.locator('.notice-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.getAttribute('alt')).toContain(`${PUBLIC_URL}/progress?caseNo=${c.caseNo}`);
    expect(await qr.getAttribute('alt')).not.toContain(e.baseUrl);
    return text;
  }

  async function printPreview(page: Page, name: string) {
    await page.emulateMedia({ media: 'print' });
    // the console's menu and the toolbar are not printed
    expect(await page.locator('.console-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await e.shot(page, name);
    const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    // one notice, one A4 sheet
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  }

  it('prints the promise notice (承诺件受理通知书) with the due date on one A4 sheet', async () => {
    const page = await openNotice(cases.promised, 'acceptance');
    const text = await expectNotice(page, cases.promised, '承诺件受理通知书', '农村居民自留山和个人承包林地林木采伐许可（受委托）');
    expect(text).toContain('申请材料齐全、符合法定形式，本中心决定予以受理，承诺于2026年3月9日前办结');
    await e.shot(page, 'notice-acceptance');
    await printPreview(page, 'notice-acceptance-print');
    await page.close();
  });

  it('prints the one-time notice listing every missing material, and refuses an acceptance notice before acceptance', async () => {
    const page = await openNotice(cases.supplement, 'supplement');
    const text = await expectNotice(page, cases.supplement, '补正材料一次性告知书', '临时救助');
    expect(text).toContain('居民户口簿');
    expect(text).toContain('困难情况证明材料（医疗票据、事故认定书等）');
    expect(text).toContain('收到齐全的补正材料之日起计算');
    await printPreview(page, 'notice-supplement-print');
    await page.close();

    const none = await openNotice(cases.supplement, 'acceptance');
    await none.getByText('该办件不适用此通知书').waitFor();
    expect(await none.locator('.notice-sheet').count()).toBe(0);
    expect(await none.getByRole('button', { name: /打\s*印/ }).isDisabled()).toBe(true);
    await none.close();

    const unknown = await openNotice(cases.promised, 'supplement');
    await unknown.getByText(/没有出具过一次性告知/).waitFor();
    await unknown.close();
  });

  it('prints the return notice with the reasons and the basis', async () => {
    const page = await openNotice(cases.returned, 'return');
    const text = await expectNotice(page, cases.returned, '退回件通知书', '临时救助');
    expect(text).toContain('缺少临时救助申请书，且申请人家庭收入高于救助标准');
    expect(text).toContain('《社会救助暂行办法》第四十七条');
    // rule 10: the remedies against a refusal
    expect(text).toContain('六十日内依法申请行政复议，或者六个月内依法提起行政诉讼');
    await printPreview(page, 'notice-return-print');
    await page.close();
  });

  it('prints the joint notice with every joint department and one deadline', async () => {
    const page = await openNotice(cases.joint, 'joint');
    const text = await expectNotice(page, cases.joint, '联办件告知书', '农村村民宅基地和建房（规划许可）审批');
    expect(text).toContain('乡镇农业农村办');
    expect(text).toContain('乡镇自然资源所');
    expect(text).toContain('承诺于2026年3月23日前办结');
    await printPreview(page, 'notice-joint-print');
    await page.close();
  });

  it('prints the escalation notice: forwarded to the county, carried through by the center', async () => {
    const page = await openNotice(cases.escalated, 'escalation');
    const text = await expectNotice(page, cases.escalated, '上报件告知书', '城乡居民最低生活保障');
    expect(text).toContain('报送县政务服务中心');
    expect(text).toContain('全程代理');
    expect(text).toContain('承诺于2026年4月7日前办结');
    await printPreview(page, 'notice-escalation-print');
    await page.close();
  });

  it('prints the completion notice with the result number and how to collect it', async () => {
    const page = await openNotice(cases.completed, 'completion');
    const text = await expectNotice(page, cases.completed, '办结取件通知书', '老年人优待证办理');
    expect(text).toContain('优待证 2026-001');
    expect(text).toContain('领取办理结果');
    expect(text).toContain('08:30—12:00、14:30—17:30');
    await printPreview(page, 'notice-completion-print');
    // the link back to the case
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: /返回办件/ }).click();
    await page.waitForURL(`**/staff/cases/${cases.completed.id}`);
    await page.close();
  });

  it('a villager looks the case up on a phone: the QR link fills in the number, the right pair shows the timeline', async () => {
    const phone = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 720 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await phone.newPage();
    await page.goto(`${e.baseUrl}/progress?caseNo=${cases.escalated.caseNo}`);
    await page.getByRole('heading', { name: '办件进度查询' }).waitFor();
    expect(await page.getByText('便民服务平台').first().isVisible()).toBe(true);
    expect(await page.getByLabel('办件编号').inputValue()).toBe(cases.escalated.caseNo);
    expect(await page.getByLabel('登记电话后四位').getAttribute('inputmode')).toBe('numeric');
    await e.shot(page, 'progress-phone-empty');

    await page.getByLabel('登记电话后四位').fill('0000');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('未查到该办件，请核对办件编号和电话后四位').waitFor();
    await e.shot(page, 'progress-phone-wrong');

    // the network goes down: a clear message, and what was typed stays
    await page.route('**/api/public/progress**', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('登记电话后四位').fill('5678');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(/网络连接失败/).waitFor();
    expect(await page.getByLabel('办件编号').inputValue()).toBe(cases.escalated.caseNo);
    expect(await page.getByLabel('登记电话后四位').inputValue()).toBe('5678');
    await page.unroute('**/api/public/progress**');

    // too many guesses: the server's rate limit answers 429
    await page.route('**/api/public/progress**', (route) => route.fulfill({ status: 429, contentType: 'application/json', body: '{"status":429}' }));
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('查询过于频繁，请一分钟后再试').waitFor();
    await page.unroute('**/api/public/progress**');

    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.result').waitFor();
    const result = (await page.locator('.result').textContent()) ?? '';
    for (const expected of ['城乡居民最低生活保障', '办理中', '受理日期', '2026年3月2日', '承诺办结日期', '2026年4月7日', '已收件登记', '已上报县级审批']) {
      expect(result).toContain(expected);
    }
    expect(result).not.toContain('王大山');
    expect(result).not.toContain(applicant.idNumber);
    // readable on a small screen: nothing wider than the phone, text at least 16px
    // (expressions as strings: they run in the page, and this project's Node types know no DOM)
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const smallest = await page.evaluate<number>(`Math.min(...[...document.querySelectorAll('.page *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize)))`);
    expect(smallest).toBeGreaterThanOrEqual(16);
    await e.shot(page, 'progress-phone-found');
    await phone.close();
  });
});
