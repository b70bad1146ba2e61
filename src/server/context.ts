import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Config } from './config.js';

/** What every module's routes and services receive: the database, the configuration and the clock. */
export interface AppContext {
  database: Database;
  config: Config;
  /** The only source of "now" on the server, so tests can move time (session timeouts, deadlines). */
  clock: () => Date;
}

/** A Kysely handle that may be the database or an open transaction: repositories accept either. */
export type Db = Kysely<DB>;
