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
