import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { serverApi } from './support/server-api.js';

// Issue 10 settings that had only an API, now in the console (Chromium): a clerk registers a letter with the time it
// actually came in (a later hour today is refused as the API does) and on 受理 gives it to a colleague (承办人); the
// system administrator sets the 好差评 days (invitation, default, 差评回访 / 整改) and the petition day counting.
const SHOTS = '/tmp/settings-gaps/shots';
const NOW = '2026-03-04T10:00:00+08:00'; // a Wednesday

interface ComplaintJson {
  id: string;
  complaintNo: string;
  receivedAt: string;
  dueDate: string;
  handlerName: string | null;
  status: string;
}

describe.skipIf(!hasChromium)('issue 10 settings in the console (Chromium)', () => {
  let e: E2E;
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await e.shot(page, `issue10-settings-${name}`);
  };
  /** Signs in with the browser's clock where the server's is (the date pickers judge "now" in the browser). */
  const signIn = async (username: string, menu: string) => {
    const page = await e.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: menu }).waitFor();
    return page;
  };
  const typeDate = async (page: Page, text: string) => {
    const input = page.locator('#receivedAt');
    await input.click();
    await input.fill(text);
    // 确定 in the picker (Enter would also submit the form)
    await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: /确\s*定/ }).click();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e = await startE2E({ startAt: NOW });
  });
  afterAll(() => e?.close());

  it('registers a letter with the time it came in, and 受理 gives it to a colleague as 承办人', async () => {
    const clerk = await signIn('clerk', '我的工作');
    const api = await serverApi(e, 'clerk');
    const count = async () => (await api.call<{ total: number }>('GET', '/api/complaints')).total;
    const before = await count();
    await clerk.goto(`${e.baseUrl}/staff/complaints/new`);
    await clerk.getByTestId('complaint-source').getByText('书面（信件）').click();
    await clerk.getByTestId('complaint-title').fill('来信反映窗口推诿');
    await clerk.getByTestId('complaint-content').fill('3月3日下午收到来信：反映社保窗口以系统故障为由两次让其改日再来。');
    await clerk.getByTestId('complaint-name').fill('李秀英');
    await clerk.getByTestId('complaint-phone').fill('13700002222');

    // later today than now: refused in the form, as the API would, nothing registered
    await typeDate(clerk, '2026-03-04 18:00');
    await clerk.getByTestId('complaint-submit').click();
    await clerk.getByText('收到投诉的时间不能晚于现在，请核对。').waitFor();
    await shot(clerk, 'complaint-received-future');
    expect(await count()).toBe(before);

    // yesterday afternoon: the reply is due one working day after the day it came in
    await typeDate(clerk, '2026-03-03 15:30');
    await expect.poll(() => clerk.getByText('收到投诉的时间不能晚于现在，请核对。').count()).toBe(0);
    await shot(clerk, 'complaint-received-filled');
    await clerk.getByTestId('complaint-submit').click();
    await clerk.getByTestId('complaint-registered').waitFor();
    const registered = (await clerk.getByTestId('complaint-registered').textContent())!;
    expect(registered).toContain('2026-03-04 前答复');
    const complaintNo = /TS-\d+-\d{4}-\d{4}/.exec(registered)![0];
    const [listed] = (await api.call<{ complaints: ComplaintJson[] }>('GET', `/api/complaints?q=${complaintNo}`)).complaints;
    expect(listed!.receivedAt).toBe(new Date('2026-03-03T15:30:00+08:00').toISOString());

    // 受理: the 承办人 defaults to oneself; the clerk gives it to 张磊 (clerk2) instead
    await clerk.getByRole('button', { name: '查看并受理' }).click();
    await clerk.getByTestId('complaint-overview').waitFor();
    expect(await clerk.getByTestId('complaint-overview').textContent()).toContain('2026年3月3日 15:30');
    await clerk.getByTestId('complaint-action-accept').click();
    const handler = clerk.getByTestId('complaint-handler');
    await expect.poll(() => handler.textContent()).toContain('王晓燕');
    expect(await handler.textContent()).toContain('本人');
    await handler.click();
    const options = clerk.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const names = await options.allTextContents();
    expect(names.join('|')).toContain('张磊');
    expect(names.join('|')).toContain('马振华');
    await shot(clerk, 'complaint-accept-handlers');
    await options.filter({ hasText: '张磊' }).click();
    await clerk.getByTestId('complaint-action-submit').click();
    await clerk.getByTestId('complaint-action-investigate').waitFor();
    expect(await clerk.getByTestId('complaint-overview').textContent()).toContain('张磊');
    expect(await clerk.getByTestId('complaint-timeline').textContent()).toContain('承办人 张磊');
    await shot(clerk, 'complaint-accepted-handler');
    const detail = await api.call<ComplaintJson>('GET', `/api/complaints/${listed!.id}`);
    expect(detail).toMatchObject({ status: 'accepted', handlerName: '张磊' });
    await clerk.context().close();
  });

  it('the system administrator sets the 好差评 days and the 差评整改 working days in one place', async () => {
    const admin = await signIn('admin', '系统设置');
    await admin.getByRole('menuitem', { name: '好差评时限' }).click();
    await admin.getByRole('heading', { name: '好差评时限' }).waitFor();
    const visit = admin.getByTestId('work-order-visit-days');
    const fix = admin.getByTestId('work-order-fix-days');
    await expect.poll(() => visit.inputValue()).toBe('1');
    await expect.poll(() => fix.inputValue()).toBe('15');
    // the invitation / default-rating days are shown and editable here too
    await expect.poll(() => admin.getByLabel('办结后未评价，第几天发短信邀请').isEnabled()).toBe(true);

    // 整改 shorter than 回访: refused in the form with the domain's words
    await visit.fill('3');
    await fix.fill('2');
    await admin.getByTestId('work-order-days-save').click();
    await admin.getByText('整改时限不能短于回访核实时限。').waitFor();
    await shot(admin, 'rating-settings-invalid');

    await fix.fill('10');
    await admin.getByTestId('work-order-days-save').click();
    await admin.getByText('已保存，此后产生的差评整改工单按新的时限计算。').waitFor();
    await shot(admin, 'rating-settings-saved');
    const director = await serverApi(e, 'director');
    expect(await director.call('GET', '/api/evaluations/work-orders/settings')).toEqual({ visitDays: 3, fixDays: 10 });
    await admin.context().close();
  });

  it('the system administrator switches petition clocks to working days', async () => {
    const admin = await signIn('admin', '系统设置');
    await admin.getByRole('menuitem', { name: '信访时限' }).click();
    await admin.getByRole('heading', { name: '信访时限' }).waitFor();
    const calendar = admin.getByRole('radio', { name: /按自然日/ });
    await expect.poll(() => calendar.isChecked()).toBe(true);
    await admin.getByText(/按工作日/).click();
    await admin.getByTestId('petition-day-count-save').click();
    await admin.getByText('已保存：此后登记的信访事项按工作日计算时限。').waitFor();
    await shot(admin, 'petition-settings-saved');
    const xinfang = await serverApi(e, 'xinfang');
    expect(await xinfang.call('GET', '/api/petitions/settings')).toEqual({ dayCount: 'working' });
    await admin.context().close();
  });
});
