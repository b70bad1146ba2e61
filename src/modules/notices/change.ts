/**
 * Editing and withdrawing a 公告 (issue 11 §3). Each change checks who may (403), whether their copy is current
 * (expectedVersion → 409), the domain rule (src/domain/notices/notices.ts: a shown notice keeps its start and its
 * minimum; withdrawing inside the minimum period needs a reason → 422 and nothing changes), then writes the change,
 * the version and the audit entry in one transaction.
 */
import { DomainError } from '../../domain/errors.js';
import { decideEdit, decideWithdrawal, type NoticeRefusal } from '../../domain/notices/notices.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import { assertMayManage } from './access.js';
import { keepVersion } from './history.js';
import * as repo from './repo.js';
import { stateOf } from './view.js';

export type NoticeCommand =
  | { action: 'edit'; title?: string | undefined; body?: string | undefined; startDate?: string | undefined; minDays?: number | undefined; endDate?: string | null | undefined }
  | { action: 'withdraw'; reason?: string | undefined };

const refused = (r: NoticeRefusal) => new DomainError(r.code, r.message, undefined, r.status);

export async function changeNotice(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: NoticeCommand): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.findNotice(trx, id);
    if (!row) throw notFound('该公告');
    await assertMayManage(trx, actor, row.org_id);
    if (row.version !== expectedVersion) throw versionConflict();
    const tz = (await findOrg(trx, row.org_id))?.time_zone ?? ctx.config.timeZone;
    const at = now.toISOString();
    let patch: repo.NoticePatch;
    let note: string | null = null;
    let detail: Record<string, unknown>;
    if (command.action === 'edit') {
      const after = {
        title: command.title ?? row.title,
        body: command.body ?? row.body,
        startDate: command.startDate ?? row.start_date,
        minDays: command.minDays ?? row.min_days,
        endDate: command.endDate === undefined ? row.end_date : command.endDate,
      };
      const decision = decideEdit(stateOf(row), after, now, tz);
      if (!decision.ok) throw refused(decision);
      if (after.title === row.title && after.body === row.body && after.startDate === row.start_date && after.minDays === row.min_days && after.endDate === row.end_date) {
        throw new DomainError('NOTICE_UNCHANGED', '公告没有改动，无需保存。');
      }
      patch = { title: after.title, body: after.body, start_date: after.startDate, min_days: after.minDays, end_date: after.endDate };
      detail = { orgId: row.org_id, from: { title: row.title, startDate: row.start_date, minDays: row.min_days, endDate: row.end_date }, to: { title: after.title, startDate: after.startDate, minDays: after.minDays, endDate: after.endDate } };
    } else {
      const reason = command.reason?.trim() || null;
      const decision = decideWithdrawal(stateOf(row), reason, now, tz);
      if (!decision.ok) throw refused(decision);
      note = reason;
      patch = { status: 'withdrawn', withdrawn_at: at, withdrawn_by: actor.userId, withdraw_reason: reason };
      detail = { orgId: row.org_id, early: decision.early, reason };
    }
    if (!(await repo.updateNotice(trx, id, expectedVersion, { ...patch, updated_by: actor.userId, updated_at: at }))) throw versionConflict();
    await keepVersion(trx, { ...row, ...patch, version: row.version + 1 }, command.action, actor.userId, at, note);
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: `notice.${command.action}`, targetType: 'notice', targetId: id, detail });
  });
}
