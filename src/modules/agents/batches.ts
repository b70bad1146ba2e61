import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { comingBatchDay } from '../../domain/cases/hops.js';
import { fromJson, replayOnUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { applyAction } from '../cases/act-on-case.js';
import { actorOrg } from '../cases/access.js';
import { ancestorAt } from '../cases/center.js';
import { findCase } from '../cases/repo.js';
import { scopeOf } from '../orgs/service.js';
import { batchCases, casesToForward, waitingHopDue } from '../cases/village-queries.js';
import * as repo from './repo.js';

/**
 * The day the village's batch goes next (today, while this week's has not been sent), how many cases wait for it
 * and, for one case waiting here, the last day it may go: its hop's limit, as the supervision judges it.
 */
export async function nextBatch(ctx: AppContext, actor: Actor, caseId?: string) {
  const { db } = ctx.database;
  const org = await actorOrg(db, actor);
  if (org.level !== 'village') throw forbidden('查看村级集中报送（只有村代办员可以）');
  const today = localDate(ctx.clock(), org.time_zone);
  const lastSent = await repo.lastBatchSentAt(db, org.id);
  const batchDay = comingBatchDay(await loadCalendar(db), today, lastSent ? localDate(new Date(lastSent), org.time_zone) : null);
  const answer = { batchDay, batchToday: batchDay === today, waiting: (await casesToForward(db, org.id)).length };
  if (caseId === undefined) return answer;
  const due = await waitingHopDue(db, org.id, caseId);
  return { ...answer, caseLatestDay: due ? localDate(new Date(due), org.time_zone) : null };
}

/**
 * 集中报送: the agent sends every case waiting at the village to the township in one batch — each case
 * forwarded by the transition table and its hop recorded with the materials handed over — in ONE transaction.
 * The same Idempotency-Key returns the batch the first request made.
 */
export async function sendBatch(ctx: AppContext, actor: Actor, key: string) {
  const now = ctx.clock();
  // A simultaneous send with the same key answers with the batch the first one made (PostgreSQL lets both pass
  // the replay check; the later insert fails on the key); one with another key gets 409 from the batch number.
  const replayed = async () => (await repo.findBatchByKey(ctx.database.db, actor.userId, key))?.id;
  return replayOnUniqueViolation(() => ctx.database.db.transaction().execute(async (trx) => {
    const replay = await repo.findBatchByKey(trx, actor.userId, key);
    if (replay) return replay.id;
    const village = await actorOrg(trx, actor);
    if (village.level !== 'village') throw forbidden('发送村级报送批次（只有村代办员可以）');
    const township = await ancestorAt(trx, village.id, 'township');
    if (!township) throw new DomainError('NO_TOWNSHIP', '本村没有上级乡镇便民服务中心，无法报送。请系统管理员检查组织机构。');
    const waiting = await casesToForward(trx, village.id);
    if (waiting.length === 0) throw new DomainError('NOTHING_TO_FORWARD', '目前没有需要报送的办件。材料齐全的新收件会自动列入下一次报送。');

    const day = localDate(now, village.time_zone).replaceAll('-', '');
    const prefix = `${village.code}-P${day}-`;
    const id = randomUUID();
    const at = now.toISOString();
    await repo.insertBatch(trx, {
      id,
      batch_no: `${prefix}${String((await repo.countBatchesOfDay(trx, village.id, prefix)) + 1).padStart(2, '0')}`,
      village_org_id: village.id,
      township_org_id: township.id,
      sent_by: actor.userId,
      sent_at: at,
      received_by: null,
      received_at: null,
      case_count: waiting.length,
      idempotency_key: key,
    });
    for (const { id: caseId } of waiting) {
      const row = (await findCase(trx, caseId))!;
      await applyAction(trx, now, actor, row, 'forward', { urgent: false }, { batchId: id });
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'village.batch.send', targetType: 'village_batch', targetId: id });
    return id;
  }), replayed);
}

/** The township receives a whole batch: every case still on its way is received, the batch marked received. */
export async function receiveBatch(ctx: AppContext, actor: Actor, batchId: string) {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const batch = await repo.findBatch(trx, batchId);
    if (!batch) throw notFound('该报送批次');
    if (batch.township_org_id !== actor.orgId) throw forbidden('接收该报送批次（批次报送的不是本中心）');
    if (batch.received_at) throw new DomainError('BATCH_ALREADY_RECEIVED', '该批次已经接收过了。');
    for (const c of await batchCases(trx, batchId)) {
      if (c.transit_org_id !== actor.orgId) continue; // already received one by one
      const row = (await findCase(trx, c.id))!;
      await applyAction(trx, now, actor, row, 'receive', {});
    }
    await repo.markBatchReceived(trx, batchId, actor.userId, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'village.batch.receive', targetType: 'village_batch', targetId: batchId });
  });
}

const presentBatch = (b: repo.BatchListRow) => ({
  id: b.id,
  batchNo: b.batch_no,
  villageOrgId: b.village_org_id,
  villageName: b.village_name,
  townshipOrgId: b.township_org_id,
  townshipName: b.township_name,
  sentAt: b.sent_at,
  sentBy: b.sent_by_name,
  receivedAt: b.received_at,
  receivedBy: b.received_by_name,
  caseCount: b.case_count,
});

export async function listBatches(ctx: AppContext, actor: Actor) {
  const { db } = ctx.database;
  return { batches: (await repo.listBatches(db, [...(await scopeOf(db, actor))])).map(presentBatch) };
}

/** One batch with its cases and the materials handed over: the printable 报送清单. */
export async function getBatch(ctx: AppContext, actor: Actor, id: string) {
  const db: Db = ctx.database.db;
  const batch = await repo.findBatchSeenFrom(db, [...(await scopeOf(db, actor))], id);
  if (!batch) throw notFound('该报送批次');
  const cases = await batchCases(db, id);
  return {
    ...presentBatch(batch),
    cases: cases.map((c) => ({
      id: c.id,
      caseNo: c.case_no,
      itemCode: c.item_code,
      itemName: c.item_name,
      applicantName: c.applicant_name,
      materials: fromJson<string[]>(c.materials, []),
      received: c.received_at !== null,
    })),
  };
}
