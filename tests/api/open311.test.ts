// Open311 GeoReport v2 (issue 11 §5; REFERENCES.md; http://wiki.open311.org/GeoReport_v2): the methods that need no
// online application — discovery, GET services, GET services/{service_code} — in XML (read back with a strict reader)
// and JSON carrying the same content, UTF-8, ISO 8601 with zone, page/page_size, jurisdiction_id, and every error
// the specification names for them in its `errors` format; the API keys an administrator issues (shown once, only
// the hash stored) and revokes (the key stops authenticating), both audited; the public address of discovery never
// taken from the request's Host.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Error } from '../../src/modules/open311/errors.js';
import { authenticateApiKey } from '../../src/modules/open311/authenticate.js';
import type { AppContext } from '../../src/server/context.js';
import { loadConfig } from '../../src/server/config.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';
import { child, childNames, parseXml, type XmlElement, expectErrors } from './support/open311-xml.js';

const PUBLIC = 'https://bianmin.example.gov.cn';
const ISO_ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/**
 * The XML element carries exactly the JSON value: a list as children (one per entry), an object as children named by
 * its keys in order, null as an empty element, anything else as its text.
 */
function expectSameContent(e: XmlElement, v: Json, where = e.name): void {
  if (Array.isArray(v)) {
    expect(e.children.length, where).toBe(v.length);
    v.forEach((x, i) => expectSameContent(e.children[i]!, x, `${where}[${i}]`));
  } else if (v !== null && typeof v === 'object') {
    expect(childNames(e), where).toEqual(Object.keys(v));
    for (const [k, x] of Object.entries(v)) expectSameContent(child(e, k), x, `${where}.${k}`);
  } else {
    expect(e.children, where).toEqual([]);
    expect(e.text, where).toBe(v === null ? '' : String(v));
  }
}


describe.each(DIALECTS)('Open311 GeoReport v2 (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let director: string;
  let county: { code: string; center_name: string; phone: string | null };
  let online: { code: string; name: string; category: string; aliases: string[]; materials: { name: string; main: boolean }[] }[];
  let notOnline: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const ctxOf = (): AppContext => ({ database: t.database, config: { ...loadConfig({}), publicUrl: PUBLIC }, clock: () => t.clock.now });

  beforeAll(async () => {
    // the clock is moved to next January (the catalog changeset test): sessions outlive that from any day of the year
    t = await startTestApp(dialect, { config: { publicUrl: PUBLIC, session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    admin = await signIn(t.app, 'admin');
    director = await signIn(t.app, 'director');
    const db = t.database.db;
    county = (await db.selectFrom('orgs').select(['code', 'center_name', 'phone']).where('parent_id', 'is', null).executeTakeFirstOrThrow());
    const items = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/items', headers: { cookie: admin } })).body) as {
      items: { code: string; name: string; category: string; aliases: string[]; onlineAllowed: boolean; materials: { name: string; main: boolean }[] }[];
    };
    online = items.items.filter((i) => i.onlineAllowed).sort((a, b) => (a.code < b.code ? -1 : 1));
    notOnline = items.items.find((i) => !i.onlineAllowed)!.code;
  });
  afterAll(() => t.close());

  describe('discovery', () => {
    it('discovery.xml: the specification’s elements, the endpoint at the configured address (not the Host), UTF-8', async () => {
      const res = await get('/open311/v2/discovery.xml', { host: 'evil.example:8080' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('discovery');
      expect(childNames(root)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(child(root, 'changeset').text).toMatch(ISO_ZONED);
      expect(child(root, 'contact').text).toContain(county.center_name);
      expect(child(root, 'contact').text).toContain(county.phone!);
      expect(child(root, 'contact').text).toContain('监督电话：0371-6688 1200');
      expect(child(root, 'key_service').text).toContain('系统管理员');
      const endpoints = child(root, 'endpoints');
      expect(childNames(endpoints)).toEqual(['endpoint']);
      const endpoint = child(endpoints, 'endpoint');
      expect(childNames(endpoint)).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
      expect(child(endpoint, 'specification').text).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(child(endpoint, 'url').text).toBe(`${PUBLIC}/open311/v2`);
      expect(res.body).not.toContain('evil.example');
      expect(child(endpoint, 'changeset').text).toMatch(ISO_ZONED);
      expect(child(endpoint, 'type').text).toBe('production');
      const formats = child(endpoint, 'formats');
      expect(formats.children.map((f) => [f.name, f.text])).toEqual([
        ['format', 'text/xml'],
        ['format', 'application/json'],
      ]);
    });

    it('discovery.json carries exactly what the XML carries', async () => {
      const [xml, json] = await Promise.all([get('/open311/v2/discovery.xml'), get('/open311/v2/discovery.json', { host: 'evil.example' })]);
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(json.body) as Json & { endpoints: { url: string; formats: string[] }[] };
      expect(Object.keys(body)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(body.endpoints[0]!.url).toBe(`${PUBLIC}/open311/v2`);
      expect(body.endpoints[0]!.formats).toEqual(['text/xml', 'application/json']);
      expectSameContent(parseXml(xml.body), body);
    });

    it('the endpoint changeset moves when the catalog changes', async () => {
      const before = JSON.parse((await get('/open311/v2/discovery.json')).body) as { endpoints: { changeset: string }[] };
      // the demo was loaded at the real time: a later moment
      t.clock.now = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 4, 2, 15));
      const expected = `${new Date().getUTCFullYear() + 1}-01-04T10:15:00+08:00`;
      const item = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/items/${notOnline}`, headers: { cookie: admin } })).body) as Record<string, unknown> & { version: number };
      const { id: _id, status: _s, retiredReason: _r, version, updatedAt: _u, ...fields } = item;
      const put = await t.app.inject({ method: 'PUT', url: `/api/items/${notOnline}`, headers: { cookie: admin }, payload: { ...fields, expectedVersion: version, conditions: `${String(fields.conditions)}（已更新）` } });
      expect(put.statusCode, put.body).toBe(200);
      const after = JSON.parse((await get('/open311/v2/discovery.json')).body) as { changeset: string; endpoints: { changeset: string }[] };
      expect(after.endpoints[0]!.changeset).toBe(expected);
      expect(after.endpoints[0]!.changeset > before.endpoints[0]!.changeset).toBe(true);
      expect(after.changeset).toBe(expected);
    });
  });

  describe('GET services', () => {
    it('services.xml lists exactly the items that allow online application, in the specification’s element order', async () => {
      const res = await get('/open311/v2/services.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(res.headers['x-total-count']).toBe(String(online.length));
      const root = parseXml(res.body);
      expect(root.name).toBe('services');
      expect(online.length).toBeGreaterThan(5);
      expect(root.children.map((s) => child(s, 'service_code').text)).toEqual(online.map((i) => i.code));
      expect(root.children.map((s) => child(s, 'service_code').text)).not.toContain(notOnline);
      root.children.forEach((s, i) => {
        const item = online[i]!;
        expect(s.name).toBe('service');
        expect(childNames(s)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
        expect(child(s, 'service_name').text).toBe(item.name);
        expect(child(s, 'description').text).toMatch(/^.+实施的(即办件|承诺件)，/);
        expect(child(s, 'metadata').text).toBe('true');
        // batch: an item with 5 materials or more (its request is queued, answered with a token); realtime otherwise
        expect(child(s, 'type').text, item.code).toBe(item.materials.length >= 5 ? 'batch' : 'realtime');
        expect(child(s, 'keywords').text).toBe(item.aliases.join(','));
        expect(child(s, 'group').text).toBe(item.category);
      });
      const dibao = root.children.find((s) => child(s, 'service_code').text === 'MZ-003')!;
      expect(child(dibao, 'keywords').text.split(',')).toContain('低保');
      expect(child(dibao, 'type').text).toBe('batch');
      expect(child(root.children.find((s) => child(s, 'service_code').text === 'RS-003')!, 'type').text).toBe('realtime');
    });

    it('services.json: an array of the same services with metadata a boolean', async () => {
      const [xml, json] = await Promise.all([get('/open311/v2/services.xml'), get('/open311/v2/services.json')]);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(json.body) as { metadata: unknown; service_code: string }[];
      expect(Array.isArray(body)).toBe(true);
      expect(body.every((s) => s.metadata === true)).toBe(true);
      expectSameContent(parseXml(xml.body), body as unknown as Json);
    });

    it('page and page_size page through the list; past the end is an empty list', async () => {
      const all = JSON.parse((await get('/open311/v2/services.json')).body) as { service_code: string }[];
      const page2 = await get('/open311/v2/services.json?page=2&page_size=5');
      expect(page2.statusCode).toBe(200);
      expect((JSON.parse(page2.body) as { service_code: string }[]).map((s) => s.service_code)).toEqual(all.slice(5, 10).map((s) => s.service_code));
      const xml = parseXml((await get('/open311/v2/services.xml?page=1&page_size=3')).body);
      expect(xml.children.map((s) => child(s, 'service_code').text)).toEqual(all.slice(0, 3).map((s) => s.service_code));
      const beyond = await get('/open311/v2/services.xml?page=99&page_size=50');
      expect(beyond.statusCode).toBe(200);
      expect(beyond.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services></services>\n');
      expect(JSON.parse((await get('/open311/v2/services.json?page=99&page_size=50')).body)).toEqual([]);
    });

    it('a bad page or page_size is 400 in the errors format', async () => {
      expectErrors(await get('/open311/v2/services.xml?page=0'), 400, 'xml');
      const d = expectErrors(await get('/open311/v2/services.json?page_size=abc'), 400, 'json');
      expect(d.join()).toContain('page_size');
      expectErrors(await get('/open311/v2/services.json?page_size=100000'), 400, 'json');
    });

    it('jurisdiction_id: the county’s code or the public host is accepted; anything else is 404', async () => {
      const plain = (await get('/open311/v2/services.json')).body;
      expect((await get(`/open311/v2/services.json?jurisdiction_id=${county.code}`)).body).toBe(plain);
      expect((await get('/open311/v2/services.json?jurisdiction_id=bianmin.example.gov.cn')).body).toBe(plain);
      const d = expectErrors(await get('/open311/v2/services.xml?jurisdiction_id=city.gov'), 404, 'xml');
      expect(d[0]).toContain('city.gov');
      expectErrors(await get('/open311/v2/services.json?jurisdiction_id=evil.example'), 404, 'json');
    });
  });

  describe('GET service definition', () => {
    it('services/MZ-003.xml: the applicant, then one attribute per material (主件 required), orders 1…n', async () => {
      const item = online.find((i) => i.code === 'MZ-003')!;
      const res = await get('/open311/v2/services/MZ-003.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('service_definition');
      expect(childNames(root)).toEqual(['service_code', 'attributes']);
      expect(child(root, 'service_code').text).toBe('MZ-003');
      const attributes = child(root, 'attributes').children;
      expect(attributes.every((a) => a.name === 'attribute')).toBe(true);
      // the applicant (4), the materials, then the receiving center to choose from
      expect(attributes.length).toBe(4 + item.materials.length + 1);
      attributes.forEach((a, i) => {
        const names = childNames(a);
        expect(names.slice(0, 7)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description']);
        expect(child(a, 'variable').text).toBe('true');
        expect(child(a, 'order').text).toBe(String(i + 1));
        expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(child(a, 'datatype').text);
        expect(child(a, 'description').text).toMatch(/[\u4e00-\u9fff]/);
        expect(child(a, 'datatype_description').text).toMatch(/[\u4e00-\u9fff]/);
        // values only where a list is chosen from
        expect(names.includes('values')).toBe(child(a, 'datatype').text.endsWith('valuelist'));
      });
      expect(attributes.slice(0, 4).map((a) => [child(a, 'code').text, child(a, 'datatype').text, child(a, 'required').text])).toEqual([
        ['APPLICANT_TYPE', 'singlevaluelist', 'true'],
        ['APPLICANT_NAME', 'string', 'true'],
        ['APPLICANT_ID_NUMBER', 'string', 'true'],
        ['APPLICANT_PHONE', 'string', 'true'],
      ]);
      const values = child(attributes[0]!, 'values').children;
      expect(values.map((v) => [v.name, childNames(v), child(v, 'key').text])).toEqual([
        ['value', ['key', 'name'], 'person'],
        ['value', ['key', 'name'], 'organization'],
      ]);
      expect(child(values[0]!, 'name').text).toBe('个人');
      expect(child(attributes[2]!, 'description').text).toContain('统一社会信用代码');
      const center = attributes[attributes.length - 1]!;
      expect([child(center, 'code').text, child(center, 'datatype').text]).toEqual(['CENTER', 'singlevaluelist']);
      expect(child(center, 'values').children.length).toBeGreaterThan(0);
      const materials = attributes.slice(4, 4 + item.materials.length);
      materials.forEach((a, i) => {
        expect(child(a, 'code').text).toMatch(/^MATERIAL_[0-9A-F]{8}(_\d+)?$/);
        expect(child(a, 'datatype').text).toBe('string');
        expect(child(a, 'required').text).toBe(String(item.materials[i]!.main));
        expect(child(a, 'description').text).toContain(item.materials[i]!.name);
        expect(child(a, 'datatype_description').text).toContain('https://');
      });
      expect(new Set(materials.map((a) => child(a, 'code').text)).size).toBe(materials.length);
    });

    it('services/MZ-003.json carries exactly what the XML carries; a lower-cased code finds the same service', async () => {
      const [xml, json, lower] = await Promise.all([get('/open311/v2/services/MZ-003.xml'), get('/open311/v2/services/MZ-003.json'), get('/open311/v2/services/mz-003.json')]);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(json.body) as { service_code: string; attributes: { variable: unknown; required: unknown; order: unknown; values?: { key: string; name: string }[] }[] };
      expect(body.attributes.every((a) => a.variable === true && typeof a.required === 'boolean' && typeof a.order === 'number')).toBe(true);
      expect(body.attributes[0]!.values).toEqual([
        { key: 'person', name: '个人' },
        { key: 'organization', name: '单位（企业、个体工商户、社会组织、机关事业单位等）' },
      ]);
      expectSameContent(parseXml(xml.body), body as unknown as Json);
      expect(lower.body).toBe(json.body);
    });

    it('every listed service has a definition; the same material keeps its code in every service', async () => {
      const codes = new Map<string, string>();
      for (const item of online) {
        const res = await get(`/open311/v2/services/${item.code}.json`);
        expect(res.statusCode, item.code).toBe(200);
        const body = JSON.parse(res.body) as { attributes: { code: string; description: string }[] };
        body.attributes.slice(4, 4 + item.materials.length).forEach((a, i) => {
          const name = item.materials[i]!.name;
          if (codes.has(name)) expect(a.code).toBe(codes.get(name));
          codes.set(name, a.code);
        });
      }
    });

    it('404 for a code that is unknown, not open to online application, or retired; 404 for an unknown jurisdiction', async () => {
      expect(expectErrors(await get('/open311/v2/services/ZZ-999.xml'), 404, 'xml')[0]).toContain('ZZ-999');
      expectErrors(await get('/open311/v2/services/ZZ-999.json'), 404, 'json');
      expectErrors(await get(`/open311/v2/services/${notOnline}.xml`), 404, 'xml');
      expectErrors(await get('/open311/v2/services/MZ-003.json?jurisdiction_id=city.gov'), 404, 'json');
      expect((await get(`/open311/v2/services/MZ-003.json?jurisdiction_id=${county.code}`)).statusCode).toBe(200);

      const victim = online.find((i) => i.code !== 'MZ-003')!.code;
      const item = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/items/${victim}`, headers: { cookie: admin } })).body) as { version: number };
      const retired = await t.app.inject({ method: 'POST', url: `/api/items/${victim}/retire`, headers: { cookie: admin }, payload: { expectedVersion: item.version, reason: '上级取消该事项' } });
      expect(retired.statusCode, retired.body).toBe(200);
      expectErrors(await get(`/open311/v2/services/${victim}.json`), 404, 'json');
      const list = JSON.parse((await get('/open311/v2/services.json')).body) as { service_code: string }[];
      expect(list.map((s) => s.service_code)).not.toContain(victim);
      online = online.filter((i) => i.code !== victim);
    });
  });

  describe('formats and unknown paths', () => {
    it('a resource without its format suffix, or with one GeoReport does not know, is 400 (answered in XML)', async () => {
      for (const url of ['/open311/v2/services', '/open311/v2/discovery', '/open311/v2/requests', '/open311/v2/services/MZ-003', '/open311/v2/services/MZ-003.csv', '/open311/v2/requests/WS20260302-0001']) {
        const d = expectErrors(await get(url), 400, 'xml');
        expect(d[0], url).toContain('.xml 或 .json');
      }
    });

    it('unknown paths and unknown tokens are 404 in the format asked for; a POST without api_key is 403 (requests: open311-requests.test.ts)', async () => {
      expectErrors(await get('/open311/v2/nothing.json'), 404, 'json');
      expectErrors(await get('/open311/v2/requests/a/b.xml'), 404, 'xml');
      expectErrors(await get('/open311/v2/tokens/abc.xml'), 404, 'xml');
      // a known resource with a suffix GeoReport does not know is 400, not 404 (open311-findings.test.ts)
      expectErrors(await get('/open311/v2/services.csv'), 400, 'xml');
      expectErrors(
        await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: 'service_code=MZ-003', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        403,
        'json',
      );
      // the rest of the API still answers problem+json
      const api = await get('/api/nothing-here');
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    });

    it('text XML cannot carry is escaped: an item name with & and < reads back unchanged', async () => {
      const item = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/items/MZ-003', headers: { cookie: admin } })).body) as Record<string, unknown> & { version: number };
      const { id: _id, status: _s, retiredReason: _r, version, updatedAt: _u, ...fields } = item;
      const name = '城乡居民最低生活保障 <低保> & "特困"';
      const put = await t.app.inject({ method: 'PUT', url: '/api/items/MZ-003', headers: { cookie: admin }, payload: { ...fields, name, expectedVersion: version } });
      expect(put.statusCode, put.body).toBe(200);
      const xml = parseXml((await get('/open311/v2/services.xml')).body);
      const s = xml.children.find((e) => child(e, 'service_code').text === 'MZ-003')!;
      expect(child(s, 'service_name').text).toBe(name);
      const json = JSON.parse((await get('/open311/v2/services.json')).body) as { service_code: string; service_name: string }[];
      expect(json.find((e) => e.service_code === 'MZ-003')!.service_name).toBe(name);
    });
  });

  describe('API keys', () => {
    it('only the system administrator lists, issues and revokes keys', async () => {
      for (const [method, url] of [
        ['GET', '/api/open311/keys'],
        ['POST', '/api/open311/keys'],
      ] as const) {
        const res = await t.app.inject({ method, url, headers: { cookie: director }, ...(method === 'POST' ? { payload: { name: '某平台' } } : {}) });
        expect(res.statusCode).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/open311/keys' })).statusCode).toBe(401);
    });

    it('issue: the key once in the answer, only its hash in the database, audited without it; it authenticates', async () => {
      const issued = await t.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: admin }, payload: { name: '县 12345 热线平台' } });
      expect(issued.statusCode, issued.body).toBe(201);
      const { key, apiKey } = JSON.parse(issued.body) as { key: { id: string; name: string; active: boolean; createdByName: string; version: number }; apiKey: string };
      expect(apiKey).toMatch(/^bm311_[0-9A-Z]{32}$/);
      expect(key).toMatchObject({ name: '县 12345 热线平台', active: true, createdByName: expect.any(String) });

      const row = await t.database.db.selectFrom('open311_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
      expect(row.key_hash).toBe(createHash('sha256').update(apiKey).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(apiKey);
      expect(JSON.stringify(row)).not.toContain(apiKey.slice(6));
      const list = await t.app.inject({ method: 'GET', url: '/api/open311/keys', headers: { cookie: admin } });
      expect(list.body).not.toContain(apiKey.slice(6));
      expect(list.body).not.toContain(row.key_hash);
      expect((JSON.parse(list.body) as { keys: { id: string }[] }).keys.map((k) => k.id)).toContain(key.id);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', key.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['open311Key.issue']);
      expect(JSON.stringify(audit)).not.toContain(apiKey.slice(6));

      const holder = await authenticateApiKey(ctxOf(), apiKey);
      expect(holder).toEqual({ keyId: key.id, name: '县 12345 热线平台' });
      const used = await t.database.db.selectFrom('open311_keys').select('last_used_at').where('id', '=', key.id).executeTakeFirstOrThrow();
      expect(used.last_used_at).toBe(t.clock.now.toISOString());
    });

    it('revoke: a reason is required, the key stops authenticating at once, who and why are kept and audited', async () => {
      const issued = JSON.parse((await t.app.inject({ method: 'POST', url: '/api/open311/keys', headers: { cookie: admin }, payload: { name: '柳河镇微信公众号' } })).body) as {
        key: { id: string; version: number };
        apiKey: string;
      };
      await expect(authenticateApiKey(ctxOf(), issued.apiKey)).resolves.toMatchObject({ name: '柳河镇微信公众号' });
      const url = `/api/open311/keys/${issued.key.id}/revoke`;
      const noReason = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { expectedVersion: issued.key.version, reason: '  ' } });
      expect(noReason.statusCode).toBe(400);
      expect(JSON.parse(noReason.body).title).toContain('吊销理由');
      const stale = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { expectedVersion: issued.key.version + 5, reason: '密钥泄露' } });
      expect(stale.statusCode).toBe(409);
      await expect(authenticateApiKey(ctxOf(), issued.apiKey)).resolves.toMatchObject({ name: '柳河镇微信公众号' });

      const revoked = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { expectedVersion: issued.key.version, reason: '密钥泄露，已另发新密钥' } });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(JSON.parse(revoked.body)).toMatchObject({ active: false, reason: '密钥泄露，已另发新密钥', revokedAt: t.clock.now.toISOString(), revokedByName: expect.any(String) });
      const err = await authenticateApiKey(ctxOf(), issued.apiKey).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Open311Error);
      expect((err as Open311Error).status).toBe(403);
      expect((err as Open311Error).descriptions[0]).toContain('吊销');

      const again = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { expectedVersion: issued.key.version + 1, reason: '再次吊销' } });
      expect(again.statusCode).toBe(409);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', issued.key.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['open311Key.issue', 'open311Key.revoke']);
      expect(audit[1]!.detail).toContain('密钥泄露，已另发新密钥');
      expect((await t.app.inject({ method: 'POST', url: '/api/open311/keys/nope/revoke', headers: { cookie: admin }, payload: { expectedVersion: 1, reason: '无' } })).statusCode).toBe(404);
    });

    it('a missing, malformed or unknown key does not authenticate', async () => {
      for (const key of [undefined, null, '', '   ', 'bm311_WRONGWRONGWRONGWRONGWRONGWRON', 'x'.repeat(500)]) {
        const err = await authenticateApiKey(ctxOf(), key).catch((e: unknown) => e);
        expect(err, String(key)).toBeInstanceOf(Open311Error);
        expect((err as Open311Error).status).toBe(403);
      }
    });
  });
});

describe.each(DIALECTS)('Open311 discovery and the public address (%s)', (dialect) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('no public address anywhere: discovery says so (503, errors format); the settings page’s address is used, never the Host', async () => {
    t = await startTestApp(dialect, { config: { publicUrl: null } });
    const none = await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.json', headers: { host: 'bianmin.evil.example' } });
    expect(none.statusCode).toBe(503);
    const body = JSON.parse(none.body) as { code: number; description: string }[];
    expect(body[0]!.code).toBe(503);
    expect(body[0]!.description).toContain('公网地址');
    // services need no address
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).statusCode).toBe(200);

    const admin = await signIn(t.app, 'admin');
    const put = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: admin }, payload: { publicUrl: 'https://qinghe.example.cn/' } });
    expect(put.statusCode, put.body).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.xml', headers: { host: 'bianmin.evil.example', 'x-forwarded-host': 'other.evil.example' } });
    expect(res.statusCode).toBe(200);
    const endpoint = child(child(parseXml(res.body), 'endpoints'), 'endpoint');
    expect(child(endpoint, 'url').text).toBe('https://qinghe.example.cn/open311/v2');
    expect(res.body).not.toContain('evil.example');
    // the settings host is a known jurisdiction too
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=qinghe.example.cn' })).statusCode).toBe(200);
  });
});
