/**
 * 告知承诺的事后核查 at the window (src/domain/applications/promises.ts): a case's promises with their deadline and
 * state for whoever may see the case; the check recorded once by staff of the center that received or holds it, in
 * one transaction with its audit entry — a promise kept becomes level B evidence of the person (the window has seen
 * it now), one found untrue stays on the record with what was found.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_VALIDITY_DAYS, holderOf, materialKey } from '../../domain/applications/evidence.js';
import { decidePromiseCheck, mayCheckPromises, PROMISE_RESULT_NAMES, PROMISE_STATE_NAMES, promiseState, type PromiseResult } from '../../domain/applications/promises.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { CasePromises } from '../../domain/contract/applications.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { maySeeCase } from '../cases/access.js';
import { findCase } from '../cases/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

async function visibleCase(db: Db, actor: Actor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row || !maySeeCase(actor.orgId, await scopeOf(db, actor), row)) throw notFound('该办件');
  return row;
}

export async function casePromises(ctx: AppContext, actor: Actor, caseId: string): Promise<CasePromises> {
  const { db } = ctx.database;
  const row = await visibleCase(db, actor, caseId);
  const promises = await repo.promisesOfCase(db, caseId);
  const people = await peopleByIds(db, promises.map((p) => p.promise_checked_by));
  const today = localDate(ctx.clock(), ctx.config.timeZone);
  const mayCheck = mayCheckPromises(actor, { receivingOrgId: row.receiving_org_id, holderOrgId: row.holder_org_id });
  return {
    promises: promises.map((p) => {
      const state = promiseState({ result: p.promise_result, due: p.promise_due }, today);
      return {
        id: p.id,
        materialName: p.material_name,
        promisedAt: p.checked_at,
        due: p.promise_due,
        state,
        stateName: PROMISE_STATE_NAMES[state],
        note: p.promise_note,
        checkedAt: p.promise_checked_at,
        checkedByName: p.promise_checked_by ? (people.get(p.promise_checked_by)?.name ?? null) : null,
        canCheck: mayCheck && p.promise_result === null,
      };
    }),
  };
}

export async function checkPromise(ctx: AppContext, actor: Actor, caseId: string, promiseId: string, input: { result: PromiseResult; note?: string | undefined }): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const today = localDate(now, ctx.config.timeZone);
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await visibleCase(trx, actor, caseId);
    if (!mayCheckPromises(actor, { receivingOrgId: row.receiving_org_id, holderOrgId: row.holder_org_id })) throw forbidden('核查其他中心办件的告知承诺');
    const promise = (await repo.promisesOfCase(trx, caseId)).find((p) => p.id === promiseId);
    if (!promise) throw notFound('该告知承诺');
    const decision = decidePromiseCheck({ result: promise.promise_result }, input.result, input.note);
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    const note = input.note?.trim() || null;
    // a check made by someone else in the meantime: told the same way as seeing it checked already
    if (!(await repo.recordPromiseCheck(trx, promiseId, { promise_result: input.result, promise_note: note, promise_checked_at: at, promise_checked_by: actor.userId }))) {
      throw new DomainError('PROMISE_CHECKED', '这项承诺刚被他人核查过，请刷新后查看。', undefined, 409);
    }
    if (input.result === 'kept') {
      const holder = holderOf({ kind: promise.holder_kind, number: promise.holder_number, name: promise.holder_name });
      await repo.insertEvidence(trx, [
        {
          id: randomUUID(),
          holder_kind: holder.kind,
          holder_number: holder.number,
          holder_name: holder.name,
          material_name: promise.material_name,
          material_key: materialKey(promise.material_name),
          level: 'B',
          valid_until: addCalendarDays(today, DEFAULT_VALIDITY_DAYS),
          checked_at: at,
          checked_by: actor.userId,
          file_hash: null,
          application_id: promise.application_id,
          case_id: caseId,
          item_code: null,
          result_no: null,
          created_at: at,
        },
      ]);
    }
    await recordAudit(trx, {
      at: now,
      userId: actor.userId, ip: actor.ip,
      action: 'promise.check',
      targetType: 'case',
      targetId: caseId,
      detail: { promiseId, material: promise.material_name, result: PROMISE_RESULT_NAMES[input.result], due: promise.promise_due },
    });
  });
}
