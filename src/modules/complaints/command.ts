/**
 * One step on a complaint (受理, 调查, 处置, 反馈, 回访, 归档, 延期, 并单), the same way each time, in ONE transaction:
 * the complaint as stored, may the person see it (403), is their copy current (409), does the domain allow the step
 * (403 / 409 / 422); then the complaint's change, its timeline event, the step's messages and the audit entry (last).
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { decideComplaint, HANDLER_ROLES, overdueDays, type ComplaintCommand } from '../../domain/complaints/complaints.js';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import { findUser } from '../users/repo.js';
import { notifyAnswered, notifyExtended } from './notify.js';
import * as repo from './repo.js';
import { assertMaySee, complaintActorOf, complaintViewer, limitsOf, stateOf } from './view.js';

/** What the action route carries besides the action (each action reads its own fields). */
export interface ActionBody {
  expectedVersion: number;
  cls?: 'simple' | 'complex' | undefined;
  handlerId?: string | undefined;
  findings?: string | undefined;
  upheld?: boolean | undefined;
  reasons?: string | undefined;
  feedback?: string | undefined;
  result?: 'satisfied' | 'basic' | 'dissatisfied' | undefined;
  note?: string | undefined;
  reason?: string | undefined;
  days?: number | undefined;
  mainId?: string | undefined;
}

const missing = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] }, 400);

export async function runComplaintAction(ctx: AppContext, actor: Actor, id: string, action: ComplaintCommand['action'], body: ActionBody): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const c = await repo.findComplaint(trx, id);
    if (!c) throw notFound('该投诉');
    const viewer = await complaintViewer(trx, actor);
    assertMaySee(viewer, c);
    if (c.version !== body.expectedVersion) throw versionConflict();
    const org = await findOrg(trx, c.org_id);
    if (!org) throw notFound('承办投诉的中心');
    const today = localDate(now, org.time_zone);
    const calendar = await loadCalendar(trx);

    let command: ComplaintCommand;
    let main: repo.ComplaintRow | undefined;
    switch (action) {
      case 'accept':
        command = { action, cls: body.cls, handlerId: body.handlerId };
        break;
      case 'investigate':
        command = { action, findings: body.findings ?? '' };
        break;
      case 'handle':
        if (typeof body.upheld !== 'boolean') throw missing('upheld', '请选择投诉是否属实（upheld）。');
        command = { action, upheld: body.upheld, reasons: body.reasons ?? '' };
        break;
      case 'answer':
        command = { action, feedback: body.feedback ?? '' };
        break;
      case 'visit':
        if (!body.result) throw missing('result', '请选择回访结果：满意、基本满意或不满意。');
        command = { action, result: body.result, note: body.note };
        break;
      case 'archive':
        command = { action, note: body.note };
        break;
      case 'extend':
        if (body.days === undefined) throw missing('days', '请填写延期的工作日天数。');
        command = { action, reason: body.reason ?? '', days: body.days };
        break;
      case 'merge':
        if (!body.mainId) throw missing('mainId', '请选择要并入的主投诉。');
        main = await repo.findComplaint(trx, body.mainId);
        if (!main) throw notFound('要并入的主投诉');
        command = { action, main: { id: main.id, status: stateOf(main).status, orgId: main.org_id, mergedInto: main.merged_into_id } };
        break;
    }
    const decision = decideComplaint(stateOf(c), command, { today, calendar, limits: await limitsOf(trx), actor: complaintActorOf(viewer, c), selfId: c.id });
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);

    const at = now.toISOString();
    const patch: repo.ComplaintPatch = { status: decision.state.status, updated_at: at };
    let text = decision.event.text;
    switch (command.action) {
      case 'accept': {
        const handlerId = command.handlerId ?? actor.userId;
        if (command.handlerId && command.handlerId !== actor.userId) {
          const handler = await findUser(trx, command.handlerId);
          const roles = fromJson<string[]>(handler?.roles, []);
          if (!handler || handler.org_id !== c.org_id || !toBool(handler.active) || !roles.some((r) => (HANDLER_ROLES as readonly string[]).includes(r))) {
            throw missing('handlerId', '承办人须是本中心在岗的主任、带班领导或工作人员。');
          }
          text = `${text}，承办人 ${handler.name}`;
        }
        Object.assign(patch, { cls: decision.state.cls, due_date: decision.state.dueDate, handler_id: handlerId, handled_at: at });
        break;
      }
      case 'investigate':
        patch.findings = text;
        break;
      case 'handle':
        Object.assign(patch, {
          upheld: command.upheld ? 1 : 0,
          decision_reasons: text,
          assessment: command.upheld ? 1 : 0,
          assessment_month: command.upheld ? today.slice(0, 7) : null,
        });
        text = `${command.upheld ? '投诉属实' : '投诉不属实'}：${text}`;
        break;
      case 'answer':
        Object.assign(patch, { feedback: text, feedback_at: at, overdue_days: overdueDays(calendar, decision.state, today) });
        break;
      case 'visit':
        patch.visit_result = command.result;
        break;
      case 'extend':
        Object.assign(patch, { extended_due: decision.state.extendedDue, extension_reason: decision.state.extensionReason });
        break;
      case 'merge':
        patch.merged_into_id = main!.id;
        text = `并入 ${main!.complaint_no}（同一事项合并办理）`;
        break;
    }
    if (!(await repo.updateComplaint(trx, id, body.expectedVersion, patch))) throw versionConflict();
    // the main complaint changes too (its timeline gains the merged one): a step on it at the same moment conflicts
    if (main && !(await repo.updateComplaint(trx, main.id, main.version, { updated_at: at }))) throw versionConflict();
    const seq = await repo.appendEvent(trx, {
      id: randomUUID(),
      complaint_id: id,
      type: command.action,
      at,
      by_user_id: actor.userId,
      from_status: decision.event.from,
      to_status: decision.event.to,
      text,
    });
    if (command.action === 'merge') {
      // shown both ways: the main complaint's timeline names the one merged into it
      await repo.appendEvent(trx, {
        id: randomUUID(),
        complaint_id: main!.id,
        type: 'merged-in',
        at,
        by_user_id: actor.userId,
        from_status: main!.status,
        to_status: main!.status,
        text: `${c.complaint_no}（${c.title}）并入本投诉合并办理`,
      });
    }
    if (command.action === 'extend') await notifyExtended(trx, c, org.center_name, decision.state.extendedDue!, decision.state.extensionReason!, seq, now);
    if (command.action === 'answer') await notifyAnswered(trx, c, await repo.mergedInto(trx, c.id), org.center_name, text, now);
    await recordAudit(trx, {
      at: now,
      userId: actor.userId, ip: actor.ip,
      action: `complaint.${command.action}`,
      targetType: 'complaint',
      targetId: id,
      detail: { complaintNo: c.complaint_no, status: decision.state.status, ...(command.action === 'merge' && { mainId: main!.id }) },
    });
  });
}
