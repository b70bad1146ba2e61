/**
 * 领导接待 (issue 12 §5): the leader on duty (or the director) records a visitor received — name, phone, the matter and
 * what was done — optionally linked to a petition: an existing one of the center (the petitions module's access rule),
 * or a new one registered through the petitions module's own use case (its number, its flag to the leaders). The
 * reception is written in one transaction; the same Idempotency-Key answers with the reception it made.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { MONTH_PATTERN } from '../../domain/calendar/months.js';
import type { Reception, ReceptionChange, ReceptionList } from '../../domain/duty/contract.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { mayChangeReception } from '../../domain/duty/receptions.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { registerPetition } from '../petitions/register.js';
import { findPetition } from '../petitions/repo.js';
import { loadVisible } from '../petitions/view.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

export interface ReceptionInput {
  visitorName: string;
  visitorPhone?: string | undefined;
  matter: string;
  handling: string;
  /** link an existing petition of the center */
  petitionId?: string | undefined;
  /** register the matter as a new petition (信访事项, 来访) and link it */
  registerPetition?: boolean | undefined;
}

async function receivingCenter(db: Db, actor: Actor) {
  const org = await findOrg(db, actor.orgId);
  if (!org) throw notFound('本中心');
  if (org.level === 'village') throw forbidden('登记领导接待（领导接待由乡镇及以上便民服务中心登记）');
  return org;
}

export async function recordReception(ctx: AppContext, actor: Actor, input: ReceptionInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  // the key answers with its reception only for the same one: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/duty/receptions', input);
  const sameKeyed = (row: repo.ReceptionRow | undefined) => {
    if (!row) return undefined;
    assertSameRequest(row.idempotency_fingerprint, fingerprint);
    return { id: row.id, replayed: true };
  };
  const stored = sameKeyed(await repo.findReceptionByKey(db, actor.userId, key));
  if (stored) return stored;
  const org = await receivingCenter(db, actor);
  if (input.petitionId && input.registerPetition) {
    throw new DomainError('VALIDATION_FAILED', '关联已有信访事项和登记新信访事项只能选一个。', { errors: [{ path: 'petitionId', message: '关联已有信访事项和登记新信访事项只能选一个' }] });
  }
  let petitionId: string | null = null;
  if (input.petitionId) {
    petitionId = (await loadVisible(db, actor, input.petitionId)).id;
  } else if (input.registerPetition) {
    // the petitions module registers it (its own transaction, same key derived): a retry finds the same petition
    const done = await registerPetition(ctx, actor, { name: input.visitorName, phone: input.visitorPhone, issue: input.matter, channel: 'visit' }, `duty-reception:${key}`);
    petitionId = done.id;
  }
  const at = now.toISOString();
  const replay = async () => sameKeyed(await repo.findReceptionByKey(db, actor.userId, key));
  return replayOnUniqueViolation(
    () =>
      db.transaction().execute(async (trx) => {
        const again = sameKeyed(await repo.findReceptionByKey(trx, actor.userId, key));
        if (again) return again;
        const id = randomUUID();
        await repo.insertReception(trx, {
          id,
          org_id: org.id,
          day: localDate(now, org.time_zone),
          leader_user_id: actor.userId,
          visitor_name: input.visitorName,
          visitor_phone: input.visitorPhone || null,
          matter: input.matter,
          handling: input.handling,
          petition_id: petitionId,
          idempotency_key: key,
          idempotency_fingerprint: fingerprint,
          created_by: actor.userId,
          created_at: at,
          updated_by: actor.userId,
          updated_at: at,
          version: 1,
        });
        // the visitor's name and phone stay out of the log
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.reception.record', targetType: 'duty_reception', targetId: id, detail: { orgId: org.id, petitionId } });
        return { id, replayed: false };
      }),
    replay,
  );
}

/**
 * 接待记录跟进: the leader who received the visitor, or the center's director, corrects or completes a reception —
 * most often 处理情况 once the matter was followed up. The link to a petition stays as recorded (the petition has its
 * own history). A change made by someone else meanwhile answers 409; the audit log keeps who changed it and which
 * parts, not the visitor's name or phone.
 */
export async function changeReception(ctx: AppContext, actor: Actor, id: string, change: ReceptionChange): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findReception(trx, id);
    if (!row || row.org_id !== actor.orgId) throw notFound('该接待记录');
    if (!mayChangeReception(actor, { leaderUserId: row.leader_user_id })) throw forbidden('修改其他领导的接待记录（本人或中心主任可以修改）');
    if (row.version !== change.expectedVersion) throw versionConflict();
    const next = { visitor_name: change.visitorName, visitor_phone: change.visitorPhone || null, matter: change.matter, handling: change.handling };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) return;
    if (!(await repo.updateReception(trx, id, row.version, { ...next, updated_by: actor.userId, updated_at: now.toISOString() }))) throw versionConflict();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'duty.reception.change', targetType: 'duty_reception', targetId: id, detail: { orgId: row.org_id, changed } });
  });
}

async function present(db: Db, actor: Actor, rows: repo.ReceptionRow[]): Promise<Reception[]> {
  const people = await peopleByIds(db, rows.flatMap((r) => [r.leader_user_id, r.updated_by]));
  const petitionIds = [...new Set(rows.map((r) => r.petition_id).filter((id): id is string => !!id))];
  const numbers = new Map<string, string>();
  for (const id of petitionIds) {
    const p = await findPetition(db, id);
    if (p) numbers.set(id, p.petition_no);
  }
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    day: r.day,
    leaderUserId: r.leader_user_id,
    leaderName: people.get(r.leader_user_id)?.name ?? '',
    visitorName: r.visitor_name,
    visitorPhone: r.visitor_phone,
    matter: r.matter,
    handling: r.handling,
    petitionId: r.petition_id,
    petitionNo: r.petition_id ? (numbers.get(r.petition_id) ?? null) : null,
    createdAt: r.created_at,
    updatedAt: r.version > 1 ? r.updated_at : null,
    updatedByName: r.version > 1 ? (people.get(r.updated_by)?.name ?? null) : null,
    version: r.version,
    canChange: mayChangeReception(actor, { leaderUserId: r.leader_user_id }),
  }));
}

export async function getReception(ctx: AppContext, actor: Actor, id: string): Promise<Reception> {
  const { db } = ctx.database;
  const row = await repo.findReception(db, id);
  if (!row || row.org_id !== actor.orgId) throw notFound('该接待记录');
  return (await present(db, actor, [row]))[0]!;
}

/** The center's receptions of one day (`day`) or one month (`month`, default this month), newest first. */
export async function listReceptions(ctx: AppContext, actor: Actor, query: { day?: string | undefined; month?: string | undefined }): Promise<ReceptionList> {
  const { db } = ctx.database;
  const org = await receivingCenter(db, actor);
  let from: string;
  let to: string;
  if (query.day) {
    from = to = query.day;
  } else {
    const month = query.month ?? localDate(ctx.clock(), org.time_zone).slice(0, 7);
    if (!MONTH_PATTERN.test(month)) throw new DomainError('INVALID_MONTH', '月份请按 YYYY-MM 填写，如 2027-01');
    from = `${month}-01`;
    to = addCalendarDays(addCalendarDays(`${month}-28`, 7).slice(0, 7) + '-01', -1);
  }
  return { orgId: org.id, orgName: org.center_name, from, to, receptions: await present(db, actor, await repo.receptionsOf(db, org.id, from, to)) };
}
