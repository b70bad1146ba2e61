import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../../src/db/database.js';
import { buildApp } from '../../../src/server/app.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface TwoProcesses {
  /** the first process, with the test's clock (the second reads the same clock) */
  a: TestApp;
  b: FastifyInstance;
  /** where each listens: http://127.0.0.1:<port> */
  base: { a: string; b: string };
  close(): Promise<void>;
}

/**
 * Two app processes on one PostgreSQL database and schema, each listening on its own port — as two `npm start`
 * behind nginx would be: each its own pool (and so its own bus and LISTEN client); sessions live in the shared
 * database, so one sign-in serves both.
 */
export async function startTwoProcesses(url: string, startAt: string): Promise<TwoProcesses> {
  const a = await startTestApp('postgres');
  const target = { kind: 'postgres' as const, url, schema: a.database.schema! };
  const bDatabase = openDatabase(target);
  const b = await buildApp({ database: bDatabase, config: { ...a.config, database: target }, clock: () => a.clock.now });
  a.clock.now = new Date(startAt);
  await a.app.listen({ port: 0, host: '127.0.0.1' });
  await b.listen({ port: 0, host: '127.0.0.1' });
  const address = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    a,
    b,
    base: { a: address(a.app), b: address(b) },
    async close() {
      await b.close();
      await bDatabase.close();
      await a.close();
    },
  };
}
