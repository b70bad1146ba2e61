// 签到、签退 and the month's attendance table (issue 12 §4): one record per person and day on the server's clock,
// late/early judged against the center's office hours; when the center sets its networks, only from them —
// judged by the connection's address, never by a header the browser sends; the monthly table with 缺勤 and
// leave days by kind, for the console, its Excel export and attendanceOfMonth (the assessment, issue 13).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceOfMonth } from '../../src/modules/presence/attendance.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('签到签退和月度考勤 (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let clerk2: string;
  let director: string;
  let clerkId: string;
  let township: string;

  const post = (cookie: string, url: string, payload: unknown = {}, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: payload as object, remoteAddress });
  const at = (iso: string) => (t.clock.now = new Date(iso));

  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400, secureCookie: false } } });
    at('2026-12-07T08:20:00+08:00');
    [clerk, clerk2, director] = (await Promise.all(['clerk', 'clerk2', 'director'].map((u) => signIn(t.app, u)))) as [string, string, string];
    clerkId = (await t.app.inject({ url: '/api/presence', headers: { cookie: clerk } })).json().me.id;
    township = (await t.database.db.selectFrom('orgs').select('id').where('name', '=', '柳河镇').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('signs in once a day on the server clock; late after the first session starts; sign-out early before the close', async () => {
    const today = await t.app.inject({ url: '/api/attendance/today', headers: { cookie: clerk } });
    expect(today.json()).toMatchObject({ day: '2026-12-07', workingDay: true, record: null, networkRestricted: false, fromAllowedNetwork: true });
    const span = today.json().officeHours as { start: string; end: string };
    expect(span.start).toMatch(/^\d\d:\d\d$/);

    const first = await post(clerk, '/api/attendance/sign-in');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ day: '2026-12-07', signInTime: '08:20', late: false, signOutAt: null });
    const twice = await post(clerk, '/api/attendance/sign-in');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ALREADY_SIGNED_IN' });
    expect(twice.json().title).toContain('08:20');

    // 2 minutes after the start of office hours
    const [h, m] = span.start.split(':').map(Number) as [number, number];
    const lateAt = new Date(Date.UTC(2026, 11, 7, h - 8, m + 2));
    t.clock.now = lateAt;
    const late = await post(clerk2, '/api/attendance/sign-in');
    expect(late.json()).toMatchObject({ late: true, minutesLate: 2 });

    const notIn = await post(director, '/api/attendance/sign-out');
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().code).toBe('NOT_SIGNED_IN');

    const [eh, em] = span.end.split(':').map(Number) as [number, number];
    t.clock.now = new Date(Date.UTC(2026, 11, 7, eh - 8, em - 30));
    const early = await post(clerk, '/api/attendance/sign-out');
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toMatchObject({ early: true, minutesEarly: 30 });
    // signing out again after the close: the last sign-out counts
    t.clock.now = new Date(Date.UTC(2026, 11, 7, eh - 8, em + 5));
    expect((await post(clerk, '/api/attendance/sign-out')).json()).toMatchObject({ early: false, minutesEarly: 0 });
  });

  it('only from the center’s networks when set: the connection address decides, a forwarded header does not', async () => {
    at('2026-12-08T08:10:00+08:00');
    const put = (cookie: string, networks: string[]) => t.app.inject({ method: 'PUT', url: '/api/attendance/networks', headers: { cookie }, payload: { networks } });
    expect((await put(clerk, ['10.1.0.0/16'])).statusCode).toBe(403);
    const bad = await put(director, ['10.1.0.0/33', 'not-a-network']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('CIDR');
    const ok = await put(director, ['10.1.0.0/16', ' 192.168.8.8 ']);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().networks).toEqual(['10.1.0.0/16', '192.168.8.8']);

    const outside = await post(clerk, '/api/attendance/sign-in', {}, '192.168.5.5', { 'x-forwarded-for': '10.1.2.3', 'x-real-ip': '10.1.2.3' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('NOT_FROM_CENTER_NETWORK');
    expect(outside.json().title).toContain('192.168.5.5');
    expect(outside.json().title).toContain('办公网络');
    const today = await t.app.inject({ url: '/api/attendance/today', headers: { cookie: clerk }, remoteAddress: '192.168.5.5' });
    expect(today.json()).toMatchObject({ networkRestricted: true, fromAllowedNetwork: false });

    expect((await post(clerk, '/api/attendance/sign-in', {}, '10.1.2.3')).statusCode).toBe(201);
    expect((await post(clerk2, '/api/attendance/sign-in', {}, '::ffff:192.168.8.8')).statusCode).toBe(201);
    expect((await put(director, [])).json().networks).toEqual([]);
  });

  it('the month: attended days, late, early, leave by kind, 缺勤 on working days with neither — for the director; a clerk sees their own row', async () => {
    // an approved 事假 on Wednesday 9 December
    at('2026-12-08T10:00:00+08:00');
    const leave = await t.app.inject({
      method: 'POST',
      url: '/api/leaves',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { kind: '事假', fromDate: '2026-12-09', toDate: '2026-12-09', reason: '孩子开家长会' },
    });
    expect(leave.statusCode, leave.body).toBe(201);
    expect((await post(director, `/api/leaves/${leave.json().id}/approve`, { expectedVersion: 1 })).statusCode).toBe(200);

    at('2026-12-11T09:00:00+08:00');
    const res = await t.app.inject({ url: '/api/attendance/month?month=2026-12', headers: { cookie: director } });
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json();
    expect(table).toMatchObject({ month: '2026-12', judgedBefore: '2026-12-11', canViewAll: true });
    expect(table.workingDays).toBeGreaterThanOrEqual(20);
    const row = table.people.find((p: { userId: string }) => p.userId === clerkId);
    expect(row).toMatchObject({ attendedDays: 2, late: 0, early: 0, leaveTotal: 1 });
    expect(row.leaveDays['事假']).toBe(1);
    // 1–4 December, and Thursday the 10th: neither sign-in nor leave
    expect(row.absentDates).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-10']);

    const own = (await t.app.inject({ url: '/api/attendance/month?month=2026-12', headers: { cookie: clerk } })).json();
    expect(own.canViewAll).toBe(false);
    expect(own.people.map((p: { userId: string }) => p.userId)).toEqual([clerkId]);

    const direct = await attendanceOfMonth(t.database.db, township, '2026-12', t.clock.now);
    expect(direct.people.find((p) => p.userId === clerkId)).toEqual(row);
    expect((await t.app.inject({ url: '/api/attendance/month?month=2026-13', headers: { cookie: director } })).statusCode).toBe(400);
  });

  it('exports the month to Excel for the director (audited); a clerk may not', async () => {
    expect((await t.app.inject({ url: '/api/attendance/month.xlsx?month=2026-12', headers: { cookie: clerk } })).statusCode).toBe(403);
    const res = await t.app.inject({ url: '/api/attendance/month.xlsx?month=2026-12', headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('2026年12月考勤统计');
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['姓名', '岗位', '出勤天数', '迟到（次）', '早退（次）']);
    expect(headers).toContain('事假（天）');
    expect(headers).toContain('缺勤（天）');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'export.attendance').execute();
    expect(audit.length).toBe(1);
  });
});
