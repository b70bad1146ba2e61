// The village agent console (代办员工作台) on a phone-sized page: sign in, register a 代办 case to be forwarded
// (its authorisation printed before registration for the villager to sign, and after), a village certificate
// finished on the spot and handed over, an old villager's 养老资格认证 received as 申请人本人办理 (rule 11), a
// half-filled form that survives a reload and a lost network, an urgent case, the weekly batch with its printed
// list, the case lists and the monthly table, 待回复 with tap-to-call phones and reply deadlines, a one-time notice
// printed in the village with the configured public address, a request missing a main material registered as
// returned; and the page's JavaScript stays small.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';

const ID = '11010519491231002X';
const LY_001_MATERIALS = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];
const OFFLINE = '网络已断开，填写的内容已保存在本机，恢复网络后再提交';
const JS_BUDGET = 300_000;
const PUBLIC_URL = 'https://bianmin.example.gov.cn';

describe.skipIf(!hasChromium)('the village agent console on a phone, in Chromium', () => {
  let e: E2E;
  let page: Page;
  /** every script the agent page loaded, by path (/assets/…js) */
  const scripts = new Set<string>();
  const caseNos: Record<string, string> = {};

  beforeAll(async () => {
    // a Monday morning inside the loaded calendar years: the next weekly batch is the following Monday
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    page = await e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    // the phone's own clock agrees with the server's (month picker, "now")
    await page.clock.setFixedTime(new Date('2026-03-02T09:30:00+08:00'));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() === 'script' && url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
  });
  afterAll(() => e?.close());

  const shot = (name: string) => e.shot(page, `agent-${name}`);
  /** The sheet as the printer gets it: print styles on an A4-wide page (794 CSS pixels), then the phone again. */
  async function printShot(name: string) {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sheet-toolbar').isVisible()).toBe(false);
    await shot(name);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
  }
  /** A call from inside a page (the host name resolves only in Chromium; the browser sends cookie and Origin). */
  const call = (on: Page, method: string, path: string, body?: unknown) =>
    on.evaluate(
      async ([m, p, b]) => {
        const res = await fetch(p as string, { method: m as string, credentials: 'same-origin', headers: b === undefined ? {} : { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
        const text = await res.text();
        return { status: res.status, type: res.headers.get('content-type') ?? '', text };
      },
      [method, path, body] as const,
    );
  /** A staff member's own session in another browser context, for what the township or the administrator does. */
  async function staff(username: string) {
    const other = await e.newPage();
    await other.goto(`${e.baseUrl}/progress`);
    const res = await call(other, 'POST', '/api/auth/login', { username, password: 'bianmin2026' });
    expect(res.status, res.text).toBe(200);
    return {
      async send(method: string, path: string, body?: unknown) {
        const r = await call(other, method, path, body);
        expect(r.status, r.text).toBeLessThan(300);
        return JSON.parse(r.text) as Record<string, unknown> & { id: string; version: number };
      },
    };
  }
  // a tab's name may end with its count (集中报送 2 件)
  const tab = (name: string) => page.getByRole('navigation', { name: '主要功能' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  const stage = (text: string) => page.getByTestId('case-stage').filter({ hasText: text }).waitFor();

  async function fillRequest(search: string, itemName: string, name: string, phone: string) {
    await tab('新请求');
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    await page.getByLabel('查找事项').fill(search);
    await page.locator('.item-option', { hasText: itemName }).first().click();
    await page.getByTestId('chosen-item').locator('.chosen-name', { hasText: itemName }).waitFor();
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('身份证号码').fill(ID);
    await page.getByLabel('联系电话').fill(phone);
  }

  /** A case number read out to the villager stays on one line, and the phone page does not scroll sideways. */
  async function onOneLine(number: ReturnType<Page['locator']>) {
    const lines = await number.evaluate((el) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  }

  async function submitAndOpen(): Promise<string> {
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.getByText('登记成功').waitFor();
    return (await page.getByTestId('case-no').textContent())!.trim();
  }

  it('signs in as the village agent', async () => {
    await page.goto(`${e.baseUrl}/agent`);
    await page.getByRole('heading', { name: '代办员登录' }).waitFor();
    await shot('01-sign-in');
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill('bianmin2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    expect(page.url()).toBe(`${e.baseUrl}/agent/new`);
    await page.getByText('柳河村代办员').waitFor();
  });

  it('代办: LY-001 with every material is registered to wait for the weekly batch, and its authorisation prints', async () => {
    await fillRequest('采伐', '林木采伐许可', '赵德厚', '13700001111');
    for (const name of LY_001_MATERIALS) await page.locator('.material-row', { hasText: name }).getByRole('checkbox').check();
    // the main materials are marked as such
    expect(await page.locator('.material-row', { hasText: '林木采伐申请表' }).getByText('主件').count()).toBe(1);
    await page.getByRole('radio', { name: /^代办/ }).check();
    await shot('02-new-request-filled');

    // the deployment's public address, which every printed link and QR code uses
    await (await staff('admin')).send('PUT', '/api/settings', { publicUrl: PUBLIC_URL });
    // the authorisation is printed from the form, signed, and only then is the request sent
    await page.getByRole('button', { name: /打印代理服务委托书/ }).click();
    const draftSheet = page.locator('.sheet');
    await draftSheet.getByRole('heading', { name: '代理服务委托书' }).waitFor();
    const draftText = (await draftSheet.textContent())!;
    for (const expected of ['赵德厚', ID, '13700001111', '刘德福', '柳河村便民服务室', '林木采伐许可', '委托人（签字或按手印）', '登记后凭办件编号']) {
      expect(draftText).toContain(expected);
    }
    expect(draftText).not.toContain('bianmin.test'); // never the address this page was opened at
    await shot('02b-authorization-before-registration');
    await printShot('02c-authorization-before-registration-print');
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('赵德厚');
    caseNos.ly = await submitAndOpen();
    expect(caseNos.ly).toMatch(/^410899101201-20260302-\d{4}$/);
    await onOneLine(page.locator('.alert .case-no-inline'));
    await stage('待报送');
    // registered on a batch day before the batch left: its limit is next Monday, yet today's batch takes it along
    const guidance = page.getByTestId('batch-guidance');
    await guidance.filter({ hasText: '最迟 3月9日（星期一）随集中报送到乡镇' }).waitFor();
    expect(await guidance.textContent()).toContain('今天的报送批次还没有发出，发出时本件也会一起送去');
    await shot('03-registered-proxy');

    await page.getByRole('link', { name: '打印代理服务委托书' }).click();
    const sheet = page.locator('.sheet');
    await sheet.getByRole('heading', { name: '代理服务委托书' }).waitFor();
    const text = (await sheet.textContent())!;
    for (const expected of [caseNos.ly, '赵德厚', ID, '刘德福', '柳河村便民服务室', '林木采伐许可', '委托权限', '代办服务不收取任何费用', '委托人（签字或按手印）', '受托人（签字）']) {
      expect(text).toContain(expected);
    }
    // registered: the case's own progress link and QR code at the public address, no "after registration" wording
    expect(text).toContain(`凭办件编号 ${caseNos.ly} 和登记电话后四位，可在 ${PUBLIC_URL}/progress?caseNo=${caseNos.ly} 查询办理进度`);
    expect(text).not.toContain('登记后');
    expect(text).not.toContain('bianmin.test');
    const qr = sheet.getByRole('img', { name: `办理进度查询二维码：${PUBLIC_URL}/progress?caseNo=${caseNos.ly}` });
    await expect.poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    await shot('04-authorization-sheet');
    await printShot('04-authorization-print');
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByTestId('case-no').waitFor();
  });

  it('on the spot: a ZH-002 居住情况证明 is finished at once, its result slip printed, then handed over from 待回复', async () => {
    await fillRequest('ZH-002', '居住情况证明', '王秀英', '13700002222');
    await page.getByRole('button', { name: '材料全部收齐' }).click();
    await page.getByRole('radio', { name: /^帮办/ }).check();
    caseNos.zh = await submitAndOpen();
    await stage('村里办理中');
    await shot('05-on-the-spot-registered');
    await page.getByRole('button', { name: '当场办结' }).click();
    await page.getByLabel(/证明编号/).fill('柳河村证〔2026〕12号');
    await page.getByRole('button', { name: '确认办结' }).click();
    await stage('待回复群众');
    await page.getByText('办结成功，结果已记录。').waitFor();
    await shot('05b-on-the-spot-completed');

    await page.getByRole('link', { name: '打印办理结果单' }).click();
    const sheet = page.locator('.sheet');
    await sheet.getByRole('heading', { name: '办理结果单' }).waitFor();
    const text = (await sheet.textContent())!;
    for (const expected of [caseNos.zh, '王秀英', '居住情况证明', '准予办理', '柳河村证〔2026〕12号', '申请人签收']) expect(text).toContain(expected);
    await shot('06-result-slip');
    await printShot('06-result-slip-print');
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByTestId('case-no').waitFor();

    await tab('待回复');
    const card = page.getByTestId('deliver-card').filter({ hasText: caseNos.zh });
    await card.waitFor();
    await shot('07-to-deliver');
    await card.getByRole('button', { name: '已告知并交付' }).click();
    await card.getByRole('button', { name: '确认已交付' }).click();
    await page.getByText('已告知并交付。').waitFor();
    await page.getByText('没有等待回复的办件。').waitFor();
  });

  it('rule 11: an old villager’s 养老资格认证 cannot be proxied, and is received at the village as 申请人本人办理', async () => {
    await fillRequest('养老保险待遇领取资格认证', '资格认证', '李桂芝', '13700003333');
    await page.getByTestId('chosen-item').getByText('须本人到场').first().waitFor();
    await page.getByRole('button', { name: '材料全部收齐' }).click();
    // 代办 and 帮办 are unavailable, with the server's own rule saying what to do instead
    expect(await page.getByRole('radio', { name: /^代办/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: /^帮办/ }).isDisabled()).toBe(true);
    const rule = (await page.getByTestId('mode-rule').textContent())!;
    expect(rule).toContain('必须由申请人本人到场办理');
    expect(rule).toContain('“申请人本人办理”');
    expect(rule).not.toContain('民生事务窗口');
    await page.getByRole('radio', { name: /^申请人本人办理/ }).check();
    await shot('08-in-person-item');
    caseNos.rs = await submitAndOpen();
    await stage('村里办理中');
    await page.locator('.facts div', { hasText: '办理方式' }).getByText('申请人本人办理').waitFor();
    // a village line that carries the step to the server and loses its answer: the agent presses again, and the
    // same step (same Idempotency-Key) is answered with the case as it now is, once, not refused as someone else's
    const completions: string[] = [];
    const statuses: number[] = [];
    await page.route('**/api/cases/*/actions/complete', async (route) => {
      completions.push(route.request().headers()['idempotency-key'] ?? '');
      if (completions.length > 1) return route.continue();
      // from Node, which reaches the server by its loopback address, under the name the browser used (Host, Origin)
      const headers = { ...route.request().headers(), host: new URL(e.baseUrl).host };
      const carried = await route.fetch({ url: route.request().url().replace(e.baseUrl, e.serverUrl), headers });
      statuses.push(carried.status());
      await route.abort('failed');
    });
    await page.getByRole('button', { name: '当场办结' }).click();
    await page.getByRole('button', { name: '确认办结' }).click();
    await page.getByText('网络连接失败，这一步可能没有提交成功').waitFor();
    await page.getByRole('button', { name: '当场办结' }).click();
    await page.getByRole('button', { name: '确认办结' }).click();
    await page.getByText('办结成功，结果已记录。').waitFor();
    await page.unroute('**/api/cases/*/actions/complete');
    expect(statuses).toEqual([200]); // the first press did complete the case on the server
    expect(completions).toHaveLength(2);
    expect(completions[0]).toMatch(/^complete-/);
    expect(completions[1]).toBe(completions[0]);
    await stage('待回复群众');
    await shot('08b-in-person-completed');
  });

  it('a half-filled request survives a reload, waits through a lost network, and is sent once the network is back', async () => {
    await tab('新请求');
    await page.getByLabel('查找事项').fill('老年人优待证');
    await page.locator('.item-option', { hasText: '老年人优待证办理' }).click();
    await page.getByLabel('姓名').fill('孙德旺');
    await page.getByLabel('身份证号码').fill(ID);
    await page.getByLabel('联系电话').fill('13700004444');
    await page.getByLabel('住址').fill('柳河村五组');

    await page.reload();
    await page.getByRole('heading', { name: '新请求' }).waitFor();
    await page.getByText(/已恢复 .* 未提交的内容/).waitFor();
    await page.getByTestId('chosen-item').locator('.chosen-name', { hasText: '老年人优待证办理' }).waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('孙德旺');
    expect(await page.getByLabel('身份证号码').inputValue()).toBe(ID);
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13700004444');
    expect(await page.getByLabel('住址').inputValue()).toBe('柳河村五组');
    await shot('09-draft-restored');

    await page.getByRole('button', { name: '材料全部收齐' }).click();
    await page.getByRole('radio', { name: /^代办/ }).check();
    await page.context().setOffline(true);
    await page.getByText(OFFLINE).waitFor();
    await page.getByRole('button', { name: '提交登记' }).click();
    await shot('10-offline');
    expect(await page.getByText(OFFLINE).count()).toBe(1);
    expect(page.url()).toBe(`${e.baseUrl}/agent/new`);

    await page.context().setOffline(false);
    await expect.poll(() => page.getByText(OFFLINE).count()).toBe(0);
    caseNos.mz = await submitAndOpen();
    await stage('待报送');

    // the draft is gone once the server has the case
    await tab('新请求');
    expect(await page.getByLabel('姓名').inputValue()).toBe('');
  });

  it('集中报送: one case goes at once as 急件, the rest in the weekly batch, whose list prints with signature lines', async () => {
    await tab('集中报送');
    await page.getByRole('heading', { name: '集中报送' }).waitFor();
    await expect.poll(() => page.getByTestId('batch-waiting').textContent()).toBe('2 件');
    // Monday, the batch day, and this week's batch not sent yet: it goes today
    expect(await page.getByTestId('batch-day').textContent()).toBe('今天');
    await page.getByText('本周报送日').waitFor();
    await shot('11-batches-waiting');

    const mz = page.locator('.case-card', { hasText: caseNos.mz! });
    await mz.getByRole('button', { name: '急件立即报送' }).click();
    await mz.getByRole('button', { name: '确认急件报送' }).click();
    await page.getByText(`${caseNos.mz} 已作为急件报送乡镇便民服务中心。`).waitFor();
    await expect.poll(() => page.getByTestId('batch-waiting').textContent()).toBe('1 件');

    await page.getByRole('button', { name: '发送本周报送批次' }).click();
    await page.getByRole('button', { name: '确认发送' }).click();
    await page.getByText('本周批次已报送').waitFor();
    const sheet = page.locator('.sheet');
    await sheet.getByRole('heading', { name: '村级代办事项报送清单' }).waitFor();
    const text = (await sheet.textContent())!;
    for (const expected of [caseNos.ly!, '赵德厚', '林木采伐许可', ...LY_001_MATERIALS, '柳河村便民服务室', '柳河镇便民服务中心', '移交人（签字）', '接收人（签字）']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(caseNos.mz!);
    expect(await page.getByTestId('batch-table').locator('tbody tr').count()).toBe(1);
    await onOneLine(page.getByTestId('batch-table').locator('td', { hasText: caseNos.ly! }));
    await shot('12-batch-list-sheet');
    await printShot('12-batch-list-print');

    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByRole('heading', { name: '报送记录' }).waitFor();
    await page.locator('.case-card', { hasText: '报送 1 件' }).waitFor();
    await page.getByText('没有等待报送的办件。').waitFor();
    // sent: the next one is next Monday
    await expect.poll(() => page.getByTestId('batch-day').textContent()).toBe('3月9日');
    await page.getByText('下次报送日').waitFor();
    await shot('13-batches-sent');
    // a past batch opens its list again
    await page.locator('.case-card', { hasText: '报送 1 件' }).click();
    await page.locator('.sheet').getByText(caseNos.ly!).waitFor();
    await page.getByRole('button', { name: '‹ 返回' }).click();
  });

  it('我的办件 shows the village cases by where they stand', async () => {
    await tab('我的办件');
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    await page.getByText('共 4 件').waitFor();
    await shot('14-my-cases-all');
    await page.getByRole('tab', { name: '办理中' }).click();
    await page.getByText('共 2 件').waitFor();
    for (const no of [caseNos.ly!, caseNos.mz!]) await page.locator('.case-card', { hasText: no }).waitFor();
    expect(await page.locator('.case-card', { hasText: caseNos.ly! }).locator('.stage').textContent()).toBe('已报送，待上级接收');
    await shot('15-my-cases-sent-up');
    await page.getByRole('tab', { name: '待报送' }).click();
    await page.getByText('没有等待报送的办件。').waitFor();
    await page.getByRole('tab', { name: '全部' }).click();
    await page.locator('.case-card', { hasText: caseNos.zh! }).getByText('已回复').waitFor();
  });

  it('月报表: the month by category with totals, and its Excel download', async () => {
    await tab('月报表');
    await page.getByRole('heading', { name: '月报表' }).waitFor();
    expect(await page.getByLabel('统计月份').inputValue()).toBe('2026-03');
    const totals = page.getByTestId('monthly-totals');
    await totals.waitFor();
    // received 4 (LY-001, ZH-002, RS-002, MZ-002), finished on the spot 2, forwarded 2, above 0, returned 0, handed back 0
    expect(await totals.locator('dt').allTextContents()).toEqual(['受理数', '当场办结', '转报乡镇', '上级办结', '退回', '结果已回复']);
    expect(await totals.locator('dd').allTextContents()).toEqual(['4', '2', '2', '0', '0', '0']);
    expect(await page.getByTestId('monthly-rows').locator('h3').allTextContents()).toEqual(['林业', '社会保障', '证明开具']);
    await shot('16-monthly');
    const link = page.getByRole('link', { name: '下载 Excel 表格' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/api/agents/monthly.xlsx?month=2026-03');
    const download = await call(page, 'GET', href);
    expect(download.status).toBe(200);
    expect(download.type).toContain('spreadsheetml');
  });

  it('补办件: a missing attachment is told once; what the villager brings later is registered, and the case waits for the batch', async () => {
    await fillRequest('光荣证', '独生子女父母光荣证补发', '周玉兰', '13700005555');
    for (const name of ['光荣证补发申请表', '夫妻双方居民身份证', '居民户口簿']) await page.locator('.material-row', { hasText: name }).getByRole('checkbox').check();
    // an attachment that does not apply to this family is not asked for
    await page.locator('.material-row', { hasText: '子女出生医学证明或户籍证明' }).getByRole('button', { name: '不适用' }).click();
    await page.getByText('还缺附件：遗失声明或损毁的原证。').waitFor();
    await page.getByRole('radio', { name: /^帮办/ }).check();
    await shot('17-supplement-form');
    const no = await submitAndOpen();
    await stage('待补材料');
    const guidance = (await page.locator('.guidance').textContent())!;
    expect(guidance).toContain('遗失声明或损毁的原证');
    expect(guidance).not.toContain('子女出生医学证明');

    // the one-time notice prints in the village, issued by the village that issued it, its QR code and link at the
    // deployment's public address
    const admin = await staff('admin');
    await admin.send('PUT', '/api/settings', { publicUrl: PUBLIC_URL });
    await page.getByRole('link', { name: '打印一次性告知书' }).click();
    const sheet = page.locator('.sheet');
    await sheet.getByRole('heading', { name: '补正材料一次性告知书' }).waitFor();
    const text = (await sheet.textContent())!;
    for (const expected of [no, '周玉兰', '独生子女父母光荣证补发', '遗失声明或损毁的原证', '柳河村便民服务室（盖章）', `${PUBLIC_URL}/progress?caseNo=${no}`, '申请人签收']) {
      expect(text).toContain(expected);
    }
    expect(await page.getByTestId('supplement-list').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('supplement-where').textContent()).toMatch(/请于\d{4}年\d+月\d+日前，将上述材料送交柳河村便民服务室/);
    expect(text).not.toContain('bianmin.test');
    const qr = sheet.getByRole('img', { name: /办理进度查询二维码/ });
    await expect.poll(() => qr.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0)).toBe(true);
    await shot('17b-supplement-notice');
    await printShot('17c-supplement-notice-print');
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByTestId('case-no').waitFor();

    await tab('我的办件');
    await page.getByRole('tab', { name: '待补材料' }).click();
    await page.locator('.case-card', { hasText: no }).click();
    await page.getByRole('button', { name: '登记补齐的材料' }).click();
    await page.getByRole('checkbox', { name: '遗失声明或损毁的原证' }).waitFor();
    await shot('18-supplement-register');
    await page.getByRole('button', { name: '确认登记' }).click();
    await page.getByText('已登记补齐的材料。').waitFor();
    await stage('待报送');
  });

  it('a request missing a main material is registered as 退回件 with its written reasons, not turned away unrecorded', async () => {
    await fillRequest('采伐', '林木采伐许可', '钱老四', '13700006666');
    for (const name of LY_001_MATERIALS.slice(1)) await page.locator('.material-row', { hasText: name }).getByRole('checkbox').check();
    await page.getByRole('radio', { name: /^帮办/ }).check();
    const box = page.getByTestId('return-box');
    await box.getByText('提交后登记为').waitFor();
    expect(await page.getByLabel('退回理由').inputValue()).toContain('缺少主件：林木采伐申请表');
    expect(await page.getByLabel('退回依据').inputValue()).toContain('办事指南');
    await shot('19-return-form');
    await page.getByRole('button', { name: '登记为退回件' }).click();
    await page.getByText('已登记为退回件').waitFor();
    await stage('已退回');
    expect(await page.locator('.guidance').textContent()).toContain('缺少主件：林木采伐申请表');
    await shot('20-returned');
  });

  it('待回复: each villager’s phone in full as a tap-to-call link, with the reply deadline', async () => {
    // the township decides the forwarded 代办 case; its result comes back to the village to hand over
    const clerk = await staff('clerk');
    const found = (await clerk.send('GET', `/api/cases?q=${caseNos.ly}`)) as unknown as { cases: { id: string }[] };
    let c = await clerk.send('GET', `/api/cases/${found.cases[0]!.id}`);
    for (const [action, body] of [['receive', {}], ['accept', {}], ['complete', { outcome: 'approved', resultNo: '林采 2026-009' }]] as const) {
      c = await clerk.send('POST', `/api/cases/${c.id}/actions/${action}`, { expectedVersion: c.version, ...body });
    }

    await tab('待回复');
    await page.getByRole('heading', { name: '待回复' }).waitFor();
    const ly = page.getByTestId('deliver-card').filter({ hasText: caseNos.ly! });
    const call = ly.getByRole('link', { name: /拨打/ });
    expect(await call.getAttribute('href')).toBe('tel:13700001111');
    expect(await call.textContent()).toContain('137 0000 1111');
    // decided on Monday 3-02: three working days to tell the villager, until Thursday's close of office
    expect(await ly.getByTestId('reply-due').textContent()).toBe('请在 3月5日（星期四）17:30 前回复');
    const rs = page.getByTestId('deliver-card').filter({ hasText: caseNos.rs! });
    expect(await rs.getByRole('link', { name: /拨打/ }).getAttribute('href')).toBe('tel:13700003333');
    expect(await rs.getByTestId('reply-due').textContent()).toContain('当场办结');
    await shot('21-to-reply');
  });

  it(`keeps the whole console's JavaScript under ${JS_BUDGET / 1000} KB`, async () => {
    const html = (await call(page, 'GET', '/agent')).text;
    const declared = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(0);
    const all = new Set([...declared, ...scripts]);
    const size = (path: string) => statSync(join(resolve(process.env.E2E_WEB_DIR ?? 'dist/web'), path)).size;
    const total = [...all].reduce((sum, path) => sum + size(path), 0);
    console.log(`代办员工作台 JavaScript：${[...all].map((p) => `${p} ${size(p)}`).join('，')}，共 ${total} 字节`);
    expect(total).toBeLessThan(JS_BUDGET);
  });
});
