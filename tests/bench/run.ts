/**
 * Benchmarks (`npm run bench`). Every figure is a ratio against a raw floor measured in the same run on the same
 * machine, just before the scenario — bare Fastify answering JSON, and a bare better-sqlite3 insert of one row — never
 * a bare time to be compared across machines. BENCH_CASES (default 100 000) cases are seeded first; BENCH_SECONDS per scenario.
 * BENCH_DATABASE_URL=postgres://… runs on PostgreSQL in a fresh schema (dropped afterwards), the insert floor then
 * being a bare one-row insert through `pg`. The table is printed and written to tests/bench/last.json with the
 * machine it ran on, so the figures in the README can be traced to a run.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { prepareDatabase } from '../../src/server/start.js';
import { seedCases } from './seed-cases.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const PG_URL = process.env.BENCH_DATABASE_URL;

/** `cpu`: microseconds of this process's CPU per request (server and load generator together) — unlike requests
 * per second, hardly moved by other programs busy on the same machine. */
type Figures = { rps: number; p50: number; p99: number; cpu: number };

/** The raw floors a scenario is read against, measured just before it. */
type Floors = { http: Figures; insertsPerSecond?: number; roundTrip?: Figures };

const PROFILE_DIR = process.env.BENCH_PROFILE;

/** Runs `work` under the V8 CPU profiler of this process and writes the profile to `file`. */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string) =>
    new Promise<R>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as R))));
  await post('Profiler.enable');
  await post('Profiler.start');
  const result = await work();
  const { profile } = await post<{ profile: object }>('Profiler.stop');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return result;
}

async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Figures> {
  const before = process.cpuUsage();
  const result = await autocannon({ url, connections: 10, duration: DURATION, ...options });
  const used = process.cpuUsage(before);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const cpu = (used.user + used.system) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu: Math.round(cpu) };
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

/**
 * PostgreSQL only: bare Fastify answering with one trivial query over a pool of 10 (`select $1`, prepared by name).
 * A request that must ask the database pays at least this round trip (socket writes and wake-ups on both sides),
 * which on a small virtual machine costs more CPU than all of bare Fastify's own work: the public progress lookup
 * (three round trips: the per-address count kept in the database, then the case and its timeline, one per module
 * that owns the rows) is read against it as well as against bare Fastify.
 */
async function floorRoundTrip(url: string): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = Fastify();
  app.get('/one', async () => (await pool.query({ name: 'floor-one', text: 'select $1::int as n', values: [1] })).rows[0]);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const figures = await load(`http://127.0.0.1:${port}/one`);
  await app.close();
  await pool.end();
  return figures;
}

/** One-row inserts per second into a WAL database with synchronous=FULL, each its own transaction. */
function floorInsert(dir: string): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `floor.sqlite${suffix}`), { force: true }); // a kept dir's (BENCH_REUSE)
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

/** The same floor on PostgreSQL: one-row inserts, each its own transaction (autocommit), over one connection. */
async function floorInsertPg(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query('drop table if exists floor_t'); // a kept schema (BENCH_REUSE) has the last run's
  await client.query('create table floor_t (id text primary key, body text not null)');
  const n = 2000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await client.query({ name: 'floor', text: 'insert into floor_t (id, body) values ($1, $2)', values: [randomUUID(), JSON.stringify({ i, name: '低保申请' })] });
  }
  const perSecond = n / (Number(process.hrtime.bigint() - start) / 1e9);
  await client.end();
  return perSecond;
}

/** A fresh schema for one run on PostgreSQL, and how to drop it. */
async function freshSchema(url: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await run(`create schema ${schema}`);
  return { schema, drop: () => run(`drop schema ${schema} cascade`) };
}

/**
 * BENCH_REUSE=dir (SQLite) or =schema (PostgreSQL): runs on a database kept from an earlier run instead of a fresh
 * one, seeding it only if it has fewer than BENCH_CASES cases, and keeps it afterwards. Seeding a million cases
 * takes many minutes (20 on PostgreSQL on a busy machine): a run that compares two versions of the code on the
 * same data seeds once. (The intake scenario adds cases to it: leave it out of such runs with BENCH_ONLY.)
 */
const REUSE = process.env.BENCH_REUSE;

/** The samples seedCases returned for `count` cases (every 997th case), read back from a kept database. */
async function keptSamples(database: Awaited<ReturnType<typeof prepareDatabase>>, count: number) {
  const phones: string[] = [];
  for (let i = 0; i < count; i += 997) phones.push(`139${String(10_000_000 + i).slice(-8)}`);
  const rows = await database.db.selectFrom('cases').select(['case_no', 'applicant_phone']).where('applicant_phone', 'in', phones).where('case_no', 'like', '%-B%').execute();
  const byPhone = new Map(rows.map((r) => [r.applicant_phone, r.case_no]));
  return phones.map((phone) => ({ caseNo: byPhone.get(phone)!, phone, phone4: phone.slice(-4) }));
}

async function main() {
  const dir = REUSE && !PG_URL ? REUSE : mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
  const fresh = PG_URL ? (REUSE ? { schema: REUSE, drop: async () => {} } : await freshSchema(PG_URL)) : null;
  const config = {
    ...loadConfig({ DATA_DIR: dir, PROGRESS_PER_MINUTE: '100000000' }),
    demo: true,
    ...(PG_URL && fresh && { database: { kind: 'postgres' as const, url: PG_URL, schema: fresh.schema } }),
  };
  const database = await prepareDatabase(config);
  const seedStart = Date.now();
  const kept = REUSE ? Number((await database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0) : 0;
  const samples = REUSE && kept >= CASES ? await keptSamples(database, CASES) : await seedCases(database, CASES);
  console.log(`已写入 ${CASES} 件历史办件（${((Date.now() - seedStart) / 1000).toFixed(1)} 秒${kept >= CASES ? `，沿用 ${REUSE} 中已有的 ${kept} 件` : ''}）`);
  // A database in service has been analysed and vacuumed by autovacuum long ago; a table loaded a second ago has
  // no statistics (PostgreSQL plans blind) and no visibility map (every count reads the heap). Do what it would.
  if (PG_URL) await sql`vacuum analyze cases, case_states, case_events, case_terms, case_counts`.execute(database.db);
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

  const dbName = PG_URL ? 'PostgreSQL' : 'SQLite';
  const intakeBody = JSON.stringify({
    itemCode: 'MZ-002',
    channel: 'window',
    applicant: { name: '王大山', idNumber: '11010519491231002X', phone: '13812345678' },
    materials: [{ name: '居民身份证', provided: true }, { name: '近期一寸免冠照片', provided: true }],
  });
  const intake = () => load(`${base}/api/cases`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: intakeBody,
    // every request is a new intake: a fresh Idempotency-Key each time
    setupClient: (client) => client.setHeaders({ cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
  });
  // built once, like the floor's one request: a request rebuilt for every send (setupRequest) charged the load
  // generator's own work to the server under test
  const progressRequests = samples.map((s) => ({ method: 'GET' as const, path: `/api/public/progress?caseNo=${s.caseNo}&phone4=${s.phone4}` }));
  // a phone no seeded case has as a whole (the clerk's own center matches its digits anywhere), and one that is there
  const phone = samples[samples.length >> 1]!.phone;
  const staff = { headers: { cookie } };
  const scenarios: { key: string; name: string; run: () => Promise<Figures>; insertFloor?: true; roundTripFloor?: true }[] = [
    { key: 'intake', name: '受理登记 POST /api/cases（每次新办件）', run: () => intake(), insertFloor: true },
    { key: 'ledger', name: '台账首页 GET /api/cases?status=in_progress', run: () => load(`${base}/api/cases?status=in_progress`, staff) },
    { key: 'name', name: '台账按姓名检索 GET /api/cases?q=王', run: () => load(`${base}/api/cases?q=${encodeURIComponent('王')}`, staff) },
    { key: 'fullname', name: '台账按全名检索 GET /api/cases?q=王大山', run: () => load(`${base}/api/cases?q=${encodeURIComponent('王大山')}`, staff) },
    { key: 'phone', name: '台账按电话检索 GET /api/cases?q=（整号）', run: () => load(`${base}/api/cases?q=${phone}`, staff) },
    { key: 'light', name: '台账按灯筛选 GET /api/cases?light=red', run: () => load(`${base}/api/cases?light=red`, staff) },
    { key: 'counts', name: '亮灯计数 GET /api/cases/lights', run: () => load(`${base}/api/cases/lights`, staff) },
    { key: 'progress', name: '进度查询 GET /api/public/progress', run: () => load(`${base}/api/public/progress`, { requests: progressRequests }), roundTripFloor: true },
    { key: 'items', name: '事项检索 GET /api/items?q=zdsh', run: () => load(`${base}/api/items?q=zdsh`) },
    { key: 'calendar', name: '工作日计算 GET /api/calendar/add-working-days', run: () => load(`${base}/api/calendar/add-working-days?from=2026-09-30&days=15`) },
  ];
  // BENCH_ONLY=intake,progress runs only those; BENCH_PROFILE=dir writes a CPU profile of each scenario's load alone
  // (without the seeding and the floors) to dir/<scenario>.cpuprofile, for Chrome DevTools or speedscope.
  const only = process.env.BENCH_ONLY?.split(',');
  const insertFloor = () => (PG_URL && fresh ? floorInsertPg(PG_URL, fresh.schema) : Promise.resolve(floorInsert(dir)));
  const rows: { name: string; r: Figures; floors: Floors }[] = [];
  for (const s of scenarios.filter((x) => !only || only.includes(x.key))) {
    // Each scenario is read against floors measured just before it, not once at the start: on a shared virtual
    // machine the speed of the CPU and the disk drifts within minutes (bare Fastify's CPU per request was seen to
    // go from 28 to 58 µs in one run), and a floor taken ten minutes earlier turned that drift into the ratio.
    const floors: Floors = {
      http: await floorHttp(),
      ...(s.insertFloor && { insertsPerSecond: await insertFloor() }),
      ...(s.roundTripFloor && PG_URL && { roundTrip: await floorRoundTrip(PG_URL) }),
    };
    const r = PROFILE_DIR ? await profiled(join(PROFILE_DIR, `${s.key}.cpuprofile`), s.run) : await s.run();
    // requests the load generator gave up on are still being answered: the next scenario starts after them
    await fetch(`${base}/api/health`);
    rows.push({ name: s.name, r, floors });
  }

  const insertText = PG_URL ? '裸 PostgreSQL 单行插入（每行一个事务）' : '裸 SQLite 单行插入（WAL，synchronous=FULL）';
  console.log(`\n数据库 ${dbName}，${CASES} 件历史办件，每项 ${DURATION} 秒，10 个并发连接；每项之前先测一次原始下限`);
  // CPU per request against the floor's: the ratio to read when other programs share the machine
  console.log(
    '\n| 场景 | 吞吐 / 裸 Fastify | 其他下限 | p50 | p99 | 每次 CPU（裸 Fastify 的倍数之倒数） | 紧挨着之前测得的裸 Fastify |\n|---|---|---|---|---|---|---|',
  );
  for (const { name, r, floors } of rows) {
    const { http, insertsPerSecond, roundTrip } = floors;
    const other =
      insertsPerSecond !== undefined
        ? `${(r.rps / insertsPerSecond).toFixed(3)}× ${insertText}（${insertsPerSecond.toFixed(0)} 行/秒）`
        : roundTrip
          ? `${(r.rps / roundTrip.rps).toFixed(3)}× 裸 Fastify 加一次查询往返（CPU ${(roundTrip.cpu / r.cpu).toFixed(3)}×；往返每次 CPU ${roundTrip.cpu} µs）`
          : '';
    console.log(
      `| ${name} | ${(r.rps / http.rps).toFixed(3)}× | ${other} | ${r.p50} ms | ${r.p99} ms | ${r.cpu} µs（${(http.cpu / r.cpu).toFixed(3)}×） | ${http.rps.toFixed(0)} 次/秒，每次 CPU ${http.cpu} µs |`,
    );
  }
  const cpuList = cpus();
  const figures = (f: Figures) => ({ rps: Math.round(f.rps), p50: f.p50, p99: f.p99, cpuMicros: f.cpu });
  const report = {
    date: new Date().toISOString(),
    machine: {
      host: hostname(),
      cpus: cpuList.length,
      model: cpuList[0]?.model.trim() ?? '',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    },
    node: process.version,
    database: dbName,
    cases: CASES,
    secondsPerScenario: DURATION,
    connections: 10,
    scenarios: rows.map(({ name, r, floors: { http, insertsPerSecond, roundTrip } }) => ({
      name,
      ...figures(r),
      vsFastify: Number((r.rps / http.rps).toFixed(3)),
      cpuVsFastify: Number((http.cpu / r.cpu).toFixed(3)),
      ...(insertsPerSecond !== undefined && { vsInsert: Number((r.rps / insertsPerSecond).toFixed(3)) }),
      ...(roundTrip && { vsOneRoundTrip: Number((r.rps / roundTrip.rps).toFixed(3)), cpuVsOneRoundTrip: Number((roundTrip.cpu / r.cpu).toFixed(3)) }),
      floors: {
        fastifyJson: figures(http),
        ...(insertsPerSecond !== undefined && { insertsPerSecond: Math.round(insertsPerSecond) }),
        ...(roundTrip && { fastifyOnePgQuery: figures(roundTrip) }),
      },
    })),
  };
  writeFileSync(new URL('./last.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  await app.close();
  await database.close();
  await fresh?.drop();
  if (!REUSE) rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
