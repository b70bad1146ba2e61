import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { checkedAtTheWindow, serverApi } from './support/server-api.js';

// Evidence of the real-named person (issue 11 §2 audit) on a phone (390×844): 李春花 was served at the township's
// window (her ID card and photo checked there); she registers online later with the same ID number, and the apply
// form shows both as 已存档 (窗口已核验) and sends the application without them. A material the catalog marks
// 可告知承诺 offers 承诺提供 instead of an upload. Back at the window for another item, the clerk's intake checklist shows
// both as 已存档 and counts them as provided. A promise the window accepted is checked afterwards on the case page by
// its last day (核查属实). 撤回申请 in 我的办件 asks again on the page (no pop-up).
const PHONE = '13922225555';
const PASSWORD = 'Liuhe#2026ok';
const NAME = '李春花';
const ID_NUMBER = '11010519620304002X';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const WATCH_POPUPS = `
  window.__popups = [];
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => { window.__popups.push(name); return true; };
`;

describe.skipIf(!hasChromium)('evidence reuse and 撤回 on a phone (Chromium)', () => {
  let e: E2E;
  let phone: Page;
  let applicantCookie: string;
  const shot = (page: Page, name: string) => e.shot(page, `evidence-reuse-${name}`);

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    await checkedAtTheWindow(e, { name: NAME, idNumber: ID_NUMBER, phone: '13700008888' });
    const admin = await serverApi(e, 'admin');
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${e.serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl, ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/public/applicants/codes', { phone: PHONE, purpose: 'register' })).status).toBe(202);
    const { messages } = await admin.call<{ messages: { template: string; text: string }[] }>('GET', `/api/notifications/outbox?phone=${PHONE}`);
    const code = /验证码(\d{6})/.exec(messages.find((m) => m.template === 'applicant-code')!.text)![1]!;
    const made = await post('/api/public/applicants', { phone: PHONE, code, password: PASSWORD, kind: 'person', name: NAME, idNumber: ID_NUMBER }, { 'idempotency-key': 'e2e-evidence-reuse-register' });
    expect(made.status).toBe(201);
    const cookie = made.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('bianmin_applicant='))!;
    applicantCookie = cookie;
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    await context.addInitScript({ content: WATCH_POPUPS });
    await context.addCookies([{ name: 'bianmin_applicant', value: cookie.slice('bianmin_applicant='.length), url: e.baseUrl }]);
    phone = await context.newPage();
  });
  afterAll(() => e?.close());

  it('what the window checked is 已存档 online and not asked for; the application goes in without it', async () => {
    await phone.goto(`${e.baseUrl}/account/apply/RS-004`);
    await phone.getByRole('button', { name: '提交申请' }).waitFor();
    for (const i of [0, 1]) {
      await expect(phone.getByTestId(`material-${i}`).textContent()).resolves.toContain('已存档（窗口已核验），不必再交');
    }
    expect(await phone.locator('input[type=file]').count()).toBe(0);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, 'apply-on-file');
    await phone.locator('#apply-center').selectOption({ label: '柳河镇便民服务中心' });
    await phone.getByRole('button', { name: '提交申请' }).click();
    const status = phone.getByTestId('application-status');
    await status.waitFor();
    expect(await status.textContent()).toBe('待预审');
    expect(await phone.locator('.material-states').textContent()).toContain('居民身份证：已存档（窗口已核验）');
  });

  it('撤回申请 asks again on the page: 不撤回 keeps it, 确定撤回 withdraws it; no pop-up', async () => {
    const status = phone.getByTestId('application-status');
    await phone.getByRole('button', { name: '撤回申请' }).click();
    const ask = phone.getByRole('group', { name: '确认撤回申请' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('确定撤回“就业创业证申领”的申请');
    expect(await status.textContent()).toBe('待预审');
    await shot(phone, 'withdraw-ask');
    await ask.getByRole('button', { name: '不撤回' }).click();
    await phone.getByRole('button', { name: '撤回申请' }).waitFor();
    expect(await status.textContent()).toBe('待预审');
    await phone.getByRole('button', { name: '撤回申请' }).click();
    await phone.getByRole('group', { name: '确认撤回申请' }).getByRole('button', { name: '确定撤回' }).click();
    await expect.poll(() => status.textContent()).toBe('已撤回');
    expect(await phone.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
    expect(await phone.evaluate<string[]>('window.__popups')).toEqual([]);
    await shot(phone, 'withdrawn');
  });

  it('a material marked 可告知承诺 offers 承诺提供 instead of an upload', async () => {
    await phone.goto(`${e.baseUrl}/account/apply/GA-005`);
    await phone.getByRole('button', { name: '提交申请' }).waitFor();
    // 居民身份证 is on file; 迁移事由证明 may be promised
    await expect(phone.getByTestId('material-1').textContent()).resolves.toContain('已存档');
    const promise = phone.getByTestId('material-3').getByRole('checkbox', { name: /承诺提供/ });
    expect(await phone.getByTestId('material-2').getByRole('checkbox').count()).toBe(0);
    await promise.check();
    await expect(phone.getByTestId('material-3').textContent()).resolves.toContain('本次承诺只用于这份申请');
    expect(await phone.getByTestId('material-3').locator('input[type=file]').count()).toBe(0);
    await phone.getByTestId('material-3').scrollIntoViewIfNeeded();
    await shot(phone, 'apply-promise');
    // the guide says so too
    await phone.goto(`${e.baseUrl}/items/GA-005`);
    const materials = phone.getByTestId('item-guide').locator('ol.materials');
    await materials.waitFor();
    expect(await materials.locator('li').nth(3).textContent()).toContain('可告知承诺');
    expect(await materials.locator('li').nth(1).textContent()).not.toContain('可告知承诺');
  });

  it('the window checks a promise afterwards on the case page: 待核查 with its last day, then 核查属实', async () => {
    const clerk = await serverApi(e, 'clerk');
    const { user } = await clerk.call<{ user: { orgId: string } }>('GET', '/api/auth/me');
    // 户口迁入审批 applied for online: the form and the 户口簿 uploaded, 迁移事由证明 promised (告知承诺)
    const form = new FormData();
    for (const [k, v] of Object.entries({ itemCode: 'GA-005', orgId: user.orgId, promised: '3' })) form.append(k, v);
    form.append('material-0', new Blob([PDF]), '申请表.pdf');
    form.append('material-2', new Blob([PDF]), '户口簿.pdf');
    const res = await fetch(`${e.serverUrl}/api/public/applications`, { method: 'POST', headers: { cookie: applicantCookie, origin: e.serverUrl, 'idempotency-key': 'e2e-evidence-reuse-promise' }, body: form });
    expect(res.status).toBe(201);
    const a = (await res.json()) as { id: string; version: number };
    const accepted = await clerk.call<{ caseId: string }>('POST', `/api/applications/${a.id}/actions/accept`, { expectedVersion: a.version });

    const page = await signInToConsole(e, 'clerk');
    await page.goto(`${e.baseUrl}/staff/cases/${accepted.caseId}`);
    const card = page.getByTestId('case-promises');
    await card.getByText('待核查').waitFor();
    // accepted on Monday 2 March: 20 working days
    await card.getByText('核查期限 2026-03-30').waitFor();
    await card.getByRole('button', { name: '登记核查' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记告知承诺核查结果' });
    await modal.getByPlaceholder('如：已见结婚证原件').fill('已见结婚证原件');
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    await card.getByText('核查属实').waitFor();
    await card.getByText(/核查：已见结婚证原件/).waitFor();
    expect(await card.getByRole('button', { name: '登记核查' }).count()).toBe(0);
    await shot(page, 'promise-checked');
  });

  it('back at the window for another item, the intake checklist shows what is on file and does not ask for it again', async () => {
    const page = await signInToConsole(e, 'clerk');
    await page.getByRole('menuitem', { name: '受理登记' }).click();
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.keyboard.type('RS-004'); // the item search has the focus
    await page.locator('.ant-select-item-option', { hasText: '就业创业证申领' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('申报材料核对').waitFor();
    await page.getByLabel('姓名').fill(NAME);
    await page.getByLabel('联系电话').fill('13700008888');
    await page.getByLabel('居民身份证号码').fill(ID_NUMBER);
    const onFile = page.getByTestId('materials-on-file');
    await onFile.getByText('该申请人已有 2 项材料存档，本次免交：居民身份证、近期一寸免冠照片').waitFor();
    const photo = page.locator('.intake-materials > div', { hasText: '近期一寸免冠照片' });
    await photo.getByText('窗口已核验，有效至 2027-03-02').waitFor();
    // on file: counted as provided, and the clerk cannot mark it missing
    const box = photo.getByRole('checkbox', { name: '已存档' });
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(true);
    await page.getByText('材料齐全，当场受理。').or(page.getByTestId('intake-decision').getByText('承诺件')).first().waitFor();
    await e.shot(page, 'evidence-reuse-window-intake');
    // another person typed in: nothing on file, the checklist asks again
    await page.getByLabel('姓名').fill('李春华');
    await onFile.waitFor({ state: 'detached' });
    await photo.getByRole('checkbox', { name: '已提供' }).waitFor();
  });
});
