/**
 * Benchmarks (`npm run bench`). Every figure is a ratio against a raw floor measured in the same run on the same
 * machine — bare Fastify answering JSON, and a bare better-sqlite3 insert of one row — never a bare time to be
 * compared across machines. BENCH_CASES (default 100 000) cases are seeded first; BENCH_SECONDS per scenario.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { prepareDatabase } from '../../src/server/start.js';
import { seedCases } from './seed-cases.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);

type Figures = { rps: number; p50: number; p99: number };

async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Figures> {
  const result = await autocannon({ url, connections: 10, duration: DURATION, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function floorHttp(): Promise<Figures> {
  const app = Fastify();
  app.get('/json', async () => ({ status: 'ok' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const figures = await load(`http://127.0.0.1:${port}/json`);
  await app.close();
  return figures;
}

/** One-row inserts per second into a WAL database with synchronous=FULL, each its own transaction. */
function floorInsert(dir: string): number {
  const db = new SQLite(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table t (id text primary key, body text not null)');
  const insert = db.prepare('insert into t (id, body) values (?, ?)');
  const n = 2000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) insert.run(randomUUID(), JSON.stringify({ i, name: '低保申请' }));
  const perSecond = n / (Number(process.hrtime.bigint() - start) / 1e9);
  db.close();
  return perSecond;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
  const config = { ...loadConfig({ DATA_DIR: dir, PROGRESS_PER_MINUTE: '100000000' }), demo: true };
  const database = await prepareDatabase(config);
  const seedStart = Date.now();
  const samples = await seedCases(database, CASES);
  console.log(`已写入 ${CASES} 件历史办件（${((Date.now() - seedStart) / 1000).toFixed(1)} 秒）`);
  const app = await buildApp({ database, config, clock: () => new Date() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password: 'bianmin2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const floor = await floorHttp();
  const insertsPerSecond = floorInsert(dir);
  const intakeBody = JSON.stringify({
    itemCode: 'MZ-002',
    channel: 'window',
    applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
    materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
  });
  const intake = await load(`${base}/api/cases`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: intakeBody,
    // every request is a new intake: a fresh Idempotency-Key each time
    setupClient: (client) => client.setHeaders({ cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
  });
  let n = 0;
  const rows: [string, Figures, string][] = [
    ['受理登记 POST /api/cases（每次新办件）', intake, `${(intake.rps / insertsPerSecond).toFixed(3)}× 裸插入`],
    ['台账首页 GET /api/cases?status=in_progress', await load(`${base}/api/cases?status=in_progress`, { headers: { cookie } }), ''],
    ['台账按姓名检索 GET /api/cases?q=王', await load(`${base}/api/cases?q=${encodeURIComponent('王')}`, { headers: { cookie } }), ''],
    [
      '进度查询 GET /api/public/progress',
      await load(`${base}/api/public/progress`, {
        requests: [
          {
            setupRequest: (req) => {
              const s = samples[n++ % samples.length]!;
              return { ...req, path: `/api/public/progress?caseNo=${s.caseNo}&phone4=${s.phone4}` };
            },
          },
        ],
      }),
      '',
    ],
    ['事项检索 GET /api/items?q=zdsh', await load(`${base}/api/items?q=zdsh`), ''],
    ['工作日计算 GET /api/calendar/add-working-days', await load(`${base}/api/calendar/add-working-days?from=2026-09-30&days=15`), ''],
  ];

  console.log(
    `\n原始下限（同次测得）：裸 Fastify JSON ${floor.rps.toFixed(0)} 次/秒，p50 ${floor.p50} ms，p99 ${floor.p99} ms；` +
      `裸 SQLite 单行插入 ${insertsPerSecond.toFixed(0)} 行/秒（WAL，synchronous=FULL）`,
  );
  console.log('\n| 场景 | 吞吐 / 裸 Fastify | 其他下限 | p50 / 裸 p50 | p99 / 裸 p99 |\n|---|---|---|---|---|');
  const ratio = (a: number, b: number) => (b === 0 ? `${a} ms（下限 <1 ms）` : `${(a / b).toFixed(2)}×`);
  for (const [name, r, other] of rows) {
    console.log(`| ${name} | ${(r.rps / floor.rps).toFixed(3)}× | ${other} | ${ratio(r.p50, floor.p50)} | ${ratio(r.p99, floor.p99)} |`);
  }
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
