import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { DialectAdapter } from 'kysely';
import { readNow } from './group-commit.js';
import type { DB } from './schema.js';

/**
 * A query of fixed shape whose SQL Kysely builds and compiles once per dialect instead of on every call. Building
 * the operation tree and compiling it was a sixth to a fifth of the CPU of the hottest requests (progress, the
 * calendar, the case page; issue 8), though only the parameters change. `build` is called once with stand-ins
 * for the parameters; each call then runs the same SQL with the real values in their places. Only for queries
 * whose SQL does not depend on the values (no `in (…)` lists of varying length, no branches on a parameter).
 */
export function prepared<P extends readonly unknown[], R>(build: (db: Kysely<DB>, ...params: P) => Compilable<R>) {
  const compiled = new WeakMap<DialectAdapter, { sql: string; slots: (number | { value: unknown })[] }>();
  const compile = (db: Kysely<DB>, arity: number) => {
    const standIns = Array.from({ length: arity }, (_, i) => `\u0000prepared-parameter-${i}\u0000`);
    const query = build(db, ...(standIns as unknown as P)).compile();
    const slots = query.parameters.map((value) => {
      const i = typeof value === 'string' ? standIns.indexOf(value) : -1;
      return i >= 0 ? i : { value };
    });
    if (standIns.some((_, i) => !slots.includes(i))) throw new Error(`prepared query does not use every parameter: ${query.sql}`);
    return { sql: query.sql, slots };
  };
  return async (db: Kysely<DB>, ...params: P): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let c = compiled.get(adapter);
    if (!c) {
      c = compile(db, params.length);
      compiled.set(adapter, c);
    }
    const values = c.slots.map((slot) => (typeof slot === 'number' ? params[slot] : slot.value));
    const now = readNow<R>(db, c.sql, values);
    if (now) return now;
    const result: QueryResult<R> = await db.executeQuery(CompiledQuery.raw(c.sql, values));
    return result.rows;
  };
}
