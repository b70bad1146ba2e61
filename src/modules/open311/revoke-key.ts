/** POST /api/open311/keys/{id}/revoke: the key stops authenticating at once; who, when and why are kept and audited. */
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { presentKeys } from './present-keys.js';
import * as repo from './repo.js';

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number; reason: string }, ip: string | null) {
  const { db } = ctx.database;
  const key = await repo.keyById(db, id);
  if (!key) throw notFound('该接口密钥');
  if (key.revoked_at !== null) throw new DomainError('KEY_ALREADY_REVOKED', `“${key.name}”的接口密钥已于此前吊销，无需再次吊销。请刷新页面查看。`, undefined, 409);
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokeKey(trx, id, input.expectedVersion, actor.userId, now.toISOString(), input.reason))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, action: 'open311Key.revoke', targetType: 'open311_key', targetId: id, detail: { name: key.name, reason: input.reason }, ip });
  });
  const [view] = await presentKeys(db, [(await repo.keyById(db, id))!]);
  return view!;
}
