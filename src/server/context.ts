import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { FileStore } from '../modules/files/store.js';
import type { Config } from './config.js';

/** What every module's routes and services receive: the database, the configuration and the clock. */
export interface AppContext {
  database: Database;
  config: Config;
  /** The only source of "now" on the server, so tests can move time (session timeouts, deadlines). */
  clock: () => Date;
  /**
   * Uploaded files (src/modules/files): opened from config.files by buildApp; use filesOf(ctx), which also opens
   * it for a context made without one (the command line, tests).
   */
  files?: FileStore;
}

/** A Kysely handle that may be the database or an open transaction: repositories accept either. */
export type Db = Kysely<DB>;
