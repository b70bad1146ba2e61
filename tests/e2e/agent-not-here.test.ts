// The agent's 查找事项 on a 390 px phone, for what the village cannot take (居民身份证, 结婚登记, 失业登记): such items
// are found by the same search, listed after the village's own, marked 本村不能办理, and a tap says where the
// villager must go — center, window, address, office hours and a phone to tap — from the server's data.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

describe.skipIf(!hasChromium)('本村不能办理 on the agent’s phone, in Chromium', () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    page = await e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(() => e?.close());

  const search = (text: string) => page.getByLabel('查找事项').fill(text);
  const heading = () => page.getByRole('heading', { name: '本村不能办理的事项' });
  const notHere = (name: string) => page.locator('li', { has: page.locator('.item-option', { hasText: name }) }).filter({ hasText: '本村不能办理' });

  it('nothing typed: only what the village offers', async () => {
    await page.goto(`${e.baseUrl}/agent`);
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill('bianmin2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    // the village's list is in: the whole list shows with nothing typed, and nothing the village cannot take
    await expect.poll(() => page.locator('.item-option').count()).toBeGreaterThan(5);
    expect(await heading().count()).toBe(0);
    expect(await page.getByText('本村不能办理').count()).toBe(0);
  });

  it('采伐: the village’s own 林木采伐许可（受委托） first, then 林木采伐许可证核发 under 本村不能办理的事项', async () => {
    await search('采伐');
    await notHere('林木采伐许可证核发').waitFor();
    const order = await page.locator('.picker').evaluate((picker) =>
      [...picker.querySelectorAll('.item-option, h3')].map((el) =>
        el.tagName === 'H3' ? el.textContent : `${el.querySelector('.item-name')!.textContent}${el.textContent!.includes('本村不能办理') ? '（不能办理）' : ''}`,
      ),
    );
    expect(order).toEqual(['农村居民自留山和个人承包林地林木采伐许可（受委托）', '本村不能办理的事项', '林木采伐许可证核发（不能办理）']);
    await e.shot(page, 'agent-not-here-felling');
  });

  it('身份证: a tap names the township’s 户籍窗口 with address, hours and a phone to tap', async () => {
    await search('身份证');
    const item = notHere('居民身份证申领、换领');
    await item.waitFor();
    await heading().waitFor();
    await page.getByText('本村可办事项中没有“身份证”。').waitFor();

    await item.locator('.item-option').click();
    const place = item.getByTestId('not-here');
    await place.getByText('柳河镇便民服务中心户籍窗口').waitFor();
    const text = (await place.textContent())!;
    expect(text).toContain('本村不能办理，请申请人本人到：');
    expect(text).toContain('地址：清河县柳河镇政府院内');
    expect(text).toContain('办公时间：工作日 08:30–12:00、14:30–17:30');
    const call = place.getByRole('link', { name: '电话：0371-6688 2101' });
    expect(await call.getAttribute('href')).toBe('tel:0371-66882101');
    // a tap only tells: nothing is chosen, the form still asks for an item
    expect(await page.getByTestId('chosen-item').count()).toBe(0);
    await place.scrollIntoViewIfNeeded();
    await e.shot(page, 'agent-not-here-id-card');
  });

  it('结婚登记 goes to the county’s 婚姻收养登记窗口; 失业登记 to the township’s 劳动保障窗口', async () => {
    await search('结婚');
    const marriage = notHere('结婚登记');
    await marriage.locator('.item-option').click();
    await marriage.getByTestId('not-here').getByText('清河县政务服务中心婚姻收养登记窗口').waitFor();
    expect(await marriage.getByTestId('not-here').textContent()).toContain('地址：清河县人民路 88 号');
    await marriage.scrollIntoViewIfNeeded();
    await e.shot(page, 'agent-not-here-marriage');

    await search('失业');
    const jobless = notHere('失业登记');
    await jobless.locator('.item-option').click();
    await jobless.getByTestId('not-here').getByText('柳河镇便民服务中心劳动保障窗口').waitFor();
  });

  it('found by nothing the village offers: says so plainly, and still where to go', async () => {
    await search('领证'); // 结婚登记's 俗称
    await page.getByText('本村可办事项中没有“领证”。').waitFor();
    await notHere('结婚登记').waitFor();
    await e.shot(page, 'agent-not-here-only');
  });

  it('without a signal the tap says so; with the signal back the next tap answers', async () => {
    await search('户口迁移');
    const item = page.locator('li', { has: page.locator('.item-option') }).filter({ hasText: '本村不能办理' }).first();
    await item.waitFor();
    await page.context().setOffline(true);
    await item.locator('.item-option').click();
    await item.getByTestId('not-here').getByText('网络连接失败，请检查手机网络后再试。').waitFor();
    await page.context().setOffline(false);
    await item.locator('.item-option').click(); // closes
    await item.locator('.item-option').click(); // opens and asks again
    await item.getByTestId('not-here').getByText('本村不能办理，请').waitFor();
    expect(await item.getByTestId('not-here').textContent()).toContain('柳河镇便民服务中心');
  });
});
