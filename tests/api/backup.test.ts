// The online backup of the built-in database (npm run cli -- backup <file>): taken while the server is running and
// writing, it holds every committed case — including those still only in the -wal file, which a plain copy of
// bianmin.sqlite would miss — and refuses to overwrite an earlier backup.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/db/backup.js';
import { signIn, startTestApp, type TestApp } from './support/test-app.js';

describe('backup of the built-in database (sqlite)', () => {
  let t: TestApp;
  let clerk: string;
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-backup-'));
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    t.clock.now = new Date('2026-03-02T09:00:00+08:00');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: clerk, 'idempotency-key': randomUUID() },
      payload: { channel: 'window', itemCode: 'MZ-002', applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' }, materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().caseNo as string;
  };

  it('copies every committed case while the server runs, where a plain copy of the file misses those in the WAL', async () => {
    const source = (t.config.database as { file: string }).file;
    // an empty WAL first: the one case below stays in it (far below the 1000 pages that trigger a checkpoint)
    const other = new SQLite(source);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    const caseNo = await register();
    // the server's connection keeps the WAL: the case is not in the main file yet
    const plain = join(dir, 'plain.sqlite');
    copyFileSync(source, plain);
    const inPlain = new SQLite(plain, { readonly: true });
    expect(inPlain.prepare('select count(*) as n from cases where case_no = ?').get(caseNo)).toEqual({ n: 0 });
    inPlain.close();

    const target = join(dir, 'backup.sqlite');
    const result = await backupSqlite(source, target);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare('select count(*) as n from cases where case_no = ?').get(caseNo)).toEqual({ n: 1 });
    expect(result.cases).toBe((copy.prepare('select count(*) as n from cases').get() as { n: number }).n);
    copy.close();
    // the server goes on working
    await register();
  });

  it('never overwrites an earlier backup, and says what to do', async () => {
    const source = (t.config.database as { file: string }).file;
    const target = join(dir, 'again.sqlite');
    await backupSqlite(source, target);
    await expect(backupSqlite(source, target)).rejects.toThrow('请换一个文件名');
    await expect(backupSqlite(join(dir, 'none.sqlite'), join(dir, 'x.sqlite'))).rejects.toThrow('找不到数据库文件');
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
    // a copy that fails its check (here: a database without cases) is removed, not left looking like a backup
    const notOurs = join(dir, 'other.sqlite');
    new SQLite(notOurs).close();
    await expect(backupSqlite(notOurs, join(dir, 'bad.sqlite'))).rejects.toThrow('不是便民服务平台的数据库');
    expect(existsSync(join(dir, 'bad.sqlite'))).toBe(false);
  });
});
