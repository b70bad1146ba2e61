/**
 * One step on a registered petition (受理, 不予受理, 交办, 部门回复, 延期, 领导接待, 答复, 复查, 复核), the same way each
 * time, in ONE transaction: the petition as stored, may the person see it (403), is their copy current (409), does the
 * domain allow the step (403 / 409 / 422); then the petition's change, its history step, the hand-over or reception
 * it records, and the audit entry (last: it holds the chain's head).
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { decidePetition, type PetitionCommand } from '../../domain/petitions/petitions.js';
import type { AppContext } from '../../server/context.js';
import { notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';
import { actorOf, columnsOf, countersFor, loadVisible, stateOf } from './view.js';

export type PetitionStepInput = PetitionCommand & { handoverId?: string | undefined };

export async function runPetitionAction(ctx: AppContext, actor: Actor, id: string, expectedVersion: number, command: PetitionStepInput): Promise<void> {
  const now = ctx.clock();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, actor, id);
    if (row.version !== expectedVersion) throw versionConflict();
    const org = await findOrg(trx, row.org_id);
    if (!org) throw notFound('登记该信访事项的中心');
    const handovers = await repo.petitionHandovers(trx, id);
    const open = handovers.filter((h) => h.reply === null);
    const count = (await countersFor(trx, [row.day_count]))(row.day_count);
    const today = localDate(now, org.time_zone);

    const decision = decidePetition(stateOf(row, open.length > 0), command, { now, today, actor: actorOf(actor, row), count });
    if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);
    // the department's reply is registered against one hand-over: the one named, or the only one open
    let handover: repo.HandoverRow | undefined;
    if (command.action === 'department_reply') {
      handover = command.handoverId ? handovers.find((h) => h.id === command.handoverId) : open.length === 1 ? open[0] : undefined;
      if (!handover) throw new DomainError('PETITION_HANDOVER_REQUIRED', '请选择要登记回复的交办单。', undefined, 422);
      if (handover.reply !== null) throw new DomainError('PETITION_HANDOVER_REPLIED', `交办单（${handover.department}）已登记过回复，不能重复登记。`, undefined, 409);
    }

    const { petition: after, step } = decision;
    const at = now.toISOString();
    const changed = await repo.updatePetition(trx, id, expectedVersion, { ...columnsOf(after, count), updated_at: at });
    if (!changed) throw versionConflict();
    const events = await repo.petitionEvents(trx, id);
    await repo.insertEvent(trx, { id: randomUUID(), petition_id: id, seq: events.length + 1, action: step.action, at, by_user_id: actor.userId, text: step.text, from_status: step.from, to_status: step.to });

    let detail: Record<string, unknown> = {};
    if (command.action === 'hand_over') {
      const hid = randomUUID();
      await repo.insertHandover(trx, {
        id: hid,
        petition_id: id,
        seq: handovers.length + 1,
        department: command.department.trim(),
        content: command.text.trim(),
        reply_by: command.replyBy,
        handed_at: at,
        handed_by: actor.userId,
        reply: null,
        replied_at: null,
        replied_by: null,
      });
      detail = { handoverId: hid, department: command.department.trim(), replyBy: command.replyBy };
    } else if (command.action === 'department_reply') {
      if (!(await repo.replyToHandover(trx, handover!.id, { reply: command.text.trim(), replied_at: at, replied_by: actor.userId }))) throw versionConflict();
      detail = { handoverId: handover!.id };
    } else if (command.action === 'reception') {
      await repo.insertReception(trx, { id: randomUUID(), petition_id: id, leader_name: command.leaderName.trim(), received_on: command.receivedOn, decision: command.text.trim(), recorded_by: actor.userId, at });
      detail = { leaderName: command.leaderName.trim(), receivedOn: command.receivedOn };
    } else if (command.action === 'extend') {
      detail = { days: command.days, finishDue: columnsOf(after, count).finish_due };
    }
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: `petition.${step.action}`, targetType: 'petition', targetId: id, detail: { petitionNo: row.petition_no, status: after.status, ...detail } });
  });
}
