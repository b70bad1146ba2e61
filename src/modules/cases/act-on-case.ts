import { ACTION_INPUT_SCHEMAS } from '../../domain/cases/action-inputs.js';
import type { CaseAction } from '../../domain/cases/model.js';
import { decide } from '../../domain/cases/transitions.js';
import { DomainError, validationFailed } from '../../domain/errors.js';
import { idempotencyKeyReused, requestFingerprint, sameRequest } from '../../db/idempotency.js';
import type { AppContext, Db } from '../../server/context.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findWindow } from '../windows/repo.js';
import { actorOrg } from './access.js';
import * as repo from './repo.js';
import { runCaseCommand } from './run-case-command.js';

/**
 * One action on a case (API.md) in ONE transaction. A stale expectedVersion answers 409 and changes nothing.
 *
 * With an Idempotency-Key (optional here, unlike intake), the same request sent again — the answer lost on a poor
 * network and 确定 pressed once more — is answered with the case as it now is instead of a 409 that would tell the
 * clerk someone else had acted. The key is stored with the action in its transaction; a second request with the key
 * that loses a race to the first gets the version conflict or the key's primary key, and then finds the key. The key
 * answers only the same request (its fingerprint: the case, the action and the body); with other content or on
 * another case it is refused with IDEMPOTENCY_KEY_REUSED and nothing is done.
 */
export async function actOnCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: CaseAction,
  body: { expectedVersion: number } & Record<string, unknown>,
  idempotencyKey?: string,
): Promise<{ caseId: string; replayed: boolean }> {
  const { expectedVersion, ...raw } = body;
  // the route names the case and the action: the key answers only this action on this case with this body
  const fingerprint = requestFingerprint(`POST /api/cases/${id}/actions/${action}`, body);
  const replayed = async () => {
    if (idempotencyKey === undefined) return undefined;
    const stored = await repo.findIdempotent(ctx.database.db, actor.userId, idempotencyKey);
    if (!stored) return undefined;
    // a key stored before fingerprints were kept still told its case apart
    if (stored.case_id !== id || !sameRequest(stored.fingerprint, fingerprint)) throw idempotencyKeyReused('重新办理');
    return { caseId: id, replayed: true };
  };
  const act = () =>
    ctx.database.db.transaction().execute(async (trx) => {
      const row = await repo.findCase(trx, id);
      if (!row) throw notFound('该办件');
      if (row.version !== expectedVersion) throw versionConflict();
      const now = ctx.clock();
      await applyAction(trx, now, actor, row, action, raw);
      if (idempotencyKey !== undefined) await repo.insertIdempotent(trx, actor.userId, idempotencyKey, id, fingerprint, now.toISOString());
      return { caseId: id, replayed: false };
    });
  const earlier = await replayed();
  if (earlier) return earlier;
  try {
    return await replayOnUniqueViolation(act, replayed);
  } catch (error) {
    // the same request an instant earlier took the version this one expected: answer as that one did
    if (error instanceof DomainError && error.status === 409) return (await replayed()) ?? Promise.reject(error);
    throw error;
  }
}

/**
 * One action on a case already loaded in the caller's transaction: parse the action's input, check the actor is at
 * the center that holds the case (or that it was sent to), and run it through the case pipeline. Also used for a
 * village's weekly batch, which forwards many cases in one transaction.
 */
export async function applyAction(
  trx: Db,
  now: Date,
  actor: Actor,
  row: repo.CaseRow,
  action: CaseAction,
  raw: Record<string, unknown>,
  options: { batchId?: string } = {},
) {
  const parsed = ACTION_INPUT_SCHEMAS[action].safeParse(raw);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const org = await actorOrg(trx, actor);
  const mayAct = action === 'receive' ? row.transit_org_id === actor.orgId : row.holder_org_id === actor.orgId;
  if (!mayAct) throw forbidden('办理办件（办件不在本中心）');

  await runCaseCommand(trx, { now, actor, row, expectedVersion: row.version, batchId: options.batchId ?? null }, async (state) => {
    const decision = decide(state, action, parsed.data as never, { now, actor: { roles: actor.roles, level: org.level }, timeZone: org.time_zone });
    if (decision.ok && action === 'transfer') {
      // the window must be one in use at this center: the domain knows no windows, only their ids
      const window = await findWindow(trx, (parsed.data as { toWindowId: string }).toWindowId);
      if (!window || window.org_id !== row.holder_org_id || window.active !== 1) {
        throw new DomainError('WINDOW_NOT_FOUND', '只能转交给本中心在用的窗口，请重新选择。');
      }
    }
    return decision;
  });
}
