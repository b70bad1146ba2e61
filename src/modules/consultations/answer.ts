/**
 * 答复咨询: a clerk or the director of the consultation's center answers a 待答复 question (expectedVersion: a stale
 * copy answers 409). The answer, its timeline step, the SMS to the asker (through the outbox) and the audit entry in
 * ONE transaction.
 */
import { randomUUID } from 'node:crypto';
import { consultationQueryUrlAt, decideConsultation, smsAnswer } from '../../domain/consultations/consultations.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode } from '../catalog/repo.js';
import { enqueue } from '../notifications/outbox.js';
import { findOrg } from '../orgs/repo.js';
import { publicUrlOf } from '../settings/service.js';
import * as repo from './repo.js';
import { assertMayAnswer, assertMayRead, viewerOf } from './view.js';

export interface AnswerInput {
  answer: string;
  /** the item, when the question named none or the wrong one */
  itemCode?: string | undefined;
  expectedVersion: number;
}

export async function answerConsultation(ctx: AppContext, actor: Actor, id: string, input: AnswerInput): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findConsultation(trx, id);
    if (!row) throw notFound('该咨询');
    const viewer = await viewerOf(trx, actor);
    assertMayRead(viewer, row.org_id);
    assertMayAnswer(viewer, row.org_id);
    if (row.version !== input.expectedVersion) throw versionConflict();
    const decision = decideConsultation(row.status as 'pending' | 'answered', 'answer');
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    let item: Awaited<ReturnType<typeof findItemByCode>>;
    if (input.itemCode) {
      item = await findItemByCode(trx, input.itemCode);
      if (!item) throw new DomainError('CONSULTATION_ITEM_UNKNOWN', `事项目录中没有编码为 ${input.itemCode} 的事项，请从列表中选择事项。`);
    }
    const at = now.toISOString();
    const changed = await repo.updateConsultation(trx, id, input.expectedVersion, {
      status: decision.to!,
      answer: input.answer,
      answered_by: actor.userId,
      answered_at: at,
      updated_at: at,
      ...(item && { item_id: item.id, item_code: item.code, item_name: item.name }),
    });
    if (!changed) throw versionConflict();
    await repo.insertEvent(trx, { id: randomUUID(), consultation_id: id, action: 'answered', at, by_user_id: actor.userId, text: input.answer });
    if (row.asker_phone) {
      const org = await findOrg(trx, row.org_id);
      const publicUrl = (await publicUrlOf(trx, ctx.config)).url;
      const sms = smsAnswer(input.answer, publicUrl ? consultationQueryUrlAt(publicUrl, row.consultation_no) : null);
      await enqueue(
        trx,
        [{ channel: 'sms', to: row.asker_phone, template: 'consultation-answered', params: { center: org?.center_name ?? '便民服务中心', consultationNo: row.consultation_no, ...sms }, dedupeKey: `consultation-answered:${id}` }],
        now,
      );
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'consultation.answer', targetType: 'consultation', targetId: id, detail: { consultationNo: row.consultation_no, sms: Boolean(row.asker_phone) } });
  });
}
