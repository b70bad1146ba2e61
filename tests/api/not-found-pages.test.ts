// An address nobody serves: a citizen's mistyped address gets the public site's 页面不存在 with 404 (not the staff
// console's page with 200); /staff/… stays the console's and /agent/… the agent app's, as their client routes;
// /api/… and other methods answer problem+json. The web apps here are stand-in pages in a folder of the test's own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from './support/test-app.js';

const PAGES = ['index', 'site', 'progress', 'complaint', 'open', 'agent', 'hall', 'account'];

describe.each(DIALECTS)('不存在的页面 (%s)', (dialect) => {
  let t: TestApp;
  let webDir: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  /** which built page answered */
  const page = (body: string) => /<title>(\w+)<\/title>/.exec(body)?.[1];

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'bianmin-web-'));
    for (const name of PAGES) writeFileSync(join(webDir, `${name}.html`), `<!doctype html><title>${name}</title>`);
    t = await startTestApp(dialect, { demo: false, config: { webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('a mistyped public address: the public site with 404', async () => {
    for (const url of ['/no-such-page', '/no-such-page?from=sms', '/progres', '/complaint/nope', '/index', '/staffs']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page(res.body), url).toBe('site');
    }
  });

  it('the public pages the server knows answer 200 with their own page', async () => {
    const known: [string, string][] = [
      ['/', 'site'],
      ['/items/MZ-003', 'site'],
      ['/categories/%E6%B0%91%E6%94%BF', 'site'],
      ['/progress', 'progress'],
      ['/rate', 'progress'],
      ['/rate-fix', 'progress'],
      ['/complaint', 'complaint'],
      ['/consult/query', 'complaint'],
      ['/open', 'open'],
      ['/open/some-center', 'open'],
      ['/account', 'account'],
      ['/account/appointments', 'account'],
      ['/hall/pad', 'hall'],
    ];
    for (const [url, name] of known) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(page(res.body), url).toBe(name);
    }
  });

  it('under /staff/ and /agent/ each app shows its own page for addresses it routes itself', async () => {
    for (const url of ['/staff', '/staff/', '/staff/no-such-page', '/staff/cases/123']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(page(res.body), url).toBe('index');
    }
    for (const url of ['/agent', '/agent/no-such-page']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(page(res.body), url).toBe('agent');
    }
  });

  it('an unknown API, asset or method: problem+json 404, never a page', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['GET', '/assets/no-such-file.js'],
      ['POST', '/no-such-page'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
