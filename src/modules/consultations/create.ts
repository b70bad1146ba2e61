/**
 * 登记咨询 (staff: a window or phone question, usually with the answer given on the spot) and 网上咨询 (the public
 * asks; the question waits as 待答复). The record, its first timeline step and the audit entry in ONE transaction.
 * The same Idempotency-Key of the same person answers with the record it made (a double submit makes one record);
 * the key sent again with other content is refused (IDEMPOTENCY_KEY_REUSED) and nothing is written.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { consultationNumber, queryCodeOf, type ConsultationChannel } from '../../domain/consultations/consultations.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { parseMobile } from '../../domain/people/id-number.js';
import { replayOnUniqueViolation, retryOnUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode } from '../catalog/repo.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';
import { assertMayAnswer, viewerOf } from './view.js';

export interface LogInput {
  channel: 'window' | 'phone';
  itemCode?: string | undefined;
  question: string;
  /** empty: the clerk answers later (待答复) */
  answer?: string | undefined;
  askerName?: string | undefined;
  askerPhone?: string | undefined;
}

export interface AskInput {
  orgId: string;
  name: string;
  phone: string;
  itemCode?: string | undefined;
  question: string;
}

interface Draft {
  orgId: string;
  channel: ConsultationChannel;
  itemCode?: string | undefined;
  question: string;
  answer: string | null;
  askerName: string | null;
  askerPhone: string | null;
  queryCode: string | null;
  by: string | null;
  key: string | null;
  /** the request the key was used for (src/db/idempotency.ts) */
  fingerprint: string | null;
}

function checkedPhone(phone: string | undefined): string | null {
  if (!phone?.trim()) return null;
  const p = parseMobile(phone);
  if (!p.ok) throw new DomainError('CONSULTATION_PHONE_INVALID', `咨询人手机号码有误：${p.error}`);
  return p.value;
}

async function insertDraft(trx: Db, d: Draft, now: Date): Promise<repo.ConsultationRow> {
  const org = await findOrg(trx, d.orgId);
  if (!org) throw notFound('该便民服务中心');
  let item: Awaited<ReturnType<typeof findItemByCode>>;
  if (d.itemCode) {
    item = await findItemByCode(trx, d.itemCode);
    if (!item) throw new DomainError('CONSULTATION_ITEM_UNKNOWN', `事项目录中没有编码为 ${d.itemCode} 的事项，请从列表中选择事项，或不选事项。`);
  }
  const date = localDate(now, org.time_zone);
  const day = date.replaceAll('-', '');
  const seq = await repo.nextSeq(trx, day);
  const at = now.toISOString();
  const row: repo.ConsultationRow = {
    id: randomUUID(),
    consultation_no: consultationNumber(date, seq),
    day,
    seq,
    org_id: org.id,
    channel: d.channel,
    status: d.answer ? 'answered' : 'pending',
    item_id: item?.id ?? null,
    item_code: item?.code ?? null,
    item_name: item?.name ?? null,
    question: d.question,
    answer: d.answer,
    asker_name: d.askerName,
    asker_phone: d.askerPhone,
    query_code: d.queryCode,
    asked_at: at,
    logged_by: d.by,
    answered_by: d.answer ? d.by : null,
    answered_at: d.answer ? at : null,
    faq_id: null,
    idempotency_key: d.key,
    idempotency_fingerprint: d.fingerprint,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await repo.insertConsultation(trx, row);
  await repo.insertEvent(trx, {
    id: randomUUID(),
    consultation_id: row.id,
    action: d.by ? 'logged' : 'asked',
    at,
    by_user_id: d.by,
    text: d.answer ? `问：${d.question}\n答：${d.answer}` : d.question,
  });
  return row;
}

export async function logConsultation(ctx: AppContext, actor: Actor, input: LogInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const askerPhone = checkedPhone(input.askerPhone);
  // the key answers with its record only for the same question: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/consultations', input);
  const found = (stored: { id: string; idempotency_fingerprint?: string | null } | undefined) => {
    if (!stored) return undefined;
    assertSameRequest(stored.idempotency_fingerprint, fingerprint);
    return { id: stored.id, replayed: true };
  };
  const replay = async () => found(await repo.findConsultationByKey(db, actor.userId, key));
  return retryOnUniqueViolation(() =>
    replayOnUniqueViolation(
      () =>
        db.transaction().execute(async (trx) => {
          const stored = found(await repo.findConsultationByKey(trx, actor.userId, key));
          if (stored) return stored;
          assertMayAnswer(await viewerOf(trx, actor), actor.orgId);
          const row = await insertDraft(
            trx,
            {
              orgId: actor.orgId,
              channel: input.channel,
              itemCode: input.itemCode,
              question: input.question,
              answer: input.answer?.trim() ? input.answer.trim() : null,
              askerName: input.askerName?.trim() || null,
              askerPhone,
              queryCode: null,
              by: actor.userId,
              key,
              fingerprint,
            },
            now,
          );
          await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'consultation.log', targetType: 'consultation', targetId: row.id, detail: { consultationNo: row.consultation_no, channel: row.channel, itemCode: row.item_code, status: row.status } });
          return { id: row.id, replayed: false };
        }),
      replay,
    ),
  );
}

/**
 * 网上咨询: the public asks a center; the answer comes by SMS and by the public query (number + query code). The
 * same Idempotency-Key answers with the question it made (a phone on a bad network sends twice; one question).
 */
export async function askOnline(ctx: AppContext, input: AskInput, key: string): Promise<{ consultationNo: string; queryCode: string; replayed: boolean }> {
  const now = ctx.clock();
  const phone = checkedPhone(input.phone);
  if (!phone) throw new DomainError('CONSULTATION_PHONE_INVALID', '请填写手机号码，答复将以短信发送给您。');
  const queryCode = queryCodeOf(randomInt(0, 1_000_000));
  const { db } = ctx.database;
  const fingerprint = requestFingerprint('POST /api/public/consultations', input);
  const found = (stored: { consultation_no: string; query_code: string | null; idempotency_fingerprint?: string | null } | undefined) => {
    if (!stored) return undefined;
    assertSameRequest(stored.idempotency_fingerprint, fingerprint);
    return { consultationNo: stored.consultation_no, queryCode: stored.query_code!, replayed: true };
  };
  const replay = async () => found(await repo.findAskedByKey(db, key));
  return retryOnUniqueViolation(() =>
    replayOnUniqueViolation(
      () =>
        db.transaction().execute(async (trx) => {
          const stored = found(await repo.findAskedByKey(trx, key));
          if (stored) return stored;
          const row = await insertDraft(
            trx,
            { orgId: input.orgId, channel: 'online', itemCode: input.itemCode, question: input.question, answer: null, askerName: input.name, askerPhone: phone, queryCode, by: null, key, fingerprint },
            now,
          );
          await recordAudit(trx, { at: now, userId: null, action: 'consultation.ask', targetType: 'consultation', targetId: row.id, detail: { consultationNo: row.consultation_no, orgId: row.org_id, itemCode: row.item_code } });
          return { consultationNo: row.consultation_no, queryCode, replayed: false };
        }),
      replay,
    ),
  );
}
