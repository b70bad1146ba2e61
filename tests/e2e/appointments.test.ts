import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPLICANT, seedDemoApplicant } from '../../src/modules/applicants/demo.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { serverApi } from './support/server-api.js';

// 预约 (issue 12 §3) on a phone (390×844): a signed-in applicant picks the center, the service and a slot with places
// left, books and sees the check-in code, cancels it in 我的预约; 长辈版 too. The village agent books for a villager
// in the agent app. The window's day list shows a booking made at another window as it is made (live updates).
// Screenshots in test-results/screenshots/appointments-*.png.
describe.skipIf(!hasChromium)('预约 in Chromium', () => {
  let e: E2E;
  let orgId: string;
  let serviceId: string;

  beforeAll(async () => {
    // a Monday; 10-01…10-07 国庆
    e = await startE2E({ startAt: '2026-09-28T09:00:00+08:00' });
    await seedDemoApplicant(e.ctx);
    const director = await serverApi(e, 'director');
    orgId = (await director.call<{ user: { orgId: string } }>('GET', '/api/auth/me')).user.orgId;
    const at = new Date().toISOString();
    serviceId = randomUUID();
    await e.ctx.database.db
      .insertInto('hall_services')
      .values({ id: serviceId, org_id: orgId, code: 'Y', name: '医保预约', window_ids: '[]', item_codes: '[]', active: 1, sort: 90, created_at: at, updated_at: at, version: 1 })
      .execute();
    await director.call('PUT', `/api/hall/appointments/plans/${serviceId}`, { ranges: [{ start: '09:00', end: '10:00', capacity: 5 }, { start: '14:30', end: '16:00', capacity: 1 }], version: null });
  });
  afterAll(() => e?.close());

  const phonePage = async (): Promise<Page> => {
    const context = await e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    context.setDefaultTimeout(60_000);
    return context.newPage();
  };

  it('an applicant books a slot, sees the code, and cancels it', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/account/appointments`);
    // not signed in: the sign-in form first, then back to 预约
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
    await page.getByLabel('手机号码').fill(DEMO_APPLICANT.phone);
    await page.getByLabel('密码').fill(DEMO_APPLICANT.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '预约', exact: true }).waitFor();
    await page.getByLabel('办事地点').selectOption(orgId);
    await page.getByRole('button', { name: '医保预约' }).click();
    // 国庆 is closed: after 09-30 the next day shown is 10-08 (7 days ahead: none)
    await page.getByRole('heading', { name: /9月29日 星期二/ }).waitFor();
    expect(await page.getByRole('heading', { name: /10月[1-7]日/ }).count()).toBe(0);
    await e.shot(page, 'appointments-slots');
    await page.getByRole('button', { name: /14:30-16:00\s*余 1/ }).first().click();
    await page.getByRole('button', { name: '确认预约' }).waitFor();
    await e.shot(page, 'appointments-picked');
    await page.getByRole('button', { name: '确认预约' }).click();
    const done = page.getByTestId('appt-done');
    await done.waitFor();
    const code = await page.getByTestId('appt-code').first().textContent();
    expect(code).toMatch(/^\d{6}$/);
    expect(await done.textContent()).toContain(code!);
    // the place taken: that slot is full now
    await page.getByRole('button', { name: /14:30-16:00\s*已约满/ }).first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await e.shot(page, 'appointments-booked');
    // 长辈版
    await page.getByRole('switch', { name: /长辈版/ }).click();
    await e.shot(page, 'appointments-elder');
    // 取消 asks again on the page, not in a pop-up (长辈版: no pop-ups); 不取消 keeps the booking
    const popups: string[] = [];
    page.on('dialog', (d) => {
      popups.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: '取消预约' }).click();
    const ask = page.getByRole('group', { name: '确认取消预约' });
    await ask.getByText(/确定取消 .+“医保预约”的预约吗？/).waitFor();
    await e.shot(page, 'appointments-cancel-ask');
    await ask.getByRole('button', { name: '不取消' }).click();
    await page.getByRole('button', { name: '取消预约' }).click();
    await ask.getByRole('button', { name: '确定取消' }).click();
    await page.getByTestId('my-appointment').getByText('已取消').waitFor();
    expect(popups).toEqual([]);
    await e.shot(page, 'appointments-cancelled');
  });

  it('the village agent books for a villager in the agent app', async () => {
    const page = await phonePage();
    await page.goto(`${e.baseUrl}/agent`);
    await page.getByRole('heading', { name: '代办员登录' }).waitFor();
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill('bianmin2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '代为预约' }).click();
    await page.getByRole('heading', { name: '代为预约' }).waitFor();
    await page.getByLabel('办理业务').selectOption({ label: '医保预约' });
    await page.getByLabel('时段').locator('option', { hasText: '2026-09-29' }).first().waitFor({ state: 'attached' });
    await page.getByLabel('时段').selectOption({ index: 0 });
    await page.getByLabel('村民姓名').fill('刘老汉');
    await page.getByLabel('村民手机').fill('13833334444');
    await page.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText(/已为刘老汉预约 2026-09-2\d \d\d:\d\d（[^）]+），签到码 \d{6}/).waitFor();
    await page.getByText(/刘老汉 已预约/).waitFor();
    await e.shot(page, 'appointments-agent');

    // another villager changes plans: the agent cancels that booking (after a confirmation), and it is no longer booked
    await page.getByLabel('时段').selectOption({ index: 0 });
    await page.getByLabel('村民姓名').fill('王二嫂');
    await page.getByLabel('村民手机').fill('13833335555');
    await page.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText(/已为王二嫂预约/).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('p', { hasText: '王二嫂 已预约' }).getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消王二嫂的预约，已发短信告知本人。').waitFor();
    await page.locator('p', { hasText: '王二嫂 已预约' }).waitFor({ state: 'detached' });
  });

  it('the window sees the day, books a caller by phone and checks the villager in; the director edits the plan', async () => {
    const page = await signInToConsole(e, 'director');
    await page.goto(`${e.baseUrl}/staff/hall/appointments`);
    await page.getByRole('heading', { name: '预约管理' }).waitFor();
    await page.getByRole('cell', { name: /刘老汉/ }).waitFor();
    // a clerk at the next window takes a caller's booking for the day shown: it appears here without a reload
    const clerk = await serverApi(e, 'clerk');
    const { date } = await clerk.call<{ date: string }>('GET', '/api/hall/appointments/day');
    const { days } = await clerk.call<{ days: { date: string; slots: { start: string; left: number }[] }[] }>('GET', `/api/hall/appointments?orgId=${orgId}&serviceId=${serviceId}`);
    const open = days.find((d) => d.date === date)!.slots.find((x) => x.left > 0)!;
    await clerk.call('POST', '/api/hall/appointments', { orgId, serviceId, day: date, start: open.start, name: '周大娘', phone: '13822223333' }, { 'idempotency-key': randomUUID() });
    await page.getByRole('cell', { name: /周大娘/ }).waitFor();
    await page.getByRole('button', { name: '电话预约' }).click();
    const modal = page.getByRole('dialog', { name: '电话预约' });
    await modal.getByLabel('办理业务').click();
    await page.getByTitle('医保预约').click();
    await modal.getByLabel('预约时段').click();
    await page.getByTitle(/2026-09-29 星期二 09:00-10:00/).click();
    await modal.getByLabel('来电人姓名').fill('李桂芝');
    await modal.getByLabel('手机号码（接收签到码短信）').fill('13811112222');
    await modal.getByRole('button', { name: /^预 ?约$/ }).click();
    await page.getByText(/已为李桂芝预约 2026-09-29 09:00，签到码 \d{6}/).waitFor();
    const row = page.getByRole('row', { name: /刘老汉/ });
    await row.getByRole('button', { name: '签到取号' }).click();
    await page.getByText(/已签到，取号 Y\d{3}，前面还有 0 人/).waitFor();
    await row.getByText(/已签到 Y\d{3}/).waitFor();
    await e.shot(page, 'appointments-console-day');
    await page.getByRole('tab', { name: '预约时段设置' }).click();
    await page.getByRole('button', { name: '添加时段' }).first().waitFor();
    await e.shot(page, 'appointments-console-plans');
  });
});
