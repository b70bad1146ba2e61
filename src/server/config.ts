import { resolve } from 'node:path';
import type { DatabaseTarget } from '../db/database.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  /** Load the demo region, accounts and catalog into an empty database. */
  demo: boolean;
  production: boolean;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  login: { maxFailures: number; lockMinutes: number };
  /** Public progress lookups allowed per address and minute (guessing case numbers is slowed down). */
  progressPerMinute: number;
  timeZone: string;
  webDir: string;
}

function intFrom(value: string | undefined, fallback: number): number {
  const parsed = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Configuration comes from the environment (PORT, DATA_DIR, DATABASE_URL …) and the command line flags. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: { demo?: boolean } = {}): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'sqlite', file: resolve(dataDir, 'bianmin.sqlite') };
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    database,
    demo: flags.demo ?? (env.BIANMIN_DEMO ? env.BIANMIN_DEMO !== '0' : !production),
    production,
    session: {
      idleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30),
      absoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12),
      secureCookie: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : false,
    },
    login: { maxFailures: intFrom(env.LOGIN_MAX_FAILURES, 5), lockMinutes: intFrom(env.LOGIN_LOCK_MINUTES, 15) },
    progressPerMinute: intFrom(env.PROGRESS_PER_MINUTE, 20),
    timeZone: env.TZ_CENTER ?? 'Asia/Shanghai',
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
  };
}
