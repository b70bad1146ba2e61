// The public site at / and 长辈版 (issue 11 §1, §4), on a phone in Chromium: a villager types `dbsq`, finds
// 城乡居民最低生活保障, opens its 办事指南 (eight public fields, where to go, FAQ; printable on A4), switches to
// 长辈版 and has it read aloud; the first load on throttled 3G stays under the script budget stated in the README;
// every public page passes axe-core in both modes and keeps the 长辈版 numbers (text, key figures, line height,
// touch targets, no pop-ups, keyboard only).
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './support/browser.js';
import { configurePapers } from './support/console.js';
import { serverApi } from './support/server-api.js';

/** The site's first load (home or a guide): every script it transfers, compressed, in bytes (README “公众网站”). */
const SITE_JS_BUDGET = 120_000;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' } as const;

/**
 * Records what a page says aloud and every pop-up it tries (长辈版: none), before any of its scripts run. The
 * browser-side code of this file is written as strings: the server's tsconfig, which checks the tests, has no DOM.
 */
const WATCH = `
  window.__spoken = [];
  window.__popups = [];
  if ('speechSynthesis' in window) {
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u) => {
      window.__spoken.push({ text: u.text, lang: u.lang });
      speak(u);
    };
  }
  for (const name of ['alert', 'confirm', 'prompt', 'open']) {
    const original = window[name];
    window[name] = (...args) => {
      window.__popups.push(name);
      return name === 'open' ? original.apply(window, args) : undefined;
    };
  }
`;
const IS_ELDER = "document.documentElement.classList.contains('elder')";
const POPUPS = 'window.__popups';

describe.skipIf(!hasChromium)('the public site and 长辈版 on a phone (Chromium)', () => {
  let e: E2E;
  let progress: { caseNo: string; phone4: string };
  let rateUrl: string;
  /** the demo township's id (its 政务公开 page, its phone take-a-number page) and a signed-in applicant's cookie */
  let township: string;
  let applicantCookie: string;
  /** that applicant's online application, waiting for pre-review (我的办件 → one application) */
  let applicationId: string;
  /** 我的办件 → 文书: one printed paper of that applicant's window case; a phone's 排队进度; the 差评整改 SMS link */
  let paperPath: string;
  let ticketPath: string;
  let rateFixUrl: string;
  const contexts: BrowserContext[] = [];

  const phone = async (options: { elder?: boolean; noSpeech?: boolean } = {}) => {
    // bypassCSP: axe-core is injected as a script of the test's own, which the page's CSP (script-src 'self') refuses
    const context = await e.browser.newContext({ ...PHONE, bypassCSP: true });
    contexts.push(context);
    context.setDefaultTimeout(60_000);
    if (options.noSpeech) await context.addInitScript({ content: 'delete window.speechSynthesis;' });
    await context.addInitScript({ content: WATCH });
    if (options.elder) await context.addInitScript({ content: "window.localStorage.setItem('bm-elder', '1');" });
    return context.newPage();
  };
  const shot = (page: Page, name: string) => e.shot(page, `public-site-${name}`);
  const spoken = (page: Page) => page.evaluate<{ text: string; lang: string }[]>('window.__spoken');

  beforeAll(async () => {
    e = await startE2E({ startAt: '2026-03-02T09:00:00+08:00' });
    // the rating link of a notice's QR code points at the public address; the test opens it under its own host
    await configurePapers(e, { publicUrl: 'https://bianmin.qinghe.gov.cn' });
    const clerk = await serverApi(e, 'clerk');
    // a finished case: its progress page shows the result, the read-aloud button and the rating
    const c = await clerk.register<{ id: string; caseNo: string; version: number }>({
      channel: 'window',
      itemCode: 'MZ-002',
      applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' },
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    });
    const done = await clerk.call<{ id: string; caseNo: string }>('POST', `/api/cases/${c.id}/actions/complete`, { expectedVersion: c.version, outcome: 'approved', resultNo: '优待证 2026-009' });
    progress = { caseNo: done.caseNo, phone4: '5678' };
    const { url } = await clerk.call<{ url: string }>('GET', `/api/evaluations/rating-link?caseId=${c.id}`);
    const link = new URL(url);
    expect(link.pathname).toBe('/rate');
    rateUrl = `${link.pathname}${link.search}`;
    township = (await clerk.call<{ user: { orgId: string } }>('GET', '/api/auth/me')).user.orgId;
    // an applicant account, made as the register form makes it (the code from the outbox), signed in for 我的 pages
    const admin = await serverApi(e, 'admin');
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${e.serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.serverUrl, ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/public/applicants/codes', { phone: '13922224444', purpose: 'register' })).status).toBe(202);
    const { messages } = await admin.call<{ messages: { template: string; text: string }[] }>('GET', '/api/notifications/outbox?phone=13922224444');
    const code = /验证码(\d{6})/.exec(messages.find((m) => m.template === 'applicant-code')!.text)![1]!;
    const made = await post('/api/public/applicants', { phone: '13922224444', code, password: 'Liuhe#2026ok', kind: 'person', name: '赵桂兰', idNumber: '110105195803150041' }, { 'idempotency-key': 'e2e-public-site-applicant' });
    expect(made.status).toBe(201);
    applicantCookie = made.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('bianmin_applicant='))!;
    expect(applicantCookie).toBeTruthy();
    // an online application with its four materials, as the apply form sends it
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const form = new FormData();
    for (const [k, v] of Object.entries({ itemCode: 'RS-006', orgId: township, description: '本人申请' })) form.append(k, v);
    for (let i = 0; i < 4; i++) form.append(`material-${i}`, new Blob([pdf]), `材料${i + 1}.pdf`);
    const applied = await fetch(`${e.serverUrl}/api/public/applications`, { method: 'POST', headers: { cookie: applicantCookie, origin: e.serverUrl, 'idempotency-key': 'e2e-public-site-application' }, body: form });
    expect(applied.status, await applied.clone().text()).toBe(201);
    applicationId = ((await applied.json()) as { id: string }).id;
    // her window case with its 受理通知书 printed: 我的办件 shows the paper as printed
    const hers = await clerk.register<{ id: string; caseNo: string }>({
      channel: 'window',
      itemCode: 'MZ-002',
      applicant: { name: '赵桂兰', idNumber: '110105195803150041', phone: '13922224444' },
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    });
    const printed = await clerk.call<{ id: string }>('POST', `/api/cases/${hers.id}/prints`, { paper: 'acceptance' });
    paperPath = `/account/cases/${encodeURIComponent(hers.caseNo)}/papers/${encodeURIComponent(printed.id)}`;
    // a number taken on a phone: its 排队进度 page
    const { services } = await clerk.call<{ services: { id: string }[] }>('GET', `/api/hall/services?orgId=${township}`);
    const ticket = await clerk.call<{ token: string }>('POST', '/api/hall/tickets', { orgId: township, serviceId: services[0]!.id, source: 'phone' }, { 'idempotency-key': 'e2e-public-site-ticket' });
    ticketPath = `/hall/ticket/${encodeURIComponent(ticket.token)}`;
    // a 差评 rectified: the SMS to the rater links to /rate-fix
    const bad = await clerk.register<{ id: string; caseNo: string; version: number }>({
      channel: 'window',
      itemCode: 'MZ-002',
      applicant: { name: '孙有田', idNumber: '110105194812120018', phone: '13812340009' },
      materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
    });
    await clerk.call('POST', `/api/cases/${bad.id}/actions/complete`, { expectedVersion: bad.version, outcome: 'approved', resultNo: '优待证 2026-010' });
    expect((await post('/api/public/ratings', { caseNo: bad.caseNo, phone4: '0009', level: 'very_dissatisfied', comment: '排队一个多小时' })).status).toBe(201);
    let wo = (await clerk.call<{ workOrders: { id: string; version: number; caseNo?: string }[] }>('GET', '/api/evaluations/work-orders')).workOrders[0]!;
    wo = await clerk.call('POST', `/api/evaluations/work-orders/${wo.id}/actions/visit`, { expectedVersion: wo.version, finding: 'confirmed', content: '电话回访，反映排队时间长，情况属实。' });
    await clerk.call('POST', `/api/evaluations/work-orders/${wo.id}/actions/rectify`, { expectedVersion: wo.version, measures: '高峰时段增开综合窗口。', outcome: '已增开综合窗口，排队时间缩短到15分钟内' });
    const sms = await admin.call<{ messages: { template: string; text: string }[] }>('GET', '/api/notifications/outbox?phone=13812340009');
    const fix = /\/rate-fix\?t=(\S+)$/.exec(sms.messages.find((m) => m.template === 'rating-fix-outcome')!.text)![1]!;
    rateFixUrl = `/rate-fix?t=${fix}`;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await e?.close();
  });

  it('a villager types dbsq, finds 低保, opens its guide, switches to 长辈版 and has it read aloud', async () => {
    const page = await phone();
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('heading', { name: '办事指南', level: 1 }).waitFor();
    expect(await page.title()).toContain('网上办事大厅');
    const categories = page.getByRole('list', { name: '事项类别' });
    await categories.getByRole('link', { name: '社会救助' }).waitFor();
    for (const [name, href] of [['办件进度查询', '/progress'], ['我要咨询', '/consult'], ['我要投诉', '/complaint'], ['政务公开', '/open'], ['工作人员登录', '/staff/']]) {
      expect(await page.getByRole('link', { name: new RegExp(name!) }).first().getAttribute('href')).toBe(href);
    }
    await shot(page, 'home');

    await page.locator('#q').fill('dbsq');
    const results = page.getByRole('list', { name: '查找结果' });
    const dibao = results.getByRole('link', { name: /城乡居民最低生活保障/ });
    await dibao.waitFor();
    // the best match first, with why it matched (俗称 低保)
    expect(await results.getByRole('link').first().textContent()).toContain('城乡居民最低生活保障');
    expect(await dibao.textContent()).toContain('低保');
    expect(page.url()).toContain('/?q=dbsq');
    await shot(page, 'home-dbsq');

    await dibao.click();
    await page.waitForURL(/\/items\/MZ-003$/);
    const guide = page.getByTestId('item-guide');
    await guide.getByRole('heading', { name: '城乡居民最低生活保障', level: 1 }).waitFor();
    // the eight public fields
    for (const part of ['办理条件', '申报材料', '办事程序', '服务时限', '办理结果', '收费标准', '设定依据', '在哪里办']) {
      await guide.getByRole('heading', { name: part, level: 2 }).waitFor();
    }
    expect(await guide.textContent()).toContain('最低生活保障申请书');
    expect(await guide.locator('.key-figure').first().textContent()).toBe('25 个工作日');
    const places = page.getByTestId('item-places');
    await places.getByText('柳河镇便民服务中心', { exact: true }).waitFor();
    const placesText = (await places.textContent())!;
    for (const fact of ['清河县政务服务中心', '民政窗口', '清河县柳河镇政府院内', '工作日 08:30–12:00、14:30–17:30', '0371-6688 2101', '柳河村便民服务室']) expect(placesText).toContain(fact);
    expect(await places.getByRole('link', { name: '0371-6688 2101' }).getAttribute('href')).toBe('tel:037166882101');
    await shot(page, 'item');

    // 长辈版: one switch, and the phone remembers it
    const elder = page.getByRole('switch', { name: /长辈版/ });
    expect(await elder.getAttribute('aria-checked')).toBe('false');
    await elder.click();
    expect(await elder.getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate<boolean>(IS_ELDER)).toBe(true);
    await page.reload();
    await guide.getByRole('heading', { name: '城乡居民最低生活保障', level: 1 }).waitFor();
    await places.getByText('柳河镇便民服务中心', { exact: true }).waitFor();
    expect(await page.getByRole('switch', { name: /长辈版/ }).getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('.key-figure')).fontSize)")).toBeGreaterThanOrEqual(30);

    // 朗读: the browser's Chinese voice reads the guide
    await page.getByRole('button', { name: '朗读' }).click();
    const said = await spoken(page);
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((u) => u.lang === 'zh-CN')).toBe(true);
    const all = said.map((u) => u.text).join('');
    for (const fact of ['城乡居民最低生活保障', '低保', '最低生活保障申请书', '承诺25个工作日', '不收费', '柳河镇便民服务中心']) expect(all).toContain(fact);
    // while it reads the button stops it; a headless browser without voices ends at once, and says so
    await page.getByRole('button', { name: /^(朗读|停止朗读)$/ }).waitFor();
    await shot(page, 'item-elder');

    // 打印: the A4 guide without the page's buttons
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.brand').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByText('本办事指南打印自便民服务平台').isVisible()).toBe(true);
    expect(await guide.getByRole('heading', { name: '申报材料' }).isVisible()).toBe(true);
    await shot(page, 'item-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.evaluate<string[]>(POPUPS)).toEqual([]);

    // back to the results, and the standard version again
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('switch', { name: /长辈版/ }).click();
    expect(await page.evaluate<string | null>("window.localStorage.getItem('bm-elder')")).toBeNull();
    await page.goBack();
    await page.getByRole('list', { name: '查找结果' }).getByRole('link', { name: /城乡居民最低生活保障/ }).waitFor();
  });

  it('a guide shows its FAQ; a category lists its items; a retired or unknown item says so', async () => {
    const page = await phone();
    await page.goto(`${e.baseUrl}/items/MZ-002`);
    const faq = page.getByTestId('item-faq');
    await faq.getByRole('heading', { name: '常见问题' }).waitFor();
    expect(await faq.textContent()).toContain('可以由子女代办吗？');
    await shot(page, 'item-faq');

    await page.goto(`${e.baseUrl}/categories/${encodeURIComponent('社会救助')}`);
    await page.getByRole('heading', { name: '社会救助', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: '社会救助的事项' });
    await list.getByRole('link', { name: /城乡居民最低生活保障/ }).click();
    await page.waitForURL(/\/items\/MZ-003$/);
    await page.getByRole('heading', { name: '城乡居民最低生活保障', level: 1 }).waitFor();

    await page.goto(`${e.baseUrl}/items/NOPE-1`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('没有找到这个事项');
  });

  it('on a desktop the site uses the width: categories four to a row, the doors in one row', async () => {
    const page = await e.newPage();
    await page.goto(`${e.baseUrl}/`);
    const categories = page.getByRole('list', { name: '事项类别' }).getByRole('link');
    await categories.first().waitFor();
    const [first, fourth] = [await categories.nth(0).boundingBox(), await categories.nth(3).boundingBox()];
    expect(fourth!.y).toBe(first!.y);
    expect(await page.evaluate<number>("document.querySelector('main').getBoundingClientRect().width")).toBeGreaterThan(800);
    await shot(page, 'desktop-home');
    await page.goto(`${e.baseUrl}/items/MZ-002`);
    await page.getByTestId('item-faq').waitFor();
    await shot(page, 'desktop-item');
  });

  it('without speech in the browser there is no 朗读 button', async () => {
    const page = await phone({ noSpeech: true });
    await page.goto(`${e.baseUrl}/items/MZ-003`);
    await page.getByRole('heading', { name: '城乡居民最低生活保障', level: 1 }).waitFor();
    await page.getByRole('button', { name: '打印' }).waitFor();
    expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0);
  });

  it(`the first load on throttled 3G transfers under ${SITE_JS_BUDGET / 1000} KB of script (home and a guide)`, async () => {
    const measure = async (path: string, ready: (page: Page) => Promise<unknown>) => {
      const context = await e.browser.newContext(PHONE);
      contexts.push(context);
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // a village phone on a poor 3G signal: 400 kbit/s each way, 400 ms round trip
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 });
      const urls = new Map<string, string>();
      const scripts: { url: string; bytes: number }[] = [];
      let total = 0;
      cdp.on('Network.requestWillBeSent', (ev) => urls.set(ev.requestId, ev.request.url));
      cdp.on('Network.loadingFinished', (ev) => {
        total += ev.encodedDataLength;
        const url = urls.get(ev.requestId) ?? '';
        if (new URL(url).pathname.endsWith('.js')) scripts.push({ url: new URL(url).pathname, bytes: ev.encodedDataLength });
      });
      const started = Date.now();
      await page.goto(`${e.baseUrl}${path}`, { waitUntil: 'commit' });
      await ready(page);
      const ms = Date.now() - started;
      // every event sent before this answer has arrived (one ordered connection)
      await cdp.send('Runtime.evaluate', { expression: '1' });
      const bytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
      console.log(`3G 首次打开 ${path}：${ms} ms，脚本 ${scripts.length} 个共 ${bytes} 字节（${scripts.map((s) => `${s.url} ${s.bytes}`).join('，')}），全部传输 ${total} 字节`);
      return { bytes, scripts };
    };
    const home = await measure('/', (page) => page.getByRole('list', { name: '事项类别' }).getByRole('link', { name: '社会救助' }).waitFor());
    const guide = await measure('/items/MZ-003', (page) => page.getByTestId('item-places').getByText('柳河镇便民服务中心', { exact: true }).waitFor());
    for (const load of [home, guide]) {
      expect(load.scripts.length).toBeGreaterThan(0);
      expect(load.bytes).toBeLessThan(SITE_JS_BUDGET);
    }
  });

  /**
   * Every public page, with what shows when it is ready: the site, progress and rating, complaint and 咨询, 政务公开 (the
   * list and a center's page), the account's forms, the phone's take-a-number page, and, signed in as an applicant
   * (`applicant`: the pages after the first such one run with the applicant's cookie), 我的 with 我的办件 and 网上申请.
   */
  const publicPages = (): { path: string; ready: (page: Page) => Promise<unknown>; keyFigure?: boolean; progressCase?: boolean; applicant?: boolean }[] => [
    { path: '/', ready: (p) => p.getByRole('list', { name: '事项类别' }).getByRole('link').first().waitFor() },
    { path: '/items/MZ-003', ready: (p) => p.getByTestId('item-places').getByText('柳河镇便民服务中心', { exact: true }).waitFor(), keyFigure: true },
    { path: '/items/MZ-002', ready: (p) => p.getByTestId('item-faq').waitFor(), keyFigure: true },
    { path: `/categories/${encodeURIComponent('社会救助')}`, ready: (p) => p.getByRole('list', { name: '社会救助的事项' }).waitFor() },
    // a mistyped address: 页面不存在 (the server answers 404) with the way home
    { path: '/no-such-page', ready: (p) => p.getByRole('link', { name: '返回网上办事大厅' }).waitFor() },
    { path: '/progress', ready: (p) => p.getByRole('button', { name: '查询' }).waitFor() },
    { path: `/progress?caseNo=${progress.caseNo}`, ready: (p) => p.getByRole('button', { name: '查询' }).waitFor(), keyFigure: true, progressCase: true },
    { path: rateUrl, ready: (p) => p.getByRole('radio', { name: /非常满意/ }).waitFor() },
    { path: '/rate', ready: (p) => p.getByRole('alert').waitFor() },
    { path: rateFixUrl, ready: (p) => p.getByTestId('fix-outcome').waitFor() },
    { path: '/rate-fix', ready: (p) => p.getByRole('alert').waitFor() },
    { path: ticketPath, ready: (p) => p.getByTestId('ticket-number').waitFor(), keyFigure: true },
    { path: '/complaint', ready: (p) => p.getByRole('heading', { name: '我要投诉' }).waitFor() },
    { path: '/complaint/query', ready: (p) => p.getByRole('heading', { name: '查询投诉' }).waitFor() },
    { path: '/consult', ready: (p) => p.getByRole('heading', { name: '我要咨询' }).waitFor() },
    { path: '/consult/query', ready: (p) => p.getByRole('heading', { name: '查询答复' }).waitFor() },
    { path: '/open', ready: (p) => p.getByRole('link', { name: /柳河镇便民服务中心/ }).first().waitFor() },
    { path: `/open/${township}`, ready: (p) => p.getByTestId('open-staff').first().waitFor() },
    { path: `/hall/take/${township}`, ready: (p) => p.getByRole('heading', { name: '手机取号' }).waitFor() },
    { path: '/account/login', ready: (p) => p.getByRole('heading', { name: '登录', exact: true }).waitFor() },
    { path: '/account/register', ready: (p) => p.getByRole('heading', { name: '注册网上办事账号', exact: true }).waitFor() },
    { path: '/account/reset', ready: (p) => p.getByRole('heading', { name: '找回密码', exact: true }).waitFor() },
    { path: '/account/me', ready: (p) => p.getByTestId('me-name').waitFor(), applicant: true },
    { path: '/account/apply/RS-006', ready: (p) => p.getByRole('button', { name: '提交申请' }).waitFor(), applicant: true },
    { path: `/account/applications/${applicationId}`, ready: (p) => p.getByTestId('application-status').waitFor(), applicant: true },
    { path: '/account/appointments', ready: (p) => p.getByRole('heading', { name: '预约', exact: true }).waitFor(), applicant: true },
    { path: paperPath, ready: (p) => p.locator('.notice-sheet .notice-title').waitFor(), applicant: true },
  ];

  it('every public page passes axe-core in both modes, and 长辈版 keeps its numbers', async () => {
    const pages = publicPages();
    console.log(`axe-core 和长辈版检查的页面：${pages.map((p) => p.path.replace(/\?t=.*/, '?t=…')).join('，')}`);
    const problems: string[] = [];
    for (const elder of [false, true]) {
      const page = await phone({ elder });
      for (const target of pages) {
        if (target.applicant) await page.context().addCookies([{ name: 'bianmin_applicant', value: applicantCookie.slice('bianmin_applicant='.length), url: e.baseUrl }]);
        await page.goto(`${e.baseUrl}${target.path}`);
        await target.ready(page);
        if (target.progressCase) {
          await page.locator('#phone4').fill(progress.phone4);
          await page.getByRole('button', { name: '查询' }).click();
          await page.getByRole('radio', { name: /非常满意/ }).waitFor();
          await page.getByRole('button', { name: '朗读' }).waitFor();
        }
        await page.locator('.elder-switch').waitFor();
        expect(await page.evaluate<boolean>(IS_ELDER), target.path).toBe(elder);
        await page.addScriptTag({ path: AXE });
        const axe = await page.evaluate<{ checked: string[]; violations: string[] }>(`(async () => {
          const result = await window.axe.run(document);
          return {
            checked: result.passes.map((r) => r.id),
            violations: result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => v.id + '（' + v.impact + '）' + v.help + '：' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('；')),
          };
        })()`);
        // axe really looked (contrast, names, labels) and found nothing serious
        expect(axe.checked, target.path).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'document-title', 'html-has-lang']));
        for (const v of axe.violations) problems.push(`${elder ? '长辈版' : '标准版'} ${target.path}：${v}`);
        // phone first: nothing wider than the phone, in either mode
        const width = await page.evaluate<number>('document.documentElement.scrollWidth');
        if (width > 390) problems.push(`${elder ? '长辈版' : '标准版'} ${target.path}：页面宽 ${width}px，超出手机屏幕`);

        const numbers = await page.evaluate<{ small: string[]; tight: string[]; targets: string[]; figures: number[]; dialogs: number; popups: string[]; minSize: number }>(`(() => {
          const visible = (el) => {
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
          };
          const label = (el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + '「' + (el.textContent || '').trim().slice(0, 12) + '」';
          const small = [];
          const tight = [];
          let minSize = 1000;
          for (const el of document.querySelectorAll('main *')) {
            const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent || '').trim() !== '');
            if (!text || !visible(el)) continue;
            const s = getComputedStyle(el);
            const size = parseFloat(s.fontSize);
            minSize = Math.min(minSize, size);
            if (size < 18) small.push(label(el) + ' ' + size + 'px');
            const line = s.lineHeight === 'normal' ? 0 : parseFloat(s.lineHeight);
            if (line / size < 1.3) tight.push(label(el) + ' ' + s.lineHeight + '/' + size + 'px');
          }
          const targets = [];
          for (const el of document.querySelectorAll('main :is(a[href], button, input, select, textarea, summary, [role="switch"], [role="radio"])')) {
            if (!visible(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width < 60 || r.height < 60) targets.push(label(el) + ' ' + Math.round(r.width) + '×' + Math.round(r.height));
          }
          const figures = [...document.querySelectorAll('main :is(.key-figure, .status-name)')].filter(visible).map((el) => parseFloat(getComputedStyle(el).fontSize));
          const dialogs = document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open]').length;
          return { small, tight, targets, figures, dialogs, popups: window.__popups, minSize };
        })()`);
        if (!elder) {
          // the checks can tell: the standard version's smaller type and buttons do not pass them
          if (target.path === '/') expect(numbers.small.length + numbers.targets.length).toBeGreaterThan(0);
          // the site's own pages: text at least 16 px in the standard version too (as the other public pages)
          if (/^\/($|\?|items\/|categories\/)/.test(target.path) && numbers.minSize < 16) problems.push(`标准版 ${target.path}：最小字号 ${numbers.minSize}px，小于 16px`);
          continue;
        }
        const at = `长辈版 ${target.path}`;
        if (numbers.small.length) problems.push(`${at}：字号小于 18px：${numbers.small.slice(0, 5).join('，')}`);
        if (numbers.tight.length) problems.push(`${at}：行高小于 1.3：${numbers.tight.slice(0, 5).join('，')}`);
        if (numbers.targets.length) problems.push(`${at}：点按区域小于 60×60：${numbers.targets.slice(0, 5).join('，')}`);
        if (target.keyFigure && (numbers.figures.length === 0 || numbers.figures.some((f) => f < 30))) problems.push(`${at}：关键数字小于 30px：${numbers.figures.join('，')}`);
        if (numbers.dialogs > 0 || numbers.popups.length > 0) problems.push(`${at}：出现弹窗 ${numbers.dialogs} ${numbers.popups.join('，')}`);
        if (target.path === '/' || target.path === '/items/MZ-003' || target.progressCase) await shot(page, `elder-${target.path === '/' ? 'home' : target.progressCase ? 'progress' : 'item'}`);
        if (target.path === '/account/register' || target.path === '/account/me' || target.path.startsWith('/account/applications/')) await shot(page, `elder-${target.path.split('/')[2]}`);
        if (target.path === paperPath) await shot(page, 'elder-paper');
        if (target.path === ticketPath) await shot(page, 'elder-ticket');
        if (target.path === rateFixUrl) await shot(page, 'elder-rate-fix');
      }
    }
    expect(problems).toEqual([]);
  });

  it('长辈版 works with the keyboard alone: switch, search, open a guide, read it aloud', async () => {
    const page = await phone();
    await page.goto(`${e.baseUrl}/`);
    await page.getByRole('list', { name: '事项类别' }).getByRole('link').first().waitFor();
    const focused = () =>
      page.evaluate<string>(`(() => {
        const el = document.activeElement;
        return el ? el.tagName.toLowerCase() + '#' + el.id + '|' + (el.getAttribute('role') || '') + '|' + (el.textContent || '').trim().slice(0, 20) : '';
      })()`);
    const tabTo = async (match: (f: string) => boolean, limit = 40) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error(`按 Tab ${limit} 次没有到达目标，停在 ${await focused()}`);
    };
    await tabTo((f) => f.includes('|switch|'));
    await page.keyboard.press('Space');
    expect(await page.evaluate<boolean>(IS_ELDER)).toBe(true);
    // the focus ring is plain to see in 长辈版
    expect(await page.evaluate<number>('parseFloat(getComputedStyle(document.activeElement).outlineWidth)')).toBeGreaterThanOrEqual(3);
    await tabTo((f) => f.startsWith('input#q'));
    await page.keyboard.type('dbsq');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: '查找结果' }).getByRole('link', { name: /城乡居民最低生活保障/ }).waitFor();
    await tabTo((f) => f.includes('城乡居民最低生活保障'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/MZ-003$/);
    await page.getByTestId('item-places').getByText('柳河镇便民服务中心', { exact: true }).waitFor();
    await tabTo((f) => f.includes('朗读'));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
    expect((await spoken(page)).map((u) => u.text).join('')).toContain('城乡居民最低生活保障');
    expect(await page.evaluate<string[]>(POPUPS)).toEqual([]);
  });

  it('a case’s progress is read aloud too', async () => {
    const page = await phone({ elder: true });
    await page.goto(`${e.baseUrl}/progress?caseNo=${progress.caseNo}`);
    await page.locator('#phone4').fill(progress.phone4);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: '朗读' }).click();
    const all = (await spoken(page)).map((u) => u.text).join('');
    expect(all).toContain('老年人优待证');
    expect(all).toContain('当前状态');
    await shot(page, 'progress-elder');
  });
});
