/**
 * Group commit on SQLite (src/db/group-commit.ts): transactions that wait for the connection together are made
 * durable by one commit, yet each still succeeds or fails on its own, and nobody is answered before the commit that
 * keeps their work. A second, independent connection to the same file is the judge of what is really committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedStatements, openDatabase, type Database } from '../../src/db/database.js';
import { GroupCommitSqliteDialect } from '../../src/db/group-commit.js';
import { DomainError } from '../../src/domain/errors.js';
import { prepared } from '../../src/db/prepared.js';
import type { DB } from '../../src/db/schema.js';

let dir: string;
let database: Database;
let judge: SQLite.Database;

// the tests use a table of their own; the schema's types do not know it
const db = () => database.db as unknown as Kysely<{ t: { id: string; n: number } }>;
const committed = () => (judge.prepare('select id from t order by id').all() as { id: string }[]).map((r) => r.id);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bianmin-group-commit-'));
  database = openDatabase({ kind: 'sqlite', file: join(dir, 'db.sqlite') });
  await sql`create table t (id text primary key, n integer not null)`.execute(database.db);
  judge = new SQLite(join(dir, 'db.sqlite'), { readonly: true });
});

afterEach(async () => {
  judge.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit (SQLite)', () => {
  it('answers each transaction only once its work is committed, seen from another connection', async () => {
    const seenAtAnswer: string[][] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db()
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('t').values({ id: `c${String(i).padStart(2, '0')}`, n: i }).execute();
          })
          .then(() => seenAtAnswer.push(committed())),
      ),
    );
    expect(committed()).toHaveLength(20);
    // every caller, when answered, could already see its own row from outside the process
    seenAtAnswer.forEach((rows) => expect(rows.length).toBeGreaterThan(0));
    const answeredBeforeAll = seenAtAnswer.filter((rows) => rows.length < 20).length;
    expect(answeredBeforeAll).toBeLessThan(20);
  });

  it('a failing transaction leaves the others of its group saved, and its own work undone', async () => {
    const results = await Promise.allSettled([
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'a', n: 1 }).execute()),
      db()
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('t').values({ id: 'b', n: 2 }).execute();
          await trx.insertInto('t').values({ id: 'a', n: 3 }).execute(); // unique violation: b must go too
        }),
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'c', n: 4 }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a', 'c']);
  });

  it('reports failure to every member of a group that is lost, saves none of it, and the next carry on', async () => {
    const results = await Promise.allSettled([
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'x', n: 1 }).execute()),
      // stands for an error that makes SQLite roll back the whole outer transaction (a full disk, an I/O error)
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`rollback`.execute(trx);
          throw new Error('磁盘已满');
        }),
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'y', n: 2 }).execute()),
    ]);
    // x was in the lost group; y came after the loss and starts a group of its own
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['y']);
    await db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'z', n: 3 }).execute());
    expect(committed()).toEqual(['y', 'z']);
  });

  it('a single statement outside a transaction is answered after it is committed too', async () => {
    await Promise.all([
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'p', n: 1 }).execute()),
      db()
        .insertInto('t')
        .values({ id: 'q', n: 2 })
        .execute()
        .then(() => expect(committed()).toContain('q')),
    ]);
    expect(committed()).toEqual(['p', 'q']);
  });

  it('a compiled read runs at once only on a free connection: never inside a transaction, never before a group commits', async () => {
    const ids = prepared((k: Kysely<DB>, min: number) => (k as unknown as ReturnType<typeof db>).selectFrom('t').select('id').where('n', '>=', min).orderBy('id') as never);
    // free: answered with what is committed
    await db().insertInto('t').values({ id: 'a', n: 1 }).execute();
    expect(await ids(database.db, 0)).toEqual([{ id: 'a' }]);
    // a transaction holds the connection: the read waits its turn and then sees the whole transaction, not half of it
    let read: Promise<unknown> | undefined;
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('t').values({ id: 'b', n: 2 }).execute();
        read = ids(database.db, 0);
        await trx.insertInto('t').values({ id: 'c', n: 3 }).execute();
      });
    expect(await read).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    // a read that comes while a group waits to commit is answered only once the group is durable
    const [, rows] = await Promise.all([
      db().transaction().execute((trx) => trx.insertInto('t').values({ id: 'd', n: 4 }).execute()),
      ids(database.db, 4).then((r) => ({ r, committed: committed() })),
    ]);
    expect(rows.r).toEqual([{ id: 'd' }]);
    expect(rows.committed).toContain('d');
  });
});

/**
 * The sync of the WAL, off the JavaScript thread: played here by a sync the test finishes by hand, so the order of
 * commit, sync and answer is seen, not timed.
 */
describe('answers after the WAL is synced (SQLite)', () => {
  let sqlite: SQLite.Database;
  let k: Kysely<{ t: { id: string; n: number } }>;
  let syncs: { done: () => void; fail: (error: Error) => void }[];
  /** Once the test is over every sync, asked for or still to come, succeeds at once. */
  let over: boolean;

  /** Turns of the event loop until `syncs` has `n` syncs asked for; a commit comes after its group's turn. */
  const syncsAsked = async (n: number) => {
    for (let turn = 0; syncs.length < n; turn++) {
      if (turn > 1000) throw new Error(`${n} syncs were never asked for (${syncs.length})`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  /** Lets everything that can happen without a sync happen. */
  const settle = async () => {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(async () => {
    sqlite = new SQLite(join(dir, 'synced.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.exec('create table t (id text primary key, n integer not null)');
    syncs = [];
    over = false;
    const syncWal = () => (over ? Promise.resolve() : new Promise<void>((done, fail) => syncs.push({ done, fail })));
    k = new Kysely({ dialect: new GroupCommitSqliteDialect(sqlite, cachedStatements(sqlite), syncWal) });
  });

  afterEach(async () => {
    over = true;
    for (const s of syncs) s.done();
    await k.destroy();
  });

  const insert = (id: string) => k.transaction().execute((trx) => trx.insertInto('t').values({ id, n: 1 }).execute());

  it('is not answered before its sync, while the next transactions go on meanwhile and share the next sync', async () => {
    const answered: string[] = [];
    const first = insert('a').then(() => answered.push('a'));
    await syncsAsked(1);
    await settle();
    // committed (the sync is under way) but not yet durable: nobody is told it is saved
    expect(syncs).toHaveLength(1);
    expect(answered).toEqual([]);
    // the connection is free meanwhile: two more transactions run and commit during that sync
    const next = [insert('b').then(() => answered.push('b')), insert('c').then(() => answered.push('c'))];
    await settle();
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 3 });
    expect(syncs).toHaveLength(1);
    syncs[0]!.done();
    await first;
    expect(answered).toEqual(['a']);
    // b and c were committed after the first sync began: the second covers both
    await syncsAsked(2);
    await settle();
    expect(syncs).toHaveLength(2);
    syncs[1]!.done();
    await Promise.all(next);
    expect(answered.sort()).toEqual(['a', 'b', 'c']);
  });

  it('a read that may have seen work not yet synced is answered after that sync', async () => {
    const write = insert('a');
    await syncsAsked(1);
    let read: { id: string }[] | undefined;
    const reading = k.selectFrom('t').select('id').execute().then((rows) => (read = rows));
    await settle();
    expect(read).toBeUndefined();
    syncs[0]!.done();
    await Promise.all([write, reading]);
    expect(read).toEqual([{ id: 'a' }]);
    // nothing waits to be synced: a read is answered without one
    expect(await k.selectFrom('t').select('id').execute()).toEqual([{ id: 'a' }]);
    expect(syncs).toHaveLength(1);
  });

  it('a single statement outside a transaction waits for its sync too', async () => {
    let done = false;
    const write = k.insertInto('t').values({ id: 'q', n: 2 }).execute().then(() => (done = true));
    await syncsAsked(1);
    await settle();
    expect(done).toBe(false);
    syncs[0]!.done();
    await write;
    expect(done).toBe(true);
  });

  it('a failed sync is reported to everyone it covered, and the next commit is synced again', async () => {
    const lost = Promise.allSettled([insert('a'), insert('b')]);
    await syncsAsked(1);
    await settle();
    expect(syncs).toHaveLength(1);
    const disk = new Error('EIO: i/o error, fdatasync');
    syncs[0]!.fail(disk);
    const results = await lost;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // unlike a failed commit the work is in the database: the clerk is told to look before doing it again
    for (const r of results) {
      const reason = (r as PromiseRejectedResult).reason as DomainError;
      expect(reason).toBeInstanceOf(DomainError);
      expect([reason.code, reason.status, reason.cause]).toEqual(['DISK_SYNC_FAILED', 503, disk]);
      expect(reason.message).toContain('可能已经保存，也可能没有');
    }
    expect(sqlite.prepare('select id from t order by id').all()).toEqual([{ id: 'a' }, { id: 'b' }]);
    const next = insert('c');
    await syncsAsked(2);
    syncs[1]!.done();
    await next;
  });
});
