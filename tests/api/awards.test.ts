// 评先评优 (issue 13 §3) over HTTP on a real database: the quarterly 流动红旗 and the yearly 标兵 follow the seeds' rules
// on crafted closed months (closed through the assessment module's own API), the tiers, the missing months named,
// who may read which center's lists, the settings, and the 入职日期 set in the user form.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterlyAwardSchema, tierListSchema, yearlyAwardSchema } from '../../src/domain/contract/awards.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('评先评优 (%s)', (dialect) => {
  let t: TestApp;
  let director: string;
  let leader: string;
  let supervisor: string;
  let clerk: string;
  let admin: string;
  let otherDirector: string;
  let township: string;
  let otherTownship: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    t.clock.now = new Date('2026-04-08T09:00:00+08:00');
    const db = t.database.db;
    const orgs = await db.selectFrom('orgs').selectAll().execute();
    township = orgs.find((o) => o.name === '柳河镇')!.id;
    otherTownship = orgs.find((o) => o.name === '石桥乡')!.id;
    const d = (await db.selectFrom('users').selectAll().where('username', '=', 'director').executeTakeFirstOrThrow());
    await db.insertInto('users').values({ ...d, id: randomUUID(), username: 'shiqiao-dir', name: '石桥主任', org_id: otherTownship, phone: null }).execute();
    [director, leader, supervisor, clerk, admin, otherDirector] = (await Promise.all(['director', 'leader', 'supervisor', 'clerk', 'admin', 'shiqiao-dir'].map((u) => signIn(t.app, u)))) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
  });
  afterAll(() => t.close());

  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  const quarterly = async (cookie: string, query: string) => {
    const res = await get(cookie, `/api/awards/quarterly?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const parsed = quarterlyAwardSchema.safeParse(res.json());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    return parsed.data!;
  };

  it('lets the director, the leader and supervisors read; clerks and other townships not', async () => {
    for (const cookie of [director, leader, supervisor]) expect((await get(cookie, `/api/awards/quarterly?orgId=${township}&quarter=2026-Q1`)).statusCode).toBe(200);
    const refused = await get(clerk, `/api/awards/quarterly?orgId=${township}&quarter=2026-Q1`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toContain('评先评优');
    expect((await get(otherDirector, `/api/awards/yearly?orgId=${township}&year=2026`)).statusCode).toBe(403);
    expect((await get(director, '/api/awards/tiers?year=20x6')).statusCode).toBe(400);
    const bad = await get(director, '/api/awards/quarterly?quarter=2026-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('YYYY-Qn');
  });

  it('names every month not closed instead of ranking on part of the data', async () => {
    const q = await quarterly(director, 'quarter=2026-Q1');
    expect(q.scope).toMatchObject({ orgId: township, centerName: '柳河镇便民服务中心' });
    expect(q.complete).toBe(false);
    expect(q.held).toEqual([]);
    expect(q.missing.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(q.missing[0]!.centers.map((c) => c.name)).toEqual(['柳河镇便民服务中心']);
    expect(q.entries).toEqual([]);
    expect(q.required).toBe(3);
    // the county's supervisor sees the county and every township below it taking part
    const county = await quarterly(supervisor, 'quarter=2026-Q1');
    expect(county.scope.centers.map((c) => c.name)).toEqual(expect.arrayContaining(['柳河镇便民服务中心', '石桥乡便民服务中心']));
    expect(county.scope.centers.some((c) => c.name.endsWith('便民服务室'))).toBe(false);
    // a month not over yet is said to be so
    const now = await quarterly(director, 'quarter=2026-Q2');
    expect(now.missing.map((m) => [m.month, m.notOver])).toEqual([
      ['2026-04', true],
      ['2026-05', true],
      ['2026-06', true],
    ]);
  });

  it('keeps the numbers as settings: the seeds by default, the administrator changes them, shares add up to 100', async () => {
    const defaults = await get(director, '/api/awards/settings');
    const seeds = defaults.json() as Record<string, unknown>;
    expect(defaults.json()).toEqual({ flagTop: 10, flagTimes: 5, modelTop: 5, tierShares: [30, 50, 20], minServiceMonths: 6, maxDeducted: 60 });
    const put = (cookie: string, body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/awards/settings', headers: { cookie }, payload: body });
    expect((await put(director, seeds)).statusCode).toBe(403);
    const wrong = await put(admin, { ...seeds, tierShares: [30, 50, 30] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().title).toContain('合计须为 100%');
    const changed = await put(admin, { ...seeds, flagTop: 3 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await quarterly(director, 'quarter=2026-Q1')).top).toBe(3);
    expect((await put(admin, seeds)).statusCode).toBe(200);
  });

  it('takes 入职日期 from the user form, else the day the account was created', async () => {
    const u = await t.database.db.selectFrom('users').selectAll().where('username', '=', 'clerk2').executeTakeFirstOrThrow();
    const patch = (serviceStartDate: unknown, version: number) =>
      t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: { cookie: admin }, payload: { expectedVersion: version, serviceStartDate } });
    expect((await patch('2026-02-30', u.version)).statusCode).toBe(400);
    const saved = await patch('2026-07-02', u.version);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().serviceStartDate).toBe('2026-07-02');
    const cleared = await patch(null, saved.json().version);
    expect(cleared.json().serviceStartDate).toBeNull();
  });

  it('answers the tiers and the 标兵 with their schemas', async () => {
    const tiers = await get(director, '/api/awards/tiers?year=2026');
    expect(tiers.statusCode, tiers.body).toBe(200);
    expect(tierListSchema.safeParse(tiers.json()).success).toBe(true);
    expect(tiers.json()).toMatchObject({ counted: 0, places: [0, 0, 0], serviceCutoff: '2026-07-01', complete: false });
    const yearly = await get(leader, '/api/awards/yearly?year=2026');
    expect(yearly.statusCode, yearly.body).toBe(200);
    expect(yearlyAwardSchema.safeParse(yearly.json()).success).toBe(true);
    expect(yearly.json().required).toBe(12);
  });

  describe('on crafted closed months (closed through the assessment API)', () => {
    const windows = new Map<string, string>(); // name → id
    const people = new Map<string, string>(); // name → id
    const item = async (month: string, kind: 'window' | 'person', name: string, ruleCode: string, points: number) => {
      const subjectId = (kind === 'window' ? windows : people).get(name)!;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/assessments/items',
        headers: { cookie: director, 'idempotency-key': randomUUID() },
        payload: { month, subjectKind: kind, subjectId, ruleCode, points, reason: `${month} 考核检查发现的问题（测试）` },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    /** deducts `total` points (at most 20: the 服务作风 cap) in one month as items the rules allow (服务态度 2–5 a time, 台账资料不全 1) */
    const deduct = async (month: string, kind: 'window' | 'person', name: string, total: number) => {
      let left = total;
      for (; left >= 5; left -= 5) await item(month, kind, name, 'attitude', 5);
      if (left >= 2) await item(month, kind, name, 'attitude', left);
      else if (left === 1) await item(month, kind, name, 'records-incomplete', 1);
    };
    const close = async (cookie: string, month: string) => {
      // the items were just recorded: a month closes only once their appeal window (5 days) is over
      t.clock.now = new Date(t.clock.now.getTime() + 6 * 24 * 3600 * 1000);
      const m = await get(cookie, `/api/assessments?month=${month}`);
      expect(m.statusCode, m.body).toBe(200);
      const res = await t.app.inject({ method: 'POST', url: '/api/assessments/close', headers: { cookie }, payload: { month, expectedVersion: m.json().version } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('closed');
    };
    const yearly = async (cookie: string, query: string) => {
      const res = await get(cookie, `/api/awards/yearly?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const parsed = yearlyAwardSchema.safeParse(res.json());
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      return parsed.data!;
    };
    const status = (list: { entries: { name: string; status: string }[] }) => Object.fromEntries(list.entries.map((e) => [e.name, e.status]));

    beforeAll(async () => {
      t.clock.now = new Date('2027-01-11T09:00:00+08:00'); // every month of 2026 is over
      // 12 windows (the township's 10 and two new) and 6 people scored (王晓燕, 张磊, 高秀英 and three new clerks)
      for (const name of ['便民窗口甲', '便民窗口乙']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/windows', headers: { cookie: director }, payload: { orgId: township, name } });
        expect(res.statusCode, res.body).toBe(201);
      }
      for (const [username, name, serviceStartDate] of [
        ['jia2026', '新人甲', '2025-03-01'],
        ['yi2026', '新人乙', '2025-03-01'],
        ['bing2026', '新人丙', '2026-07-02'],
      ] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username, name, password: 'Chushi-2026x', roles: ['clerk'], orgId: township, serviceStartDate } });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().serviceStartDate).toBe(serviceStartDate);
      }
      const db = t.database.db;
      for (const w of await db.selectFrom('windows').select(['id', 'name']).where('org_id', '=', township).execute()) windows.set(w.name, w.id);
      for (const u of await db.selectFrom('users').select(['id', 'name']).where('org_id', '=', township).execute()) people.set(u.name, u.id);
      expect(windows.size).toBe(12);
      // the demo's accounts were made today: their 入职日期 is entered as the user form does
      for (const name of ['王晓燕', '张磊']) {
        const u = await db.selectFrom('users').select(['id', 'version']).where('id', '=', people.get(name)!).executeTakeFirstOrThrow();
        const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: { cookie: admin }, payload: { expectedVersion: u.version, serviceStartDate: '2019-09-01' } });
        expect(res.statusCode, res.body).toBe(200);
      }
    });

    it('the quarter: windows in the top 10 in all three months get the 流动红旗; ties at place 10 are in', async () => {
      // January: 11th and 12th; February: two share place 11; March: three share place 10
      await deduct('2026-01', 'window', '便民窗口甲', 2);
      await deduct('2026-01', 'window', '便民窗口乙', 1);
      await deduct('2026-02', 'window', '民政窗口', 2);
      await deduct('2026-02', 'window', '计生窗口', 2);
      for (const name of ['便民窗口甲', '便民窗口乙', '财政窗口']) await deduct('2026-03', 'window', name, 1);
      // the people's first quarter: 张磊 −1 in January, 新人甲 −2 in February, 新人乙 −3 in March
      await deduct('2026-01', 'person', '张磊', 1);
      await deduct('2026-02', 'person', '新人甲', 2);
      await deduct('2026-03', 'person', '新人乙', 3);
      await close(director, '2026-01');
      await close(director, '2026-02');
      // before March closes, March is missing: nobody has the flag yet, who is out is out already
      const early = await quarterly(director, 'quarter=2026-Q1');
      expect(early.complete).toBe(false);
      expect(early.missing.map((m) => [m.month, m.notOver, m.centers.map((c) => c.name)])).toEqual([['2026-03', false, ['柳河镇便民服务中心']]]);
      expect(status(early)).toMatchObject({ 便民窗口甲: 'out', 民政窗口: 'out', 财政窗口: 'possible', 综合窗口: 'possible' });
      expect(early.entries.filter((e) => e.status === 'awarded')).toHaveLength(0);

      await close(director, '2026-03');
      const q = await quarterly(leader, `orgId=${township}&quarter=2026-Q1`);
      expect(q.complete).toBe(true);
      expect(q.held).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(q).toMatchObject({ top: 10, times: 5, required: 3 });
      const awarded = q.entries.filter((e) => e.status === 'awarded').map((e) => e.name);
      expect(awarded.sort()).toEqual(['农业服务窗口', '劳动保障窗口', '国土窗口', '户籍窗口', '村镇建设窗口', '林业窗口', '综合窗口', '财政窗口'].sort());
      const ranksOf = (name: string) => q.entries.find((e) => e.name === name)!.ranks.map((r) => r.rank);
      expect(ranksOf('便民窗口乙')).toEqual([11, 1, 10]);
      expect(ranksOf('民政窗口')).toEqual([1, 11, 1]);
      expect(ranksOf('财政窗口')).toEqual([1, 1, 10]); // three share place 10: all in the top 10
      expect(q.entries.find((e) => e.name === '便民窗口甲')).toMatchObject({ timesInTop: 2, status: 'out' });
    });

    it('the year: 标兵 are in the top 5 every month; before December closes they are only possible', async () => {
      // more than 60 in the year: 20 (the monthly cap of 服务作风) in June, July and August, and 1 in September
      for (const month of ['2026-06', '2026-07', '2026-08']) await deduct(month, 'person', '高秀英', 20);
      await deduct('2026-09', 'person', '高秀英', 1);
      await deduct('2026-10', 'person', '王晓燕', 6);
      for (const month of ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) await close(director, month);
      const before = await yearly(director, 'year=2026');
      expect(before.complete).toBe(false);
      expect(before.missing.map((m) => m.month)).toEqual(['2026-12']);
      expect(status(before)).toEqual({ 新人丙: 'possible', 王晓燕: 'out', 张磊: 'out', 高秀英: 'out', 新人甲: 'out', 新人乙: 'out' });

      await close(director, '2026-12');
      const y = await yearly(supervisor, `orgId=${township}&year=2026`);
      expect(y.complete).toBe(true);
      expect(y.required).toBe(12);
      expect(y.entries.filter((e) => e.status === 'awarded').map((e) => e.name)).toEqual(['新人丙']);
      expect(y.entries.find((e) => e.name === '张磊')).toMatchObject({ timesInTop: 11 });
      expect(y.entries.find((e) => e.name === '张磊')!.ranks[0]).toMatchObject({ rank: 6, score: 99 });
    });

    it('the tiers: quarterly averages, floor of the shares, short service not first, over 60 points in none', async () => {
      const res = await get(director, '/api/awards/tiers?year=2026');
      expect(res.statusCode, res.body).toBe(200);
      const list = tierListSchema.parse(res.json());
      expect(list.complete).toBe(true);
      expect(list.counted).toBe(5);
      expect(list.places).toEqual([1, 3, 1]);
      const row = (name: string) => list.entries.find((e) => e.name === name)!;
      expect(row('新人丙')).toMatchObject({ yearScore: 100, rank: 1, tier: 2, notes: ['short_service'], serviceStart: '2026-07-02' });
      expect(row('张磊')).toMatchObject({ quarterScores: [99.67, 100, 100, 100], yearScore: 99.92, tier: 1, notes: [], serviceStart: '2019-09-01' });
      expect(row('新人甲')).toMatchObject({ yearScore: 99.83, tier: 2 });
      expect(row('新人乙')).toMatchObject({ yearScore: 99.75, tier: 2 });
      expect(row('王晓燕')).toMatchObject({ quarterScores: [100, 100, 100, 98], yearScore: 99.5, tier: 3 });
      expect(row('高秀英')).toMatchObject({ deducted: 61, tier: null, rank: null, notes: ['over_deducted'] });
      expect(list.sizes).toEqual([1, 3, 1]);
    });

    it('over a county, a township that has not closed its months makes them missing for everyone', async () => {
      const shiqiao = await get(otherDirector, '/api/assessments?month=2026-01');
      expect(shiqiao.statusCode, shiqiao.body).toBe(200);
      await close(otherDirector, '2026-01');
      const q = await quarterly(supervisor, 'quarter=2026-Q1');
      expect(q.complete).toBe(false);
      const jan = q.missing.find((m) => m.month === '2026-01')!;
      expect(jan.centers.map((c) => c.name)).not.toContain('石桥乡便民服务中心');
      expect(jan.centers.map((c) => c.name)).not.toContain('柳河镇便民服务中心');
      expect(q.missing.find((m) => m.month === '2026-02')!.centers.map((c) => c.name)).toContain('石桥乡便民服务中心');
      // a month is ranked only when every center has closed it: nothing is awarded on part of the county
      expect(q.entries.every((e) => e.status !== 'awarded')).toBe(true);
      // the township alone is complete
      expect((await quarterly(director, 'quarter=2026-Q1')).complete).toBe(true);
    });
  });
});
