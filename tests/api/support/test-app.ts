import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Database, DatabaseTarget } from '../../../src/db/database.js';
import { buildApp } from '../../../src/server/app.js';
import { loadConfig, type Config } from '../../../src/server/config.js';
import { prepareDatabase } from '../../../src/server/start.js';

export type DialectName = 'sqlite' | 'postgres';

/** The API suite runs on SQLite always, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const DIALECTS: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestApp {
  config: Config;
  app: FastifyInstance;
  database: Database;
  /** Moves the server's clock (session timeouts, lock-outs) without waiting. */
  clock: { now: Date; advanceMinutes(minutes: number): void };
  close(): Promise<void>;
}

/** A real server on a fresh, real database (a temp SQLite file, or a fresh PostgreSQL schema) with the demo data. */
export async function startTestApp(
  dialect: DialectName,
  options: { demo?: boolean; config?: Partial<Config>; logger?: NonNullable<Parameters<typeof buildApp>[1]>['logger'] } = {},
): Promise<TestApp> {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    target = { kind: 'postgres', url, schema };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-test-'));
    target = { kind: 'sqlite', file: join(dir, 'test.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // uploaded files in a folder of this test's own, never the checkout's ./data
  const filesDir = mkdtempSync(join(tmpdir(), 'bianmin-test-files-'));
  const dropDatabase = cleanup;
  cleanup = async () => {
    await dropDatabase();
    rmSync(filesDir, { recursive: true, force: true });
  };
  // a wide rate-limit window: a burst of requests counts as one however slowly a busy machine serves it
  const config: Config = {
    ...loadConfig({}),
    rateLimitWindowMs: 3_600_000,
    files: { kind: 'folder', dir: filesDir },
    ...options.config,
    database: target,
    demo: options.demo ?? true,
  };
  const database = await prepareDatabase(config);
  const clock = {
    now: new Date(),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const app = await buildApp({ database, config, clock: () => clock.now }, options.logger === undefined ? {} : { logger: options.logger });
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}

/** Signs in and returns the session cookie header to send with later requests. */
export async function signIn(app: FastifyInstance, username: string, password = 'bianmin2026'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

export function cookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'bm_session');
  if (!cookie) throw new Error('no session cookie');
  return `bm_session=${cookie.value}`;
}
