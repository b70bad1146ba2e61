// Issue 7 §8, the edge: spreadsheet bombs, races on unique keys, cross-origin posts, Fastify's own errors in
// Chinese, 5xx logged with the request id, private database files, HSTS only over HTTPS, masked personal data
// never searchable piece by piece, limits on free text and no invisible characters in names — on SQLite and
// PostgreSQL alike. §3 (part): the public progress lookup takes a case number however it is typed.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { checkDigit } from '../../src/domain/people/id-number.js';
import demoCatalog from '../../src/modules/demo/catalog.json' with { type: 'json' };
import { inspectXlsx } from '../../src/server/read-xlsx.js';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';
import { xlsxWithRows } from './support/zip.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', channel: 'window', materials: all(['居民身份证', '近期一寸免冠照片']) };

describe.each(DIALECTS)('hardening (%s)', (dialect) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  const logLines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp(dialect, { logger: { level: 'error', stream } });
    // A route that fails the way a bug would: only to see how a 5xx is answered and logged.
    t.app.get('/api/test/fail', async () => {
      throw new Error('deliberate failure for the test');
    });
    t.clock.now = new Date('2026-03-02T09:00:00+08:00'); // a Monday inside the loaded calendar years
    [admin, clerk] = await Promise.all([signIn(t.app, 'admin'), signIn(t.app, 'clerk')]);
  });
  afterAll(() => t.close());

  const importFile = (name: string, content: Buffer, cookie = admin) => {
    const body = multipart({ name, content });
    return t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { cookie, ...body.headers }, payload: body.payload });
  };

  describe('spreadsheet uploads', () => {
    it('refuses a zip bomb (170 MB of rows in 600 KB) from its header, before anything is unpacked', async () => {
      const bomb = await xlsxWithRows(2_000_000);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const rssBefore = process.memoryUsage().rss;
      const res = await importFile('目录.xlsx', bomb);
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('SPREADSHEET_TOO_LARGE');
      expect(res.json().title).toMatch(/^表格文件过大：解压后超过 50 MB。.*分批导入/);
      // nothing of the 170 MB was ever held (exceljs took 4 GB for such a file)
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    });

    it('refuses a bomb whose zip header lies about the size, inflating no more than the limit', async () => {
      const liar = await xlsxWithRows(2_000_000, { declaredSheetSize: 5000 });
      const res = await importFile('目录.xlsx', liar);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('IMPORT_FILE_UNREADABLE');
      expect(() => inspectXlsx(liar, { maxUncompressedBytes: 10_000 })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SPREADSHEET_/) }));
    });

    it('refuses a sheet within the size limit but with too many rows, by counting rows before exceljs builds them', async () => {
      const rows = await xlsxWithRows(100_000); // ~9 MB of XML: under the byte limit
      expect(inspectXlsx(rows, { maxRows: 200_000, maxCells: 1_000_000 }).rows).toBe(100_001);
      const res = await importFile('目录.xlsx', rows);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', rows: expect.any(Number) });
      expect(res.json().title).toContain('行');
      expect(() => inspectXlsx(rows, { maxRows: 1_000_000, maxCells: 50_000 })).toThrow(/单元格/);
    });

    it('still imports an ordinary workbook (the exported catalog)', async () => {
      const exported = (await t.app.inject({ url: '/api/catalog/export.xlsx', headers: { cookie: admin } })).rawPayload;
      const stats = inspectXlsx(exported);
      expect(stats.rows).toBeGreaterThan(50);
      const res = await importFile('目录.xlsx', exported);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().refused).toBe(0);
    });
  });

  describe('simultaneous writes of one key answer a replay or 409, never 500', () => {
    it('8 simultaneous registrations with one Idempotency-Key: one case, the same case in every answer', async () => {
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': key }, payload: { ...IMMEDIATE, applicant } }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      const caseNo = answers[0]!.json().caseNo as string;
      expect((await t.app.inject({ url: `/api/cases?q=${caseNo}`, headers: { cookie: clerk } })).json().total).toBe(1);
    });

    it('8 simultaneous new users with one username: one 201, the rest 409 DUPLICATE', async () => {
      const orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs as { id: string; name: string }[];
      const orgId = orgs.find((o) => o.name === '柳河镇')!.id;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/users',
            headers: { cookie: admin },
            payload: { username: 'racer', name: `同时${i}`, password: 'Qz7#kLm2pW', roles: ['clerk'], orgId },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: 'DUPLICATE', title: expect.stringContaining('用户名') });
    });

    it('8 simultaneous new items with one code, and two imports of one new code: one wins, the rest 409', async () => {
      const item = { ...structuredClone(demoCatalog.items.find((i) => i.code === 'MZ-001')!), code: 'MZ-700', name: '同时新增的事项' };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: item })),
      );
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: 'DUPLICATE', title: expect.stringContaining('事项编码') });

      const file = Buffer.from(JSON.stringify({ items: [{ ...item, code: 'MZ-701', name: '同时导入的事项' }] }));
      const imports = await Promise.all(Array.from({ length: 4 }, () => importFile('catalog.json', file)));
      const codes = imports.map((a) => a.statusCode);
      expect(codes, imports.map((a) => a.body).join('\n')).not.toContain(500);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
      // a later import saw the first one's item (updated/unchanged) or lost the race (409): never a second item
      expect((await t.app.inject({ url: '/api/items?q=同时导入的事项' })).json().items).toHaveLength(1);
    });

    it('8 simultaneous batch sends: with one key the same batch every time, with different keys one batch and 409s', async ({ onTestFinished }) => {
      t.clock.now = new Date('2026-03-09T09:00:00+08:00'); // a Monday, batch day
      // back to the suite's day whatever happens here: the tests after this one count on it
      onTestFinished(() => {
        t.clock.now = new Date('2026-03-02T09:00:00+08:00');
      });
      const agent = await signIn(t.app, 'agent');
      const villager = { ...applicant, phone: '13512340000' };
      const register = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie: agent, 'idempotency-key': randomUUID() },
          payload: { channel: 'agent', applicant: villager, itemCode: 'LY-001', proxy: { authorized: true }, materials: all(['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明']) },
        });
      const send = (key: string) => t.app.inject({ method: 'POST', url: '/api/agents/batches', headers: { cookie: agent, 'idempotency-key': key }, payload: {} });

      expect((await register()).statusCode).toBe(201);
      const key = randomUUID();
      const same = await Promise.all(Array.from({ length: 8 }, () => send(key)));
      expect(same.map((a) => a.statusCode), same.map((a) => a.body).join('\n')).toEqual(Array(8).fill(201));
      expect(new Set(same.map((a) => a.json().id)).size).toBe(1);

      expect((await register()).statusCode).toBe(201);
      const different = await Promise.all(Array.from({ length: 8 }, () => send(randomUUID())));
      const codes = different.map((a) => a.statusCode);
      expect(codes, different.map((a) => a.body).join('\n')).not.toContain(500);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      // the others lost the race (409), or read the waiting cases before the winner committed and found them already
      // sent (IN_TRANSIT), or came after it and found nothing left to send (422)
      for (const a of different.filter((x) => x.statusCode !== 201)) expect(['CONCURRENT_WRITE', 'VERSION_CONFLICT', 'IN_TRANSIT', 'NOTHING_TO_FORWARD']).toContain(a.json().code);
    });
  });

  describe('cross-origin posts', () => {
    const post = (headers: Record<string, string>, url = '/api/auth/logout') => t.app.inject({ method: 'POST', url, headers: { host: '192.168.1.10:3000', ...headers } });

    it('refuses a state-changing request a page of another origin sent, body-less or multipart', async () => {
      const session = await signIn(t.app, 'clerk');
      const foreign: Record<string, string>[] = [
        { origin: 'http://192.168.1.10:8080' },
        { origin: 'http://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site' },
        { referer: 'http://192.168.1.10:8080/form.html' },
      ];
      for (const headers of foreign) {
        const res = await post({ cookie: session, ...headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'CROSS_ORIGIN', title: expect.stringContaining('其他网页') });
      }
      // the session survived every forged logout
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(200);

      const body = multipart({ name: 'catalog.json', content: Buffer.from('{"items":[]}') });
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/catalog/import',
        headers: { host: '192.168.1.10:3000', origin: 'http://192.168.1.10:8080', cookie: admin, ...body.headers },
        payload: body.payload,
      });
      expect(upload.statusCode).toBe(403);
      const del = await t.app.inject({ method: 'DELETE', url: '/api/anything', headers: { host: '192.168.1.10:3000', origin: 'http://evil.example' } });
      expect(del.statusCode).toBe(403);
    });

    it('lets the app own pages through, and clients that are not browsers (no Origin, no Sec-Fetch-Site, no Referer)', async () => {
      const same = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host: '192.168.1.10:3000', origin: 'http://192.168.1.10:3000', 'sec-fetch-site': 'same-origin' },
        payload: { username: 'clerk', password: 'bianmin2026' },
      });
      expect(same.statusCode).toBe(200);
      expect((await post({ referer: 'http://192.168.1.10:3000/staff/cases' })).statusCode).toBe(204);
      expect((await post({ host: 'bianmin.test', origin: 'http://bianmin.test:80' })).statusCode).toBe(204);
      expect((await post({})).statusCode).toBe(204); // curl, a script, another system's client
      // reading is never checked
      expect((await t.app.inject({ url: '/api/health', headers: { origin: 'http://evil.example' } })).statusCode).toBe(200);
    });
  });

  describe("Fastify's own errors", () => {
    const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json() as { code: string; title: string; status: number };
      expect(p).toMatchObject({ code, status });
      expect(p.title).toMatch(/[\u4e00-\u9fff]/);
      expect(p.title).not.toMatch(/Route|Bad Request|not found|Body|Unsupported/);
    };
    it('answers an unknown API route, a too long URL, a bad or empty JSON body, a too large body and an unknown media type in Chinese', async () => {
      expectProblem(await t.app.inject({ url: '/api/no-such-thing', headers: { cookie: clerk } }), 404, 'NOT_FOUND');
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/no-such-thing' }), 404, 'NOT_FOUND');
      expectProblem(await t.app.inject({ url: `/api/cases/${'a'.repeat(500)}`, headers: { cookie: clerk } }), 414, 'URI_TOO_LONG');
      expectProblem(await t.app.inject({ url: '/api/cases/%E0%A4%A', headers: { cookie: clerk } }), 400, 'BAD_URL');
      const json = { cookie: clerk, 'content-type': 'application/json' };
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: '{"username":' }), 400, 'BAD_JSON');
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: json, payload: '' }), 400, 'EMPTY_BODY');
      expectProblem(
        await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024) }) }),
        413,
        'BODY_TOO_LARGE',
      );
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<x/>' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('logs every 5xx with the request id, and gives the id to the person at the screen', async () => {
      logLines.length = 0;
      const res = await t.app.inject({ url: '/api/test/fail' });
      expectProblem(res, 500, 'INTERNAL_ERROR');
      const { requestId, title } = res.json() as { requestId: string; title: string };
      expect(title).toContain(requestId);
      const logged = logLines.map((l) => JSON.parse(l) as { reqId?: string; err?: { message?: string }; level: number });
      expect(logged).toContainEqual(expect.objectContaining({ reqId: requestId, level: 50, err: expect.objectContaining({ message: 'deliberate failure for the test' }) }));
    });
  });

  describe('personal data the viewer sees masked is never searchable piece by piece', () => {
    // a valid ID number (GB 11643 check digit) and a phone no other case of this file has
    const id = `44030119800101123${checkDigit('44030119800101123')}`;
    const phone = '13987654321';
    let caseNo = '';
    const search = async (q: string, cookie: string) =>
      (await t.app.inject({ url: `/api/cases?q=${encodeURIComponent(q)}`, headers: { cookie } })).json() as { total: number; cases: { caseNo: string; applicant: { phone: string } }[] };

    beforeAll(async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: clerk, 'idempotency-key': randomUUID() },
        payload: { ...IMMEDIATE, applicant: { ...applicant, name: '钱小梅', idNumber: id, phone } },
      });
      expect(res.statusCode).toBe(201);
      caseNo = res.json().caseNo;
    });

    it('a supervisor who sees 139****4321 finds the case by the whole phone or ID number only', async () => {
      const supervisor = await signIn(t.app, 'supervisor');
      expect((await search('钱小梅', supervisor)).cases[0]!.applicant.phone).toBe('139****4321');
      // the attack: digit by digit, or the parts shown, or a run from the middle
      for (const q of ['87654', '1398', '4321', '139', '9876543', '19800101', '4403011980', id.slice(0, 17), id.slice(-4)]) {
        expect((await search(q, supervisor)).total, q).toBe(0);
      }
      for (const q of [phone, '139-8765-4321', '139 8765 4321', id, id.toLowerCase(), ` ${id} `]) {
        expect((await search(q, supervisor)).cases.map((c) => c.caseNo), q).toEqual([caseNo]);
      }
    });

    it('a county clerk (handles cases, but not this one) is masked too; the receiving center may search parts', async () => {
      const county = await signIn(t.app, 'county');
      expect((await search('87654', county)).total).toBe(0);
      expect((await search(phone, county)).total).toBe(1);
      const clerk2 = await signIn(t.app, 'clerk2');
      for (const q of ['87654', '19800101']) expect((await search(q, clerk2)).cases.map((c) => c.caseNo), q).toEqual([caseNo]);
    });
  });

  describe('free text has limits, names have no invisible characters', () => {
    const INVISIBLE = { 零宽空格: '王\u200b大山', 右至左覆盖: '王大\u202e山', 控制字符: '王大\u0007山', 换行: '王大\n山', 字节顺序标记: '王\ufeff大山' };
    const refused = (res: { statusCode: number; json(): unknown }, pattern: RegExp) => {
      expect(res.statusCode).toBe(400);
      const p = res.json() as { code: string; title: string };
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.title).toMatch(pattern);
    };

    it('refuses names with zero-width, bidi-override or control characters: applicant, organisation, window, user, item', async () => {
      const orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs as { id: string; name: string }[];
      const township = orgs.find((o) => o.name === '柳河镇')!.id;
      for (const [what, name] of Object.entries(INVISIBLE)) {
        const intake = await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie: clerk, 'idempotency-key': randomUUID() },
          payload: { ...IMMEDIATE, applicant: { ...applicant, name } },
        });
        refused(intake, /申请人姓名或单位名称中有看不见的字符或控制字符/);
        const org = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: admin }, payload: { parentId: township, level: 'village', code: '410899101288', name } });
        refused(org, /名称中有看不见的字符/);
        const window = await t.app.inject({ method: 'POST', url: '/api/windows', headers: { cookie: admin }, payload: { orgId: township, name: `${name}窗口` } });
        refused(window, /窗口名称中有看不见的字符/);
        const user = await t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: { cookie: admin },
          payload: { username: 'invisible', name, password: 'Qz7#kLm2pW', roles: ['clerk'], orgId: township },
        });
        refused(user, /姓名中有看不见的字符/);
        const item = { ...structuredClone(demoCatalog.items.find((i) => i.code === 'MZ-001')!), code: 'MZ-799', name: `${name}救助` };
        const created = await t.app.inject({ method: 'POST', url: '/api/items', headers: { cookie: admin }, payload: item });
        expect(created.statusCode, what).toBe(422);
        expect(created.json().title, what).toMatch(/事项名称中有看不见的字符/);
      }
      // ordinary names with a middle dot, a Latin name and an organisation's brackets pass
      for (const name of ['阿卜杜·热合曼', 'Li Na', '柳河村（社区）经济合作社']) {
        const ok = await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie: clerk, 'idempotency-key': randomUUID() },
          payload: { ...IMMEDIATE, applicant: { ...applicant, name } },
        });
        expect(ok.statusCode, name).toBe(201);
      }
    });

    it('refuses over-long free text with the limit in the message: address, refusal reasons, action reasons, comments', async () => {
      const long = (n: number) => '很'.repeat(n);
      const intake = (body: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: { ...IMMEDIATE, applicant, ...body } });
      refused(await intake({ applicant: { ...applicant, address: long(101) } }), /地址不能超过 100 个字/);
      refused(await intake({ applicant: { ...applicant, name: long(61) } }), /申请人姓名或单位名称不能超过 60 个字/);
      refused(await intake({ materials: [{ name: long(101), provided: true }] }), /材料名称不能超过 100 个字/);
      refused(await intake({ refusal: { reasons: long(1001) } }), /退回理由不能超过 1000 个字/);

      const c = (await intake({})).json() as { id: string; version: number };
      const act = (action: string, body: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/${action}`, headers: { cookie: clerk }, payload: { expectedVersion: c.version, ...body } });
      refused(await act('complete', { outcome: 'denied', reasons: long(1001), basis: '《条例》' }), /不予批准的理由不能超过 1000 个字/);
      refused(await act('complete', { outcome: 'approved', resultNo: long(61) }), /结果文书编号不能超过 60 个字/);
      refused(await act('withdraw', { reason: long(501) }), /撤回原因不能超过 500 个字/);
      refused(await act('request-extension', { reason: long(501), days: 5 }), /延期理由不能超过 500 个字/);
      refused(await act('withdraw', { reason: '申请人\u0000撤回' }), /撤回原因中有控制字符/);
      // within the limits, with line breaks, the same case goes on
      expect((await act('withdraw', { reason: `${long(200)}\n${long(200)}` })).statusCode).toBe(200);

      const orgs = (await t.app.inject({ url: '/api/orgs', headers: { cookie: admin } })).json().orgs as { id: string; name: string; version: number }[];
      const township = orgs.find((o) => o.name === '柳河镇')!;
      refused(
        await t.app.inject({ method: 'PATCH', url: `/api/orgs/${township.id}`, headers: { cookie: admin }, payload: { expectedVersion: township.version, address: long(101) } }),
        /地址不能超过 100 个字/,
      );
      refused(await t.app.inject({ method: 'POST', url: '/api/windows', headers: { cookie: admin }, payload: { orgId: township.id, name: '新窗口', department: long(41) } }), /进驻部门不能超过 40 个字/);
    });
  });

  describe('progress lookup', () => {
    it('finds the case by its number typed without hyphens, with full-width hyphens or dashes, spaces or in lower case', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: clerk, 'idempotency-key': randomUUID() },
        payload: { ...IMMEDIATE, applicant: { ...applicant, phone: '13700002468' } },
      });
      const caseNo = res.json().caseNo as string;
      const [org, day, seq] = caseNo.split('-');
      const lookup = (no: string, phone4 = '2468') =>
        t.app.inject({ url: `/api/public/progress?caseNo=${encodeURIComponent(no)}&phone4=${encodeURIComponent(phone4)}`, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
      for (const typed of [
        caseNo,
        `${org}${day}${seq}`,
        `${org}－${day}－${seq}`,
        `${org}—${day}—${seq}`,
        `${org}–${day}–${seq}`,
        `${org}‐${day}‑${seq}`,
        `${org}―${day}―${seq}`,
        ` ${org} - ${day} - ${seq} `,
        `${org}\u3000${day}\u3000${seq}`,
        `${org}-${day}${seq}`,
        caseNo.toLowerCase(),
      ]) {
        const answer = await lookup(typed);
        expect(answer.statusCode, typed).toBe(200);
        expect(answer.json().caseNo).toBe(caseNo);
      }
      expect((await lookup(caseNo, '２４６８')).statusCode).toBe(200);
      expect((await lookup(`${org}${day}${seq}`, '2469')).statusCode).toBe(404);
    });
  });

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    // not trusted (no TRUST_PROXY): anyone could claim https
    expect((await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    const proxied = await startTestApp(dialect, { demo: false, config: { trustProxy: ['127.0.0.1'] } });
    try {
      const res = await proxied.app.inject({ url: '/api/health', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect((await proxied.app.inject({ url: '/api/health', remoteAddress: '127.0.0.1' })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

});

// SQLite only: PostgreSQL keeps its files in its own data directory under its own account.
describe('database files', () => {
  it('creates the data directory 0700 and the database, its -wal and -shm 0600, and tightens an older 0644 file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bianmin-mode-'));
    try {
      const file = join(root, 'data', 'bianmin.sqlite');
      const database = openDatabase({ kind: 'sqlite', file });
      await sql`create table t (x integer)`.execute(database.db);
      await sql`insert into t values (1)`.execute(database.db);
      const mode = (f: string) => statSync(f).mode & 0o777;
      expect(mode(join(root, 'data'))).toBe(0o700);
      expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      await database.close();

      const old = join(root, 'old.sqlite');
      writeFileSync(old, '');
      chmodSync(old, 0o644);
      const reopened = openDatabase({ kind: 'sqlite', file: old });
      expect(mode(old)).toBe(0o600);
      await reopened.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
