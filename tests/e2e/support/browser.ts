import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app.js';
import { loadConfig } from '../../../src/server/config.js';
import { startJobs } from '../../../src/server/jobs.js';
import type { AppContext } from '../../../src/server/context.js';
import { prepareDatabase } from '../../../src/server/start.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`【浏览器测试已跳过】未找到 Chromium（${CHROMIUM}）。安装：apt-get update && apt-get install -y chromium`);
}

/** The longest any single wait for the page may take before the test fails (not a measure of speed). */
const PAGE_WAIT_MS = 120_000;

/** Where the test server listens; only Node's own calls use it, never the browser. */
const LOOPBACK = '127.0.0.1';

/** The host name the browser opens the app under (mapped to 127.0.0.1 inside Chromium only). */
export const E2E_HOST = 'bianmin.test';
/**
 * A second name for the same server that Chromium is told to treat as a secure context, as an HTTPS address would be:
 * for what only works where the app is served over HTTPS (the agent app's offline queue). Still not localhost, so
 * nothing else that localhost alone would allow slips through.
 */
export const E2E_SECURE_HOST = 'secure.bianmin.test';

/** Screenshots land here for people to look at (they are not compared automatically). */
export const SHOTS_DIR = resolve('test-results/screenshots');
/** Screenshots of the pages open when a test failed. */
const FAILURES_DIR = resolve('test-results/failures');

export interface E2E {
  /** Where the browser opens the app: http://bianmin.test:<port> (plain HTTP, not localhost). */
  baseUrl: string;
  /** The same server for calls from Node, which cannot resolve bianmin.test (only Chromium maps it). */
  serverUrl: string;
  /** The same server under a name Chromium treats as secure (as behind HTTPS): http://secure.bianmin.test:<port>. */
  secureUrl: string;
  browser: Browser;
  /** The server's own context (its database and clock), for a test to run a job at a moment it chose. */
  ctx: AppContext;
  /** a page at 1366 wide in a fresh context; `timezoneId`: a computer whose clock is set to another zone */
  newPage(options?: { timezoneId?: string }): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  /** Moves the server's clock to this instant (it keeps ticking from there); sessions idle that long end. */
  setTime(iso: string): void;
  close(): Promise<void>;
  /** What the pages and the server did lately, with a screenshot of each open page: printed when a test fails. */
  diagnose(name: string): Promise<string>;
}

/** The servers of this test file still open, for the failure report (tests/e2e/support/on-failure.ts). */
export const openE2Es = new Set<E2E>();

/** The last lines of what happened, kept for the failure report. */
const TRAIL = 80;

export interface E2EOptions {
  /**
   * Run the server's clock from this instant on (it keeps ticking in real time), so that dates and deadlines
   * stay inside the loaded calendar years whatever today is. Default: the real time.
   */
  startAt?: string;
  /** Start the scheduled jobs as `serve` does (their first runs at once), for pages that show them. */
  jobs?: boolean;
}

/** The real server (built web app, fresh SQLite file with demo data) on a free port, and headless Chromium. */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  // E2E_WEB_DIR lets a developer test a build of their own without touching dist/web
  const webDir = resolve(process.env.E2E_WEB_DIR ?? 'dist/web');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error('前端尚未构建：请先运行 npm run build:web（npm test 会自动构建）。');
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-e2e-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir }), webDir, demo: true };
  const database = await prepareDatabase(config);
  let offset = options.startAt ? new Date(options.startAt).getTime() - Date.now() : 0;
  const ctx = { database, config, clock: () => new Date(Date.now() + offset) };
  const app = await buildApp(ctx);
  const jobs = options.jobs ? startJobs(ctx, () => {}) : null;
  const trail: string[] = [];
  const note = (line: string) => {
    trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (trail.length > TRAIL) trail.shift();
  };
  // every request the server answered (or never did) with its time: a hang shows as a request without an answer
  app.server.on('request', (req, res) => {
    const started = Date.now();
    const asset = req.url?.startsWith('/assets/') ?? false;
    if (!asset) note(`服务器 ← ${req.method} ${req.url}`);
    res.on('close', () => (asset && res.statusCode < 400 && res.writableFinished) || note(`服务器 → ${res.statusCode} ${req.method} ${req.url} ${Date.now() - started} ms${res.writableFinished ? '' : '（未发完即断开）'}`));
  });
  await app.listen({ port: 0, host: LOOPBACK });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The field opens the console at a LAN address over plain HTTP, which is no secure context; so does every
    // browser test, under a host name that is not localhost (127.0.0.1 and localhost count as secure).
    args: [
      `--host-resolver-rules=MAP ${E2E_HOST} ${LOOPBACK}, MAP ${E2E_SECURE_HOST} ${LOOPBACK}`,
      `--unsafely-treat-insecure-origin-as-secure=http://${E2E_SECURE_HOST}:${port}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS_DIR, { recursive: true });
  const pages = new Set<Page>();
  const e2e: E2E = {
    baseUrl: `http://${E2E_HOST}:${port}`,
    serverUrl: `http://${LOOPBACK}:${port}`,
    secureUrl: `http://${E2E_SECURE_HOST}:${port}`,
    browser,
    ctx,
    newPage: async (options = {}) => {
      // Reduced motion, as a user may ask of the system: antd then opens pop-ups and menus without animation, so a
      // click on a 确认 button is never dispatched while its pop-up is still zooming in (mousedown and mouseup would
      // land on different nodes on a busy machine and the click would be lost without an error).
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: options.timezoneId ?? 'Asia/Shanghai',
        viewport: { width: 1366, height: 860 },
        reducedMotion: 'reduce',
      });
      // Every wait is for something visible to appear, never a fixed pause; on a busy 2-core machine (the full
      // suite builds and tests at once) a page can take far longer than Playwright's 30 s default to show it.
      context.setDefaultTimeout(PAGE_WAIT_MS);
      const page = await context.newPage();
      pages.add(page);
      page.on('close', () => pages.delete(page));
      page.on('console', (m) => {
        // the browser's complaint about security headers over plain HTTP is expected in the field and says nothing here
        if (m.type() === 'error' && !m.text().includes('Cross-Origin-Opener-Policy')) note(`页面 ${m.type()}：${m.text().slice(0, 300)}`);
      });
      page.on('pageerror', (error) => note(`页面异常：${error.message.slice(0, 300)}`));
      page.on('requestfailed', (r) => note(`请求失败：${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) note(`页面打开 ${f.url()}`);
      });
      return page;
    },
    setTime: (iso) => {
      offset = new Date(iso).getTime() - Date.now();
    },
    shot: async (page, name) => {
      // animations stopped, so a screenshot never catches a half-open tab or fading spinner
      await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
    },
    async diagnose(name) {
      const lines = [`【${name}】最近的经过：`, ...trail];
      for (const [i, page] of [...pages].entries()) {
        const file = join(FAILURES_DIR, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}-${i + 1}.png`);
        lines.push(`页面 ${i + 1}：${page.url()}（截图 ${file}）`);
        try {
          const shown = await page.locator('.ant-form-item-explain-error, .ant-alert, .ant-message-notice, .ant-modal-title').allInnerTexts();
          if (shown.length > 0) lines.push(`  页面上的提示：${shown.join(' | ').replace(/\s+/g, ' ').slice(0, 1000)}`);
          mkdirSync(FAILURES_DIR, { recursive: true });
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 10_000 });
        } catch (error) {
          lines.push(`  无法读取页面：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      return lines.join('\n');
    },
    async close() {
      openE2Es.delete(e2e);
      jobs?.stop();
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  openE2Es.add(e2e);
  return e2e;
}
