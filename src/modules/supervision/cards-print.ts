/**
 * The printed 督办单 (DOMAIN.md "Printed notices": supervision card): the issuing body, the card number and colour,
 * the case or the violation's rule and facts, 督办内容, the reply date, the answer, signature lines. The print page
 * renders exactly what `cardPaper` answers, and each print keeps exactly that (supervision_card_prints), audited.
 */
import { randomUUID } from 'node:crypto';
import { statusName } from '../../domain/vocabulary/statuses.js';
import { toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findCase } from '../cases/repo.js';
import { presentOrg } from '../orgs/presenter.js';
import { findOrg } from '../orgs/repo.js';
import { supervisionPhoneOf } from '../settings/service.js';
import * as repo from './cards-repo.js';
import { findViolationForCard } from './cards-subjects.js';
import { assertMaySee, cardViewer, presentCardDetail, ruleOf } from './cards-view.js';

const centerOf = async (db: Db, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('机构');
  const { id, level, name, centerName, address, phone, officeHours } = presentOrg(org);
  return { id, level, name, centerName, address, phone, officeHours };
};

export async function cardPaper(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const card = await repo.findCard(db, id);
  if (!card) throw notFound('该督办单');
  const viewer = await cardViewer(db, actor);
  assertMaySee(viewer, card);
  const row = card.case_id ? await findCase(db, card.case_id) : undefined;
  const violation = card.violation_id ? await findViolationForCard(db, card.violation_id) : undefined;
  const rule = ruleOf(card.rule_code);
  return {
    card: await presentCardDetail(db, viewer, card, now),
    issuer: await centerOf(db, card.issuer_org_id),
    center: await centerOf(db, card.org_id),
    case: row
      ? {
          caseNo: row.case_no,
          itemName: row.item_name,
          applicantName: row.applicant_name,
          statusName: statusName(row.status),
          acceptedAt: row.accepted_at,
          dueAt: row.due_at,
          light: row.light,
        }
      : null,
    violation: violation
      ? { ruleNumber: rule?.number ?? violation.rule_code, ruleName: rule?.name ?? '', at: violation.occurred_at, facts: violation.facts }
      : null,
    supervisionPhone: await supervisionPhoneOf(db),
    generatedAt: now.toISOString(),
  };
}

/** Records one print (the print page calls it as the supervisor or director presses 打印), with what it printed. */
export async function recordCardPrint(ctx: AppContext, actor: Actor, id: string) {
  const content = await cardPaper(ctx, actor, id);
  const now = ctx.clock();
  const printId = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.insertCardPrint(trx, { id: printId, card_id: id, printed_by: actor.userId, printed_at: now.toISOString(), content: toJson(content) });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'card.print', targetType: 'supervision_card', targetId: id, detail: { cardNo: content.card.cardNo, printId } });
  });
  return { id: printId, cardId: id, printedBy: actor.name, printedAt: now.toISOString() };
}
