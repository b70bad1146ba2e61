// 差评转投诉 (issue 10 §1–§2): on a 差评 work order the clerk presses 转为投诉; the registration form opens prefilled
// through its address (source 差评, the case number, what the rater wrote, the window's center and person); the
// clerk adds the rater's name and phone (from the return visit) and registers the complaint with source bad_rating.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const SHOTS = '/tmp/consult/shots';
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812340009', address: '柳河镇柳河村三组' };
const materials = [
  { name: '居民身份证', provided: true },
  { name: '近期一寸免冠照片', provided: true },
];
const COMMENT = '排队一个多小时，窗口态度差，材料退回三次';

describe.skipIf(!hasChromium)('差评转投诉 (Chromium)', () => {
  let e: E2E;
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await e.shot(page, `rating-to-complaint-${name}`);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
  });
  afterAll(() => e?.close());

  it('a 差评 work order becomes a complaint through the prefilled registration form', async () => {
    const api = await serverApi(e, 'clerk');
    const c = await api.register<{ id: string; caseNo: string; version: number }>({ channel: 'window', applicant, itemCode: 'MZ-002', materials });
    await api.call('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '证 1' });
    const rated = await fetch(`${e.serverUrl}/api/public/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e.serverUrl },
      body: JSON.stringify({ caseNo: c.caseNo, phone4: applicant.phone.slice(-4), level: 'very_dissatisfied', comment: COMMENT }),
    });
    expect(rated.status, await rated.text()).toBe(201);

    const clerk = await signInToConsole(e, 'clerk');
    await clerk.goto(`${e.baseUrl}/staff/evaluations/work-orders`);
    await clerk.getByTestId('work-order-link').first().click();
    await clerk.getByTestId('work-order-overview').waitFor();
    await shot(clerk, 'work-order');
    await clerk.getByTestId('wo-to-complaint').click();

    await clerk.getByRole('heading', { name: '登记投诉' }).waitFor();
    expect(clerk.url()).toContain('source=bad_rating');
    await expect(clerk.getByTestId('complaint-source').getByRole('radio', { name: '差评' }).isChecked()).resolves.toBe(true);
    expect(await clerk.getByLabel('被评价办件的办件编号').inputValue()).toBe(c.caseNo);
    expect(await clerk.getByTestId('complaint-content').inputValue()).toBe(COMMENT);
    expect(await clerk.getByTestId('complaint-title').inputValue()).toMatch(/^差评：/);
    expect(await clerk.getByLabel('被投诉单位').inputValue()).toBe('柳河镇便民服务中心');
    await clerk.getByTestId('complaint-name').fill(applicant.name);
    await clerk.getByTestId('complaint-phone').fill(applicant.phone);
    await shot(clerk, 'complaint-prefilled');
    await clerk.getByTestId('complaint-submit').click();
    await clerk.getByTestId('complaint-registered').waitFor();
    await shot(clerk, 'complaint-registered');

    const list = await api.call<{ complaints: { source: string; caseNo: string | null; content?: string }[] }>('GET', '/api/complaints?source=bad_rating');
    expect(list.complaints).toHaveLength(1);
    expect(list.complaints[0]!.caseNo).toBe(c.caseNo);
  });
});
