import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/repo.js';
import { loadConfig } from '../../src/server/config.js';
import { prepareDatabase } from '../../src/server/start.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

interface Entry {
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  actionName: string;
  targetId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

const EXPORT_MAX = 20;

describe.each(DIALECTS)('the audit log (%s)', (dialect) => {
  let t: TestApp;
  let auditor: string;
  let clerk: string;
  const read = async (query: string, cookie = auditor) => {
    const res = await t.app.inject({ url: `/api/audit?${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { entries: Entry[]; total: number };
  };
  const verify = async () => (await t.app.inject({ url: '/api/audit/verify', headers: { cookie: auditor } })).json();

  beforeAll(async () => {
    // a small export limit, so that the refusal of a too large export needs no tens of thousands of entries
    t = await startTestApp(dialect, { config: { auditExportMaxRows: EXPORT_MAX } });
    t.clock.now = new Date('2026-12-07T09:00:00+08:00');
    auditor = await signIn(t.app, 'auditor');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  it('is read by the audit administrator only', async () => {
    for (const who of ['admin', 'secadmin', 'supervisor', 'clerk']) {
      const cookie = await signIn(t.app, who);
      expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode, who).toBe(403);
      expect((await t.app.inject({ url: '/api/audit/verify', headers: { cookie } })).statusCode, who).toBe(403);
    }
    const page = await read('');
    expect(page.total).toBeGreaterThan(0);
    expect(page.entries[0]!.seq).toBe(page.total); // newest first, numbered without gaps
  });

  it('records failed logins, refusals (403), exports and full personal-data reads, with the address', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'x' }, remoteAddress: '192.0.2.7' });
    await t.app.inject({ url: '/api/users', headers: { cookie: clerk }, remoteAddress: '192.0.2.8' });
    const director = await signIn(t.app, 'director');
    expect((await t.app.inject({ url: '/api/cases/export.xlsx?status=in_progress', headers: { cookie: director } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/agents/monthly.xlsx?month=2026-11', headers: { cookie: director } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/catalog/export.xlsx' })).statusCode).toBe(200);
    const created = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: {
        itemCode: 'MZ-002', channel: 'window',
        applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
        materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await t.app.inject({ url: `/api/cases/${created.json().id}`, headers: { cookie: clerk } })).statusCode).toBe(200);

    const failed = (await read('action=auth.failed')).entries.find((e) => e.detail?.username === 'nobody-here')!;
    expect(failed).toMatchObject({ ip: '192.0.2.7', userId: null, actionName: '登录失败', detail: { reason: 'unknown' } });
    const refused = (await read('action=http.forbidden')).entries[0]!;
    expect(refused).toMatchObject({ username: 'clerk', ip: '192.0.2.8', detail: { method: 'GET', path: '/api/users', code: 'FORBIDDEN' } });
    const exports = (await read('action=export')).entries.map((e) => e.action);
    expect(exports).toEqual(expect.arrayContaining(['export.ledger', 'export.villageMonthly', 'export.catalog']));
    const ledger = (await read('action=export.ledger')).entries[0]!;
    expect(ledger).toMatchObject({ username: 'director', detail: { query: { status: 'in_progress' } } });
    const reads = (await read('action=case.read')).entries;
    expect(reads.some((e) => e.targetId === created.json().id && e.username === 'clerk')).toBe(true);
  });

  it('words account and window changes with names, and keeps the address of each', async () => {
    const admin = await signIn(t.app, 'admin');
    const secadmin = await signIn(t.app, 'secadmin');
    const director = await signIn(t.app, 'director');
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: director } })).json().user;
    const created = await t.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin }, remoteAddress: '192.0.2.31',
      payload: { username: 'qa2clerk', name: '钱多多', password: 'Passw0rd!x', roles: ['clerk'], orgId: me.orgId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${id}/reset-password`, headers: { cookie: secadmin }, remoteAddress: '192.0.2.32', payload: { password: 'Another-2026!' } });
    expect(reset.statusCode, reset.body).toBe(200);
    const unlocked = await t.app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: { cookie: secadmin }, remoteAddress: '192.0.2.33' });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: { cookie: admin }, remoteAddress: '192.0.2.34' });
    expect(refused.statusCode).toBe(403);
    const windows = (await t.app.inject({ url: `/api/windows?orgId=${me.orgId}`, headers: { cookie: director } })).json().windows as { id: string; name: string; version: number }[];
    const window = windows[0]!;
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/windows/${window.id}`, headers: { cookie: director }, remoteAddress: '192.0.2.35', payload: { expectedVersion: window.version, postBUserId: id } });
    expect(changed.statusCode, changed.body).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nosuchuser', password: 'x' } });

    const entries = (await read('pageSize=200')).entries as (Entry & { detailText: string })[];
    const find = (action: string) => entries.find((e) => e.action === action && (e.targetId === id || e.targetId === window.id || action === 'http.forbidden'))!;
    expect(find('user.create')).toMatchObject({ ip: '192.0.2.31', detailText: `新建人员账号 qa2clerk（钱多多），角色：窗口工作人员，机构：${me.orgName}` });
    expect(find('user.resetPassword')).toMatchObject({ ip: '192.0.2.32', detailText: '重置 钱多多（qa2clerk）的密码' });
    expect(find('user.unlock')).toMatchObject({ ip: '192.0.2.33', detailText: '解除 钱多多（qa2clerk）的锁定' });
    expect(find('http.forbidden')).toMatchObject({ ip: '192.0.2.34', detailText: '被拒绝：解除锁定（按三员分立，这项工作由安全管理员办理）' });
    expect(find('window.update')).toMatchObject({ ip: '192.0.2.35', detailText: `${window.name}：B岗改为 钱多多（qa2clerk）` });
    // the stored entry keeps the id: the chain is never rewritten, names are looked up when it is read
    expect(find('window.update').detail).toMatchObject({ postBUserId: id });
    expect((await verify()).ok).toBe(true);

    // the export says the same
    const res = await t.app.inject({ url: '/api/audit/export.xlsx?action=user', headers: { cookie: auditor } });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const rows = (book.getWorksheet('审计日志')!.getSheetValues() as unknown[][]).slice(3).map((r) => r.slice(1).map((v) => String(v ?? '')));
    expect(rows.find((r) => r[0] === String(find('user.resetPassword').seq))!.slice(4, 9)).toEqual(['重置密码', '重置 钱多多（qa2clerk）的密码', '人员账号', id, '192.0.2.32']);
  });

  it('filters by person, action group and local days, and pages', async () => {
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user;
    const mine = await read(`userId=${me.id}`);
    expect(mine.entries.every((e) => e.userId === me.id)).toBe(true);
    const auth = await read('action=auth&pageSize=200');
    expect(auth.entries.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(auth.total).toBe(auth.entries.length);
    // the test's day (its clock), and the day before it: the demo's imports at start-up are dated by the real clock,
    // which is never before the test was written, so only the test's own day may hold entries
    const today = await read('from=2026-12-07&to=2026-12-07');
    const dayBefore = await read('from=2026-12-06&to=2026-12-06');
    expect(today.total).toBeGreaterThan(0);
    expect(today.entries.every((e) => e.at >= '2026-12-06T16:00:00.000Z' && e.at < '2026-12-07T16:00:00.000Z')).toBe(true);
    expect(dayBefore.total).toBe(0);
    const page2 = await read('pageSize=2&page=2');
    const page1 = await read('pageSize=2&page=1');
    expect(page2.entries[0]!.seq).toBe(page1.entries[1]!.seq - 1);
    expect((await t.app.inject({ url: '/api/audit?action=x%25', headers: { cookie: auditor } })).statusCode).toBe(400);
  });

  it('is exported to Excel by the audit administrator only; the other two administrators are told whose duty it is', async () => {
    for (const who of ['admin', 'secadmin']) {
      const cookie = await signIn(t.app, who);
      for (const url of ['/api/audit', '/api/audit/export.xlsx']) {
        const res = await t.app.inject({ url, headers: { cookie } });
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().title).toBe('您没有查看审计日志的权限。按三员分立，这项工作由审计管理员办理。');
      }
    }
    const refused = await t.app.inject({ url: '/api/audit/export.xlsx', headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBe('您没有查看审计日志的权限。这项工作由审计管理员办理。');
    // and the auditor, asking for the staff list, is not told to ask the security administrator for a role
    const staff = await t.app.inject({ url: '/api/users', headers: { cookie: auditor } });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().title).toBe('您没有查看人员名单的权限。按三员分立，这项工作由系统管理员、安全管理员、中心主任办理。');

    // an entry carrying personal data, masked when it was written
    const code = await t.app.inject({ method: 'POST', url: '/api/public/applicants/codes', payload: { phone: '13900000077', purpose: 'register' }, remoteAddress: '192.0.2.9' });
    expect(code.statusCode).toBe(202);

    const query = 'from=2026-12-07&to=2026-12-07&action=applicant';
    const res = await t.app.inject({ url: `/api/audit/export.xlsx?${query}`, headers: { cookie: auditor } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('审计日志')!;
    const texts = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const listed = await read(query);
    expect(texts(1)[0]).toBe(`审计日志（2026-12-07 至 2026-12-07，操作：网上办事账号；导出于 2026-12-07 09:00，共 ${listed.total} 条）`);
    expect(texts(2)).toEqual(['序号', '时间', '人员姓名', '用户名', '操作', '内容', '对象类型', '对象编号', '来源地址', '本条哈希']);
    expect(sheet.rowCount).toBe(2 + listed.total);
    const sent = listed.entries.find((e) => e.action === 'applicant.codeSent' && e.ip === '192.0.2.9')!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => texts(i + 1)).find((r) => r[0] === String(sent.seq))!;
    expect(row.slice(0, 9)).toEqual([String(sent.seq), '2026-12-07 09:00:00', '未登录', '', '发送网上办事验证码', '向 139****0077 发送注册账号验证码', '网上办事账号', '', '192.0.2.9']);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('13900000077');

    // the export is on record: who, and which range
    const exported = (await read('action=export.audit')).entries[0]!;
    expect(exported).toMatchObject({ username: 'auditor', actionName: '导出审计日志', detail: { path: '/api/audit/export.xlsx', query: { from: '2026-12-07', to: '2026-12-07', action: 'applicant' } } });

    // too many for one file: refused, with what to do instead
    const all = (await read('')).total;
    expect(all).toBeGreaterThan(EXPORT_MAX);
    const tooMany = await t.app.inject({ url: '/api/audit/export.xlsx', headers: { cookie: auditor } });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    expect(tooMany.json().title).toContain(`一次最多导出 ${EXPORT_MAX} 条。请缩小日期范围`);
  });

  it('is one unbroken hash chain, also when many requests write to it at the same moment', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `crowd${i}`, password: 'x' }, remoteAddress: `192.0.2.${200 + i}` }),
      ),
    );
    const total = (await read('')).total;
    const result = await verify();
    expect(result).toEqual({ ok: true, checked: total });
    // the check itself is on record
    expect((await read('action=audit.verify')).entries[0]!.username).toBe('auditor');
  });

  it('finds the entry someone changed, and a deleted one', async () => {
    const { db } = t.database;
    const victim = (await read('action=auth.failed')).entries.at(-1)!;
    const original = await db.selectFrom('audit_log').select(['id', 'detail']).where('seq', '=', victim.seq).executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ detail: JSON.stringify({ username: 'someone-else' }) }).where('seq', '=', victim.seq).execute();
    const changed = await verify();
    expect(changed).toMatchObject({ ok: false, brokenAt: victim.seq, checked: victim.seq - 1 });
    expect(changed.problem).toContain('改动');
    await db.updateTable('audit_log').set({ detail: original.detail }).where('seq', '=', victim.seq).execute();
    expect((await verify()).ok).toBe(true);

    // rewriting the row's own hash does not help: the next entry still points at the old one
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', victim.seq).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', victim.seq).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: victim.seq });
    await db.insertInto('audit_log').values(row).execute();
    expect((await verify()).ok).toBe(true);

    // and the newest entries cannot be cut off either: the chain head remembers the last one
    const last = (await read('')).entries[0]!;
    await db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: last.seq });
  });
});

describe('npm run cli -- verify-audit', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-audit-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' },
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  it('says the log is whole, and exits 3 naming the entry after someone changed it', async () => {
    const database = await prepareDatabase({ ...loadConfig({ DATA_DIR: dataDir }), demo: false });
    for (let i = 0; i < 5; i++) {
      await recordAudit(database.db, { at: new Date(), userId: null, action: 'auth.failed', targetType: 'user', detail: { username: `u${i}` } });
    }
    // besides these five: the official calendar years loaded at first start
    const { n } = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await database.close();
    const whole = await cli('verify-audit');
    expect(whole.code).toBe(0);
    expect(whole.out).toContain(`审计日志完整：已校验 ${Number(n)} 条记录`);

    const again = await prepareDatabase({ ...loadConfig({ DATA_DIR: dataDir }), demo: false });
    await again.db.updateTable('audit_log').set({ action: 'auth.login' }).where('seq', '=', 3).execute();
    await again.close();
    const broken = await cli('verify-audit');
    expect(broken.code).toBe(3);
    expect(broken.out).toContain('第 3 条记录的内容被改动过');
  }, 60_000);
});
