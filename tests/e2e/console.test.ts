import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

/** A moment as a wall clock in `timeZone` shows it: the parts a page prints. */
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const [year, month, day, hour, minute] = [part('year'), part('month'), part('day'), part('hour'), part('minute')];
  const two = (n: number) => String(n).padStart(2, '0');
  return { hour, day: `${year}年${month}月${day}日`, minute: `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}` };
}

describe.skipIf(!hasChromium)('staff console in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  async function signIn(page: Page, username: string, password = 'bianmin2026') {
    await page.goto(`${e.baseUrl}/staff/`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('refuses a wrong password with a Chinese message and stays on the sign-in page', async () => {
    const page = await e.newPage();
    await signIn(page, 'clerk', 'wrong-password');
    await page.getByText('用户名或密码不正确').waitFor();
    await e.shot(page, 'login-error');
    expect(page.url()).toContain('/staff/login');
  });

  it('a clerk signs in, finds an item by pinyin initials and reads its service guide', async () => {
    const page = await e.newPage();
    await signIn(page, 'clerk');
    await page.getByText('王晓燕').first().waitFor();
    await e.shot(page, 'clerk-dashboard');
    // a clerk has no administration in the menu
    expect(await page.getByRole('menuitem', { name: '事项导入' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: '事项目录' }).click();
    await page.getByText('城乡居民最低生活保障').first().waitFor();
    await page.getByPlaceholder(/拼音首字母/).fill('zdsh');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await e.shot(page, 'catalog-search');
    await page.getByText('城乡居民最低生活保障').first().click();

    await page.getByText('办事指南').first().waitFor();
    for (const field of ['办理条件', '设定依据', '办理程序', '申报材料', '服务时限', '办理结果', '收费标准']) {
      await expect.poll(() => page.getByText(field).count()).toBeGreaterThan(0);
    }
    await page.getByText('最低生活保障申请书').waitFor();
    expect(page.url()).toContain('/staff/catalog/MZ-003');
    await e.shot(page, 'item-guide');
    await page.emulateMedia({ media: 'print' });
    await e.shot(page, 'item-guide-print');
  });

  it('an administrator checks a catalog file before importing it and sees the refused rows with reasons', async () => {
    const page = await e.newPage();
    await signIn(page, 'admin');
    await page.getByText('赵建国').first().waitFor();
    await page.getByRole('menuitem', { name: '事项导入' }).click();
    const file = join(tmpdir(), `bianmin-e2e-${Date.now()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        items: [
          { code: 'bad code', name: '格式错误的事项' },
        ],
      }),
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: /预检/ }).click();
    await page.getByText(/预检完成：可接受 0 条，拒绝 1 条/).waitFor();
    await page.getByText(/事项编码格式不正确/).first().waitFor();
    await e.shot(page, 'import-report');
  });
  it('a hall computer whose clock is set to another time zone still shows the center’s times (北京时间)', async () => {
    const page = await e.newPage({ timezoneId: 'America/New_York' });
    await signIn(page, 'clerk');
    await page.getByText('王晓燕').first().waitFor();
    // a case accepted now, as the server stores it (UTC)
    const c = (await page.evaluate(async () => {
      const body = {
        itemCode: 'MZ-002',
        channel: 'window',
        applicant: { name: '时区测', idNumber: '11010519491231002X', phone: '13812345678' },
        materials: [
          { name: '居民身份证', provided: true },
          { name: '近期一寸免冠照片', provided: true },
        ],
      };
      const headers = { 'content-type': 'application/json', 'idempotency-key': 'console-time-zone-0001' };
      return (await fetch('/api/cases', { method: 'POST', headers, body: JSON.stringify(body) })).json();
    })) as { caseNo?: string; acceptedAt?: string };
    expect(c.acceptedAt, JSON.stringify(c)).toBeTruthy();
    const wall = (timeZone: string) => wallClock(new Date(c.acceptedAt!), timeZone).minute;
    expect(wall('Asia/Shanghai')).not.toBe(wall('America/New_York'));
    await page.goto(`${e.baseUrl}/staff/cases?q=${encodeURIComponent(c.caseNo!)}`);
    const row = page.getByRole('row').filter({ hasText: c.caseNo! });
    await row.waitFor();
    expect(await row.textContent()).toContain(wall('Asia/Shanghai'));
    expect(await row.textContent()).not.toContain(wall('America/New_York'));
  });

  it('on such a computer a stored moment’s day is the center’s: the service guide’s 更新于', async () => {
    const item = (await (await fetch(`${e.serverUrl}/api/items/MZ-002`)).json()) as { updatedAt?: string };
    expect(item.updatedAt, JSON.stringify(item)).toBeTruthy();
    const at = new Date(item.updatedAt!);
    const center = wallClock(at, 'Asia/Shanghai');
    // Whenever the demo catalog was stamped, one of these zones is on another day: 20 hours behind Beijing until
    // 20:00 there, 6 hours ahead from 18:00 on.
    const zone = center.hour < 20 ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
    const there = wallClock(at, zone);
    expect(there.day).not.toBe(center.day);
    const page = await e.newPage({ timezoneId: zone });
    await signIn(page, 'clerk');
    await page.getByText('王晓燕').first().waitFor();
    await page.goto(`${e.baseUrl}/staff/catalog/MZ-002`);
    await page.getByText(`更新于 ${center.day}`).waitFor();
    expect(await page.getByText(`更新于 ${there.day}`).count()).toBe(0);
    await e.shot(page, 'item-guide-other-zone');
  });

  it('on such a computer “today” is the center’s: the dashboard’s day and the last day a date picker allows', async () => {
    const page = await e.newPage({ timezoneId: 'America/New_York' });
    // 17:30 UTC: Monday 7 December in New York, already Tuesday 8 December (01:30) in the center
    await page.clock.setFixedTime(new Date('2026-12-07T17:30:00Z'));
    await signIn(page, 'leader');
    await page.getByText('2026年12月8日 星期二').waitFor();
    expect(await page.getByText('2026年12月7日').count()).toBe(0);
    // a visit is registered at the latest today: its default is the center's hour, 8 December may be picked, the 9th not
    await page.goto(`${e.baseUrl}/staff/petitions/new`);
    const received = page.getByTestId('petition-form').getByLabel('来访时间（到小时）');
    await received.waitFor();
    expect(await received.inputValue()).toBe('2026-12-08 01时');
    await received.click();
    await page.locator('td[title="2026-12-08"]').waitFor();
    expect(await page.locator('td[title="2026-12-08"]').getAttribute('class')).not.toContain('ant-picker-cell-disabled');
    expect(await page.locator('td[title="2026-12-09"]').getAttribute('class')).toContain('ant-picker-cell-disabled');
  });
});
