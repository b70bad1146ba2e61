/** Keys as the console shows them: names of who issued and revoked them; never the key or its hash. */
import type { Open311Key } from '../../domain/open311/contract.js';
import type { Db } from '../../server/context.js';
import { peopleByIds } from '../users/repo.js';
import type { KeyRow } from './repo.js';

export async function presentKeys(db: Db, rows: readonly KeyRow[]): Promise<Open311Key[]> {
  const people = await peopleByIds(db, rows.flatMap((r) => [r.created_by, r.revoked_by]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    createdByName: people.get(r.created_by)?.name ?? '',
    revokedAt: r.revoked_at,
    revokedByName: r.revoked_by ? (people.get(r.revoked_by)?.name ?? '') : null,
    reason: r.reason,
    lastUsedAt: r.last_used_at,
    active: r.revoked_at === null,
    version: r.version,
  }));
}
