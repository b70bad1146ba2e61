/**
 * An item's FAQ as a center keeps it (issue 10 §3): promote an answered consultation (with the question and answer
 * edited), add, edit, move, retire and restore entries. Each change is versioned (expectedVersion → 409 on a stale
 * copy) and kept as a history row; the change, its history, the consultation's timeline step (on a promotion) and the
 * audit entry are written in ONE transaction. Creating takes an Idempotency-Key: a double submit makes one entry.
 */
import { randomUUID } from 'node:crypto';
import { decideConsultation } from '../../domain/consultations/consultations.js';
import { moveEntry, nextPosition, type FaqAction } from '../../domain/consultations/faq.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { createOnce } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode } from '../catalog/repo.js';
import * as repo from './repo.js';
import { assertMayEditFaq, assertMayRead, viewerOf } from './view.js';

export interface CreateFaqInput {
  itemCode: string;
  question: string;
  answer: string;
  /** promote this consultation (answered, about the same item, at the person's center) */
  consultationId?: string | undefined;
}

const history = (trx: Db, row: repo.FaqRow, action: FaqAction, by: string, at: string, note: string | null = null) =>
  repo.insertFaqHistory(trx, { id: randomUUID(), faq_id: row.id, version: row.version, action, question: row.question, answer: row.answer, position: row.position, status: row.status, note, by_user_id: by, at });

export async function createFaq(ctx: AppContext, actor: Actor, input: CreateFaqInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const fingerprint = requestFingerprint('POST /api/faq', input);
  const stored = async (from: Db) => {
    const row = await repo.findFaqByKey(from, actor.userId, key);
    if (!row) return undefined;
    assertSameRequest(row.idempotency_fingerprint, fingerprint);
    return { id: row.id, replayed: true };
  };
  return createOnce(db, stored, async (trx) => {
    const viewer = await viewerOf(trx, actor);
    assertMayEditFaq(viewer, actor.orgId);
    const item = await findItemByCode(trx, input.itemCode);
    if (!item) throw notFound(`编码为 ${input.itemCode} 的事项`);
    const at = now.toISOString();
    let source: repo.ConsultationRow | undefined;
    if (input.consultationId) {
      source = await repo.findConsultation(trx, input.consultationId);
      if (!source) throw notFound('该咨询');
      assertMayRead(viewer, source.org_id);
      assertMayEditFaq(viewer, source.org_id);
      const decision = decideConsultation(source.status as 'pending' | 'answered', 'promote');
      if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
      if (source.item_id !== item.id) throw new DomainError('CONSULTATION_OTHER_ITEM', `该咨询不是关于“${item.name}”的，不能选入它的常见问题。`);
      if (source.faq_id) throw new DomainError('CONSULTATION_ALREADY_PROMOTED', '该咨询已经选入常见问题了，请在常见问题中修改那一条。', undefined, 409);
    }
    const active = await repo.faqEntries(trx, item.id, [actor.orgId], 'active');
    const row: repo.FaqRow = {
      id: randomUUID(),
      item_id: item.id,
      org_id: actor.orgId,
      question: input.question,
      answer: input.answer,
      position: nextPosition(active),
      status: 'active',
      source_consultation_id: source?.id ?? null,
      idempotency_key: key,
      idempotency_fingerprint: fingerprint,
      created_by: actor.userId,
      created_at: at,
      updated_by: actor.userId,
      updated_at: at,
      version: 1,
    };
    await repo.insertFaq(trx, row);
    await history(trx, row, source ? 'promote' : 'create', actor.userId, at, source ? `由咨询 ${source.consultation_no} 选入` : null);
    if (source) {
      if (!(await repo.updateConsultation(trx, source.id, source.version, { faq_id: row.id, updated_at: at }))) throw versionConflict();
      await repo.insertEvent(trx, { id: randomUUID(), consultation_id: source.id, action: 'promoted', at, by_user_id: actor.userId, text: `选入“${item.name}”的常见问题：${input.question}` });
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: source ? 'faq.promote' : 'faq.create', targetType: 'item_faq', targetId: row.id, detail: { itemCode: item.code, orgId: actor.orgId, consultationId: source?.id ?? null } });
    return { id: row.id, replayed: false };
  });
}

export type FaqCommand =
  | { action: 'edit'; question?: string | undefined; answer?: string | undefined }
  | { action: 'move'; to: number }
  | { action: 'retire'; reason?: string | undefined }
  | { action: 'restore' };

/** One change to an entry, the same way each time: may the person edit it (403), is their copy current (409), then the change, its history and the audit entry. */
export async function changeFaq(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: FaqCommand): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findFaq(trx, id);
    if (!row) throw notFound('该常见问题');
    const viewer = await viewerOf(trx, actor);
    assertMayRead(viewer, row.org_id);
    assertMayEditFaq(viewer, row.org_id);
    if (row.version !== expectedVersion) throw versionConflict();
    const at = now.toISOString();
    const by = { updated_by: actor.userId, updated_at: at };
    const save = async (current: repo.FaqRow, patch: Partial<repo.FaqRow>, action: FaqAction, note: string | null = null) => {
      if (!(await repo.updateFaq(trx, current.id, current.version, { ...patch, ...by }))) throw versionConflict();
      await history(trx, { ...current, ...patch, version: current.version + 1 }, action, actor.userId, at, note);
    };
    /** the active entries numbered 1..n again in the given order (positions that change are saved as moves) */
    const renumber = async (order: readonly { id: string; position: number }[], except: string) => {
      const active = new Map((await repo.faqEntries(trx, row.item_id, [row.org_id], 'active')).map((e) => [e.id, e]));
      for (const p of order) {
        const e = active.get(p.id);
        if (e && p.id !== except && e.position !== p.position) await save(e, { position: p.position }, 'move', '随其他条目调整顺序');
      }
    };

    if (command.action === 'edit') {
      const question = command.question ?? row.question;
      const answer = command.answer ?? row.answer;
      if (question === row.question && answer === row.answer) throw new DomainError('FAQ_UNCHANGED', '问题和答复都没有改动，无需保存。');
      await save(row, { question, answer }, 'edit');
    } else if (command.action === 'move') {
      if (row.status !== 'active') throw new DomainError('FAQ_RETIRED', '已撤下的条目不能调整顺序，请先恢复公开。', undefined, 409);
      const active = await repo.faqEntries(trx, row.item_id, [row.org_id], 'active');
      const order = moveEntry(active, id, command.to);
      const mine = order.find((p) => p.id === id)!;
      if (mine.position === row.position && order.every((p) => active.find((e) => e.id === p.id)?.position === p.position)) {
        throw new DomainError('FAQ_UNCHANGED', '顺序没有变化。');
      }
      await save(row, { position: mine.position }, 'move', `移到第 ${mine.position} 条`);
      await renumber(order, id);
    } else if (command.action === 'retire') {
      if (row.status !== 'active') throw new DomainError('FAQ_RETIRED', '该条目已经撤下了。', undefined, 409);
      await save(row, { status: 'retired' }, 'retire', command.reason?.trim() || null);
      const rest = (await repo.faqEntries(trx, row.item_id, [row.org_id], 'active')).filter((e) => e.id !== id);
      await renumber(rest.map((e, i) => ({ id: e.id, position: i + 1 })), id);
    } else {
      if (row.status !== 'retired') throw new DomainError('FAQ_ACTIVE', '该条目正在公开，无需恢复。', undefined, 409);
      const active = await repo.faqEntries(trx, row.item_id, [row.org_id], 'active');
      await save(row, { status: 'active', position: nextPosition(active) }, 'restore');
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: `faq.${command.action}`, targetType: 'item_faq', targetId: id, detail: { itemId: row.item_id, orgId: row.org_id } });
  });
}
