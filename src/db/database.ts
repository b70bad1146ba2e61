import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { allowReadsNow, GroupCommitSqliteDialect } from './group-commit.js';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** PostgreSQL: the schema every connection works in, when not the default (tests use one per file). */
  schema?: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/**
 * The database holds every applicant's ID number and phone: only the server's own account may read it. The data
 * directory is created 0700 and the file 0600 before SQLite opens it; SQLite gives its -wal and -shm files the
 * main file's mode. Files of an older install (created 0644 under the usual umask) are tightened on every start.
 */
function keepPrivate(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

/**
 * Kysely's SQLite driver calls prepare() for every query it runs, and compiling SQL was a fifth of the CPU of an
 * intake (issue 8). The database handed to Kysely answers prepare() from a cache keyed by the SQL text, so each
 * distinct statement is compiled once. Reusing a better-sqlite3 Statement for .all/.run is safe: parameters are
 * bound per call and the statement is reset after it. One still being iterated (a streamed select not yet read
 * to the end) is `busy` and cannot run again until it is done, so such a caller gets a fresh, uncached one.
 * Bounded (least recently used out first): SQL built with a varying number of parameters (`in (?, ?, …)`,
 * multi-row inserts) would otherwise grow the cache without end.
 */
export function cachedStatements(sqlite: SQLite.Database, limit = 500): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // re-inserted so the Map's order is the order of last use
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (hit) return statement;
      cache.set(sql, statement);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

/**
 * An fdatasync of `file` on libuv's thread pool: makes durable every write to it made before the call, through any
 * descriptor (the WAL that SQLite writes). A file not there has nothing to sync.
 */
function syncFile(file: string): () => Promise<void> {
  return async () => {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
}

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // Every connection works in the given schema; tests use one schema per test file.
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', ...(target.schema ? { schema: target.schema } : {}), close: () => db.destroy() };
  }
  if (target.file !== ':memory:') keepPrivate(target.file);
  const sqlite = new SQLite(target.file);
  // WAL for concurrent readers. A committed case survives a power cut: the commit writes the WAL and the group-commit
  // driver syncs it off the JavaScript thread before anyone is told it is saved (synchronous=NORMAL: SQLite itself
  // then syncs only around checkpoints, which keeps the file whole). busy_timeout: a second process waits, not fails.
  // Only in WAL mode does a commit's durability come down to the WAL file: where SQLite cannot use WAL (an in-memory
  // database, a file system without shared memory) it keeps its own sync in every commit.
  const wal = sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  sqlite.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A county's years of cases are hundreds of megabytes: with SQLite's default 2 MB page cache nearly every lookup
  // (a progress query, a ledger page) read its pages again through the kernel. The file is read through a memory
  // map of up to 1 GiB (the kernel's page cache, no copy per read) and 64 MiB of pages are kept decoded.
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -65536');
  const dialect = new GroupCommitSqliteDialect(sqlite, cachedStatements(sqlite), wal ? syncFile(`${target.file}-wal`) : null);
  const db = new Kysely<DB>({ dialect });
  allowReadsNow(db, dialect);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
