import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from './schema.js';

type VersionedTable = 'orgs' | 'users' | 'windows' | 'items' | 'cases' | 'hall_tickets' | 'appointments';

/**
 * Optimistic concurrency for every editable record: the row changes (and its version goes up by one) only if
 * nobody changed it since `expectedVersion`; false means someone did, and the caller answers 409.
 * `expectedVersion` null is for system changes that must not be refused (unlock, password reset). `fromStatus`, when
 * given, is required too: a record that moved on (a number called by another window) is not changed either.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: string,
  expectedVersion: number | null,
  patch: Updateable<DB[T]>,
  fromStatus?: string,
): Promise<boolean> {
  // Kysely cannot type a table chosen by a generic parameter; the signature above keeps callers typed.
  const loose = db as unknown as Kysely<{ versioned: { id: string; version: number; status: string } }>;
  let query = loose
    .updateTable(table as unknown as 'versioned')
    .set({ ...(patch as object), version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
  if (fromStatus !== undefined) query = query.where('status', '=', fromStatus);
  return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
}
