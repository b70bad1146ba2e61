// Per-address limits across several app processes (README "在反向代理后运行多个进程"): two app processes on one
// PostgreSQL database — each its own pool, as two `npm start` behind nginx would be — count one address's requests
// in the database, so one address gets PROGRESS_PER_MINUTE progress guesses in all, not that many per process.
// Each route keeps its own count; a window that has passed starts again and its row is tidied away; a counting
// that fails lets the request through with a warning in the log instead of a 500.
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('多个应用进程共享请求次数限制的测试已跳过：需要 PostgreSQL，请设置 TEST_DATABASE_URL=postgres://… 后再运行。');

const progress = (app: FastifyInstance, remoteAddress: string, i: number) =>
  app.inject({ url: `/api/public/progress?caseNo=QH-20260302-${String(i).padStart(4, '0')}&phone4=${1000 + i}`, remoteAddress });
const consultation = (app: FastifyInstance, remoteAddress: string) =>
  app.inject({ url: '/api/public/consultations?consultationNo=ZX-20260302-0001&phone4=1234', remoteAddress });
const ratingOffer = (app: FastifyInstance, remoteAddress: string) =>
  app.inject({ url: '/api/public/ratings/offer?caseNo=QH-20260302-0001&phone4=1234', remoteAddress });
const refused = (responses: LightMyRequestResponse[]) => responses.filter((r) => r.statusCode === 429).length;

describe.skipIf(!url)(`per-address limits across two app processes on one PostgreSQL database${url ? '' : ' — SKIPPED: set TEST_DATABASE_URL (postgres://…) to run'}`, () => {
  let a: TestApp;
  let b: FastifyInstance;
  let bDatabase: Database;
  let limit: number;
  const warnings: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        warnings.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    a = await startTestApp('postgres', { logger: { level: 'warn', stream } });
    const target = { kind: 'postgres' as const, url: url!, schema: a.database.schema! };
    bDatabase = openDatabase(target);
    b = await buildApp({ database: bDatabase, config: { ...a.config, database: target }, clock: () => a.clock.now });
    a.clock.now = new Date('2026-03-02T09:00:00+08:00');
    limit = a.config.progressPerMinute;
  });
  afterAll(async () => {
    await b?.close();
    await bDatabase?.close();
    await a?.close();
  });

  it('progress guesses alternating between the processes are refused after PROGRESS_PER_MINUTE in all', async () => {
    expect(limit).toBe(20);
    const responses: LightMyRequestResponse[] = [];
    for (let i = 0; i < limit + 6; i++) responses.push(await progress(i % 2 === 0 ? a.app : b, '198.51.100.7', i));
    // in memory each process would have seen 13 and refused none
    expect(responses.slice(0, limit).map((r) => r.statusCode)).not.toContain(429);
    expect(responses.slice(0, limit).map((r) => r.statusCode)).not.toContain(500);
    expect(responses.slice(limit).map((r) => r.statusCode)).toEqual(Array(6).fill(429));
    const last = responses.at(-1)!;
    expect(last.json().code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // another address is not held back by this one
    expect((await progress(b, '198.51.100.8', 0)).statusCode).not.toBe(429);
  });

  it('requests at the same moment through both processes are each counted once', async () => {
    const responses = await Promise.all(Array.from({ length: limit + 10 }, (_, i) => progress(i % 2 === 0 ? a.app : b, '198.51.100.9', i)));
    expect(refused(responses)).toBe(10);
  });

  it('each route keeps its own count: other limited routes still answer the address that used up the progress page', async () => {
    expect((await progress(a.app, '198.51.100.7', 99)).statusCode).toBe(429);
    // two routes with the same limit as the progress page (one config object shared by the ratings routes)
    const consultations: LightMyRequestResponse[] = [];
    const offers: LightMyRequestResponse[] = [];
    for (let i = 0; i < limit; i++) {
      consultations.push(await consultation(i % 2 === 0 ? b : a.app, '198.51.100.7'));
      offers.push(await ratingOffer(i % 2 === 0 ? a.app : b, '198.51.100.7'));
    }
    expect(refused(consultations)).toBe(0);
    expect(refused(offers)).toBe(0);
    // and each is used up at its own limit, not before
    expect((await consultation(a.app, '198.51.100.7')).statusCode).toBe(429);
    expect((await ratingOffer(b, '198.51.100.7')).statusCode).toBe(429);
  });

  it('a window that has passed starts again, and the rows of passed windows are deleted', async () => {
    a.clock.advanceMinutes(a.config.rateLimitWindowMs / 60_000 + 1);
    expect((await progress(a.app, '198.51.100.7', 0)).statusCode).not.toBe(429);
    expect((await progress(b, '198.51.100.9', 0)).statusCode).not.toBe(429);
    const now = a.clock.now.toISOString();
    const rows = await a.database.db.selectFrom('rate_limit_windows').select(['key', 'hits', 'ends_at']).execute();
    expect(rows.filter((r) => r.ends_at <= now)).toEqual([]);
    // the two addresses just counted, each under the progress route, one hit in a new window
    expect(rows.map((r) => [r.key, Number(r.hits)]).sort()).toEqual([
      ['GET /api/public/progress 198.51.100.7', 1],
      ['GET /api/public/progress 198.51.100.9', 1],
    ]);
  });

  it('a counting that fails lets the request through with a warning in the log, not a 500', async () => {
    await sql`alter table rate_limit_windows rename to rate_limit_windows_away`.execute(a.database.db);
    try {
      const through = await progress(b, '198.51.100.10', 0);
      expect(through.statusCode).not.toBe(500);
      expect(through.statusCode).not.toBe(429);
      expect((await progress(a.app, '198.51.100.10', 1)).statusCode).not.toBe(500);
      expect(warnings.some((line) => line.includes('请求次数限制：数据库计数失败') && line.includes('GET /api/public/progress'))).toBe(true);
    } finally {
      await sql`alter table rate_limit_windows_away rename to rate_limit_windows`.execute(a.database.db);
    }
  });
});
