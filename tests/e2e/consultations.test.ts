// 咨询 in the console (issue 10 §3): a window clerk logs a consultation from the keyboard in seconds, promotes it into
// the item's FAQ (with the wording edited), and the FAQ shows under the item's 办事指南; an online question waiting
// as 待答复 is answered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';

const SHOTS = process.env.CONSULT_SHOTS_DIR;

describe.skipIf(!hasChromium)('咨询: log, promote to the FAQ, the FAQ on the item (Chromium)', () => {
  let e: E2E;
  let clerk: Page;
  const shot = async (page: Page, name: string) => {
    await e.shot(page, `consultations-${name}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-12-07T10:00:00+08:00' });
    clerk = await signInToConsole(e, 'clerk');
  });
  afterAll(() => e?.close());

  it('a clerk logs a window consultation from the keyboard', async () => {
    await clerk.getByRole('menuitem', { name: '咨询登记' }).click();
    await clerk.getByRole('heading', { name: '咨询登记' }).waitFor();
    // the cursor starts in 问题: type, Tab to 答复, Tab to the item, pick it by typing, Ctrl+Enter saves
    await clerk.keyboard.type('残疾人两项补贴需要带什么材料？');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('带残疾人证、身份证和户口簿，重度残疾人护理补贴还需要提供护理情况说明。');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('残疾人生活补贴');
    await clerk.locator('.ant-select-item-option-active').getByText('困难残疾人生活补贴和重度残疾人护理补贴（MZ-005）').waitFor();
    await clerk.keyboard.press('Enter');
    await clerk.keyboard.press('Control+Enter');
    const last = clerk.getByTestId('consult-last');
    await last.waitFor();
    expect(await last.textContent()).toMatch(/上一条：ZX20261207\d{4} 困难残疾人生活补贴和重度残疾人护理补贴 · 已答复/);
    // the form is empty again with the cursor in 问题, and the record is in today's list
    expect(await clerk.getByTestId('consult-question').inputValue()).toBe('');
    expect(await clerk.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null")).toBe('consult-question');
    await clerk.getByTestId('consult-row-question').getByText('残疾人两项补贴需要带什么材料？').waitFor();
    await shot(clerk, 'logged');
  });

  it('promotes it into the item FAQ with the wording edited', async () => {
    await clerk.getByRole('menuitem', { name: '常见问题' }).click();
    await clerk.getByRole('heading', { name: '事项常见问题' }).waitFor();
    // the items asked about most; the demo's 老年人优待证 first
    await clerk.getByTestId('consulted-item').first().waitFor();
    await shot(clerk, 'faq-items');
    await clerk.getByTestId('consulted-item').getByText(/困难残疾人生活补贴/).click();
    const group = clerk.getByTestId('frequent-group').filter({ hasText: '残疾人两项补贴需要带什么材料？' });
    await group.getByTestId('frequent-promote').click();
    const modal = clerk.locator('.ant-modal').filter({ hasText: '选入“困难残疾人生活补贴和重度残疾人护理补贴”的常见问题' });
    await modal.waitFor();
    expect(await modal.getByTestId('faq-question').inputValue()).toBe('残疾人两项补贴需要带什么材料？');
    await modal.getByTestId('faq-question').fill('申请残疾人两项补贴需要带哪些材料？');
    await shot(clerk, 'promote');
    await modal.getByRole('button', { name: '选入常见问题' }).click();
    await modal.waitFor({ state: 'hidden' });
    await clerk.getByTestId('faq-entry-question').getByText('1. 申请残疾人两项补贴需要带哪些材料？').waitFor();
    await group.getByText('已选入').waitFor();
    await shot(clerk, 'faq-editor');
  });

  it('the record shows the consultation with its timeline', async () => {
    await clerk.getByRole('menuitem', { name: '咨询记录' }).click();
    await clerk.getByRole('heading', { name: '咨询记录' }).waitFor();
    // the one just logged, by its question: the demo's own consultations of today are numbered by the real clock's
    // time of day, which may come before or after this server's 10:00
    await clerk.getByRole('row').filter({ hasText: '残疾人两项补贴需要带什么材料？' }).getByTestId('consult-link').getByText(/ZX20261207/).click();
    const detail = clerk.getByTestId('consultation-detail');
    await detail.waitFor();
    const drawer = clerk.locator('.ant-drawer');
    await drawer.getByText(/选入常见问题 · 王晓燕/).waitFor();
    expect(await drawer.textContent()).toContain('登记咨询 · 王晓燕');
    await shot(clerk, 'record-detail');
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();
  });

  it('the FAQ shows on the item and in its printed guide', async () => {
    await clerk.goto(`${e.baseUrl}/staff/catalog/MZ-005`);
    const faq = clerk.getByTestId('item-faq');
    await faq.waitFor();
    expect(await faq.textContent()).toContain('申请残疾人两项补贴需要带哪些材料？');
    expect(await faq.textContent()).toContain('重度残疾人护理补贴还需要提供护理情况说明');
    await faq.scrollIntoViewIfNeeded();
    await shot(clerk, 'item-faq');
    await clerk.emulateMedia({ media: 'print' });
    expect(await faq.isVisible()).toBe(true);
    await clerk.emulateMedia({ media: 'screen' });
  });

  it('answers an online question waiting as 待答复', async () => {
    await clerk.getByRole('menuitem', { name: '待答复咨询' }).click();
    await clerk.getByTestId('pending-count').getByText('待答复 2 条，请尽快答复').waitFor();
    await shot(clerk, 'pending');
    await clerk.getByTestId('consult-answer-button').first().click();
    const modal = clerk.locator('.ant-modal').filter({ hasText: '答复咨询' });
    await modal.getByText(/答复将以短信发送给/).waitFor();
    await modal.getByTestId('answer-text').fill('可以。符合条件的，单独立户的老人可以按单人户申请低保。');
    await modal.getByRole('button', { name: /答\s*复/ }).click();
    await clerk.getByTestId('pending-count').getByText('待答复 1 条，请尽快答复').waitFor();
  });
});
