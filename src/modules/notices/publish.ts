/**
 * A center publishes a 公告 (issue 11 §3): its director, or the system administrator for a center of the tree. The
 * start date is today or later in the center's zone; an end date, if any, leaves the minimum period whole. The notice,
 * its first version and the audit entry are written in one transaction; an Idempotency-Key makes a double submit one
 * notice.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { decidePublish } from '../../domain/notices/notices.js';
import { createOnce } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { assertMayManage } from './access.js';
import { keepVersion } from './history.js';
import * as repo from './repo.js';

export interface PublishInput {
  orgId?: string | undefined;
  title: string;
  body: string;
  startDate: string;
  minDays: number;
  endDate?: string | null | undefined;
}

export async function publishNotice(ctx: AppContext, actor: Actor, input: PublishInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  const { db } = ctx.database;
  const orgId = input.orgId ?? actor.orgId;
  // the key answers with its notice only for the same notice: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/notices', input);
  const stored = async (from: Db) => {
    const row = await repo.findNoticeByKey(from, actor.userId, key);
    if (!row) return undefined;
    assertSameRequest(row.idempotency_fingerprint, fingerprint);
    return { id: row.id, replayed: true };
  };
  return createOnce(db, stored, async (trx) => {
    const org = await findOrg(trx, orgId);
    if (!org) throw notFound('该中心');
    await assertMayManage(trx, actor, orgId);
    const terms = { startDate: input.startDate, minDays: input.minDays, endDate: input.endDate ?? null };
    const decision = decidePublish(terms, now, org.time_zone);
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    const at = now.toISOString();
    const row: repo.NoticeRow = {
      id: randomUUID(),
      org_id: orgId,
      title: input.title,
      body: input.body,
      start_date: terms.startDate,
      min_days: terms.minDays,
      end_date: terms.endDate,
      status: 'published',
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      idempotency_key: key,
      idempotency_fingerprint: fingerprint,
      created_by: actor.userId,
      created_at: at,
      updated_by: actor.userId,
      updated_at: at,
      version: 1,
    };
    await repo.insertNotice(trx, row);
    await keepVersion(trx, row, 'publish', actor.userId, at);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'notice.publish', targetType: 'notice', targetId: row.id, detail: { orgId, title: row.title, ...terms } });
    return { id: row.id, replayed: false };
  });
}
