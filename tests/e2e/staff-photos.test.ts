// 人员照片 (政务公开) in the console: the center's director opens 人员管理, uploads a clerk's photo, sees it in the
// list; a file whose name lies about its content is refused with the server's Chinese reason; removing the photo
// takes it off the public address.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portraitPng } from '../support/images.js';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

describe.skipIf(!hasChromium)('staff photos in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  async function signIn(username: string): Promise<Page> {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/staff/login`);
    await page.getByPlaceholder('请输入用户名').fill(username);
    await page.getByPlaceholder('请输入密码').fill('bianmin2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '人员管理' }).waitFor();
    return page;
  }

  const clerk2Id = async () =>
    (await e.ctx.database.db.selectFrom('users').select('id').where('username', '=', 'clerk2').executeTakeFirstOrThrow()).id;

  it('the director uploads a clerk’s photo, it shows in the list and on the public address; removed, it is gone', async () => {
    const page = await signIn('director');
    await page.getByRole('menuitem', { name: '人员管理' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: 'clerk2' });
    await row.waitFor();
    await row.getByRole('button', { name: '照片' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '人员照片：张磊' });
    await modal.getByLabel('尚无照片').waitFor();

    // a PNG named .jpg: the server tells by the content and refuses, nothing changes
    await modal.locator('input[type=file]').setInputFiles({ name: '张磊.jpg', mimeType: 'image/jpeg', buffer: portraitPng(120, 160, [200, 60, 60]) });
    await page.getByText('两者不符').first().waitFor();
    await e.shot(page, 'staff-photo-name-mismatch');
    expect(await modal.getByTestId('staff-photo').count()).toBe(0);

    const png = portraitPng();
    await modal.locator('input[type=file]').setInputFiles({ name: '张磊.png', mimeType: 'image/png', buffer: png });
    const img = modal.getByTestId('staff-photo');
    await img.waitFor();
    // the browser decoded the served image (a 120 × 160 PNG), not just an <img> pointing somewhere
    await page.waitForFunction((el) => {
      const image = el as unknown as { complete: boolean; naturalWidth: number } | null;
      return !!image && image.complete && image.naturalWidth === 120;
    }, await img.elementHandle());
    await page.getByText('已保存张磊的照片').waitFor();
    await e.shot(page, 'staff-photo-uploaded');

    await modal.getByRole('button', { name: '关闭' }).click();
    await modal.waitFor({ state: 'hidden' });
    const thumb = row.getByRole('img', { name: '张磊的照片' });
    await thumb.waitFor();
    await e.shot(page, 'staff-photo-in-list');

    // the address 政务公开 pages use, with no session
    const id = await clerk2Id();
    const served = await fetch(`${e.serverUrl}/api/public/staff/${id}/photo`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    // and the center's 政务公开 page shows it beside the name, decoded, to anyone
    const { org_id: orgId } = await e.ctx.database.db.selectFrom('users').select('org_id').where('id', '=', id).executeTakeFirstOrThrow();
    const pub = await e.newPage();
    await pub.goto(`${e.baseUrl}/open/${orgId}`);
    const face = pub.getByTestId('open-staff').getByRole('img', { name: '张磊的照片' });
    await face.waitFor();
    await pub.waitForFunction((el) => {
      const image = el as unknown as { complete: boolean; naturalWidth: number } | null;
      return !!image && image.complete && image.naturalWidth === 120;
    }, await face.elementHandle());
    await e.shot(pub, 'staff-photo-open-page');
    await pub.close();

    await row.getByRole('button', { name: '照片' }).click();
    await modal.getByTestId('staff-photo').waitFor();
    await modal.getByRole('button', { name: /删除照片/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await modal.getByLabel('尚无照片').waitFor();
    await page.getByText('已删除张磊的照片').waitFor();
    expect((await fetch(`${e.serverUrl}/api/public/staff/${id}/photo`)).status).toBe(404);
  });

  it('a photo over 2 MB is refused before it is sent', async () => {
    const page = await signIn('admin');
    await page.getByRole('menuitem', { name: '人员管理' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: 'clerk2' });
    await row.getByRole('button', { name: '照片' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '人员照片：张磊' });
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await modal.locator('input[type=file]').setInputFiles({ name: '大照片.jpg', mimeType: 'image/jpeg', buffer: big });
    await modal.getByText('人员照片不能超过 2 MB').waitFor();
    await e.shot(page, 'staff-photo-too-large');
  });
});
