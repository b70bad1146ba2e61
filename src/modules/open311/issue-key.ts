/**
 * POST /api/open311/keys: the system administrator issues a key to a named third party. The answer carries the key
 * this once; the database and the audit log keep only its hash and who it was issued to.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { apiKeyHash, newApiKey } from './key-hash.js';
import { presentKeys } from './present-keys.js';
import * as repo from './repo.js';

export async function issueApiKey(ctx: AppContext, actor: Actor, input: { name: string }, ip: string | null) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const apiKey = newApiKey();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await repo.insertKey(trx, {
      id,
      name: input.name,
      key_hash: apiKeyHash(apiKey),
      created_by: actor.userId,
      created_at: now.toISOString(),
      revoked_at: null,
      revoked_by: null,
      reason: null,
      last_used_at: null,
      version: 1,
    });
    await recordAudit(trx, { at: now, userId: actor.userId, action: 'open311Key.issue', targetType: 'open311_key', targetId: id, detail: { name: input.name }, ip });
  });
  const [key] = await presentKeys(db, [(await repo.keyById(db, id))!]);
  return { key: key!, apiKey };
}
