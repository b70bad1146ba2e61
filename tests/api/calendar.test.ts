import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../src/modules/users/first-admin.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('official working-day calendar (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { demo: false });
  });
  afterAll(() => t.close());

  const add = async (from: string, days: number | string) =>
    t.app.inject({ url: `/api/calendar/add-working-days?from=${from}&days=${days}` });

  it.each([
    ['2025-01-24', 1, '2025-01-26'], // Friday before 春节 → the make-up Sunday
    ['2025-01-26', 1, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'], // across 春节 1/28–2/4
    ['2025-02-07', 1, '2025-02-08'], // make-up Saturday
    ['2025-04-30', 1, '2025-05-06'], // 劳动节 5/1–5/5
    ['2025-09-26', 1, '2025-09-28'], // make-up Sunday before 国庆
    ['2025-09-30', 1, '2025-10-09'], // 国庆中秋 10/1–10/8
    ['2025-10-10', 1, '2025-10-11'], // make-up Saturday after
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026 1/1–1/3, then the make-up Sunday 1/4
    ['2026-02-13', 1, '2026-02-14'], // make-up Saturday before 春节
    ['2026-02-14', 1, '2026-02-24'], // 春节 2/15–2/23
    ['2026-09-30', 1, '2026-10-08'], // 国庆 10/1–10/7
    ['2026-09-30', 15, '2026-10-27'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('from %s + %i working days = %s', async (from, days, expected) => {
    const res = await add(from, days);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: expected, provisional: false });
  });

  it('lists every day of a year with holidays and make-up days marked', async () => {
    const res = await t.app.inject({ url: '/api/calendar/days?year=2026' });
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; working: boolean; note?: string }[];
    expect(days).toHaveLength(365);
    expect(days.filter((d) => d.working)).toHaveLength(248);
    expect(days.find((d) => d.date === '2026-02-16')).toEqual({ date: '2026-02-16', working: false, note: '春节' });
    expect(days.find((d) => d.date === '2026-02-28')).toMatchObject({ working: true, note: '春节调休上班' });
    expect(days.find((d) => d.date === '2026-03-07')).toMatchObject({ working: false, note: '周末' });
  });

  it('counts a year not loaded provisionally and says so (rule 3), refuses what cannot be worked out, and bad input, in Chinese', async () => {
    const next = await add('2026-12-30', 5);
    expect(next.statusCode).toBe(200);
    expect(next.json()).toEqual({ date: '2027-01-07', provisional: true }); // 元旦 off by law, no make-up days
    expect((await t.app.inject({ url: '/api/calendar/days?year=2027' })).json()).toMatchObject({ year: 2027, provisional: true });
    const beyond = await add('2099-12-30', 5);
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(beyond.json().title).toContain('2100年');
    expect((await t.app.inject({ url: '/api/calendar/days?year=2100' })).json().code).toBe('CALENDAR_YEAR_NOT_LOADED');
    const bad = await add('2026-02-30', 1);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('真实存在的日期');
    expect((await add('2026-03-02', -1)).statusCode).toBe(400);
    expect((await add('2026-03-02', 'abc')).statusCode).toBe(400);
  });

  it('lets an administrator import a new year, which then counts, and refuses a bad file without writing', async () => {
    // An empty database has no users: make the first administrator the way a deployment does.
    await createFirstAdmin(t.database.db, { username: 'root', name: '管理员', password: 'Passw0rd!', orgCode: '410899', orgName: '清河县', timeZone: 'Asia/Shanghai' });
    const admin = await signIn(t.app, 'root', 'Passw0rd!');

    const bad = await t.app.inject({
      method: 'POST', url: '/api/calendar/years', headers: { cookie: admin },
      payload: { year: 2027, source: '测试', holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-15'] }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('CALENDAR_FILE_INVALID');
    expect(bad.json().errors[0].message).toContain('周六或周日');
    expect((await t.app.inject({ url: '/api/calendar/years' })).json().years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);

    const good = await t.app.inject({
      method: 'POST', url: '/api/calendar/years', headers: { cookie: admin },
      payload: { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }] },
    });
    expect(good.statusCode).toBe(201);
    expect((await add('2026-12-31', 1)).json()).toEqual({ date: '2027-01-04', provisional: false });
    const years = (await t.app.inject({ url: '/api/calendar/years' })).json().years;
    expect(years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ days: 3 });
  });

  it('lets only an administrator import a year', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/calendar/years', payload: { year: 2028, source: 'x', holidays: [] } });
    expect(res.statusCode).toBe(401);
  });
});
