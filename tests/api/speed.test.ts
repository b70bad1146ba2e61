// Issue 8 §5: what makes the request path cheap must not change what it answers — the SQLite statement cache
// reuses statements safely, and a ledger search counts its matches only as far as it needs to.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedStatements } from '../../src/db/database.js';
import { prepared } from '../../src/db/prepared.js';
import { SECURITY_HEADERS, securityHeaders } from '../../src/server/security-headers.js';
import { SEARCH_COUNT_LIMIT } from '../../src/modules/cases/queries.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

describe('the SQLite statement cache', () => {
  it('compiles each SQL text once, and still answers every call with its own parameters', () => {
    const sqlite = new SQLite(':memory:');
    const db = cachedStatements(sqlite, 3);
    db.prepare('create table t (id integer primary key, name text)').run();
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    for (const name of ['王', '李', '张']) db.prepare('insert into t (name) values (?)').run(name);
    expect(db.prepare('select name from t where name = ?').all('李')).toEqual([{ name: '李' }]);
    expect(db.prepare('select name from t where name = ?').all('张')).toEqual([{ name: '张' }]);
    db.close();
  });

  it('gives a statement still being iterated to no one else: a second caller gets a fresh one', () => {
    const sqlite = new SQLite(':memory:');
    const db = cachedStatements(sqlite);
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');
    const text = 'select n from t order by n';
    const first = db.prepare(text);
    const rows = first.iterate();
    expect((rows.next().value as { n: number }).n).toBe(1);
    const second = db.prepare(text);
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows].map((r) => (r as { n: number }).n)).toEqual([2, 3]);
    expect(db.prepare(text)).toBe(first);
    db.close();
  });

  it('keeps at most its limit, dropping the statement used longest ago', () => {
    const sqlite = new SQLite(':memory:');
    const db = cachedStatements(sqlite, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // now 'select 2' is the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
    db.close();
  });
});

describe.each(DIALECTS)('a ledger search counts only as far as it needs (%s)', (dialect) => {
  let t: TestApp;
  let clerk: string;
  const body = (name: string) => ({
    itemCode: 'MZ-002',
    channel: 'window',
    applicant: { name, idNumber: '11010519491231002X', phone: '13812345678' },
    materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
  });
  const search = async (q: string, query = '') =>
    (await t.app.inject({ url: `/api/cases?q=${encodeURIComponent(q)}${query}`, headers: { cookie: clerk } })).json() as {
      total: number;
      totalCapped: boolean;
      cases: { applicant: { name: string } }[];
    };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    clerk = await signIn(t.app, 'clerk');
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk, 'idempotency-key': randomUUID() }, payload: body(`欧阳${'甲乙丙丁戊'[i]}`) });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('a page that is not full tells the total; a full page counts the rest', async () => {
    expect(await search('欧阳')).toMatchObject({ total: 5, totalCapped: false });
    const firstPage = await search('欧阳', '&pageSize=2');
    expect(firstPage).toMatchObject({ total: 5, totalCapped: false });
    expect(firstPage.cases).toHaveLength(2);
    const lastPage = await search('欧阳', '&pageSize=2&page=3');
    expect(lastPage).toMatchObject({ total: 5, totalCapped: false });
    expect(lastPage.cases).toHaveLength(1);
    expect(await search('欧阳', '&pageSize=2&page=9')).toMatchObject({ total: 5, totalCapped: false, cases: [] });
    expect(await search('欧阳乙')).toMatchObject({ total: 1, cases: [{ applicant: { name: '欧阳乙' } }] });
    expect(await search('司马')).toMatchObject({ total: 0, totalCapped: false, cases: [] });
    expect(SEARCH_COUNT_LIMIT).toBeGreaterThanOrEqual(1000);
  });
});

describe.each(DIALECTS)('a query compiled once answers each call with its own values (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('on the database and inside a transaction, with values in any order and constants kept', async () => {
    const users = prepared((db, role: string, name: string) =>
      db.selectFrom('users').select('username').where('username', '=', name).where('roles', 'like', role).where('active', '=', 1),
    );
    const { db } = t.database;
    expect(await users(db, '%clerk%', 'clerk')).toEqual([{ username: 'clerk' }]);
    expect(await users(db, '%clerk%', 'admin')).toEqual([]);
    expect(await db.transaction().execute((trx) => users(trx, '%clerk%', 'clerk2'))).toEqual([{ username: 'clerk2' }]);
  });

  it('refuses a query that leaves a value out (its SQL would not depend on it)', async () => {
    const wrong = prepared((db, name: string) => db.selectFrom('users').select('username').where('username', '=', name.length > 0 ? 'admin' : ''));
    await expect(wrong(t.database.db, 'clerk')).rejects.toThrow(/does not use every parameter/);
  });
});

describe('security headers worked out once', () => {
  it('are helmet\'s own, with our CSP and without HSTS (that is set only over HTTPS)', () => {
    const headers = securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: null } }, hsts: false });
    expect(headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('the server sends the ones that protect a page today, and none for browsers no center runs', async () => {
    const t = await startTestApp('sqlite');
    try {
      // a rate-limited route that passed: the x-ratelimit-* headers come only with a refusal
      const { headers } = await t.app.inject({ url: '/api/public/progress?caseNo=410899101-20260302-0001&phone4=1234' });
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      for (const legacy of ['x-xss-protection', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-dns-prefetch-control', 'origin-agent-cluster', 'x-ratelimit-limit']) {
        expect(headers[legacy]).toBeUndefined();
      }
      expect(securityHeaders(SECURITY_HEADERS)).toEqual(Object.fromEntries(Object.entries(headers).filter(([name]) => name in securityHeaders(SECURITY_HEADERS))));
    } finally {
      await t.close();
    }
  });
});
