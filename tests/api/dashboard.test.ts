// Issue 9 §4: the dashboards. Every number is the ledger's total of the filter the console opens when it is
// clicked (GET /api/cases?…), each viewer sees their own scope, and the twelve months come from the case-event
// counters and the stored due dates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLights } from '../../src/modules/cases/sweep-lights.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { drainAll } from '../support/drain.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' };
const provided = (names: string[]) => names.map((name) => ({ name, provided: true }));
const IMMEDIATE = { itemCode: 'MZ-002', materials: provided(['居民身份证', '近期一寸免冠照片']) };
const PROMISED = { itemCode: 'MZ-001', materials: provided(['临时救助申请书', '居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）']) };
const REFUSED = {
  itemCode: 'MZ-001',
  materials: [{ name: '临时救助申请书', provided: false }, ...provided(['居民身份证', '居民户口簿', '困难情况证明材料（医疗票据、事故认定书等）'])],
  refusal: { reasons: '缺少临时救助申请书', basis: '《社会救助暂行办法》第十一条' },
};
const COUNTY_ITEM = { itemCode: 'GA-003', materials: provided(['居民户口簿', '原居民身份证（换领时交回）']) };
const NUMBERS = ['green', 'yellow', 'red', 'overdue', 'completed', 'refusals'] as const;

type Json = Record<string, unknown>;
type Sample = { cases: { id: string; caseNo: string }[]; total: number };
type Numbers = Record<(typeof NUMBERS)[number], number>;
type Center = { orgId: string; level: string; name: string; depth: number; numbers: Numbers };

describe.each(DIALECTS)('dashboards (%s)', (dialect) => {
  let t: TestApp;
  let ctx: AppContext;
  const cookies: Record<string, string> = {};
  const cases: Record<string, { id: string; caseNo: string }> = {};

  const at = async (local: string, who: string[]) => {
    t.clock.now = new Date(`${local}+08:00`);
    await sweepLights(t.database.db, t.clock.now);
    for (const name of who) cookies[name] = await signIn(t.app, name);
  };
  const register = async (name: string, body: Json, who = 'clerk') => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: cookies[who]!, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', applicant, ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    cases[name] = res.json();
    return res.json() as { id: string; caseNo: string; version: number; kind: string; status: string };
  };
  const complete = async (name: string, who = 'clerk') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${cases[name]!.id}/actions/complete`,
      headers: { cookie: cookies[who]! },
      payload: { expectedVersion: 1, outcome: 'approved', resultNo: `证 ${name}` },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const get = async (url: string, who: string) => {
    const res = await t.app.inject({ url, headers: { cookie: cookies[who]! } });
    return { status: res.statusCode, json: res.json() as Json };
  };
  /** The ledger's total of a filter, as the viewer sees it. */
  const ledgerTotal = async (query: string, who: string) => {
    const res = await get(`/api/cases?pageSize=1&${query}`, who);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.total as unknown as number;
  };
  const ledgerIds = async (query: string, who: string) => ((await get(`/api/cases?pageSize=100&${query}`, who)).json.cases as unknown as { id: string }[]).map((c) => c.id);
  /** The ledger filter behind each supervision number (what the console opens). */
  const filterOf = (n: (typeof NUMBERS)[number], month: { from: string; to: string }) =>
    ({
      green: 'light=green',
      yellow: 'light=yellow',
      red: 'light=red',
      overdue: 'overdue=true',
      completed: `completedFrom=${month.from}&completedTo=${month.to}`,
      refusals: `view=refusals&from=${month.from}&to=${month.to}`,
    })[n];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ctx = { database: t.database, config: loadConfig({}), clock: () => t.clock.now };
    // January: two 即办件, one finished at once, the other never (red that evening, overdue in January)
    await at('2026-01-06T09:00:00', ['clerk']);
    await register('janDone', IMMEDIATE);
    await register('janLate', IMMEDIATE);
    await complete('janDone');
    // February: one more, finished the same day
    await at('2026-02-03T09:00:00', ['clerk']);
    await register('febDone', IMMEDIATE);
    await complete('febDone');
    // Monday 2 March: a new 即办件 (yellow at 09:31), a promised case (green), a refusal at intake, one finished at
    // once, and a case at the county
    await at('2026-03-02T09:00:00', ['clerk', 'county']);
    await register('marYellow', IMMEDIATE);
    await register('marGreen', PROMISED);
    await register('marRefused', REFUSED);
    await register('marDone', IMMEDIATE);
    await complete('marDone');
    await register('county', COUNTY_ITEM, 'county');
    await at('2026-03-02T09:40:00', ['clerk', 'clerk2', 'county', 'director', 'supervisor']);
    // the case-event counters are kept by a consumer: let it take every event
    await drainAll(ctx);
  });
  afterAll(() => t.close());

  it('the director\'s home: red and yellow cases, due today, to approve and to review, each the ledger\'s own total', async () => {
    const res = await get('/api/dashboard/director', 'director');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const d = res.json as unknown as {
      today: string;
      lights: Numbers;
      red: Sample;
      yellow: Sample;
      dueToday: Sample;
      extensions: Sample;
      refusalsToReview: Sample;
      todayNumbers: { received: number; accepted: number; completed: number; returned: number };
      supervision: { available: boolean; openViolations: number; openCards: number };
    };
    expect(d.today).toBe('2026-03-02');
    expect(d.red.cases.map((c) => c.id)).toEqual([cases.janLate!.id]);
    expect(d.yellow.cases.map((c) => c.id)).toEqual([cases.marYellow!.id]);
    expect(d.refusalsToReview.cases.map((c) => c.id)).toEqual([cases.marRefused!.id]);
    // the county's case is not the township's
    expect([...d.red.cases, ...d.yellow.cases, ...d.dueToday.cases].map((c) => c.id)).not.toContain(cases.county!.id);

    expect(d.red.total).toBe(await ledgerTotal('light=red', 'director'));
    expect(d.yellow.total).toBe(await ledgerTotal('light=yellow', 'director'));
    expect(d.dueToday.total).toBe(await ledgerTotal('view=due-today', 'director'));
    // this morning's 即办件: January's late one fell due long ago, it is counted red, not again as due today
    expect(d.dueToday.cases.map((c) => c.id)).toEqual([cases.marYellow!.id]);
    expect(d.extensions.total).toBe(await ledgerTotal('view=extensions', 'director'));
    expect(d.refusalsToReview.total).toBe(await ledgerTotal('view=refusals-to-review', 'director'));
    const lights = (await get('/api/cases/lights', 'director')).json.counts;
    expect(d.lights).toEqual(lights);
    expect(d.lights).toEqual({ red: 1, yellow: 1, green: 1 });

    // today's numbers: received is the ledger of today's dates, completed the ledger of today's completions
    expect(d.todayNumbers).toEqual({ received: 4, accepted: 3, completed: 1, returned: 1 });
    expect(d.todayNumbers.received).toBe(await ledgerTotal('from=2026-03-02&to=2026-03-02', 'director'));
    expect(d.todayNumbers.completed).toBe(await ledgerTotal('completedFrom=2026-03-02&completedTo=2026-03-02', 'director'));
    expect(d.supervision).toMatchObject({ available: true, openCards: 0 });
  });

  it('the director sees who is present and who is away', async () => {
    const clerk2 = (await get('/api/auth/me', 'clerk2')).json.user as unknown as { id: string };
    const away = await t.app.inject({
      method: 'POST',
      url: `/api/users/${clerk2.id}/presence`,
      headers: { cookie: cookies.director! },
      payload: { away: true, reason: '下村' },
    });
    expect(away.statusCode, away.body).toBe(200);
    const p = (await get('/api/dashboard/director', 'director')).json.presence as unknown as {
      present: { name: string }[];
      away: { name: string; awayReason: string }[];
    };
    expect(p.away).toEqual([expect.objectContaining({ name: '张磊', awayReason: '下村' })]);
    expect(p.present.map((x) => x.name)).toContain('王晓燕');
    expect(p.present.map((x) => x.name)).not.toContain('张磊');
    await t.app.inject({ method: 'POST', url: `/api/users/${clerk2.id}/presence`, headers: { cookie: cookies.director! }, payload: { away: false } });
  });

  it('the clerk\'s own red, yellow and due today, at their windows and as first responder: the ledger\'s totals', async () => {
    const res = await get('/api/dashboard/clerk', 'clerk');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const c = res.json as unknown as Record<'mine' | 'firstResponded', Record<'red' | 'yellow' | 'dueToday', Sample>>;
    expect(c.mine.red.cases.map((x) => x.id)).toEqual([cases.janLate!.id]);
    expect(c.firstResponded.yellow.cases.map((x) => x.id)).toEqual([cases.marYellow!.id]);
    for (const [list, view] of [['mine', 'mine'], ['firstResponded', 'first-responded']] as const) {
      expect(c[list].red.total).toBe(await ledgerTotal(`view=${view}&light=red`, 'clerk'));
      expect(c[list].yellow.total).toBe(await ledgerTotal(`view=${view}&light=yellow`, 'clerk'));
      expect(c[list].dueToday.total).toBe(await ledgerTotal(`view=${view}&dueToday=true`, 'clerk'));
    }
    expect(await ledgerIds('view=first-responded&dueToday=true', 'clerk')).toEqual([cases.marYellow!.id]);
    // nobody else's: the county clerk's case (a promised one) is green, and the township's are not theirs
    const county = (await get('/api/dashboard/clerk', 'county')).json as unknown as typeof c;
    for (const list of [county.mine, county.firstResponded]) expect([list.red.total, list.yellow.total, list.dueToday.total]).toEqual([0, 0, 0]);
  });

  it('the supervisor\'s tree: every number of every center equals the ledger of the same filter', async () => {
    const res = await get('/api/dashboard/supervisor', 'supervisor');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const s = res.json as unknown as { root: { level: string }; month: { from: string; to: string }; centers: Center[] };
    expect(s.root.level).toBe('county');
    expect(s.month).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(s.centers.map((c) => c.level)).toEqual(expect.arrayContaining(['county', 'township', 'village']));
    expect(s.centers.filter((c) => c.depth === 1).every((c) => c.level === 'township')).toBe(true);
    const [county, ...below] = s.centers;
    expect(county!.numbers).toMatchObject({ red: 1, yellow: 1, green: 2, overdue: 1, completed: 1, refusals: 1 });
    for (const center of [county!, ...below]) {
      for (const n of NUMBERS) {
        expect(center.numbers[n], `${center.name} ${n}`).toBe(await ledgerTotal(`orgId=${center.orgId}&${filterOf(n, s.month)}`, 'supervisor'));
      }
    }
  });

  it('drills down from the county to a township and its windows, each window\'s numbers the ledger\'s', async () => {
    const top = (await get('/api/dashboard/supervisor', 'supervisor')).json as unknown as { centers: Center[] };
    const township = top.centers.find((c) => c.level === 'township' && c.numbers.red > 0)!;
    const res = await get(`/api/dashboard/supervisor?orgId=${township.orgId}`, 'supervisor');
    expect(res.status).toBe(200);
    const s = res.json as unknown as {
      root: { orgId: string };
      path: { orgId: string; name: string }[];
      month: { from: string; to: string };
      centers: Center[];
      windows: { windowId: string; name: string; numbers: Numbers }[];
    };
    expect(s.root.orgId).toBe(township.orgId);
    expect(s.path.map((p) => p.orgId)).toEqual([top.centers[0]!.orgId, township.orgId]);
    expect(s.centers[0]!.numbers).toEqual(township.numbers);
    expect(s.centers.slice(1).every((c) => c.level === 'village')).toBe(true);
    expect(s.windows.length).toBeGreaterThan(0);
    const atWindows = s.windows.reduce((sum, w) => sum + w.numbers.red + w.numbers.yellow + w.numbers.green, 0);
    expect(atWindows).toBe(township.numbers.red + township.numbers.yellow + township.numbers.green);
    for (const w of s.windows) {
      for (const n of NUMBERS) {
        expect(w.numbers[n], `${w.name} ${n}`).toBe(await ledgerTotal(`orgId=${township.orgId}&windowId=${w.windowId}&${filterOf(n, s.month)}`, 'supervisor'));
      }
    }
    // and the cases behind a window's red number are the ledger's rows
    const red = s.windows.find((w) => w.numbers.red > 0)!;
    expect(await ledgerIds(`orgId=${township.orgId}&windowId=${red.windowId}&light=red`, 'supervisor')).toEqual([cases.janLate!.id]);
  });

  it('twelve months: received and completed from the case-event counters, overdue from the due dates', async () => {
    const s = (await get('/api/dashboard/supervisor', 'supervisor')).json as unknown as {
      trends: { month: string; received: number; completed: number; overdue: number }[];
    };
    expect(s.trends.map((m) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    const of = (month: string) => s.trends.find((m) => m.month === month);
    expect(of('2026-01')).toEqual({ month: '2026-01', received: 2, completed: 1, overdue: 1 });
    expect(of('2026-02')).toEqual({ month: '2026-02', received: 1, completed: 1, overdue: 0 });
    expect(of('2026-03')).toEqual({ month: '2026-03', received: 5, completed: 1, overdue: 0 });
    expect(of('2025-12')).toEqual({ month: '2025-12', received: 0, completed: 0, overdue: 0 });
    // a township's months hold only its own
    const township = (await get('/api/dashboard/director', 'director')).json.orgId as unknown as string;
    const own = (await get(`/api/dashboard/supervisor?orgId=${township}`, 'supervisor')).json as unknown as typeof s;
    expect(own.trends.at(-1)).toEqual({ month: '2026-03', received: 4, completed: 1, overdue: 0 });
  });

  it('scope: a township director sees only their center and what is below it; each dashboard to its roles', async () => {
    const mine = (await get('/api/dashboard/supervisor', 'director')).json as unknown as { root: { level: string }; centers: Center[] };
    expect(mine.root.level).toBe('township');
    expect(mine.centers.map((c) => c.level)).not.toContain('county');
    const county = ((await get('/api/dashboard/supervisor', 'supervisor')).json as unknown as { centers: Center[] }).centers;
    const sibling = county.find((c) => c.level === 'township' && !mine.centers.some((m) => m.orgId === c.orgId))!;
    expect((await get(`/api/dashboard/supervisor?orgId=${sibling.orgId}`, 'director')).status).toBe(403);
    expect((await get(`/api/dashboard/supervisor?orgId=${county[0]!.orgId}`, 'director')).status).toBe(403);
    // the ledger refuses a center outside the viewer's scope the same way
    expect((await get(`/api/cases?orgId=${sibling.orgId}`, 'director')).status).toBe(403);
    expect((await get('/api/dashboard/director', 'supervisor')).status).toBe(403);
    expect((await get('/api/dashboard/supervisor', 'clerk')).status).toBe(403);
    expect((await get('/api/dashboard/clerk', 'director')).status).toBe(403);
  });
});
