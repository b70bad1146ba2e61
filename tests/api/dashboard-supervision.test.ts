// Issue 9 §4: the supervision numbers of the dashboards. Each center of the supervisor's tree (and the shown root, and
// the director's home) counts its open violations (not decided yet: 待说明, 已说明), by rule, and its 督办单 awaiting
// an answer and late — the center and everything below it. Every number is the total of the list the console opens
// for it (GET /api/supervision/violations?orgId=&below=true&status=undecided[&ruleCode=], GET /api/supervision/cards?
// orgId=&below=true&awaiting=true | late=true). A card's step reaches the consoles of the center's tree live.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSweepJob } from '../../src/modules/supervision/sweep-job.js';
import { loadConfig } from '../../src/server/config.js';
import { lightSweepJob, runJobOnce } from '../../src/server/jobs.js';
import { drainAll } from '../support/drain.js';
import { openSse } from './support/sse.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const IMMEDIATE = { itemCode: 'MZ-002', materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] };

type Counts = { openViolations: number; byRule: { ruleCode: string; number: string; count: number }[]; openCards: number; lateCards: number };
type Center = { orgId: string; name: string; level: string; depth: number; supervision: Counts };
type Board = { root: { orgId: string }; centers: Center[]; supervision: { openViolations: number; openCards: number; lateCards: number } };

describe.each(DIALECTS)('dashboards: open violations and 督办单 of each center (%s)', (dialect) => {
  let t: TestApp;
  let base = '';
  const cookies: Record<string, string> = {};
  const org: Record<string, string> = {};
  let caseRow: { id: string; caseNo: string };
  /** violations the rules recorded for the 即办件 (at the township, open) */
  let fired = 0;
  const ctx = () => ({ database: t.database, config: loadConfig({}), clock: () => t.clock.now });
  const at = (local: string) => {
    t.clock.now = new Date(`${local}+08:00`);
  };
  const get = async (url: string, who: string) => {
    const res = await t.app.inject({ url, headers: { cookie: cookies[who]! } });
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json() as Record<string, unknown>;
  };
  const total = async (url: string, who: string) => (await get(url, who)).total as number;
  const issue = async (orgId: string, level: string, replyBy: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/cards',
      headers: { cookie: cookies.supervisor!, 'idempotency-key': randomUUID() },
      payload: { orgId, level, content: '请说明情况并限期整改。', replyBy },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const step = async (card: { id: string; version: number }, action: string, who: string, body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/supervision/cards/${card.id}/${action}`, headers: { cookie: cookies[who]! }, payload: { expectedVersion: card.version, ...body } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  };
  /** A violation as the rules record it, of a center, a rule and a status (the rules' own firing is tested elsewhere). */
  const violation = (orgId: string, ruleCode: string, status: string) =>
    t.database.db
      .insertInto('violations')
      .values({
        id: randomUUID(),
        occurrence_key: randomUUID(),
        rule_code: ruleCode,
        case_id: caseRow.id,
        case_no: caseRow.caseNo,
        org_id: orgId,
        window_id: null,
        person_id: null,
        severity: 'violation',
        fired_at: t.clock.now.toISOString(),
        occurred_at: t.clock.now.toISOString(),
        facts: '{}',
        fact_lines: '[]',
        facts_text: '测试记录',
        status,
        explanation: null,
        explained_by: null,
        explained_at: null,
        decision: null,
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        version: 1,
        updated_at: t.clock.now.toISOString(),
      })
      .execute();

  beforeAll(async () => {
    const config = loadConfig({});
    t = await startTestApp(dialect, { config: { session: { ...config.session, idleMinutes: 10_000_000, absoluteHours: 1_000_000 } } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const db = t.database.db;
    for (const o of await db.selectFrom('orgs').selectAll().execute()) {
      if (o.level === 'county') org.county = o.id;
      if (o.name === '柳河镇') org.township = o.id;
      if (o.name === '石桥乡') org.shiqiao = o.id;
      if (o.name === '柳河村') org.village = o.id;
    }
    // a director of 石桥乡, to answer its card
    const director = await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ ...director, id: randomUUID(), username: 'shiqiao-dir', name: '石桥主任', org_id: org.shiqiao!, phone: null }).execute();

    at('2026-03-02T09:00:00'); // Monday
    for (const who of ['clerk', 'director', 'supervisor', 'shiqiao-dir', 'county']) cookies[who] = await signIn(t.app, who);
    // a 即办件 never finished: the rules record its violation (JC-02) at the township
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: cookies.clerk!, 'idempotency-key': randomUUID() }, payload: { channel: 'window', applicant, ...IMMEDIATE } });
    expect(res.statusCode, res.body).toBe(201);
    caseRow = res.json();
    at('2026-03-03T09:00:00');
    await runJobOnce(ctx(), lightSweepJob);
    await runJobOnce(ctx(), supervisionSweepJob);
    await drainAll(ctx());
    const recorded = await db.selectFrom('violations').select(['rule_code', 'org_id', 'status']).execute();
    expect(recorded.map((v) => v.rule_code)).toContain('immediate-same-day');
    expect(recorded.every((v) => v.org_id === org.township && v.status === 'open')).toBe(true);
    fired = recorded.length;

    // more of other rules, centers and statuses: decided ones are not counted
    await violation(org.township!, 'fee-not-standard', 'explained');
    await violation(org.township!, 'promise-overrun', 'confirmed');
    await violation(org.village!, 'hop-village-township', 'open');
    await violation(org.village!, 'hop-village-township', 'explained');
    await violation(org.village!, 'promise-overrun', 'dismissed');
    await violation(org.shiqiao!, 'promise-overrun', 'open');
    await violation(org.county!, 'extension-after-due', 'open');

    // 督办单: two to the township awaiting an answer (one due Wednesday), one answered; two to 石桥乡, one answered
    // and closed; one to the county itself
    await issue(org.township!, 'orange', '2026-03-04');
    await issue(org.township!, 'blue', '2026-03-10');
    await step(await issue(org.township!, 'blue', '2026-03-05'), 'reply', 'director', { content: '已整改。' });
    await issue(org.shiqiao!, 'orange', '2026-03-04');
    const answered = await step(await issue(org.shiqiao!, 'blue', '2026-03-05'), 'reply', 'shiqiao-dir', { content: '已整改。' });
    await step(answered, 'close', 'supervisor', { remark: '同意销号' });
    await issue(org.county!, 'blue', '2026-03-10');
    // Friday: the two cards due Wednesday are late
    at('2026-03-06T09:00:00');
  });
  afterAll(() => t.close());

  /** Every supervision number of every center of the board equals the total of the list it opens. */
  const everyNumberIsItsList = async (board: Board, who: string) => {
    for (const c of board.centers) {
      const s = c.supervision;
      const of = `orgId=${c.orgId}&below=true`;
      expect(s.openViolations, `${c.name} 未处理违规`).toBe(await total(`/api/supervision/violations?${of}&status=undecided&pageSize=1`, who));
      for (const r of s.byRule) {
        expect(r.count, `${c.name} ${r.number}`).toBe(await total(`/api/supervision/violations?${of}&status=undecided&ruleCode=${r.ruleCode}&pageSize=1`, who));
      }
      expect(s.byRule.reduce((sum, r) => sum + r.count, 0)).toBe(s.openViolations);
      expect(s.openCards, `${c.name} 督办单待回告`).toBe(await total(`/api/supervision/cards?${of}&awaiting=true&pageSize=1`, who));
      expect(s.lateCards, `${c.name} 督办单逾期`).toBe(await total(`/api/supervision/cards?${of}&late=true&pageSize=1`, who));
    }
    // the tags above the tree are the root's row
    const root = board.centers[0]!.supervision;
    expect(board.supervision).toMatchObject({ openViolations: root.openViolations, openCards: root.openCards, lateCards: root.lateCards });
  };

  it('the county: each center with what is below it, each number the total of the list it opens', async () => {
    const board = (await get('/api/dashboard/supervisor', 'supervisor')) as unknown as Board;
    const row = (id: string) => board.centers.find((c) => c.orgId === id)!.supervision;
    // the village: two open of one rule (the dismissed one not counted); no cards go to a village
    expect(row(org.village!)).toEqual({ openViolations: 2, byRule: [expect.objectContaining({ ruleCode: 'hop-village-township', count: 2 })], openCards: 0, lateCards: 0 });
    // the township: its own (the 即办件's, the fee explained; the confirmed one not) and its villages'
    expect(row(org.township!)).toMatchObject({ openViolations: fired + 1 + 2, openCards: 2, lateCards: 1 });
    expect(row(org.township!).byRule.map((r) => r.number)).toEqual(expect.arrayContaining(['JC-02', 'JC-05', 'JC-08']));
    expect(row(org.shiqiao!)).toMatchObject({ openViolations: 1, openCards: 1, lateCards: 1 });
    expect(row(org.county!)).toMatchObject({ openViolations: fired + 3 + 1 + 1, openCards: 4, lateCards: 2 });
    await everyNumberIsItsList(board, 'supervisor');

    // the violations counted the overview's way (GET /api/supervision/overview: the same grouped count)
    const overview = (await get('/api/supervision/overview', 'supervisor')) as { totals: { openViolations: number } };
    expect(overview.totals.openViolations).toBe(row(org.county!).openViolations);
  });

  it('drilled down to the township, and the director\'s home: the same numbers, the same lists', async () => {
    const township = (await get(`/api/dashboard/supervisor?orgId=${org.township}`, 'supervisor')) as unknown as Board;
    expect(township.centers[0]!.orgId).toBe(org.township);
    await everyNumberIsItsList(township, 'supervisor');
    // a township director sees their tree the same way, with the cards to their own center
    await everyNumberIsItsList((await get('/api/dashboard/supervisor', 'director')) as unknown as Board, 'director');

    const home = (await get('/api/dashboard/director', 'director')) as { supervision: Board['supervision'] };
    expect(home.supervision).toMatchObject({ openViolations: township.centers[0]!.supervision.openViolations, openCards: 2, lateCards: 1 });
    expect(home.supervision.openViolations).toBe(await total(`/api/supervision/violations?orgId=${org.township}&below=true&status=undecided`, 'director'));
    expect(home.supervision.openCards).toBe(await total('/api/supervision/cards?awaiting=true', 'director'));
    expect(home.supervision.lateCards).toBe(await total('/api/supervision/cards?late=true', 'director'));
  });

  it('the lists\' filters: 未处理 is 待说明 and 已说明; below takes the centers under it, and nothing outside the viewer\'s tree', async () => {
    const statuses = ((await get(`/api/supervision/violations?orgId=${org.township}&below=true&status=undecided&pageSize=100`, 'supervisor')).violations as { status: string; orgId: string }[]);
    expect(new Set(statuses.map((v) => v.status))).toEqual(new Set(['open', 'explained']));
    expect(new Set(statuses.map((v) => v.orgId))).toEqual(new Set([org.township, org.village]));
    // without below: the township's own only
    const own = (await get(`/api/supervision/violations?orgId=${org.township}&status=undecided&pageSize=100`, 'supervisor')).violations as { orgId: string }[];
    expect(own.every((v) => v.orgId === org.township)).toBe(true);
    // the township director asking for the county and below sees only their own tree (nothing of 石桥乡)
    const res = await t.app.inject({ url: `/api/supervision/violations?orgId=${org.county}&below=true`, headers: { cookie: cookies.director! } });
    expect(res.statusCode).toBe(403);
    const cards = (await get(`/api/supervision/cards?orgId=${org.county}&below=true&awaiting=true&pageSize=100`, 'supervisor')).cards as { status: string; orgId: string }[];
    expect(cards).toHaveLength(4);
    expect(cards.every((c) => ['issued', 'returned'].includes(c.status))).toBe(true);
    const bad = await t.app.inject({ url: '/api/supervision/violations?status=pending', headers: { cookie: cookies.supervisor! } });
    expect(bad.statusCode).toBe(400);
  });

  it('a card issued, answered or closed reaches the consoles of its center\'s tree live, and the counts follow', async () => {
    const supervisor = await openSse(base, cookies.supervisor);
    const director = await openSse(base, cookies.director);
    const shiqiao = await openSse(base, cookies['shiqiao-dir']);
    try {
      const card = await issue(org.township!, 'blue', '2026-03-10');
      for (const client of [supervisor, director]) expect((await client.next('card')).json()).toEqual({ type: 'card', cardId: card.id, orgId: org.township, action: 'issue' });
      const replied = await step(card, 'reply', 'director', { content: '已整改。' });
      for (const client of [supervisor, director]) expect((await client.next('card')).json()).toMatchObject({ cardId: card.id, action: 'reply' });
      await step(replied, 'close', 'supervisor', {});
      for (const client of [supervisor, director]) expect((await client.next('card')).json()).toMatchObject({ cardId: card.id, action: 'close' });
      // another township's console hears only of its own cards
      const theirs = await issue(org.shiqiao!, 'blue', '2026-03-10');
      expect((await shiqiao.next('card')).json()).toMatchObject({ cardId: theirs.id, orgId: org.shiqiao });
      // and the dashboard's count is the list's again
      const board = (await get('/api/dashboard/supervisor', 'supervisor')) as unknown as Board;
      expect(board.supervision.openCards).toBe(5);
      expect(board.supervision.openCards).toBe(await total(`/api/supervision/cards?orgId=${org.county}&below=true&awaiting=true`, 'supervisor'));
    } finally {
      supervisor.close();
      director.close();
      shiqiao.close();
    }
  });
});
