// Several app processes started together on one new PostgreSQL database, as the README's nginx setup starts them
// (`serve &` twice): the official holiday years, and in demo mode the demo region and its work, are loaded by one
// of them; the other finds them and loads nothing — no second copy, no failed start (src/db/exclusive.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDemoWork } from '../../src/modules/demo/load.js';
import { loadConfig } from '../../src/server/config.js';
import { prepareDatabase } from '../../src/server/start.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('多个进程同时启动的测试已跳过：需要 PostgreSQL，请设置 TEST_DATABASE_URL=postgres://… 后再运行。');

describe.skipIf(!url)(`app processes started together on one new PostgreSQL database${url ? '' : ' — SKIPPED: set TEST_DATABASE_URL (postgres://…) to run'}`, () => {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-start-'));
  const opened: Database[] = [];
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(query)).rows;
    } finally {
      await c.end();
    }
  };
  afterAll(async () => {
    for (const d of opened) await d.close();
    await admin(`drop schema if exists ${schema} cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the holiday years, the demo region and the demo work once between them', async () => {
    await admin(`create schema ${schema}`);
    const config = { ...loadConfig({ DATA_DIR: dataDir }), demo: true, database: { kind: 'postgres' as const, url: url!, schema } };
    const lines: string[] = [];
    const warnings: string[] = [];
    // what `serve` does before it listens, in each of three processes at once
    const start = async (name: string) => {
      const database = await prepareDatabase(config, (line) => lines.push(`${name} ${line}`));
      opened.push(database);
      const ctx = { database, config, clock: () => new Date('2026-12-07T10:00:00+08:00') };
      await loadDemoWork(ctx, (line) => lines.push(`${name} ${line}`), (line) => warnings.push(line));
    };
    await Promise.all([start('甲'), start('乙'), start('丙')]);
    expect(warnings).toEqual([]);

    const once = (pattern: RegExp) => expect(lines.filter((l) => pattern.test(l)), lines.join('\n')).toHaveLength(1);
    once(/年节假日安排/);
    once(/空数据库已载入演示数据/);
    once(/已载入演示办件记录/);
    once(/已载入演示差评/);

    const count = async (table: string, where = 'true') => Number((await admin(`select count(*) as n from ${schema}.${table} where ${where}`))[0].n);
    expect(await count('orgs', `level = 'county'`)).toBe(1);
    expect(await count('users', `username = 'clerk'`)).toBe(1);
    const [, cases] = /近 40 个工作日的 (\d+) 件办件/.exec(lines.find((l) => l.includes('演示办件记录'))!) ?? [];
    // the history's cases and the 差评's one
    expect(await count('cases')).toBe(Number(cases) + 1);
    expect(await count('rating_work_orders')).toBe(1);
    expect(await count('applications')).toBe(1);
    const years = Number((await admin(`select count(distinct year) as n from ${schema}.calendar_years`))[0].n);
    expect(await count('calendar_years')).toBe(years);
  });
});
