import type SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { DomainError } from '../domain/errors.js';

interface Statements {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

/**
 * Group commit for SQLite (issue 8 §5). A committed case must survive a power cut, and the fsync and the pages
 * written at every commit were most of an intake's time: a case, its events, its audit row and their indexes are
 * dozens of pages, written and synced once per transaction. Here every transaction runs as a savepoint inside one
 * outer transaction that stays open while others are waiting for the connection, and that outer transaction commits
 * once nobody is waiting (or after `MAX_GROUP` members). If that commit fails every member of the group gets the
 * error, so nothing is reported saved that was not. A transaction that fails rolls back to its own savepoint and
 * leaves the others' work alone. Transactions still run one at a time (SQLite has one connection): a member sees the
 * work of the members before it, exactly as it would have after their separate commits.
 *
 * The commit itself only writes the WAL (synchronous=NORMAL); `syncWal` then makes it durable with an fdatasync on
 * libuv's thread pool, and each caller is answered only after the sync that covers its commit. With SQLite's own
 * sync (synchronous=FULL) the commit held the one JavaScript thread for the whole fsync: some 200 µs of every intake on
 * this machine's disk, and on a county's spinning disk ten milliseconds in which no page, no progress query and no live
 * update was answered. One sync covers every commit before it, so commits made while one is under way share the next.
 * A read that may have seen work not yet synced is answered after that sync too, as it would have been after a
 * synchronous commit.
 */
const MAX_GROUP = 64;

/**
 * A failed sync, unlike a failed commit, leaves the work in the database and its survival of a power cut unknown: the
 * clerk is told to look before doing it again (the same request sent again with its Idempotency-Key is answered with
 * what it made), and the administrator finds the disk's own error as the cause in the log.
 */
function syncFailed(cause: unknown): DomainError {
  const error = new DomainError(
    'DISK_SYNC_FAILED',
    '服务器写入磁盘出错：刚才的办理可能已经保存，也可能没有。请先在办件台账中查一下，确认没有再重新办理；并请系统管理员检查服务器磁盘。',
    undefined,
    503,
  );
  return Object.assign(error, { cause });
}
const SAVEPOINT = 'bianmin_tx';

interface Group {
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  members: number;
  flushing: boolean;
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // a group nobody waits on (its last member failed before releasing) must not crash the process with an unhandled rejection
  done.catch(() => undefined);
  return { done, resolve, reject, members: 0, flushing: false };
}

/** The one connection, taken in turn (as Kysely's own SQLite driver does). */
class Mutex {
  #held: Promise<void> | undefined;
  get held(): boolean {
    return this.#held !== undefined;
  }
  #release: (() => void) | undefined;
  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }
  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

class Connection implements DatabaseConnection {
  constructor(private readonly statements: Statements) {}

  /** Whether a statement run since the last look may have changed the database (its commit then needs the sync). */
  wrote = false;

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statements.prepare(query.sql);
    if (!statement.readonly) this.wrote = true;
    if (statement.reader) return Promise.resolve({ rows: statement.all(query.parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    for (const row of this.statements.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }

  run(sql: string): void {
    this.statements.prepare(sql).run();
  }
}

class GroupCommitDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: Connection;
  #group: Group | null = null;
  /** Groups committed to the WAL and not yet synced, in commit order. */
  #unsynced: Group[] = [];
  /** The last group committed while its sync is still to come: a read that may have seen its work waits for it. */
  #lastUnsynced: Group | null = null;
  /** The syncs under way (each covering the commits made before it started), while there are any. */
  #syncing: Promise<void> | null = null;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: Statements,
    private readonly syncWal: (() => Promise<void>) | null,
  ) {
    this.#connection = new Connection(statements);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    this.#connection.wrote = false;
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    if (!this.#group) {
      // immediate: take the write lock now, so another process's writer waits (busy_timeout) instead of failing later
      this.#connection.run('begin immediate');
      this.#group = newGroup();
    }
    this.#connection.run(`savepoint ${SAVEPOINT}`);
  }

  async commitTransaction(): Promise<void> {
    this.#connection.run(`release ${SAVEPOINT}`);
  }

  async rollbackTransaction(): Promise<void> {
    // Some errors (a full disk, an I/O error) roll back the whole outer transaction: then there is no savepoint to
    // return to, and the group's commit reports the failure to every member.
    if (!this.sqlite.inTransaction) return;
    this.#connection.run(`rollback to ${SAVEPOINT}`);
    this.#connection.run(`release ${SAVEPOINT}`);
  }

  async releaseConnection(): Promise<void> {
    const group = this.#group;
    if (group && !this.sqlite.inTransaction) {
      // the outer transaction was rolled back during this turn: the group's work is lost, and its members are told
      this.#group = null;
      group.reject(new Error('数据库事务已被回滚，本组写入未保存'));
      this.#mutex.unlock();
      await group.done;
      return;
    }
    if (!group) {
      // a statement of its own, outside any transaction: SQLite committed it when it ended
      if (this.#connection.wrote) {
        const single = newGroup();
        this.#durable(single);
        this.#mutex.unlock();
        await single.done;
        return;
      }
      const seen = this.#lastUnsynced;
      this.#mutex.unlock();
      if (seen) await seen.done;
      return;
    }
    // whatever ran on the connection while the group was open (a transaction, or a single statement) is part of it
    group.members++;
    const full = group.members >= MAX_GROUP;
    if (full) this.#commit(group);
    this.#mutex.unlock();
    if (!full) void this.#flushWhenIdle(group);
    await group.done;
  }

  /** Commits the group once those already waiting for the connection have had their turn in it. */
  async #flushWhenIdle(group: Group): Promise<void> {
    if (group.flushing) return;
    group.flushing = true;
    // let requests that are ready to run take their place in the queue first
    await new Promise((resolve) => setImmediate(resolve));
    await this.#mutex.lock();
    try {
      if (this.#group === group) this.#commit(group);
    } finally {
      this.#mutex.unlock();
    }
  }

  /** Called while holding the connection. */
  #commit(group: Group): void {
    this.#group = null;
    try {
      if (!this.sqlite.inTransaction) throw new Error('数据库事务已被回滚，本组写入未保存');
      this.#connection.run('commit');
    } catch (error) {
      if (this.sqlite.inTransaction) this.#connection.run('rollback');
      group.reject(error);
      return;
    }
    this.#durable(group);
  }

  /** Answers a committed group once its commit is on the disk. */
  #durable(group: Group): void {
    if (!this.syncWal) return group.resolve();
    this.#unsynced.push(group);
    this.#lastUnsynced = group;
    this.#syncing ??= this.#sync(this.syncWal);
  }

  async #sync(syncWal: () => Promise<void>): Promise<void> {
    try {
      while (this.#unsynced.length > 0) {
        const covered = this.#unsynced.splice(0);
        const failure = await syncWal().then(
          () => undefined,
          (cause: unknown) => ({ error: syncFailed(cause) }),
        );
        if (this.#unsynced.length === 0) this.#lastUnsynced = null;
        for (const g of covered) {
          if (failure) g.reject(failure.error);
          else g.resolve();
        }
      }
    } finally {
      this.#syncing = null;
    }
  }

  /**
   * Runs a read at once when the connection is free and no group is open, as taking it in turn would have: nothing
   * is waiting, so the order is the same, and no uncommitted work of a group is on the connection to be read. Taking
   * the connection through Kysely's executor is half a dozen promises per query, which under load cost more than
   * the query (issue 8). `undefined` when the read must wait its turn.
   */
  readNow<R>(sql: string, parameters: readonly unknown[]): R[] | undefined {
    if (this.#mutex.held || this.#group || this.#lastUnsynced || this.#destroyed) return undefined;
    const statement = this.statements.prepare(sql);
    // a read only: a write that returns rows (insert … returning) takes its turn and joins a group like any write
    return statement.reader && statement.readonly ? (statement.all(parameters) as R[]) : undefined;
  }

  #destroyed = false;

  async destroy(): Promise<void> {
    this.#destroyed = true;
    await this.#mutex.lock();
    if (this.#group) this.#commit(this.#group);
    await this.#syncing;
    this.statements.close();
  }
}

/** Kysely's SQLite dialect with the group-commit driver over the given statement cache; `syncWal` null: SQLite syncs. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: Statements,
    private readonly syncWal: (() => Promise<void>) | null,
  ) {
    super({ database: sqlite });
  }

  #driver: GroupCommitDriver | undefined;

  override createDriver(): Driver {
    this.#driver = new GroupCommitDriver(this.sqlite, this.statements, this.syncWal);
    return this.#driver;
  }

  /** See GroupCommitDriver.readNow; `undefined` also before Kysely has made its driver. */
  readNow<R>(sql: string, parameters: readonly unknown[]): R[] | undefined {
    return this.#driver?.readNow<R>(sql, parameters);
  }
}

const dialects = new WeakMap<object, GroupCommitSqliteDialect>();

/** Marks `db` (the root Kysely of a SQLite database, never a transaction) as one whose reads may run at once. */
export function allowReadsNow(db: object, dialect: GroupCommitSqliteDialect): void {
  dialects.set(db, dialect);
}

/** A read's rows at once when `db` is a SQLite database's root whose connection is free; else `undefined`. */
export function readNow<R>(db: object, sql: string, parameters: readonly unknown[]): R[] | undefined {
  return dialects.get(db)?.readNow<R>(sql, parameters);
}
