import { ACTION_INPUT_SCHEMAS } from '../../domain/cases/action-inputs.js';
import type { CaseAction } from '../../domain/cases/model.js';
import { decide } from '../../domain/cases/transitions.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findWindow } from '../windows/repo.js';
import { actorOrg } from './access.js';
import * as repo from './repo.js';
import { runCaseCommand } from './run-case-command.js';

/**
 * One action on a case (API.md) in ONE transaction. A stale expectedVersion answers 409 and changes nothing.
 */
export async function actOnCase(ctx: AppContext, actor: Actor, id: string, action: CaseAction, body: { expectedVersion: number } & Record<string, unknown>) {
  const { expectedVersion, ...raw } = body;
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, id);
    if (!row) throw notFound('该办件');
    if (row.version !== expectedVersion) throw versionConflict();
    await applyAction(trx, ctx.clock(), actor, row, action, raw);
    return { caseId: id };
  });
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
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError('VALIDATION_FAILED', `提交的信息有误：${errors.map((e) => e.message).join('；')}。请修改后重新提交。`, { errors }, 400);
  }
  const org = await actorOrg(trx, actor);
  const mayAct = action === 'receive' ? row.transit_org_id === actor.orgId : row.holder_org_id === actor.orgId;
  if (!mayAct) throw forbidden('办理办件（办件不在本中心）');

  await runCaseCommand(trx, { now, actor, row, expectedVersion: row.version, batchId: options.batchId ?? null }, async (state) => {
    const decision = decide(state, action, parsed.data as never, { now, actor: { roles: actor.roles, level: org.level } });
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
