// 材料复用 on the village agent's phone (390×844): 孙玉兰 was served at 柳河镇's window, where her ID card and photo
// were checked (kept on file as 窗口已核验). Back in her village, the agent picks 临时救助 for her and types her ID
// number and name: the materials step shows 居民身份证 as 已存档 with its level and validity, ticked and not to be
// unticked, under a line saying how many materials need not be handed over again; the request goes in with it as
// provided. Another name with the same number sees nothing on file. A lookup that cannot reach the server (no
// signal) marks nothing and says nothing: the request is taken as before.
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SHOTS_DIR, startE2E, type E2E } from './support/browser.js';
import { checkedAtTheWindow, serverApi, type ServerApi } from './support/server-api.js';

const NAME = '孙玉兰';
const ID = '41089919530618002X';
const RELIEF = 'MZ-001'; // 临时救助 (township, offered by 柳河村): 临时救助申请书*, 居民身份证*, 居民户口簿, 困难情况证明材料
const ON_FILE = '已存档（窗口已核验，有效期至 2027年3月2日）';

describe.skipIf(!hasChromium)('材料复用 on the village agent phone (Chromium)', () => {
  let e: E2E;
  let page: Page;
  let agent: ServerApi;
  /** every lookup the page sent, with its query */
  const lookups: URLSearchParams[] = [];

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    await checkedAtTheWindow(e, { name: NAME, idNumber: ID, phone: '13700006666' });
    agent = await serverApi(e, 'agent');

    page = await e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.clock.setFixedTime(new Date('2026-03-02T09:30:00+08:00'));
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/evidence/on-file') lookups.push(url.searchParams);
    });
  });
  afterAll(() => e?.close());

  it('the village agent may look up what is on file (cases.handle): the same endpoint as the window', async () => {
    const answer = await agent.call<{ materials: { name: string; onFile: { levelName: string; validUntil: string | null } }[] }>(
      'GET',
      `/api/evidence/on-file?${new URLSearchParams({ itemCode: RELIEF, kind: 'person', number: ID, name: NAME })}`,
    );
    expect(answer.materials.map((m) => [m.name, m.onFile.levelName, m.onFile.validUntil])).toEqual([['居民身份证', '窗口已核验', '2027-03-02']]);
  });

  const materialRow = (name: string) => page.locator('.material-row', { hasText: name });

  async function openRequest(search: string, itemName: string) {
    await page.getByRole('navigation', { name: '主要功能' }).getByRole('link', { name: /^新请求/ }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    await page.getByLabel('查找事项').fill(search);
    await page.locator('.item-option', { hasText: itemName }).first().click();
    await page.getByTestId('chosen-item').locator('.chosen-name', { hasText: itemName }).waitFor();
  }

  it('signs in as the village agent', async () => {
    await page.goto(`${e.baseUrl}/agent`);
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill('bianmin2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
  });

  it('typed ID number and name: 居民身份证 is 已存档, ticked for good, and the request goes in with it as provided', async () => {
    await openRequest('临时救助', '临时救助');
    // the number typed key by key before the name: nothing is asked for a half number, or without a name
    await page.getByLabel('身份证号码').pressSequentially(ID);
    await page.getByLabel('姓名').fill(NAME);
    await page.getByLabel('联系电话').fill('13700006666');

    const note = page.getByTestId('materials-on-file');
    await note.getByText('该申请人已有 1 项材料存档，这次不用再交').waitFor();
    const idCard = materialRow('居民身份证');
    await idCard.getByText(ON_FILE).waitFor();
    const box = idCard.getByRole('checkbox');
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(true);
    // the other materials are still the agent's to tick
    expect(await materialRow('居民户口簿').getByRole('checkbox').isChecked()).toBe(false);
    for (const params of lookups) {
      expect(params.get('itemCode')).toBe(RELIEF);
      expect(params.get('number')).toBe(ID);
      expect(params.get('name')).toBe(NAME);
    }

    // the number alone reveals nothing: under another name nothing is on file, and the ID card is asked for again
    await page.getByLabel('姓名').fill('孙玉芬');
    await note.waitFor({ state: 'detached' });
    await idCard.getByText(ON_FILE).waitFor({ state: 'detached' });
    expect(await idCard.getByRole('checkbox').isDisabled()).toBe(false);
    expect(await idCard.getByRole('checkbox').isChecked()).toBe(false);
    await page.getByLabel('姓名').fill(NAME);
    await idCard.getByText(ON_FILE).waitFor();

    // 全部取消 leaves what is on file ticked
    await page.getByRole('button', { name: '材料全部收齐' }).click();
    await page.getByRole('button', { name: '全部取消' }).click();
    await expect.poll(() => materialRow('临时救助申请书').getByRole('checkbox').isChecked()).toBe(false);
    expect(await box.isChecked()).toBe(true);

    // the application form and the 户口簿 handed over; the hardship papers do not apply to her
    await materialRow('临时救助申请书').getByRole('checkbox').check();
    await materialRow('居民户口簿').getByRole('checkbox').check();
    await materialRow('困难情况证明材料').getByRole('button', { name: '不适用' }).click();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // the materials step as the agent sees it on the phone
    await page.getByRole('heading', { name: '收到的材料' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS_DIR, 'agent-evidence-materials.png'), animations: 'disabled' });

    await page.getByRole('radio', { name: /^代办/ }).check();
    // nothing main is missing: an ordinary registration, not a return
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.getByText('登记成功').waitFor();
    const id = decodeURIComponent(/\/agent\/cases\/([^/?]+)/.exec(page.url())![1]!);
    const c = await agent.call<{ applicant: { name: string }; materials: { provided: string[] } }>('GET', `/api/cases/${encodeURIComponent(id)}`);
    expect(c.applicant.name).toBe(NAME);
    expect(c.materials.provided).toEqual(expect.arrayContaining(['临时救助申请书', '居民身份证', '居民户口簿']));
    expect(c.materials.provided).not.toContain('困难情况证明材料（医疗票据、事故认定书等）');

    expect(lookups.length).toBeGreaterThan(0);
    for (const params of lookups) {
      expect(params.get('number')).toHaveLength(18);
      expect(params.get('name')?.trim()).toBeTruthy();
      expect(params.get('kind')).toBe('person');
    }
  });

  it('no signal for the lookup: nothing is marked, nothing alarming is said, and the request is taken as before', async () => {
    const lookup = (url: URL) => url.pathname === '/api/evidence/on-file';
    await page.route(lookup, (route) => route.abort('internetdisconnected'));
    await openRequest('临时救助', '临时救助');
    const failed = page.waitForEvent('requestfailed', (r) => new URL(r.url()).pathname === '/api/evidence/on-file');
    await page.getByLabel('姓名').fill(NAME);
    await page.getByLabel('身份证号码').fill(ID);
    await page.getByLabel('联系电话').fill('13700006666');
    await failed;
    expect(await page.getByTestId('materials-on-file').count()).toBe(0);
    expect(await page.getByText('已存档').count()).toBe(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    const box = materialRow('居民身份证').getByRole('checkbox');
    expect(await box.isDisabled()).toBe(false);
    await page.getByRole('button', { name: '材料全部收齐' }).click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.getByRole('radio', { name: /^代办/ }).check();
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.getByText('登记成功').waitFor();
    await page.unroute(lookup);
  });
});
