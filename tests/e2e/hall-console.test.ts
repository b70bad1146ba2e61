// 大厅服务设置 and 排队统计 (issue 12 §1) in the console: the director sees the demo township's services, adds one with
// its code letter and window, changes the queue's rules; after a morning of numbers taken, called, served and one
// no-show, the 排队统计 page shows the totals, the chart and the table per service.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi, type ServerApi } from './support/server-api.js';

describe.skipIf(!hasChromium)('大厅服务设置和排队统计 (Chromium)', () => {
  let e: E2E;
  let clerk: ServerApi;
  let orgId: string;

  const signIn = async (username: string): Promise<Page> => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: /大厅服务设置/ }).waitFor();
    return page;
  };

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    clerk = await serverApi(e, 'clerk');
    orgId = (await clerk.call<{ user: { orgId: string } }>('GET', '/api/auth/me')).user.orgId;
    // a morning at the demo hall: numbers of 社保医保 (S) taken, called, served; one not there when called
    const { services } = await clerk.call<{ services: { id: string; code: string; windowIds: string[] }[] }>('GET', `/api/hall/services?orgId=${orgId}`);
    const s = services.find((x) => x.code === 'S')!;
    const take = () => clerk.call<{ id: string }>('POST', '/api/hall/tickets', { orgId, serviceId: s.id }, { 'idempotency-key': randomUUID() });
    for (let i = 0; i < 3; i++) await take();
    for (let i = 0; i < 2; i++) {
      const { ticket } = await clerk.call<{ ticket: { id: string; version: number } }>('POST', `/api/hall/windows/${s.windowIds[0]}/call-next`, {});
      const started = await clerk.call<{ ticket: { version: number } }>('POST', `/api/hall/tickets/${ticket.id}/start`, { version: ticket.version });
      await clerk.call('POST', `/api/hall/tickets/${ticket.id}/finish`, { version: started.ticket.version });
    }
    const { ticket } = await clerk.call<{ ticket: { id: string; version: number } }>('POST', `/api/hall/windows/${s.windowIds[0]}/call-next`, {});
    await clerk.call('POST', `/api/hall/tickets/${ticket.id}/cancel`, { version: ticket.version });
  });
  afterAll(() => e?.close());

  it('the director adds a service with its letter and window, and changes the rules of the queue', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: /大厅服务设置/ }).click();
    await page.getByRole('heading', { name: '大厅服务设置' }).waitFor();
    const table = page.getByTestId('hall-services');
    await table.getByText('社保医保').waitFor();
    await table.getByText('户籍证件').waitFor();
    await page.getByTestId('add-service').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('service-code').fill('S');
    await dialog.getByTestId('service-name').fill('不动产登记');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('本中心已有这个服务代码，请换一个字母').waitFor();
    await dialog.getByTestId('service-code').fill('D');
    await dialog.getByTestId('service-windows').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^村镇建设窗口$/ }).click();
    await dialog.getByTestId('service-name').click();
    await e.shot(page, 'hall-service-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已添加服务“不动产登记”。').waitFor();
    await table.getByRole('row', { name: /不动产登记/ }).getByText('村镇建设窗口').waitFor();
    await page.getByLabel('短信提醒位次').fill('5');
    await page.getByTestId('save-hall-settings').click();
    await page.getByText('排队规则已保存，从下一次叫号起生效。').waitFor();
    await e.shot(page, 'hall-services');
  });

  it('the director reads the queue figures: totals, chart and table per service', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: /排队统计/ }).click();
    await page.getByRole('heading', { name: '排队统计' }).waitFor();
    await page.getByTestId('hall-figures-service').getByText('S 社保医保').waitFor();
    await page.getByRole('img', { name: /排队统计按服务：S 社保医保 取号3人/ }).waitFor();
    await e.shot(page, 'hall-figures');
    await page.getByRole('tab', { name: '按时段' }).click();
    await page.getByTestId('hall-figures-hour').getByText('9:00–10:00').waitFor();
  });
});
