// DOMAIN.md rule 3 for the village hops (rule 9): a hop still waiting whose limit was counted through 2027 before
// its arrangement was imported is counted again on the official days in the importing transaction, its case gets
// an event saying from what to what, and the township director's violation list goes by the new limit.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const villager = { name: '杨老汉', idNumber: '11010519491231002X', phone: '13512340000', address: '柳河镇柳河村二组' };
const FELLING = ['林木采伐申请表', '居民身份证', '林权证明（不动产权证书、林权证或承包合同）', '伐区简易调查说明'];

/**
 * Made up for the test (the real 2027 notice is not published): 元旦 Friday 1 to Monday 4 January, Saturday 9 January
 * worked instead. The provisional 2027 has only 1 January off, so its batch day of that week is Monday 4 January;
 * the official one is Tuesday 5 January.
 */
const YEAR_2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', workdays: ['2027-01-09'] }],
};

interface CaseView {
  id: string;
  caseNo: string;
  version: number;
  events: { type: string; data: Record<string, unknown> }[];
}

describe.each(DIALECTS)('village hop limits across the year end (%s)', (dialect) => {
  let t: TestApp;
  let agent: string;
  let director: string;
  let admin: string;
  const setTime = async (at: string) => {
    t.clock.now = new Date(at);
    // sessions end when idle that long: sign in again at the new time
    [agent, director, admin] = await Promise.all([signIn(t.app, 'agent'), signIn(t.app, 'director'), signIn(t.app, 'admin')]);
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const register = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: agent, 'idempotency-key': randomUUID() },
      payload: { channel: 'agent', applicant: villager, itemCode: 'LY-001', materials: FELLING.map((name) => ({ name, provided: true })), proxy: { authorized: true } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseView;
  };
  const getCase = async (id: string): Promise<CaseView> => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie: agent } })).json();
  const hopOf = (caseId: string) => t.database.db.selectFrom('case_hops').selectAll().where('case_id', '=', caseId).where('kind', '=', 'village-township').executeTakeFirstOrThrow();
  const violations = async () =>
    (await t.app.inject({ url: '/api/agents/hop-violations', headers: { cookie: director } })).json().violations as { caseId: string; dueAt: string; doneAt: string | null }[];
  const importYear = () => t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: { cookie: admin }, payload: YEAR_2027 });

  let waiting: CaseView;
  let urgent: CaseView;

  it('in late December a case waiting for the batch gets Monday 4 January (provisional); an urgent one sent on the 31st is done', async () => {
    await setTime('2026-12-29T10:00:00+08:00'); // Tuesday
    waiting = await register();
    expect((await hopOf(waiting.id)).due_at).toBe('2027-01-04T09:30:00.000Z');

    await setTime('2026-12-31T10:00:00+08:00'); // Thursday: the next working day is Monday 4 January provisionally
    const fresh = await register();
    const sent = await t.app.inject({ method: 'POST', url: `/api/cases/${fresh.id}/actions/forward`, headers: { cookie: agent }, payload: { expectedVersion: fresh.version, urgent: true } });
    expect(sent.statusCode, sent.body).toBe(200);
    urgent = sent.json();
    const hop = await hopOf(urgent.id);
    expect([hop.due_at, hop.sent_at]).toEqual(['2027-01-04T09:30:00.000Z', '2026-12-31T02:00:00.000Z']);
  });

  it('importing 2027 moves the waiting hop to Tuesday 5 January in the same transaction and says so on the case; the sent one keeps its limit', async () => {
    const res = await importYear();
    expect(res.statusCode, res.body).toBe(201);
    const { hops } = res.json().recomputed as { hops: { caseId: string; hop: string; before: string; after: string }[] };
    expect(hops.filter((h) => [waiting.id, urgent.id].includes(h.caseId))).toEqual([
      { caseId: waiting.id, caseNo: waiting.caseNo, hop: 'village-township', before: '2027-01-04T09:30:00.000Z', after: '2027-01-05T09:30:00.000Z' },
    ]);
    expect((await hopOf(waiting.id)).due_at).toBe('2027-01-05T09:30:00.000Z');
    expect((await hopOf(urgent.id)).due_at).toBe('2027-01-04T09:30:00.000Z');

    const event = (await getCase(waiting.id)).events.at(-1)!;
    expect(event.type).toBe('hop-limit-recomputed');
    expect(event.data).toMatchObject({
      message: '村级转报乡镇时限按国务院公布的安排重新计算：原 2027-01-04 17:30 现 2027-01-05 17:30',
      source: YEAR_2027.source,
      limitBefore: '2027-01-04T09:30:00.000Z',
      limitAfter: '2027-01-05T09:30:00.000Z',
    });
    expect((await getCase(urgent.id)).events.map((e) => e.type)).not.toContain('hop-limit-recomputed');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.import').where('target_id', '=', '2027').execute();
    expect(JSON.parse(audit.at(-1)!.detail ?? '{}')).toMatchObject({ hopLimitsMoved: 1 });

    // the same arrangement imported again moves nothing and records nothing more
    expect((await importYear()).json().recomputed.hops).toEqual([]);
    expect((await getCase(waiting.id)).events.filter((e) => e.type === 'hop-limit-recomputed')).toHaveLength(1);
  });

  it('the violation list goes by the new limit: not late on the morning of 5 January, late once that day has closed', async () => {
    await setTime('2027-01-05T09:00:00+08:00'); // past the provisional limit, before the official one
    expect((await violations()).map((v) => v.caseId)).not.toContain(waiting.id);
    await setTime('2027-01-05T18:00:00+08:00');
    const late = (await violations()).filter((v) => [waiting.id, urgent.id].includes(v.caseId));
    expect(late).toEqual([expect.objectContaining({ caseId: waiting.id, dueAt: '2027-01-05T09:30:00.000Z', doneAt: null })]);
  });
});
