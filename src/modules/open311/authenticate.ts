/**
 * The api_key of a GeoReport v2 write (`POST requests`, issue 11 §5, built with online applications): the key must
 * be one issued here and not revoked, or the answer is 403 in the specification's `errors` format. The key's use is
 * noted (`last_used_at`, at most once a minute) so the administrator sees which third parties are still active.
 */
import type { AppContext } from '../../server/context.js';
import { invalidApiKey } from './errors.js';
import { apiKeyHash } from './key-hash.js';
import * as repo from './repo.js';

export interface ApiKeyHolder {
  /** the key's id (open311_keys.id): record it with what the request creates */
  keyId: string;
  /** the third party the key was issued to */
  name: string;
}

const MAX_KEY_LENGTH = 100;

/** The third party an api_key belongs to; throws Open311Error 403 when the key is missing, unknown or revoked. */
export async function authenticateApiKey(ctx: AppContext, key: string | null | undefined): Promise<ApiKeyHolder> {
  if (typeof key !== 'string' || key.trim() === '' || key.length > MAX_KEY_LENGTH) throw invalidApiKey();
  const { db } = ctx.database;
  const row = await repo.activeKeyByHash(db, apiKeyHash(key));
  if (!row) throw invalidApiKey();
  const now = ctx.clock();
  if (!row.last_used_at || Date.parse(row.last_used_at) < now.getTime() - 60_000) await repo.touchKey(db, row.id, now.toISOString());
  return { keyId: row.id, name: row.name };
}
