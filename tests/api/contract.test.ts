// Issue 8 §3: one contract. The answers about cases, the agent's list and the public progress are described by
// zod response schemas (src/domain/contract) in /api/openapi.json, and the server sends exactly what they list:
// an extra field (a full ID number where the schema has none) is stripped, a wrong value is a 500, never sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyListSchema } from '../../src/domain/contract/agents.js';
import { caseSchema, caseSummarySchema } from '../../src/domain/contract/cases.js';
import { progressSchema } from '../../src/domain/contract/progress.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const ID = '11010519491231002X';
const applicant = { name: '王大山', idNumber: ID, phone: '13812345678', address: '柳河镇柳河村三组' };
const all = (names: string[]) => names.map((name) => ({ name, provided: true }));

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; $ref?: string; anyOf?: JsonSchema[] };
type Operation = { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> };

describe.each(DIALECTS)('the API contract (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let agent: string;
  let openapi: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Routes that answer the way a bug would, to see the schema stop them (registered before the app is ready).
    const progress = { caseNo: 'X-1', itemName: '事项', status: 'in_progress', statusName: '办理中', acceptedAt: null, dueAt: null, dueProvisional: false, timeline: [] };
    t.app.get('/api/test/leaky-progress', { schema: { response: { 200: progressSchema } } }, async () => ({
      ...progress,
      applicant: { name: '王大山', idNumber: ID, phone: '13812345678' },
      note: '内部备注',
    }));
    t.app.get('/api/test/wrong-progress', { schema: { response: { 200: progressSchema } } }, async () => ({ ...progress, status: 'lost', idNumber: ID }));
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    [clerk, agent] = await Promise.all([signIn(t.app, 'clerk'), signIn(t.app, 'agent')]);
    openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  /** The JSON schema of a route's 200 (or 201) answer, its $refs followed. */
  const answerOf = (path: string, method = 'get', status = '200'): JsonSchema => {
    const op = openapi.paths[path]?.[method];
    expect(op, `${method.toUpperCase()} ${path} is in /api/openapi.json`).toBeDefined();
    const schema = op!.responses[status]?.content?.['application/json']?.schema;
    expect(schema, `${method.toUpperCase()} ${path} describes its ${status} answer`).toBeDefined();
    return resolve(schema!);
  };
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(openapi.components!.schemas![s.$ref.split('/').pop()!]!) : s);
  const props = (s: JsonSchema) => Object.keys(resolve(s).properties ?? {}).sort();

  it('describes the case, the ledger, the agent list and the public progress in /api/openapi.json', () => {
    const one = answerOf('/api/cases/{id}');
    expect(props(one)).toEqual(Object.keys(caseSchema.shape).sort());
    expect(one.required).toEqual(expect.arrayContaining(['caseNo', 'status', 'statusName', 'allowedActions', 'events', 'version']));
    expect(props(one.properties!.applicant!)).toEqual(['address', 'idNumber', 'kind', 'name', 'phone']);
    expect(props(answerOf('/api/cases', 'post', '201'))).toEqual(Object.keys(caseSchema.shape).sort());

    const list = answerOf('/api/cases');
    expect(props(resolve(list.properties!.cases!).items!)).toEqual(Object.keys(caseSummarySchema.shape).sort());

    const reply = answerOf('/api/agents/to-reply');
    expect(props(resolve(reply.properties!.cases!).items!)).toEqual(Object.keys(replyListSchema.shape.cases.element.shape).sort());

    // nothing personal in the public answer
    const progress = answerOf('/api/public/progress');
    expect(props(progress)).toEqual(['acceptedAt', 'caseNo', 'dueAt', 'dueProvisional', 'itemName', 'status', 'statusName', 'timeline']);
    expect(JSON.stringify(progress)).not.toMatch(/applicant|idNumber|phone/);
  });

  it('answers with exactly the fields of the schema, and the masked ID number where the viewer may not see it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant, itemCode: 'MZ-002', materials: all(['居民身份证', '近期一寸免冠照片']) },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(Object.keys(c).sort()).toEqual(Object.keys(caseSchema.shape).sort());
    expect(caseSchema.safeParse(c).success).toBe(true);

    const ledger = (await t.app.inject({ url: '/api/cases?pageSize=5', headers: { cookie: clerk } })).json();
    expect(ledger.cases.length).toBeGreaterThan(0);
    for (const row of ledger.cases) expect(Object.keys(row).sort()).toEqual(Object.keys(caseSummarySchema.shape).sort());
    expect(ledger.cases.find((row: { id: string }) => row.id === c.id).applicant.idNumber).not.toBe(ID); // masked in lists

    const progress = await t.app.inject({ url: `/api/public/progress?caseNo=${c.caseNo}&phone4=5678` });
    expect(progress.statusCode).toBe(200);
    expect(Object.keys(progress.json()).sort()).toEqual(Object.keys(progressSchema.shape).sort());
    expect(progress.body).not.toContain(ID);
    expect(progress.body).not.toContain('13812345678');
    expect(progress.body).not.toContain('王大山');

    const toReply = await t.app.inject({ url: '/api/agents/to-reply', headers: { cookie: agent } });
    expect(toReply.statusCode).toBe(200);
    expect(replyListSchema.safeParse(toReply.json()).success).toBe(true);
  });

  it('strips a field the schema does not list: a full ID number never leaves by mistake', async () => {
    const res = await t.app.inject({ url: '/api/test/leaky-progress' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(Object.keys(progressSchema.shape).sort());
    expect(res.body).not.toContain(ID);
    expect(res.body).not.toContain('内部备注');
  });

  it('refuses to send an answer that breaks its schema: a Chinese 500, and none of the data', async () => {
    const res = await t.app.inject({ url: '/api/test/wrong-progress' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toMatch(/系统暂时出现问题/);
    expect(res.body).not.toContain(ID);
  });
});

// Every JSON route under /api describes its answer; these answer something else on purpose.
const NOT_JSON: Record<string, string> = {
  'GET /api/audit/export.xlsx': 'Excel download',
  'GET /api/cases/export.xlsx': 'Excel download',
  'GET /api/agents/monthly.xlsx': 'Excel download',
  'GET /api/calendar/template.xlsx': 'Excel download',
  'GET /api/catalog/template.xlsx': 'Excel download',
  'GET /api/catalog/export.xlsx': 'Excel download',
  'GET /api/supervision/report.xlsx': 'Excel download',
  'GET /api/reports/monthly.xlsx': 'Excel download',
  'GET /api/standards/table.xlsx': 'Excel download',
  'GET /api/standards/photos/:id': 'a photo of the self-assessment or the rectification (JPEG or PNG)',
  'GET /api/assessments/items/:id/evidence': 'the evidence of a manual score item (PDF, JPEG or PNG)',
  'GET /api/agents/progress-qr.svg': 'SVG image',
  'GET /api/live': 'server-sent events',
  'GET /api/evaluations/export.xlsx': 'Excel download',
  'GET /api/attendance/month.xlsx': 'Excel download',
  'GET /api/hall/pad/stream': 'server-sent events',
  'GET /api/hall/display/:orgId/stream': 'server-sent events',
  'GET /api/public/staff/:userId/photo': 'staff photo (JPEG or PNG image)',
  'GET /api/public/applications/:id/files/:fileId': "an applicant's uploaded material (PDF, JPEG or PNG)",
  'GET /api/applications/:id/files/:fileId': "an applicant's uploaded material (PDF, JPEG or PNG)",
  'GET /api/archive/dossiers/:id/manifest': 'a dossier’s manifest as stored (a download whose bytes hash to manifestSha256)',
  'GET /api/archive/dossiers/:id/files/:seq': 'a stored file of a dossier (PDF, JPEG or PNG)',
};

describe('every JSON route has a response schema', () => {
  let t: TestApp;
  let openapi: { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('describes a 2xx answer of every route under /api in /api/openapi.json, JSON unless listed as a download or a stream', () => {
    const routes = Object.entries(openapi.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op })));
    expect(routes.length).toBeGreaterThan(50);
    const undescribed = routes.flatMap(({ route, op }) => {
      if (route in NOT_JSON) return [];
      const answers = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      // 204 has no body to describe; any other success answers JSON with a schema
      const described = answers.length > 0 && answers.every(([status, answer]) => status === '204' || answer.content?.['application/json']?.schema !== undefined);
      return described ? [] : [route];
    });
    expect(undescribed).toEqual([]);
    // the list of exceptions names real routes (a renamed download must not leave a stale entry behind)
    for (const route of Object.keys(NOT_JSON)) expect(routes.map((r) => r.route)).toContain(route);
  });

  it('answers 204 with no body where it declares no content', async () => {
    const cookie = await signIn(t.app, 'clerk');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });
});
