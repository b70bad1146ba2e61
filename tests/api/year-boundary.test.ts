import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

/**
 * DOMAIN.md rule 3 at the year end: the official calendar ships 2025 and 2026 only. In December a 25-working-day
 * case already ends in 2027; it must register with a provisional (暂定) due date, and importing 2027 must count it
 * again, record the change and show it to the director.
 */
const applicant = { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678', address: '柳河镇柳河村三组' };
const DIBAO = ['最低生活保障申请书', '家庭成员居民身份证和户口簿', '家庭经济状况核对授权书', '家庭收入及财产情况说明', '残疾、重病等特殊情况证明'];

/**
 * A 2027 arrangement made up for the test (the real one is not published): Saturday 9 January is a make-up working
 * day for 元旦, which no provisional calendar guesses, so a due date after it comes one working day earlier.
 */
const YEAR_2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-09'] },
    { name: '春节', from: '2027-02-05', to: '2027-02-12', workdays: ['2027-02-20'] },
  ],
};

describe.each(DIALECTS)('the year boundary: no December stop (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  let director: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.now = new Date('2026-12-15T10:00:00+08:00'); // a Tuesday in mid-December
    [clerk, director, admin] = [await signIn(t.app, 'clerk'), await signIn(t.app, 'director'), await signIn(t.app, 'admin')];
  });
  afterAll(() => t.close());

  const register = (itemCode: string, materials: string[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { itemCode, channel: 'window', applicant, materials: materials.map((name) => ({ name, provided: true })) },
    });
  const getCase = async (id: string) => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie: clerk } })).json();
  const reminder = async (cookie = admin) => t.app.inject({ url: '/api/calendar/reminder', headers: { cookie } });

  let december: { id: string; caseNo: string };
  let early: { id: string };
  let november: { id: string };

  it('registers 城乡居民最低生活保障 (25 working days) in mid-December with a provisional 2027 due date', async () => {
    const res = await register('MZ-003', DIBAO);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    // 12 working days left in December, 元旦 off by law, then 13 more: Wednesday 20 January 2027, 17:30
    expect(c.dueAt).toBe('2027-01-20T09:30:00.000Z');
    expect(c.dueProvisional).toBe(true);
    december = c;
    const ledger = (await t.app.inject({ url: `/api/cases?q=${c.caseNo}`, headers: { cookie: clerk } })).json();
    expect(ledger.cases[0]).toMatchObject({ id: c.id, dueProvisional: true });
  });

  it('registers on 2 December too, and a case due within 2026 is not provisional', async () => {
    t.clock.now = new Date('2026-12-02T09:00:00+08:00');
    const dibao = await register('MZ-003', DIBAO);
    expect(dibao.statusCode).toBe(201);
    expect(dibao.json()).toMatchObject({ dueAt: '2027-01-07T09:30:00.000Z', dueProvisional: true });
    early = dibao.json();
    const immediate = await register('MZ-002', ['居民身份证', '近期一寸免冠照片']);
    expect(immediate.statusCode).toBe(201);
    expect(immediate.json()).toMatchObject({ dueAt: '2026-12-02T09:30:00.000Z', dueProvisional: false });
    t.clock.now = new Date('2026-12-15T10:00:00+08:00');
  });

  it('marks the legal due date 暂定 on its own when only it reaches into 2027', async () => {
    t.clock.now = new Date('2026-11-20T10:00:00+08:00');
    const res = await register('MZ-003', DIBAO);
    t.clock.now = new Date('2026-12-15T10:00:00+08:00');
    expect(res.statusCode).toBe(201);
    // 25 working days end on Friday 25 December 2026, the law's 30 on Monday 4 January 2027 (元旦 off by law)
    expect(res.json()).toMatchObject({ dueAt: '2026-12-25T09:30:00.000Z', dueProvisional: false, legalDueAt: '2027-01-04T09:30:00.000Z', legalDueProvisional: true });
    november = res.json();
    expect(await getCase(november.id)).toMatchObject({ dueProvisional: false, legalDueProvisional: true });
    // the December case: both dates in 2027, both 暂定
    expect(await getCase(december.id)).toMatchObject({ dueProvisional: true, legalDueProvisional: true });
  });

  it('counts working days and lists the days of 2027 provisionally, saying so', async () => {
    const add = (await t.app.inject({ url: '/api/calendar/add-working-days?from=2026-12-30&days=2' })).json();
    expect(add).toEqual({ date: '2027-01-04', provisional: true });
    expect((await t.app.inject({ url: '/api/calendar/add-working-days?from=2026-03-02&days=1' })).json()).toEqual({ date: '2026-03-03', provisional: false });
    const res = await t.app.inject({ url: '/api/calendar/days?year=2027' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.provisional).toBe(true);
    expect(body.source).toContain('暂定');
    expect(body.days.find((d: { date: string }) => d.date === '2027-02-05')).toEqual({ date: '2027-02-05', working: false, note: '春节' });
    // no make-up working days are ever guessed
    expect(body.days.filter((d: { date: string; working: boolean; note?: string }) => d.working && d.note)).toEqual([]);
    expect((await t.app.inject({ url: '/api/calendar/days?year=2026' })).json().provisional).toBe(false);
  });

  it('reminds the administrator from 1 October until next year is loaded, by the server clock', async () => {
    const now = (await reminder()).json();
    expect(now.today).toBe('2026-12-15');
    expect(now.reminder.year).toBe(2027);
    expect(now.reminder.message).toContain('2027年节假日安排尚未导入');
    expect((await reminder(clerk)).statusCode).toBe(403);
    t.clock.now = new Date('2026-09-30T10:00:00+08:00');
    expect((await reminder()).json().reminder).toBeNull();
    t.clock.now = new Date('2026-10-01T08:00:00+08:00');
    expect((await reminder()).json().reminder.year).toBe(2027);
    t.clock.now = new Date('2026-12-15T10:00:00+08:00');
  });

  it('importing 2027 counts every open case again in one go, records the change and shows it to the director', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: { cookie: admin }, payload: YEAR_2027 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.recomputed.cases.map((c: { caseId: string }) => c.caseId)).toContain(december.id);

    const moved = await getCase(december.id);
    expect(moved).toMatchObject({ dueAt: '2027-01-19T09:30:00.000Z', dueProvisional: false });
    const event = moved.events.at(-1);
    expect(event.type).toBe('deadline-recomputed');
    expect(event.data.message).toBe('期限按国务院公布的安排重新计算：原 2027-01-20 17:30（暂定） 现 2027-01-19 17:30');

    // due on 7 January, before the make-up day: the date stands, only the 暂定 mark goes, and no event
    const kept = await getCase(early.id);
    expect(kept).toMatchObject({ dueAt: '2027-01-07T09:30:00.000Z', dueProvisional: false });
    expect(kept.events.map((e: { type: string }) => e.type)).not.toContain('deadline-recomputed');
    expect(body.recomputed.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(early.id);

    // the legal date of the November case stands (4 January is before the make-up day) and is official now
    expect(await getCase(november.id)).toMatchObject({ legalDueAt: '2027-01-04T09:30:00.000Z', legalDueProvisional: false });

    const list = (await t.app.inject({ url: '/api/cases?view=deadline-changed', headers: { cookie: director } })).json();
    expect(list.cases.map((c: { id: string }) => c.id)).toContain(december.id);
    expect((await reminder()).json().reminder).toBeNull();
  });

  it('refuses a bad arrangement without touching any case', async () => {
    const before = await getCase(december.id);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/years',
      headers: { cookie: admin },
      payload: { ...YEAR_2027, holidays: [{ name: '元旦', from: '2027-01-05', to: '2027-01-01', workdays: [] }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('CALENDAR_FILE_INVALID');
    const after = await getCase(december.id);
    expect(after.version).toBe(before.version);
    expect(after.dueAt).toBe(before.dueAt);
  });

  it('gives an Excel template and imports the filled-in sheet, with the same checks as JSON', async () => {
    const template = await t.app.inject({ url: '/api/calendar/template.xlsx', headers: { cookie: admin } });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('B1').value).toBe(2027);
    expect(sheet.getCell('A5').value).toBe('元旦');
    sheet.getCell('B1').value = 2028;
    sheet.getCell('B2').value = '国务院办公厅关于2028年部分节假日安排的通知（测试用）';
    for (let r = 6; r <= 11; r++) sheet.getRow(r).values = [];
    sheet.getCell('B5').value = new Date(Date.UTC(2028, 0, 1));
    sheet.getCell('C5').value = '2028/1/3';
    sheet.getCell('D5').value = '2028-01-08、2028年1月9日';
    const upload = multipart({ name: '2028.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const res = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: { cookie: admin, ...upload.headers }, payload: upload.payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2028, days: 5 });
    const days = (await t.app.inject({ url: '/api/calendar/days?year=2028' })).json();
    expect(days.provisional).toBe(false);
    expect(days.days.find((d: { date: string }) => d.date === '2028-01-08')).toMatchObject({ working: true, note: '元旦调休上班' });

    // a sheet whose dates are wrong is refused with the year file's own reasons
    sheet.getCell('C5').value = '2027-12-31';
    const wrong = multipart({ name: '2028.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const refused = await t.app.inject({ method: 'POST', url: '/api/calendar/years', headers: { cookie: admin, ...wrong.headers }, payload: wrong.payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { message: string }) => e.message).join('')).toContain('不在 2028 年内');
  });
});

/**
 * The whole server as a center runs it, with the machine's clock set to mid-December by libfaketime (Debian package
 * faketime): it must boot, load the demo data and the shipped years, register a 25-working-day case with a
 * provisional 2027 due date over real HTTP, and move it when 2027 is imported. Nothing in the process is told the
 * date except the system clock.
 */
const FAKETIME_LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find(
  (p) => existsSync(p),
);
if (!FAKETIME_LIB) console.warn('[year-boundary] 跳过整机测试：没有找到 libfaketime（apt-get install -y faketime）。');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe.skipIf(!FAKETIME_LIB).each(DIALECTS)('the whole server with the system clock at 2026-12-15 10:00 (faketime, %s)', (dialect) => {
  let server: ChildProcess;
  let base: string;
  let dataDir: string;
  let output = '';
  // on PostgreSQL a fresh database of its own: the server is started as a center starts it, with DATABASE_URL only
  const databaseName = `bianmin_ft_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const onPostgres = async (statement: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const databaseUrl = () => {
    if (dialect !== 'postgres') return '';
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${databaseName}`;
    return url.toString();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bianmin-faketime-'));
    if (dialect === 'postgres') await onPostgres(`create database ${databaseName}`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('npx', ['tsx', 'src/cli/main.ts', 'serve'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl(),
        NODE_ENV: 'development',
        TZ: 'Asia/Shanghai',
        FAKETIME: '@2026-12-15 10:00:00',
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        LD_PRELOAD: FAKETIME_LIB,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group: npx and tsx start child processes, and all of them must stop with the test
      detached: true,
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // Ready when it answers; gives up only if the process exits (its output then says why).
    for (;;) {
      if (server.exitCode !== null) throw new Error(`服务没有启动：\n${output}`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 180_000);

  afterAll(async () => {
    if (server?.pid) {
      // the whole process group (npx, tsx, node), even when npx has already gone; a server that has not stopped
      // 10 s after SIGTERM is killed, so no left-over process keeps holding the database's job locks
      const group = -server.pid;
      const signal = (name: NodeJS.Signals | 0) => {
        try {
          process.kill(group, name);
          return true;
        } catch {
          return false; // the group is gone
        }
      };
      if (signal('SIGTERM')) {
        for (let waited = 0; waited < 10_000 && signal(0); waited += 250) await new Promise((r) => setTimeout(r, 250));
        signal('SIGKILL');
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') await onPostgres(`drop database if exists ${databaseName} with (force)`);
  });

  const login = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username, password: 'bianmin2026' }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  it('boots in mid-December, registers a 25-working-day case over HTTP with a provisional 2027 due date, and importing 2027 moves it', async () => {
    const admin = await login('admin');
    const reminder = (await (await fetch(`${base}/api/calendar/reminder`, { headers: { cookie: admin } })).json()) as { today: string; reminder: { message: string } };
    expect(reminder.today).toBe('2026-12-15'); // the server's own clock is the faked one
    expect(reminder.reminder.message).toContain('2027年节假日安排尚未导入');

    const clerk = await login('clerk');
    const res = await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: clerk, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ itemCode: 'MZ-003', channel: 'window', applicant, materials: DIBAO.map((name) => ({ name, provided: true })) }),
    });
    const body = (await res.json()) as { id: string; dueAt: string; dueProvisional: boolean };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.dueAt).toBe('2027-01-20T09:30:00.000Z');
    expect(body.dueProvisional).toBe(true);

    // the State Council's 2027 arrangement is imported on the same faked day: the case's due date moves
    const imported = await fetch(`${base}/api/calendar/years`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: admin },
      body: JSON.stringify(YEAR_2027),
    });
    const report = (await imported.json()) as { recomputed: { cases: { caseId: string }[] } };
    expect(imported.status, JSON.stringify(report)).toBe(201);
    expect(report.recomputed.cases.map((c) => c.caseId)).toContain(body.id);
    const moved = (await (await fetch(`${base}/api/cases/${body.id}`, { headers: { cookie: clerk } })).json()) as {
      dueAt: string;
      dueProvisional: boolean;
      events: { type: string; data: { message?: string } }[];
    };
    expect(moved).toMatchObject({ dueAt: '2027-01-19T09:30:00.000Z', dueProvisional: false });
    expect(moved.events.at(-1)).toMatchObject({
      type: 'deadline-recomputed',
      data: { message: '期限按国务院公布的安排重新计算：原 2027-01-20 17:30（暂定） 现 2027-01-19 17:30' },
    });
    const after = (await (await fetch(`${base}/api/calendar/reminder`, { headers: { cookie: admin } })).json()) as { reminder: unknown };
    expect(after.reminder).toBeNull();
  }, 120_000);
});
