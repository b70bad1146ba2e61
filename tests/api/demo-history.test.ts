/**
 * The demo's case history (src/modules/demo/case-history.ts): what `serve` loads into a new demo database so the
 * ledger, lights, dashboards, ratings and reports show real work on the first start. Seeded here as `serve` does,
 * with the clock on a fixed day so the history is the same in every run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseListSchema, caseSchema } from '../../src/domain/contract/cases.js';
import { seedDemoCaseHistory } from '../../src/modules/demo/case-history.js';
import { sweepLights } from '../../src/modules/cases/sweep-lights.js';
import { seedDemoWorkOrder } from '../../src/modules/evaluation/work-order-demo.js';
import type { AppContext } from '../../src/server/context.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const TODAY = new Date('2026-12-07T10:00:00+08:00');
const contextOf = (t: TestApp): AppContext => ({ database: t.database, config: t.config, clock: () => t.clock.now });

describe.each(DIALECTS)('演示办件记录 (%s)', (dialect) => {
  let t: TestApp;
  let summary: string | null;
  const list = async (user: string, query: string) => {
    const res = await t.app.inject({ url: `/api/cases?pageSize=100&${query}`, headers: { cookie: await signIn(t.app, user) } });
    expect(res.statusCode, res.body).toBe(200);
    return caseListSchema.parse(res.json());
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = TODAY;
    summary = await seedDemoCaseHistory(contextOf(t));
    // as `serve` does next: the demo's one 差评, which the history leaves out
    await seedDemoWorkOrder(contextOf(t));
  });
  afterAll(() => t?.close());

  it('loads eight weeks of cases and ratings once, through the real use cases', async () => {
    const [, cases, ratings] = /近 40 个工作日的 (\d+) 件办件、(\d+) 条评价/.exec(summary ?? '') ?? [];
    expect(Number(cases)).toBeGreaterThanOrEqual(100);
    expect(Number(ratings)).toBeGreaterThanOrEqual(30);
    const before = (await list('director', '')).total;
    expect(await seedDemoCaseHistory(contextOf(t))).toBeNull();
    expect((await list('director', '')).total).toBe(before);
  });

  it('fills the township ledger with every kind and step of work, all before today', async () => {
    const { cases, total } = await list('clerk', '');
    expect(total).toBeGreaterThan(60);
    const all = [...cases, ...(await list('clerk', 'page=2')).cases];
    expect(new Set(all.map((c) => c.sixKindName))).toEqual(new Set(['即办件', '承诺件', '联办件', '上报件', '补办件', '退回件']));
    expect(new Set(all.map((c) => c.status))).toEqual(expect.objectContaining(new Set(['delivered', 'in_progress', 'returned'])));
    for (const c of all) expect(new Date(c.createdAt).getTime()).toBeLessThanOrEqual(TODAY.getTime());
    // last month is whole: the monthly report has something to count
    expect((await list('clerk', 'from=2026-11-01&to=2026-11-30')).total).toBeGreaterThan(30);
    // refusals of earlier days are reviewed by the director (否定报备)
    const returned = all.filter((c) => c.status === 'returned' && c.createdAt < '2026-12-01');
    expect(returned.length).toBeGreaterThan(0);
    for (const c of returned) expect(c.refusalReview?.opinion).toBe('upheld');
  });

  it('leaves proxy cases at the village and cases at the county', async () => {
    const agent = await list('agent', 'channel=agent');
    expect(agent.total).toBeGreaterThan(10);
    // township matters the agent carried up, decided there and handed over by the agent
    const carried = agent.cases.filter((c) => ['MZ-001', 'JS-003', 'ZJ-001', 'RS-005', 'YB-002'].includes(c.itemCode) && c.status === 'delivered');
    expect(carried.length).toBeGreaterThan(0);
    expect((await list('county', 'orgOnly=true')).total).toBeGreaterThan(10);
    // 上报件 of the township: received and decided at the county, the result handed over back at the township
    const escalated = (await list('clerk', 'kind=escalated')).cases;
    expect(escalated.map((c) => c.status)).toEqual(expect.arrayContaining(['delivered', 'in_progress']));
    const countyIds = new Set((await list('county', '')).cases.map((c) => c.id));
    for (const c of escalated) {
      // at the county while it decides (in its ledger too), back at the township once handed over
      if (c.status === 'in_progress') expect([c.holderOrgId !== c.receivingOrgId, countyIds.has(c.id)]).toEqual([true, true]);
      if (c.status === 'delivered') expect(c.holderOrgId).toBe(c.receivingOrgId);
    }
  });

  it('has cases left lying past their due day: red once the light sweep runs', async () => {
    await sweepLights(t.database.db, TODAY);
    const red = await list('director', 'light=red');
    expect(red.total).toBeGreaterThanOrEqual(2);
    for (const c of red.cases) expect(new Date(c.dueAt!).getTime()).toBeLessThan(TODAY.getTime());
  });

  it('writes each case step by step in time, like a clerk would have', async () => {
    const delivered = (await list('clerk', 'status=delivered&kind=joint')).cases[0]!;
    const res = await t.app.inject({ url: `/api/cases/${delivered.id}`, headers: { cookie: await signIn(t.app, 'clerk') } });
    const c = caseSchema.parse(res.json());
    const times = c.events.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(c.events.map((e) => e.type)).toEqual(expect.arrayContaining(['intake', 'review', 'complete', 'deliver']));
    expect(c.reviews.map((r) => r.department)).toEqual(c.jointDepartments);
  });

  it('shows ratings in the director\'s evaluation records', async () => {
    const res = await t.app.inject({ url: '/api/evaluations?pageSize=100', headers: { cookie: await signIn(t.app, 'director') } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { total: number }).total).toBeGreaterThanOrEqual(30);
  });
});

describe.each(DIALECTS)('演示办件记录不进入已在使用的数据库 (%s)', (dialect) => {
  it('adds nothing where any case exists', async () => {
    const t = await startTestApp(dialect);
    try {
      await seedDemoWorkOrder(contextOf(t));
      expect(await seedDemoCaseHistory(contextOf(t))).toBeNull();
    } finally {
      await t.close();
    }
  });
});
