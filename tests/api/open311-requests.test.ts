// Open311 GeoReport v2 requests (issue 11 §5; http://wiki.open311.org/GeoReport_v2): POST requests (form-encoded,
// api_key) makes an online application in pre-review with source open311, downloading each material from its URL
// (a local HTTP server here; OPEN311_FETCH_PRIVATE on) with the size cut off while streaming and private addresses
// refused; the same post twice gives one application; GET requests / requests/{id} show it without personal data,
// open until the window returns it and closed after. A batch service (5 materials or more) answers a token; the job
// open311-batch files the application and tokens/{token} then answers its service_request_id (a failure: no id and
// the reason). Every error the specification names, in its `errors` format, XML and JSON. A third-party client uses
// only the documented URLs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../src/domain/vocabulary/kinds.js';
import { convertDue } from '../../src/modules/open311/batch.js';
import { open311BatchJob } from '../../src/modules/open311/batch-job.js';
import { fetchMaterial, isPrivateAddress, MaterialFetchError } from '../../src/modules/open311/fetch-material.js';
import { runJobOnce } from '../../src/server/jobs.js';
import { portraitPng } from '../support/images.js';
import { child, childNames, parseXml, expectErrors } from './support/open311-xml.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC = 'https://bianmin.example.gov.cn';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SERVICE = 'RS-003'; // 即办件 offered by the three townships, not the county: the CENTER attribute is a real choice
const PROMISED = 'GA-005'; // 承诺件 offered by the townships and the county; 5 materials: a batch service
const TOWNSHIP = '410899101'; // the clerk's center
const ISO_ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;
const ID_A = '11010519491231002X';
const ID_B = '110105198001010059';

/** The files a third party's server offers: a PDF, a PNG, an 11 MB stream, redirects, a page that is not a file. */
function fileServer(): Promise<{ server: Server; base: string; bigCutOff: () => boolean }> {
  let bigCutOff = false;
  let flaky = 0;
  const server = createServer((req, res) => {
    // busy the first time it is asked, the file the second time
    if (req.url === '/flaky.pdf') return ++flaky === 1 ? res.writeHead(503).end() : res.writeHead(200).end(PDF);
    if (req.url === '/scan.pdf') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PDF);
    if (req.url === '/photo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(portraitPng());
    if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html><body>not a scan</body></html>');
    if (req.url === '/moved.pdf') return res.writeHead(302, { location: '/scan.pdf' }).end();
    if (req.url === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.1.2.3/scan.pdf' }).end();
    if (req.url === '/slow.pdf') {
      // the first bytes, then nothing: only the deadline ends it
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write(PDF.subarray(0, 8));
      return;
    }
    if (req.url === '/big.png') {
      // no Content-Length: the limit must be counted while streaming
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(portraitPng());
      // 40 MB offered: more than socket buffers hold, so only a client that stops reading ends it early
      const chunk = Buffer.alloc(256 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        bigCutOff = !res.writableFinished;
      });
      return pump();
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bigCutOff: () => bigCutOff })),
  );
}


describe.each(DIALECTS)('Open311 GeoReport v2 requests (%s)', (dialect) => {
  let t: TestApp;
  let files: Awaited<ReturnType<typeof fileServer>>;
  let admin: string;
  let clerk: string;
  let apiKey: string;
  let materials: { code: string; required: boolean }[];

  const post = (format: 'xml' | 'json', fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  /** What the server gives its jobs: this app's database, configuration and clock. */
  const jobContext = () => ({ database: t.database, config: t.config, clock: () => t.clock.now });

  /** A complete request for the applicant with this phone and ID number. */
  function form(phone: string, idNumber: string, extra: Record<string, string> = {}): Record<string, string> {
    const f: Record<string, string> = {
      api_key: apiKey,
      service_code: SERVICE,
      'attribute[APPLICANT_TYPE]': 'person',
      'attribute[APPLICANT_NAME]': '李秀英',
      'attribute[APPLICANT_ID_NUMBER]': idNumber,
      'attribute[APPLICANT_PHONE]': phone,
      'attribute[CENTER]': TOWNSHIP,
      description: '代老人申请，材料已扫描。',
      address_string: '河南省六合县城关镇东街 12 号',
      lat: '34.7466',
      long: '113.6253',
    };
    materials.forEach((m, i) => {
      if (m.required) f[`attribute[${m.code}]`] = `${files.base}/${i % 2 === 0 ? 'scan.pdf' : 'photo.png'}`;
    });
    return { ...f, ...extra };
  }

  beforeAll(async () => {
    files = await fileServer();
    t = await startTestApp(dialect, { config: { publicUrl: PUBLIC, open311FetchPrivate: true, session: { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60, secureCookie: false } } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    admin = await signIn(t.app, 'admin');
    clerk = await signIn(t.app, 'clerk');
    const issued = await t.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: admin }, payload: { name: '12345 热线平台' } });
    expect(issued.statusCode, issued.body).toBe(201);
    apiKey = issued.json().apiKey;
    const def = JSON.parse((await get(`/open311/v2/services/${SERVICE}.json`)).body) as { attributes: { code: string; required: boolean }[] };
    materials = def.attributes.filter((a) => a.code.startsWith('MATERIAL_'));
    expect(materials.some((m) => m.required)).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => files?.server.close(r));
  });

  describe('POST requests: errors the specification names', () => {
    it('403 without an api_key, with an unknown one, and with a revoked one (XML and JSON)', async () => {
      const f = form('13700000001', ID_A);
      const { api_key: _omit, ...without } = f;
      expect(expectErrors(await post('xml', without), 403, 'xml')[0]).toContain('api_key');
      expectErrors(await post('json', { ...f, api_key: 'bm311_NOTAKEY' }), 403, 'json');
      const second = (await t.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: admin }, payload: { name: '乡镇公众号' } })).json();
      const revoked = await t.app.inject({ method: 'POST', url: `/api/open311/keys/${second.key.id}/revoke`, headers: { cookie: admin }, payload: { expectedVersion: 1, reason: '合作结束' } });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expectErrors(await post('xml', { ...f, api_key: second.apiKey }), 403, 'xml');
      expect(await t.database.db.selectFrom('applications').selectAll().execute()).toEqual([]);
    });

    it('400 for a body that is not form-encoded', async () => {
      const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: apiKey, service_code: SERVICE } });
      expect(expectErrors(json, 400, 'json')[0]).toContain('application/x-www-form-urlencoded');
    });

    it('404 for an unknown service_code; 400 without one', async () => {
      expect(expectErrors(await post('json', form('13700000001', ID_A, { service_code: 'ZZ-999' })), 404, 'json')[0]).toContain('ZZ-999');
      expectErrors(await post('xml', form('13700000001', ID_A, { service_code: 'ZZ-999' })), 404, 'xml');
      expect(expectErrors(await post('xml', form('13700000001', ID_A, { service_code: '' })), 400, 'xml')[0]).toContain('service_code');
    });

    it('404 for a jurisdiction_id this server does not serve (XML and JSON); nothing is made', async () => {
      expect(expectErrors(await post('xml', form('13700000001', ID_A, { jurisdiction_id: 'city.gov' })), 404, 'xml')[0]).toContain('city.gov');
      expectErrors(await post('json', form('13700000001', ID_A, { jurisdiction_id: 'evil.example' })), 404, 'json');
      expect(await t.database.db.selectFrom('applications').selectAll().execute()).toEqual([]);
      expect(await t.database.db.selectFrom('applicants').selectAll().where('phone', '=', '13700000001').execute()).toEqual([]);
    });

    it('400 naming each missing or invalid attribute, in Chinese, all at once', async () => {
      const f = form('13700000001', ID_A);
      delete f['attribute[APPLICANT_NAME]'];
      delete f['attribute[CENTER]'];
      const missing = expectErrors(await post('xml', f), 400, 'xml');
      expect(missing.some((d) => d.includes('attribute[APPLICANT_NAME]') && d.includes('缺少'))).toBe(true);
      expect(missing.some((d) => d.includes('attribute[CENTER]'))).toBe(true);
      const bad = expectErrors(
        await post('json', form('1370000', '110105194912310021', { 'attribute[APPLICANT_TYPE]': 'robot', 'attribute[NOT_A_CODE]': 'x', 'attribute[CENTER]': '999', lat: '123', description: '<b>急</b>' })),
        400,
        'json',
      );
      for (const name of ['attribute[APPLICANT_TYPE]', 'attribute[APPLICANT_PHONE]', 'attribute[NOT_A_CODE]', 'attribute[CENTER]', 'lat', 'description']) {
        expect(bad.some((d) => d.includes(name)), name).toBe(true);
      }
      const wrongId = expectErrors(await post('json', form('13700000001', '110105194912310021')), 400, 'json');
      expect(wrongId.some((d) => d.includes('attribute[APPLICANT_ID_NUMBER]'))).toBe(true);
      const long = expectErrors(await post('json', form('13700000001', ID_A, { description: '长'.repeat(4001) })), 400, 'json');
      expect(long[0]).toContain('4000');
      const notUrl = expectErrors(await post('json', form('13700000001', ID_A, { [`attribute[${materials[0]!.code}]`]: 'file:///etc/passwd' })), 400, 'json');
      expect(notUrl[0]).toContain(materials[0]!.code);
      expect(await t.database.db.selectFrom('applications').selectAll().execute()).toEqual([]);
      expect(await t.database.db.selectFrom('applicants').selectAll().where('phone', '=', '13700000001').execute()).toEqual([]);
    });

    it('400 when a material is not a PDF/JPG/PNG, is over 10 MB (cut off while streaming), or is at a private address without the flag', async () => {
      const first = materials.find((m) => m.required)!.code;
      const html = expectErrors(await post('json', form('13700000001', ID_A, { [`attribute[${first}]`]: `${files.base}/page.html` })), 400, 'json');
      expect(html[0]).toContain(first);
      expect(html[0]).toContain('不是');
      const big = expectErrors(await post('xml', form('13700000001', ID_A, { [`attribute[${first}]`]: `${files.base}/big.png` })), 400, 'xml');
      expect(big[0]).toContain('10 MB');
      await expect.poll(() => files.bigCutOff()).toBe(true);
      t.config.open311FetchPrivate = false;
      try {
        const inside = expectErrors(await post('json', form('13700000001', ID_A)), 400, 'json');
        expect(inside.every((d) => d.includes('内部网络'))).toBe(true);
      } finally {
        t.config.open311FetchPrivate = true;
      }
      expect(await t.database.db.selectFrom('applications').selectAll().execute()).toEqual([]);
    });
  });

  describe('the material download', () => {
    it('follows a redirect to the file; refuses a redirect to a private or link-local address; knows private addresses', async () => {
      const onlyThisServer = (address: string) => address === '127.0.0.1';
      const moved = await fetchMaterial(`${files.base}/moved.pdf`, { allowPrivate: onlyThisServer });
      expect(moved.bytes.equals(PDF)).toBe(true);
      expect(moved.fileName).toBe('scan.pdf');
      for (const path of ['/to-metadata', '/to-private']) {
        const refused = await fetchMaterial(`${files.base}${path}`, { allowPrivate: onlyThisServer }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(MaterialFetchError);
        expect((refused as MaterialFetchError).reason).toBe('private');
      }
      const slow = await fetchMaterial(`${files.base}/slow.pdf`, { allowPrivate: true, timeoutMs: 300 }).catch((e: unknown) => e);
      expect((slow as MaterialFetchError).reason).toBe('timeout');
      const gone = await fetchMaterial(`${files.base}/nothing.pdf`, { allowPrivate: true }).catch((e: unknown) => e);
      expect([(gone as MaterialFetchError).reason, (gone as MaterialFetchError).detail]).toEqual(['status', '404']);
      const local = await fetchMaterial(`${files.base}/scan.pdf`, { allowPrivate: false }).catch((e: unknown) => e);
      expect((local as MaterialFetchError).reason).toBe('private');
      const byName = await fetchMaterial(`${files.base.replace('127.0.0.1', 'localhost')}/scan.pdf`, { allowPrivate: false }).catch((e: unknown) => e);
      expect((byName as MaterialFetchError).reason).toBe('private');
      for (const a of ['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
        expect(isPrivateAddress(a), a).toBe(true);
      }
      for (const a of ['202.96.134.133', '8.8.8.8', '2400:3200::1']) expect(isPrivateAddress(a), a).toBe(false);
    });
  });

  describe('a request made, read and closed', () => {
    let no: string;

    it('POST requests.xml: an application in pre-review, source open311, materials stored, a claimable account', async () => {
      const res = await post('xml', form('13700000002', ID_A));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('service_requests');
      expect(childNames(root)).toEqual(['request']);
      const request = child(root, 'request');
      expect(childNames(request)).toEqual(['service_request_id', 'service_notice', 'account_id']);
      no = child(request, 'service_request_id').text;
      expect(no).toMatch(/^WS20260302-\d{4}$/);
      expect(child(request, 'service_notice').text).toContain('预审');
      expect(child(request, 'account_id').text).toBe('');

      const db = t.database.db;
      const app = await db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow();
      expect([app.status, app.source, app.item_code, app.latitude, app.longitude]).toEqual(['pre_review', 'open311', SERVICE, '34.7466', '113.6253']);
      const stored = await db.selectFrom('application_files').selectAll().where('application_id', '=', app.id).execute();
      expect(stored.map((f) => f.type).sort()).toEqual(
        materials
          .map((m, i) => (m.required ? (i % 2 === 0 ? 'application/pdf' : 'image/png') : null))
          .filter((x) => x !== null)
          .sort(),
      );
      const account = await db.selectFrom('applicants').selectAll().where('phone', '=', '13700000002').executeTakeFirstOrThrow();
      expect([account.name, account.id_number, account.last_login_at]).toEqual(['李秀英', ID_A, null]);
      // nobody can sign in with a password yet
      const signIn = await t.app.inject({ method: 'POST', url: '/api/public/session', payload: { phone: '13700000002', password: '!unclaimed' }, remoteAddress: '10.31.0.1' });
      expect(signIn.statusCode).toBe(401);
    });

    it('the same api_key and body again: the same application, no second one', async () => {
      const again = await post('json', form('13700000002', ID_A));
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual([{ service_request_id: no, service_notice: expect.any(String), account_id: null }]);
      const rows = await t.database.db.selectFrom('applications').select('id').where('source', '=', 'open311').execute();
      expect(rows.length).toBe(1);
    });

    it('the township window sees it in its pre-review queue', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/applications?status=pre_review', headers: { cookie: clerk } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().applications.map((a: { applicationNo: string }) => a.applicationNo)).toContain(no);
    });

    it('the person claims the account with 找回密码 by SMS code, then signs in', async () => {
      const sent = await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone: '13700000002', purpose: 'reset' }, remoteAddress: '10.31.0.2' });
      expect(sent.statusCode, sent.body).toBe(202);
      const sms = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', '13700000002').where('template', '=', 'applicant-code').executeTakeFirstOrThrow();
      const code = /验证码(\d{6})/.exec(sms.text)![1]!;
      const reset = await t.app.inject({ method: 'POST', url: '/api/public/applicants/password-reset', payload: { phone: '13700000002', code, password: 'Liuhe#2026ok' }, remoteAddress: '10.31.0.2' });
      expect(reset.statusCode, reset.body).toBe(200);
      const mine = await t.app.inject({ method: 'GET', url: '/api/public/applications', headers: { cookie: `bianmin_applicant=${reset.cookies.find((c) => c.name === 'bianmin_applicant')!.value}` } });
      expect(mine.json().applications.map((a: { applicationNo: string }) => a.applicationNo)).toEqual([no]);
    });

    it('refuses a request whose phone belongs to an account with another ID number', async () => {
      const d = expectErrors(await post('json', form('13700000002', ID_B)), 400, 'json');
      expect(d[0]).toContain('APPLICANT_ID_NUMBER');
    });

    it('GET requests.json / .xml: open, Chinese notes, the center, due date; no personal data (no description, address or location)', async () => {
      const json = await get('/open311/v2/requests.json');
      expect(json.statusCode, json.body).toBe(200);
      const list = json.json() as Record<string, unknown>[];
      expect(list.length).toBe(1);
      const r = list[0]!;
      expect(Object.keys(r)).toEqual([
        'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'agency_responsible', 'service_notice',
        'requested_datetime', 'updated_datetime', 'expected_datetime',
      ]);
      expect([r.service_request_id, r.status, r.service_code]).toEqual([no, 'open', SERVICE]);
      expect(r.status_notes).toContain('待预审');
      // no SMS provider here: the notes and the notice send the applicant to the online hall, never claim an SMS
      expect(r.status_notes).not.toContain('短信');
      expect(r.service_notice).not.toContain('短信');
      expect(r.service_notice).toContain('登录网上办事大厅“我的办件”查看');
      expect(r.agency_responsible).toMatch(/便民服务中心$/);
      for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime'] as const) expect(r[k], k).toMatch(ISO_ZONED);
      for (const secret of ['李秀英', ID_A, '13700000002', '1370000', '代老人申请', '34.7466']) expect(json.body).not.toContain(secret);

      const xml = await get('/open311/v2/requests.xml?status=open');
      const root = parseXml(xml.body);
      expect(root.name).toBe('service_requests');
      expect(child(child(root, 'request'), 'service_request_id').text).toBe(no);
      expect(childNames(child(root, 'request'))).toEqual(Object.keys(r));
      const one = await get(`/open311/v2/requests/${no}.xml`);
      expect(one.statusCode).toBe(200);
      expect(child(child(parseXml(one.body), 'request'), 'status').text).toBe('open');
      expect((await get(`/open311/v2/requests.json?service_request_id=${no},WS19990101-0001`)).json().length).toBe(1);
      expect((await get('/open311/v2/requests.json?status=closed')).json()).toEqual([]);
      expect((await get('/open311/v2/requests.json?service_code=MZ-003')).json()).toEqual([]);
      expect((await get('/open311/v2/requests.json?start_date=2026-03-03T00:00:00%2B08:00&end_date=2026-03-04T00:00:00%2B08:00')).json()).toEqual([]);
      expect((await get('/open311/v2/requests.json?page=2&page_size=1')).json()).toEqual([]);
    });

    it('GET errors: 404 unknown request id, 400 bad dates, range over 90 days, bad status; format required', async () => {
      expect(expectErrors(await get('/open311/v2/requests/WS19990101-0001.xml'), 404, 'xml')[0]).toContain('WS19990101-0001');
      expectErrors(await get('/open311/v2/requests/WS19990101-0001.json'), 404, 'json');
      expectErrors(await get('/open311/v2/requests.json?start_date=yesterday'), 400, 'json');
      expect(expectErrors(await get('/open311/v2/requests.xml?start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z'), 400, 'xml')[0]).toContain('90');
      expectErrors(await get('/open311/v2/requests.json?status=pending'), 400, 'json');
      expectErrors(await get('/open311/v2/requests.json?jurisdiction_id=city.gov'), 404, 'json');
      expect(expectErrors(await get(`/open311/v2/requests/${no}.xml?jurisdiction_id=city.gov`), 404, 'xml')[0]).toContain('city.gov');
      expectErrors(await get(`/open311/v2/requests/${no}.json?jurisdiction_id=city.gov`), 404, 'json');
      expect((await get(`/open311/v2/requests/${no}.json?jurisdiction_id=bianmin.example.gov.cn`)).statusCode).toBe(200);
      expectErrors(await get(`/open311/v2/requests/${no}`), 400, 'xml');
    });


    it('closed once the window returns it, with the notes saying so', async () => {
      const row = await t.database.db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow();
      const returned = await t.app.inject({ method: 'POST', url: `/api/applications/${row.id}/actions/return`, headers: { cookie: clerk }, payload: { expectedVersion: row.version, reason: '不符合申请条件', basis: '《办事指南》申请条件第一项' } });
      expect(returned.statusCode, returned.body).toBe(200);
      const res = (await get(`/open311/v2/requests/${no}.json`)).json() as { status: string; status_notes: string }[];
      expect(res[0]!.status).toBe('closed');
      expect(res[0]!.status_notes).toBe('已退回：预审未通过，请申请人登录网上办事大厅“我的办件”查看退回理由。');
      expect((await get('/open311/v2/requests.json?status=closed')).json().length).toBe(1);
      expect((await get('/open311/v2/requests.json?status=open')).json()).toEqual([]);
    });
  });

  it('a third-party client: documented URLs and form encoding only, over HTTP', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const endpoint = `${address}/open311/v2`;
    const services = (await (await fetch(`${endpoint}/services.json`)).json()) as { service_code: string; metadata: boolean }[];
    expect(services.map((s) => s.service_code)).toEqual(expect.arrayContaining([SERVICE, PROMISED]));
    const definition = (await (await fetch(`${endpoint}/services/${PROMISED}.json`)).json()) as { attributes: { code: string; required: boolean; values?: { key: string }[] }[] };
    const body = new URLSearchParams({ api_key: apiKey, service_code: PROMISED, description: '第三方平台转来的申请' });
    for (const a of definition.attributes) {
      if (!a.required) continue;
      const value: Record<string, string> = { APPLICANT_TYPE: 'person', APPLICANT_NAME: '赵建国', APPLICANT_ID_NUMBER: ID_B, APPLICANT_PHONE: '13700000003', CENTER: a.values?.find((v) => v.key === TOWNSHIP)?.key ?? '' };
      body.append(`attribute[${a.code}]`, value[a.code] ?? `${files.base}/scan.pdf`);
    }
    const posted = await fetch(`${endpoint}/requests.json`, { method: 'POST', body });
    expect(posted.status).toBe(200);
    // GA-005 is a batch service: a token now, the service_request_id once the job has filed the application
    const [queued] = (await posted.json()) as { token: string }[];
    expect((await (await fetch(`${endpoint}/tokens/${queued!.token}.json`)).json())).toEqual([{ service_request_id: null, token: queued!.token }]);
    expect(await runJobOnce(jobContext(), open311BatchJob)).toBe(true);
    const [made] = (await (await fetch(`${endpoint}/tokens/${queued!.token}.json`)).json()) as { service_request_id: string; token: string }[];
    expect(made!.service_request_id).toMatch(/^WS20260302-\d{4}$/);
    const status = (await (await fetch(`${endpoint}/requests/${made!.service_request_id}.json`)).json()) as { status: string; service_code: string; expected_datetime: string | null }[];
    expect(status).toEqual([expect.objectContaining({ service_request_id: made!.service_request_id, status: 'open', service_code: PROMISED })]);

    // the window accepts it: open, the case's kind and number in the notes, expected = the case's due date
    const row = await t.database.db.selectFrom('applications').selectAll().where('application_no', '=', made!.service_request_id).executeTakeFirstOrThrow();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/applications/${row.id}/actions/accept`, headers: { cookie: clerk }, payload: { expectedVersion: row.version } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { case_id: caseId } = await t.database.db.selectFrom('applications').select('case_id').where('id', '=', row.id).executeTakeFirstOrThrow();
    const kase = await t.database.db.selectFrom('cases').selectAll().where('id', '=', caseId!).executeTakeFirstOrThrow();
    const after = (await (await fetch(`${endpoint}/requests/${made!.service_request_id}.json`)).json()) as { status: string; status_notes: string; expected_datetime: string | null }[];
    expect(after[0]!.status).toBe('open');
    expect(after[0]!.status_notes).toMatch(new RegExp(`^已受理，(即办件|承诺件|联办件|上报件)，办件编号 ${kase.case_no}，`));
    // a township receives GA-005 for the county: 上报件
    expect(after[0]!.status_notes).toContain(KIND_NAMES[kase.kind as keyof typeof KIND_NAMES]);
    // an escalated case has its due date once the county receives it: no expected date until then, never the old pre-review's
    if (kase.due_at) expect(Date.parse(after[0]!.expected_datetime ?? '')).toBe(Date.parse(kase.due_at));
    else expect(after[0]!.expected_datetime).toBeNull();
    expect(after[0]!.expected_datetime).not.toBe(status[0]!.expected_datetime);
  });

  it('the same post twice at the same moment: one application and one account', async () => {
    const f = form('13700000004', ID_B, { description: '同时到达的两次提交' });
    const [a, b] = await Promise.all([post('json', f), post('json', f)]);
    expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([200, 200]);
    expect(a.json()[0].service_request_id).toBe(b.json()[0].service_request_id);
    const db = t.database.db;
    expect((await db.selectFrom('applicants').select('id').where('phone', '=', '13700000004').execute()).length).toBe(1);
    expect((await db.selectFrom('applications').select('id').where('applicant_phone', '=', '13700000004').execute()).length).toBe(1);
  });

  describe('a batch service: a token, the application by the job, the id from the token', () => {
    const BATCH = 'MZ-003'; // 城乡居民最低生活保障: 5 materials
    let batchMaterials: { code: string; required: boolean }[];
    let batchCenter: string;
    let token: string;

    /** A complete request for the batch service; `url` gives each required material's address. */
    function batchForm(phone: string, idNumber: string, url: (i: number) => string = (i) => `${files.base}/${i % 2 === 0 ? 'scan.pdf' : 'photo.png'}`, extra: Record<string, string> = {}) {
      const f: Record<string, string> = {
        api_key: apiKey,
        service_code: BATCH,
        'attribute[APPLICANT_TYPE]': 'person',
        'attribute[APPLICANT_NAME]': '王桂兰',
        'attribute[APPLICANT_ID_NUMBER]': idNumber,
        'attribute[APPLICANT_PHONE]': phone,
        'attribute[CENTER]': batchCenter,
        description: '家中两位老人，申请低保。',
      };
      batchMaterials.forEach((m, i) => {
        if (m.required) f[`attribute[${m.code}]`] = url(i);
      });
      return { ...f, ...extra };
    }
    const tokenRow = (tk: string) => t.database.db.selectFrom('open311_tokens').selectAll().where('token', '=', tk).executeTakeFirstOrThrow();
    /** The job's run lines (what the jobs page shows as its message), the last run's last. */
    const lines: string[] = [];
    const runBatch = () => runJobOnce(jobContext(), open311BatchJob, (line) => lines.push(line));
    const queuedHere = () => t.database.db.selectFrom('open311_tokens').select('id').where('item_code', '=', BATCH).execute();

    beforeAll(async () => {
      const def = JSON.parse((await get(`/open311/v2/services/${BATCH}.json`)).body) as { attributes: { code: string; required: boolean; values?: { key: string }[] }[] };
      batchMaterials = def.attributes.filter((a) => a.code.startsWith('MATERIAL_'));
      expect(batchMaterials.length).toBeGreaterThanOrEqual(5);
      const centers = def.attributes.find((a) => a.code === 'CENTER')!.values!.map((v) => v.key);
      batchCenter = centers.includes(TOWNSHIP) ? TOWNSHIP : centers[0]!;
    });

    it('services.json / .xml: the service is type batch, a short one realtime', async () => {
      const json = (await get('/open311/v2/services.json')).json() as { service_code: string; type: string }[];
      expect(json.find((s) => s.service_code === BATCH)!.type).toBe('batch');
      expect(json.find((s) => s.service_code === PROMISED)!.type).toBe('batch');
      expect(json.find((s) => s.service_code === SERVICE)!.type).toBe('realtime');
      const xml = parseXml((await get('/open311/v2/services.xml')).body);
      expect(child(xml.children.find((s) => child(s, 'service_code').text === BATCH)!, 'type').text).toBe('batch');
    });

    it('403 without an api_key or with an unknown one; 400 for a bad form, at once; nothing queued', async () => {
      const { api_key: _omit, ...without } = batchForm('13700000011', ID_A);
      expect(expectErrors(await post('xml', without), 403, 'xml')[0]).toContain('api_key');
      expectErrors(await post('json', batchForm('13700000011', ID_A, undefined, { api_key: 'bm311_NOTAKEY' })), 403, 'json');
      const bad = expectErrors(await post('json', batchForm('13700000011', ID_A, () => 'ftp://files.example/scan.pdf')), 400, 'json');
      expect(bad.some((d) => d.includes(batchMaterials.find((m) => m.required)!.code))).toBe(true);
      // the phone's account is another person's (made by the realtime test above with ID_A): known now, refused now
      expect(expectErrors(await post('json', batchForm('13700000002', ID_B)), 400, 'json')[0]).toContain('APPLICANT_ID_NUMBER');
      expect(await queuedHere()).toEqual([]);
    });

    it('POST requests.xml answers a token (no service_request_id); nothing is made yet', async () => {
      const res = await post('xml', batchForm('13700000012', ID_A));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('service_requests');
      const request = child(root, 'request');
      expect(childNames(request)).toEqual(['token', 'service_notice', 'account_id']);
      token = child(request, 'token').text;
      expect(token).toMatch(/^[0-9a-f]{24}$/);
      expect(child(request, 'service_notice').text).toContain('tokens/{token}');
      expect((await tokenRow(token)).status).toBe('queued');
      expect(await t.database.db.selectFrom('applications').selectAll().where('item_code', '=', BATCH).execute()).toEqual([]);
    });

    it('the same post again, and twice at once: the same token, one queued request', async () => {
      const again = await post('json', batchForm('13700000012', ID_A));
      expect(again.json()).toEqual([{ token, service_notice: expect.any(String), account_id: null }]);
      const f = batchForm('13700000013', ID_A, undefined, { description: '同时到达的两次提交' });
      const [a, b] = await Promise.all([post('json', f), post('json', f)]);
      expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([200, 200]);
      expect(a.json()[0].token).toBe(b.json()[0].token);
      expect((await queuedHere()).length).toBe(2);
    });

    it('before the job runs, tokens/{token} has no service_request_id (XML and JSON)', async () => {
      const json = await get(`/open311/v2/tokens/${token}.json`);
      expect(json.statusCode, json.body).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.json()).toEqual([{ service_request_id: null, token }]);
      const xml = await get(`/open311/v2/tokens/${token}.xml`);
      expect(xml.statusCode).toBe(200);
      const request = child(parseXml(xml.body), 'request');
      expect(childNames(request)).toEqual(['service_request_id', 'token']);
      expect(child(request, 'service_request_id').text).toBe('');
      expect(child(request, 'token').text).toBe(token);
    });

    it('the job files the application through the realtime path; the token then answers its id, and requests/{id} shows it', async () => {
      expect(await runBatch()).toBe(true);
      expect(lines.at(-1)).toContain('建立网上申请 2 件');
      const [answer] = (await get(`/open311/v2/tokens/${token}.json`)).json() as { service_request_id: string; token: string }[];
      expect(answer!.token).toBe(token);
      const no = answer!.service_request_id;
      expect(no).toMatch(/^WS20260302-\d{4}$/);
      const xml = child(parseXml((await get(`/open311/v2/tokens/${token}.xml`)).body), 'request');
      expect([child(xml, 'service_request_id').text, child(xml, 'token').text]).toEqual([no, token]);

      const db = t.database.db;
      const app = await db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow();
      expect([app.status, app.source, app.item_code, app.open311_key_id !== null]).toEqual(['pre_review', 'open311', BATCH, true]);
      const stored = await db.selectFrom('application_files').selectAll().where('application_id', '=', app.id).execute();
      expect(stored.length).toBe(batchMaterials.filter((m) => m.required).length);
      const row = await tokenRow(token);
      expect([row.status, row.application_id, row.payload, row.attempts]).toEqual(['done', app.id, null, 1]);

      for (const format of ['json', 'xml'] as const) {
        const one = await get(`/open311/v2/requests/${no}.${format}`);
        expect(one.statusCode, one.body).toBe(200);
        if (format === 'json') expect(one.json()).toEqual([expect.objectContaining({ service_request_id: no, status: 'open', service_code: BATCH })]);
        else expect(child(child(parseXml(one.body), 'request'), 'service_request_id').text).toBe(no);
      }
      // run again: nothing left to do, nothing made twice
      expect(await runBatch()).toBe(true);
      expect((await db.selectFrom('applications').select('id').where('item_code', '=', BATCH).execute()).length).toBe(2);
    });

    it('a material that is not a scan: the token answers no id and the reason; audit entry and run line record it', async () => {
      const first = batchMaterials.findIndex((m) => m.required);
      const f = batchForm('13700000014', ID_B, (i) => (i === first ? `${files.base}/page.html` : `${files.base}/scan.pdf`));
      const res = await post('json', f);
      const failed = (res.json() as { token: string }[])[0]!.token;
      expect(await runBatch()).toBe(true);
      expect(lines.at(-1)).toContain(`未能建立 1 件（token ${failed}`);
      const [answer] = (await get(`/open311/v2/tokens/${failed}.json`)).json() as Record<string, string | null>[];
      expect(answer!.service_request_id).toBeNull();
      expect(answer!.token).toBe(failed);
      expect(answer!.service_notice).toContain(batchMaterials[first]!.code);
      expect(answer!.service_notice).toContain('重新提交');
      const xml = child(parseXml((await get(`/open311/v2/tokens/${failed}.xml`)).body), 'request');
      expect(childNames(xml)).toEqual(['service_request_id', 'token', 'service_notice']);
      const row = await tokenRow(failed);
      expect([row.status, row.application_id, row.payload]).toEqual(['failed', null, null]);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'open311.batch_failed').execute();
      expect(audit.map((a) => a.target_id)).toEqual([row.id]);
      expect(await t.database.db.selectFrom('applications').selectAll().where('applicant_phone', '=', '13700000014').execute()).toEqual([]);
      // the same post again after a failure is a new try with a new token; the failed token keeps its answer
      const retry = (await post('json', f)).json() as { token: string }[];
      expect(retry[0]!.token).not.toBe(failed);
      expect((await tokenRow(retry[0]!.token)).status).toBe('queued');
      expect(await runBatch()).toBe(true);
      expect(lines.at(-1)).toContain(`未能建立 1 件（token ${retry[0]!.token}`);
      expect((await get(`/open311/v2/tokens/${failed}.json`)).json()[0].service_notice).toContain(batchMaterials[first]!.code);
    });

    it('a third-party server busy (503) the first time: tried again after the backoff, then made', async () => {
      const first = batchMaterials.findIndex((m) => m.required);
      const res = await post('json', batchForm('13700000015', ID_B, (i) => (i === first ? `${files.base}/flaky.pdf` : `${files.base}/scan.pdf`)));
      const tk = (res.json() as { token: string }[])[0]!.token;
      expect(await runBatch()).toBe(true);
      expect(lines.at(-1)).toContain('稍后重试 1 件');
      const waiting = await tokenRow(tk);
      expect([waiting.status, waiting.attempts, waiting.error]).toEqual(['queued', 1, expect.stringContaining('下载失败')]);
      expect((await get(`/open311/v2/tokens/${tk}.json`)).json()).toEqual([{ service_request_id: null, token: tk }]);
      // not before its time
      expect(await runBatch()).toBe(true);
      expect((await tokenRow(tk)).attempts).toBe(1);
      t.clock.advanceMinutes(3);
      try {
        expect(await runBatch()).toBe(true);
      } finally {
        t.clock.advanceMinutes(-3);
      }
      const [answer] = (await get(`/open311/v2/tokens/${tk}.json`)).json() as { service_request_id: string }[];
      expect(answer!.service_request_id).toMatch(/^WS\d{8}-\d{4}$/);
      expect((await tokenRow(tk)).status).toBe('done');
    });

    it('two jobs at once (two processes, no lock between them): each request is taken by one and filed once', async () => {
      const tokens = await Promise.all(['13700000016', '13700000017'].map(async (phone) => ((await post('json', batchForm(phone, ID_B))).json() as { token: string }[])[0]!.token));
      const [a, b] = await Promise.all([convertDue(jobContext(), t.clock.now), convertDue(jobContext(), t.clock.now)]);
      expect(a!.made + b!.made).toBe(2);
      for (const tk of tokens) {
        const row = await tokenRow(tk);
        expect([row.status, row.attempts]).toEqual(['done', 1]);
      }
      const made = await t.database.db.selectFrom('applications').select('id').where('applicant_phone', 'in', ['13700000016', '13700000017']).execute();
      expect(made.length).toBe(2);
    });

    it('tokens errors: 404 for an unknown token (XML and JSON) and an unknown jurisdiction; the format is required', async () => {
      expect(expectErrors(await get('/open311/v2/tokens/0123456789abcdef01234567.xml'), 404, 'xml')[0]).toContain('token');
      expectErrors(await get('/open311/v2/tokens/abc123.json'), 404, 'json');
      expect(expectErrors(await get(`/open311/v2/tokens/${token}.json?jurisdiction_id=city.gov`), 404, 'json')[0]).toContain('city.gov');
      expect((await get(`/open311/v2/tokens/${token}.json?jurisdiction_id=bianmin.example.gov.cn`)).statusCode).toBe(200);
      expectErrors(await get(`/open311/v2/tokens/${token}`), 400, 'xml');
    });
  });
});
