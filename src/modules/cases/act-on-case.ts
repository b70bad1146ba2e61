import { randomUUID } from 'node:crypto';
import { ACTION_INPUT_SCHEMAS } from '../../domain/cases/action-inputs.js';
import { applyDeadline, dueDateChange } from '../../domain/cases/deadlines.js';
import type { CaseAction, CaseState } from '../../domain/cases/model.js';
import { toDomainError } from '../../domain/cases/rules.js';
import { applyDecision, decide } from '../../domain/cases/transitions.js';
import { DomainError } from '../../domain/errors.js';
import { toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { findWindow } from '../windows/repo.js';
import { actorOrg } from './access.js';
import { ancestorAt, centerTime } from './center.js';
import { caseRowFromState, stateOf, stateRow } from './persist.js';
import { recordHops } from './hops.js';
import * as repo from './repo.js';

/** Which organisation holds the case, and which it is on its way to, after the domain moved it between levels. */
async function placement(db: Db, row: repo.CaseRow, before: CaseState, after: CaseState) {
  let holder = row.holder_org_id;
  if (after.holderLevel !== before.holderLevel) {
    holder =
      after.holderLevel === after.receivingLevel
        ? row.receiving_org_id
        : (row.transit_org_id ?? (await ancestorAt(db, row.holder_org_id, after.holderLevel))?.id ?? holder);
  }
  const transit = after.transit ? ((await ancestorAt(db, holder, after.transit.to))?.id ?? null) : null;
  return { holder_org_id: holder, transit_org_id: transit };
}

/**
 * One action on a case (API.md): parse the action's input, ask the transition table, apply the deadline effect
 * on the official calendar, and write the new state and its event in ONE transaction. A stale expectedVersion
 * answers 409 and changes nothing.
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
 * One action on a case already loaded in the caller's transaction: parse the input, ask the transition table,
 * apply the deadline effect, write the new state, its event and its hops (rule 9). Also used for a village's
 * weekly batch, which forwards many cases in one transaction.
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
  if (!mayAct) throw forbidden('办理该办件（办件不在本中心）');

  const before = stateOf(row);
  const decision = decide(before, action, parsed.data as never, { now, actor: { roles: actor.roles, level: org.level } });
  if (!decision.ok) throw toDomainError(decision);
  if (action === 'transfer') {
    const window = await findWindow(trx, (parsed.data as { toWindowId: string }).toWindowId);
    if (!window || window.org_id !== row.holder_org_id || window.active !== 1) {
      throw new DomainError('WINDOW_NOT_FOUND', '只能转交给本中心在用的窗口，请重新选择。');
    }
  }
  const holderOrg = row.holder_org_id === org.id ? org : (await findOrg(trx, row.holder_org_id))!;
  const time = await centerTime(trx, holderOrg);
  const after = applyDeadline(applyDecision(before, decision), decision.deadline, time);
  const moved = await placement(trx, row, before, after);

  // The light is counted in the office hours of whoever holds the case after the action.
  const lightTime = moved.holder_org_id === holderOrg.id ? time : await centerTime(trx, (await findOrg(trx, moved.holder_org_id))!);
  const completedAt = decision.to === 'completed' && decision.from !== 'completed' ? { completed_at: now.toISOString() } : {};
  const changed = await repo.updateCase(
    trx,
    row.id,
    row.version,
    { ...caseRowFromState(after, { now, time: lightTime }), ...moved, ...completedAt, updated_at: now.toISOString() },
    stateRow(row.id, after).state,
  );
  if (!changed) throw versionConflict();
  await repo.appendEvent(trx, {
    id: randomUUID(),
    case_id: row.id,
    at: now.toISOString(),
    type: action,
    by_user_id: actor.userId,
    org_id: actor.orgId,
    from_status: decision.from,
    to_status: decision.to,
    data: toJson({ ...(parsed.data as object), ...(options.batchId ? { batchId: options.batchId } : {}), ...dueDateChange(before, after) }),
  });
  await recordHops(trx, {
    caseId: row.id,
    before,
    after,
    action,
    orgs: { receiving: row.receiving_org_id, holder: moved.holder_org_id, transit: moved.transit_org_id, holderBefore: row.holder_org_id },
    userId: actor.userId,
    now,
    urgent: action === 'forward' ? Boolean((parsed.data as { urgent?: boolean }).urgent) : false,
    batchId: options.batchId ?? null,
    time,
  });
}

