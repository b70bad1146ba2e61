// 信访接待 in the console (issue 10 §4): the receptionist registers a group petition (the person's earlier visit
// shows at once beside the form), accepts it, hands it over to a department and prints the A4 交办单 and the 受理
// 告知书; the ledger lists it with its clocks; a window clerk has no way in.
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

const ID = '11010519491231002X';
const SHOTS = '/tmp/petitions/shots';

describe.skipIf(!hasChromium)('信访接待: registration, ledger, 交办单 and 告知书 (Chromium)', () => {
  let e: E2E;
  let page: Page;
  let petitionUrl: string;
  /** Signs in; the petition receptionist's home is the console's 工作台 with the petition menu. */
  const signIn = async (username: string, menu: string) => {
    const p = await e.newPage();
    await p.goto(`${e.baseUrl}/staff/`);
    await p.getByPlaceholder('请输入用户名').fill(username);
    await p.getByPlaceholder('请输入密码').fill('bianmin2026');
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.getByRole('menuitem', { name: menu }).waitFor();
    return p;
  };
  const shot = async (p: Page, name: string, fullPage = false) => {
    await e.shot(p, `petition-${name}`);
    await p.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E();
    // the same person came once before
    const api = await serverApi(e, 'xinfang');
    await api.call('POST', '/api/petitions', { channel: 'visit', name: '孙桂兰', idNumber: ID, issue: '反映养殖场气味扰民。' }, { 'idempotency-key': 'e2e-earlier-visit-1' });
    page = await signIn('xinfang', '信访登记');
    await page.screenshot({ path: `${SHOTS}/home.png` });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; };');
    await page.goto(`${e.baseUrl}/staff/petitions`); // a fresh document: the stand-in for window.print applies
    await page.getByTestId('petitions-table').waitFor();
  });
  afterAll(() => e?.close());

  it('registers a group petition; the earlier visit shows at once', async () => {
    await page.getByRole('menuitem', { name: '信访登记' }).click();
    await page.getByTestId('petition-name').fill('孙桂兰');
    await page.getByTestId('petition-id-number').fill(ID);
    const earlier = page.getByTestId('earlier-visits');
    await earlier.getByText('此人此前来访 1 次').waitFor();
    expect(await earlier.textContent()).toContain('反映养殖场气味扰民');
    await page.getByTestId('petition-phone').fill('13803712245');
    await page.getByTestId('petition-issue').fill('河东社区 8 户居民反映新建养殖场距居民区过近，污水外排，要求查处。');
    await page.getByTestId('petition-persons').fill('8');
    const reps = page.getByTestId('representatives');
    await reps.waitFor();
    for (const [i, name] of ['孙桂兰', '李长河', '周玉梅'].entries()) {
      await page.getByTestId('add-rep').click();
      await page.getByTestId(`rep-name-${i}`).fill(name);
    }
    await shot(page, 'registration', true);
    await page.getByTestId('petition-submit').click();
    await page.getByTestId('group-tag').first().waitFor();
    expect(await page.getByText('集体访 8 人').first().isVisible()).toBe(true);
    await page.getByTestId('petition-clocks').getByText('15日内告知是否受理').waitFor();
    petitionUrl = page.url();
    // the leader and the director were told at once (in-app and, with a phone on record, SMS)
    const flags = await e.ctx.database.db.selectFrom('outbox_messages').select(['recipient', 'template']).where('template', '=', 'petition-flagged').execute();
    expect(flags.length).toBeGreaterThanOrEqual(2);
    await shot(page, 'detail-registered', true);
  });

  it('accepts, hands over and prints the A4 交办单 and 受理告知书', async () => {
    await page.getByTestId('action-accept').click();
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已受理，办理中').first().waitFor();
    await page.getByTestId('action-hand_over').click();
    await page.getByTestId('handover-department').fill('镇生态环境办');
    await page.getByTestId('action-text').fill('请三日内现场核查养殖场污水外排情况，提出处理意见并书面回复。');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已交办，待部门回复').first().waitFor();
    await shot(page, 'detail-handed-over', true);

    await page.getByTestId('print-handover').click();
    const sheet = page.getByTestId('handover-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const part of ['柳河镇便民服务中心', '信访事项交办单', '孙桂兰', '8 人（集体访）', '李长河', '镇生态环境办', '现场核查', '责任部门签收']) expect(text).toContain(part);
    const box = await sheet.boundingBox();
    // A4 at 96 dpi: 210 mm ≈ 794 px wide, at least 297 mm ≈ 1123 px high
    expect(Math.round(box!.width)).toBe(794);
    expect(box!.height).toBeGreaterThanOrEqual(1122);
    await page.getByTestId('petition-print').click();
    await expect.poll(() => page.evaluate<number>('window.__printed || 0')).toBe(1);
    await sheet.screenshot({ path: `${SHOTS}/handover-a4.png` });
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'handover-print-media', true);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(petitionUrl);
    await page.getByTestId('print-notice-accept').click();
    const notice = page.getByTestId('notice-sheet');
    await notice.waitFor();
    const noticeText = (await notice.textContent()) ?? '';
    for (const part of ['信访事项受理告知书', '孙桂兰、李长河、周玉梅等 8 人', '予以受理', '60 日内办结', '（盖章）']) expect(noticeText).toContain(part);
    await page.getByTestId('petition-print').click();
    // (a new document since: the count starts again)
    await expect.poll(() => page.evaluate<number>('window.__printed || 0')).toBe(1);
    await notice.screenshot({ path: `${SHOTS}/notice-a4.png` });
    const nbox = await notice.boundingBox();
    expect(Math.round(nbox!.width)).toBe(794);
    const api = await serverApi(e, 'xinfang');
    const detail = await api.call<{ prints: unknown[] }>('GET', `/api/petitions/${petitionUrl.split('/').at(-1)}`);
    expect(detail.prints).toHaveLength(2);
  });

  it('the ledger lists it with its clocks; group filter', async () => {
    await page.getByRole('menuitem', { name: '信访台账' }).click();
    const table = page.getByTestId('petitions-table');
    await table.getByText('河东社区 8 户居民反映新建养殖场距居民区过近，污水外排，要求查处。').waitFor();
    expect(await table.textContent()).toContain('138****2245');
    await shot(page, 'ledger', true);
    await page.getByTestId('filter-group').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '集体访' }).click();
    await expect.poll(async () => {
      const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes('集体访'));
    }).toBe(true);
    await shot(page, 'ledger-groups');
  });

  it('a window clerk sees no petitions', async () => {
    const clerk = await signInToConsole(e, 'clerk');
    expect(await clerk.getByRole('menuitem', { name: '信访台账' }).count()).toBe(0);
    await clerk.goto(`${e.baseUrl}/staff/petitions`);
    await clerk.getByText(/没有.*权限/).first().waitFor();
    await shot(clerk, 'clerk-forbidden');
  });
});
