// 网上咨询 on a phone (issue 10 §3): a villager picks the center and, by typing a few characters, the item, asks a
// question and gets the number and query code; a clerk of that center answers it; the query page (code, or the
// phone's last four digits) shows the answer. 390×844, large type, no antd.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

const SHOTS = '/tmp/consult/shots';

describe.skipIf(!hasChromium)('网上咨询 on a phone (Chromium)', () => {
  let e: E2E;
  let asked: { no: string; code: string };
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await e.shot(page, `consult-public-${name}`);
  };
  const phonePage = async () => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    return context.newPage();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  it('a villager asks about an item and gets the number and the query code', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/consult`);
    await page.getByRole('heading', { name: '我要咨询' }).waitFor();
    expect(await page.title()).toContain('网上咨询');
    await page.locator('#orgId option', { hasText: '柳河镇便民服务中心' }).first().waitFor({ state: 'attached' });

    // nothing filled in: told what is missing, nothing sent
    await page.getByRole('button', { name: '提交咨询' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请按红字提示补全');
    await shot(page, 'missing');

    const town = await page.locator('#orgId option', { hasText: '柳河镇便民服务中心' }).first().getAttribute('value');
    await page.locator('#orgId').selectOption(town!);
    await page.locator('#item').fill('残疾人');
    const matches = page.getByRole('list', { name: '可选的事项' });
    await matches.getByRole('button', { name: /困难残疾人生活补贴/ }).waitFor();
    await shot(page, 'item-matches');
    await matches.getByRole('button', { name: /困难残疾人生活补贴/ }).click();
    await page.getByTestId('item-chosen').getByText(/困难残疾人生活补贴/).waitFor();
    // an item with an FAQ at this center shows it, folded (the demo's 老年人优待证办理): perhaps the answer is there
    await page.getByRole('button', { name: '不选事项' }).click();
    await page.locator('#item').fill('优待证');
    await page.getByRole('list', { name: '可选的事项' }).getByRole('button', { name: /老年人优待证/ }).click();
    const faq = page.getByTestId('faq-peek');
    await faq.getByText('可以由子女代办吗？').click();
    await faq.getByText(/不需要委托书/).waitFor();
    await shot(page, 'faq-peek');
    await page.getByRole('button', { name: '不选事项' }).click();
    await page.locator('#item').fill('残疾人');
    await matches.getByRole('button', { name: /困难残疾人生活补贴/ }).click();
    await page.locator('#question').fill('我父亲是二级肢体残疾，能不能由我代他申请护理补贴？要带哪些材料？');
    await page.locator('#name').fill('李秀兰');
    await page.locator('#phone').fill('13800007777');
    await shot(page, 'filled');
    await page.getByRole('button', { name: '提交咨询' }).click();

    await page.getByTestId('filed').waitFor();
    asked = { no: (await page.getByTestId('filed-no').textContent())!, code: (await page.getByTestId('filed-code').textContent())! };
    expect(asked.no).toMatch(/^ZX20260302\d{4}$/);
    expect(asked.code).toMatch(/^\d{6}$/);
    await shot(page, 'asked');

    // straight to the query: waiting for an answer
    await page.getByRole('button', { name: '查询答复' }).click();
    await page.waitForURL(/\/consult\/query$/);
    await page.getByRole('button', { name: '查询' }).click();
    const result = page.getByTestId('consult-result');
    await result.getByText('待答复').waitFor();
    expect(await result.textContent()).toContain('工作人员还没有答复');
    await shot(page, 'waiting');
    await page.context().close();
  });

  it('a clerk of the center answers; the query page shows the answer (code, or the phone’s last four digits)', async () => {
    const clerk = await serverApi(e, 'clerk');
    const list = await clerk.call<{ consultations: { id: string; consultationNo: string; version: number; itemCode: string | null }[] }>('GET', `/api/consultations?q=${asked.no}`);
    const c = list.consultations.find((x) => x.consultationNo === asked.no);
    expect(c?.itemCode).toBe('MZ-005');
    await clerk.call('POST', `/api/consultations/${c!.id}/answer`, { answer: '可以由子女代为申请，请带上您父亲的残疾人证、身份证、户口簿，以及您本人的身份证。', expectedVersion: c!.version });

    const page = await phonePage();
    await page.goto(`${e.baseUrl}/consult/query`);
    await page.getByRole('heading', { name: '查询答复' }).waitFor();
    // a wrong code: told to check, nothing shown
    await page.locator('#consultationNo').fill(asked.no.toLowerCase());
    await page.locator('#secret').fill(asked.code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('未查到该咨询');
    // the phone's last four digits
    await page.locator('#secret').fill('7777');
    await page.getByRole('button', { name: '查询' }).click();
    const answer = page.getByTestId('consult-answer');
    await answer.getByText(/可以由子女代为申请/).waitFor();
    expect(await page.getByTestId('consult-result').textContent()).toContain('困难残疾人生活补贴');
    await shot(page, 'answered');
    // and with the query code
    await page.locator('#secret').fill(asked.code);
    await page.getByRole('button', { name: '查询' }).click();
    await answer.getByText(/可以由子女代为申请/).waitFor();
    await page.context().close();
  });
});
