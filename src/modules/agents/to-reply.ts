/**
 * 待回复 on the agent's phone: results back at the village (and certificates finished on the spot) that the agent
 * must tell the villager and hand over, each with the villager's phone IN FULL — the agent has to call them — and
 * the reply deadline (the hand-back hop's limit, rule 9).
 *
 * Who sees the phone in full follows the case rule (src/modules/cases/access.ts): staff of the center that received
 * the case and holds it now. Every case listed here is one, by the query itself; each full read is audited.
 */
import type { CaseStatus, Outcome } from '../../domain/cases/model.js';
import { STATUS_NAMES } from '../../domain/vocabulary/index.js';
import { isLate } from '../../domain/cases/hops.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { actorOrg } from '../cases/access.js';
import * as cases from '../cases/village-queries.js';

export async function casesToReply(ctx: AppContext, actor: Actor) {
  const now = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const org = await actorOrg(trx, actor);
    const rows = await cases.casesToReply(trx, org.id);
    for (const row of rows) {
      await recordAudit(trx, {
        at: now,
        userId: actor.userId, ip: actor.ip,
        action: 'case.read',
        targetType: 'case',
        targetId: row.id,
        detail: { fields: ['applicant.phone'], list: 'to-reply' },
      });
    }
    return {
      cases: rows.map((row) => ({
        id: row.id,
        caseNo: row.case_no,
        itemCode: row.item_code,
        itemName: row.item_name,
        status: row.status as CaseStatus,
        statusName: STATUS_NAMES[row.status as CaseStatus],
        outcome: row.outcome as Outcome | null,
        resultNo: row.result_no,
        applicant: { name: row.applicant_name, phone: row.applicant_phone },
        /** when the result came back to the village; null for a case finished here */
        resultBackAt: row.result_back_at,
        /** by when the villager must have been told and handed the result; null for a case finished here */
        replyDueAt: row.reply_due_at,
        // the listed hand-back hop is the one not yet received (the query joins only that one): the same rule 9 test
        // the township director's violations report uses
        replyLate:
          row.reply_due_at !== null &&
          isLate({ kind: 'hand-back', dueAt: row.reply_due_at, sentAt: row.result_back_at, receivedAt: null }, now),
        createdAt: row.created_at,
        version: row.version,
      })),
      total: rows.length,
    };
  });
}
