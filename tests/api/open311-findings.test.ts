// Field-tester findings on Open311 (README "Open311 接口"): the clerk sees an application came from a third party's
// platform (source and the api_key's holder in GET /api/applications/{id} and in its 办理过程); every path with a
// missing or unknown format suffix is 400 in the errors format (XML when the path names no format), whatever the
// method; query-parameter problems come all at once; the material attributes' help says what really happens (http
// too, downloaded at submission, a bad file refuses the whole request); an applicant whose account the platform made
// and who has no password yet is told by SMS to set one with 找回密码 before signing in.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portraitPng } from '../support/images.js';
import { expectErrors } from './support/open311-xml.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC = 'https://bianmin.example.gov.cn';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SERVICE = 'RS-003'; // realtime, offered by the townships
const TOWNSHIP = '410899101'; // the clerk's center
const ID_A = '11010519491231002X';
const PLATFORM = '县12345热线平台';
const FIRST_LOGIN = '首次登录请先点“找回密码”设置密码';

function fileServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/scan.pdf') return res.writeHead(200).end(PDF);
    if (req.url === '/photo.png') return res.writeHead(200).end(portraitPng());
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe.each(DIALECTS)('Open311 field findings (%s)', (dialect) => {
  let t: TestApp;
  let files: Awaited<ReturnType<typeof fileServer>>;
  let clerk: string;
  let apiKey: string;
  let materials: { code: string; required: boolean; datatype_description: string }[];

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  function form(phone: string, extra: Record<string, string> = {}): Record<string, string> {
    const f: Record<string, string> = {
      api_key: apiKey,
      service_code: SERVICE,
      'attribute[APPLICANT_TYPE]': 'person',
      'attribute[APPLICANT_NAME]': '李秀英',
      'attribute[APPLICANT_ID_NUMBER]': ID_A,
      'attribute[APPLICANT_PHONE]': phone,
      'attribute[CENTER]': TOWNSHIP,
    };
    materials.forEach((m, i) => {
      // plain http: the help text says it is accepted, and it is
      if (m.required) f[`attribute[${m.code}]`] = `${files.base}/${i % 2 === 0 ? 'scan.pdf' : 'photo.png'}`;
    });
    return { ...f, ...extra };
  }
  const smsTo = (phone: string) => t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', phone).execute();

  beforeAll(async () => {
    files = await fileServer();
    t = await startTestApp(dialect, { config: { publicUrl: PUBLIC, open311FetchPrivate: true, session: { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60, secureCookie: false } } });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    const admin = await signIn(t.app, 'admin');
    clerk = await signIn(t.app, 'clerk');
    const issued = await t.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: admin }, payload: { name: PLATFORM } });
    expect(issued.statusCode, issued.body).toBe(201);
    apiKey = issued.json().apiKey;
    const def = (await get(`/open311/v2/services/${SERVICE}.json`)).json() as { attributes: { code: string; required: boolean; datatype_description: string }[] };
    materials = def.attributes.filter((a) => a.code.startsWith('MATERIAL_'));
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => files?.server.close(r));
  });

  describe('1. the clerk sees the source: Open311 and the platform, in the API and the 办理过程', () => {
    let id: string;

    it('GET /api/applications/{id}: source open311 with the api_key holder; the submission step says who filed it', async () => {
      const made = await post('/open311/v2/requests.json', form('13700000021'));
      expect(made.statusCode, made.body).toBe(200);
      const no = (made.json() as { service_request_id: string }[])[0]!.service_request_id;
      id = (await t.database.db.selectFrom('applications').select('id').where('application_no', '=', no).executeTakeFirstOrThrow()).id;

      const detail = await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie: clerk } });
      expect(detail.statusCode, detail.body).toBe(200);
      const a = detail.json() as { source: unknown; steps: { action: string; byName: string | null; via: string | null }[] };
      expect(a.source).toEqual({ kind: 'open311', name: `Open311 接口（${PLATFORM}）`, platform: PLATFORM });
      expect(a.steps[0]).toMatchObject({ action: 'submit', byName: null, via: `经 Open311 接口（${PLATFORM}）提交` });

      const list = await t.app.inject({ method: 'GET', url: '/api/applications?status=pre_review', headers: { cookie: clerk } });
      const listed = (list.json() as { applications: { id: string; source: { kind: string; platform: string | null } }[] }).applications.find((x) => x.id === id);
      expect(listed?.source).toMatchObject({ kind: 'open311', platform: PLATFORM });
    });
  });

  describe('2. a missing or unknown format suffix is 400 for every resource and method (XML when none is named)', () => {
    it('POST requests without a suffix, or with one GeoReport does not know: 400, nothing made', async () => {
      const before = await t.database.db.selectFrom('applications').select('id').execute();
      for (const url of ['/open311/v2/requests', '/open311/v2/requests.txt', '/open311/v2/requests.html']) {
        const d = expectErrors(await post(url, form('13700000022')), 400, 'xml');
        expect(d[0], url).toContain('.xml 或 .json');
        expect(d[0], url).toContain('XML');
      }
      expect((await t.database.db.selectFrom('applications').select('id').execute()).length).toBe(before.length);
    });

    it('GET services.txt, requests.html, discovery.yaml, services.xml.bak, tokens/abc: 400; other methods on a bare resource too', async () => {
      for (const url of ['/open311/v2/services.txt', '/open311/v2/requests.html', '/open311/v2/discovery.yaml', '/open311/v2/services.csv', '/open311/v2/services.xml.bak', '/open311/v2/tokens/abc', '/open311/v2/tokens/abc.txt']) {
        expect(expectErrors(await get(url), 400, 'xml')[0], url).toContain('.xml 或 .json');
      }
      expectErrors(await t.app.inject({ method: 'PUT', url: '/open311/v2/services' }), 400, 'xml');
      expectErrors(await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests/WS20260302-0001' }), 400, 'xml');
    });

    it('the suffix in capitals is the same format, as for services/{code}.JSON; unknown resources and methods stay 404', async () => {
      const upper = await get('/open311/v2/services.JSON');
      expect(upper.statusCode, upper.body).toBe(200);
      expect(upper.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(upper.json()).toEqual((await get('/open311/v2/services.json')).json());
      expect((await get('/open311/v2/discovery.XML')).headers['content-type']).toBe('text/xml; charset=utf-8');
      expectErrors(await get('/open311/v2/nothing.json'), 404, 'json');
      expectErrors(await get('/open311/v2/nothing'), 404, 'xml');
      expectErrors(await get('/open311/v2/requests/a/b'), 404, 'xml');
      expectErrors(await post('/open311/v2/services.json', {}), 404, 'json');
    });
  });

  describe('3. query-parameter problems all at once', () => {
    it('requests: bad start_date and page_size both named; with a bad end_date and status, four', async () => {
      const two = expectErrors(await get('/open311/v2/requests.json?start_date=yesterday&page_size=abc'), 400, 'json');
      expect(two.length).toBe(2);
      expect(two.some((d) => d.includes('start_date'))).toBe(true);
      expect(two.some((d) => d.includes('page_size'))).toBe(true);
      const four = expectErrors(await get('/open311/v2/requests.xml?start_date=yesterday&end_date=tomorrow&status=pending&page=0'), 400, 'xml');
      expect(four.map((d) => d.split(' ')[0])).toEqual(['status', 'start_date', 'end_date', 'page']);
      // the range is checked too, beside the others
      const range = expectErrors(await get('/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z&page_size=0'), 400, 'json');
      expect(range.length).toBe(2);
      expect(range[0]).toContain('90');
    });

    it('services: page and page_size both named', async () => {
      const d = expectErrors(await get('/open311/v2/services.json?page=0&page_size=abc'), 400, 'json');
      expect(d.length).toBe(2);
      expect(d[0]).toContain('page');
      expect(d[1]).toContain('page_size');
    });

    it('service_request_id overrides the other parameters (the specification): they are not checked then', async () => {
      expect((await get('/open311/v2/requests.json?service_request_id=WS19990101-0001&page_size=abc')).statusCode).toBe(200);
      const many = Array.from({ length: 101 }, (_, i) => `WS20260302-${String(i).padStart(4, '0')}`).join(',');
      expect(expectErrors(await get(`/open311/v2/requests.json?service_request_id=${many}`), 400, 'json')[0]).toContain('100');
    });
  });

  it('4. the material attributes say what happens: https or http, downloaded at submission, one bad file refuses the request', () => {
    expect(materials.length).toBeGreaterThan(0);
    for (const m of materials) {
      expect(m.datatype_description).toContain('https://');
      expect(m.datatype_description).toContain('http://');
      expect(m.datatype_description).toContain('提交时');
      expect(m.datatype_description).toContain('整份申请不予建立');
      expect(m.datatype_description).not.toContain('预审时下载');
    }
  });

  describe('5. SMS to an applicant whose account the platform made: set a password with 找回密码 first', () => {
    it('the receipt and the one-time notice say so while the account has no password', async () => {
      const made = await post('/open311/v2/requests.json', form('13700000023'));
      expect(made.statusCode, made.body).toBe(200);
      const receipt = (await smsTo('13700000023')).find((m) => m.template.startsWith('application-submitted'));
      expect(receipt?.template).toBe('application-submitted-unclaimed');
      expect(receipt?.text).toContain(FIRST_LOGIN);

      const no = (made.json() as { service_request_id: string }[])[0]!.service_request_id;
      const row = await t.database.db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow();
      const first = materials.find((m) => m.required)!;
      const detail = (await t.app.inject({ method: 'GET', url: `/api/applications/${row.id}`, headers: { cookie: clerk } })).json() as { materials: { name: string }[] };
      const material = detail.materials[materials.indexOf(first)]!.name;
      const notice = await t.app.inject({
        method: 'POST',
        url: `/api/applications/${row.id}/actions/notify-supplement`,
        headers: { cookie: clerk },
        payload: { expectedVersion: row.version, missing: [{ material, reason: '照片不清晰，请重新拍摄' }] },
      });
      expect(notice.statusCode, notice.body).toBe(200);
      const supplement = (await smsTo('13700000023')).find((m) => m.template.startsWith('application-supplement'));
      expect(supplement?.template).toBe('application-supplement-unclaimed');
      expect(supplement?.text).toContain(FIRST_LOGIN);
    });

    it('the return says so too', async () => {
      const made = await post('/open311/v2/requests.json', form('13700000024', { description: '第二份' }));
      expect(made.statusCode, made.body).toBe(200);
      const no = (made.json() as { service_request_id: string }[])[0]!.service_request_id;
      const row = await t.database.db.selectFrom('applications').selectAll().where('application_no', '=', no).executeTakeFirstOrThrow();
      const returned = await t.app.inject({ method: 'POST', url: `/api/applications/${row.id}/actions/return`, headers: { cookie: clerk }, payload: { expectedVersion: row.version, reason: '不符合申请条件', basis: '《办事指南》申请条件第一项' } });
      expect(returned.statusCode, returned.body).toBe(200);
      const sms = (await smsTo('13700000024')).find((m) => m.template.startsWith('application-returned'));
      expect(sms?.template).toBe('application-returned-unclaimed');
      expect(sms?.text).toContain(FIRST_LOGIN);
    });

    it('once the person has set a password, the ordinary texts', async () => {
      const sent = await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone: '13700000024', purpose: 'reset' }, remoteAddress: '10.32.0.2' });
      expect(sent.statusCode, sent.body).toBe(202);
      const code = /验证码(\d{6})/.exec((await smsTo('13700000024')).find((m) => m.template === 'applicant-code')!.text)![1]!;
      const reset = await t.app.inject({ method: 'POST', url: '/api/public/applicants/password-reset', payload: { phone: '13700000024', code, password: 'Liuhe#2026ok' }, remoteAddress: '10.32.0.2' });
      expect(reset.statusCode, reset.body).toBe(200);
      const made = await post('/open311/v2/requests.json', form('13700000024', { description: '第三份' }));
      expect(made.statusCode, made.body).toBe(200);
      const receipts = (await smsTo('13700000024')).filter((m) => m.template.startsWith('application-submitted'));
      expect(receipts.map((m) => m.template).sort()).toEqual(['application-submitted', 'application-submitted-unclaimed']);
      expect(receipts.find((m) => m.template === 'application-submitted')!.text).not.toContain('找回密码');
    });
  });
});
