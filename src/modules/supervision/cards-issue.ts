/**
 * 发出督办单: a supervisor issues a card about a case, a violation or a center of their tree to that center. The
 * domain decides (src/domain/supervision/cards.ts); the card, its first step, the messages to the director(s) and
 * the audit entry are written in ONE transaction. The same Idempotency-Key answers with the card it made.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { subtreeIds } from '../../domain/orgs/tree.js';
import { cardNumber, decideCard, type CardLevel, type CardSubject } from '../../domain/supervision/cards.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findCase } from '../cases/repo.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { notifyCenter } from './cards-notify.js';
import * as repo from './cards-repo.js';
import { publishCard } from './cards-publish.js';
import { findViolationForCard } from './cards-subjects.js';
import { cardActorOf, cardViewer, subjectText } from './cards-view.js';

export interface IssueCardInput {
  caseId?: string | undefined;
  violationId?: string | undefined;
  orgId: string;
  level: CardLevel;
  content: string;
  replyBy: string;
}

const refuse = (code: string, message: string) => new DomainError(code, message);

export async function issueCard(ctx: AppContext, actor: Actor, input: IssueCardInput, idempotencyKey: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  // the key answers with its card only for the same card: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/supervision/cards', input);
  const replay = async () => sameKeyed(await repo.findCardByKey(ctx.database.db, actor.userId, idempotencyKey), fingerprint);
  // Two requests with one key at the same moment both pass the check below on PostgreSQL; the later one's insert
  // fails on the unique key and it answers with the first one's card. A number taken at the same moment by another
  // card of the issuing body fails the same way and is tried again with the next number.
  for (let attempt = 1; ; attempt++) {
    try {
      const issued = await replayOnUniqueViolation(() => ctx.database.db.transaction().execute((trx) => issueIn(trx, ctx, actor, input, idempotencyKey, fingerprint, now)), replay);
      if (!issued.replayed) publishCard(ctx, issued.id, input.orgId, 'issue');
      return issued;
    } catch (error) {
      if (attempt >= 3 || !(error as { code?: string }).code || !/23505|SQLITE_CONSTRAINT/.test(String((error as { code?: string }).code))) throw error;
    }
  }
}

/** The card a key made, when this is the same request; the key with other content is refused (422). */
function sameKeyed(stored: { id: string; idempotency_fingerprint?: string | null } | undefined, fingerprint: string) {
  if (!stored) return undefined;
  assertSameRequest(stored.idempotency_fingerprint, fingerprint);
  return { id: stored.id, replayed: true };
}

async function issueIn(trx: AppContext['database']['db'], ctx: AppContext, actor: Actor, input: IssueCardInput, key: string, fingerprint: string, now: Date) {
  const stored = sameKeyed(await repo.findCardByKey(trx, actor.userId, key), fingerprint);
  if (stored) return stored;

  const viewer = await cardViewer(trx, actor);
  const org = await findOrg(trx, input.orgId);
  if (!org || !viewer.scope.has(org.id)) throw forbidden('督办该机构（只能督办本级及下级的便民服务中心）');
  if (org.level === 'village') {
    throw refuse('CARD_ORG_NOT_CENTER', `${org.name}是村便民服务室，督办单发给负责它的乡镇便民服务中心，由中心主任回告。`);
  }
  const below = subtreeIds((await listOrgs(trx)).map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })), org.id);

  // what the card is about: a violation (and its case), a case, or the center's work
  let subject: CardSubject = 'center';
  let caseId: string | null = null;
  let caseNo: string | null = null;
  let ruleCode: string | null = null;
  if (input.violationId) {
    const violation = await findViolationForCard(trx, input.violationId);
    if (!violation || !viewer.scope.has(violation.org_id)) throw notFound('该监察记录');
    if (!below.has(violation.org_id)) throw refuse('CARD_SUBJECT_ELSEWHERE', `该监察记录属于其他中心，不能督办${org.center_name}。`);
    if (input.caseId && input.caseId !== violation.case_id) throw refuse('CARD_SUBJECT_ELSEWHERE', '所选办件与监察记录的办件不一致。');
    subject = 'violation';
    caseId = violation.case_id;
    caseNo = violation.case_no;
    ruleCode = violation.rule_code;
  } else if (input.caseId) {
    const row = await findCase(trx, input.caseId);
    if (!row || !(viewer.scope.has(row.receiving_org_id) || viewer.scope.has(row.holder_org_id))) throw notFound('该办件');
    if (!below.has(row.receiving_org_id) && !below.has(row.holder_org_id)) {
      throw refuse('CARD_SUBJECT_ELSEWHERE', `办件 ${row.case_no} 不是${org.center_name}（或其下村便民服务室）受理或正在办理的，请选择受理或正在办理该件的中心。`);
    }
    subject = 'case';
    caseId = row.id;
    caseNo = row.case_no;
  }

  const today = localDate(now, org.time_zone);
  const viewerOrg = await findOrg(trx, actor.orgId);
  if (!viewerOrg) throw forbidden('发出督办单');
  const draft = { issuer_org_id: actor.orgId, org_id: org.id };
  const decision = decideCard(null, { action: 'issue', level: input.level, content: input.content, replyBy: input.replyBy }, {
    now,
    today,
    calendar: await loadCalendar(trx),
    actor: cardActorOf(viewer, draft),
  });
  if (!decision.ok) throw new DomainError(decision.code, decision.message, undefined, decision.status);

  const year = Number(localDate(now, viewerOrg.time_zone).slice(0, 4));
  const seq = await repo.nextCardSeq(trx, actor.orgId, year);
  const id = randomUUID();
  const at = now.toISOString();
  const card: repo.CardRow = {
    id,
    card_no: cardNumber(year, seq),
    issuer_org_id: actor.orgId,
    year,
    seq,
    level: decision.card.level,
    subject,
    case_id: caseId,
    case_no: caseNo,
    violation_id: input.violationId ?? null,
    rule_code: ruleCode,
    org_id: org.id,
    content: decision.step.text,
    issued_by: actor.userId,
    issued_at: at,
    reply_by: decision.card.replyBy,
    status: decision.card.status,
    replied_at: null,
    replied_by: null,
    closed_at: null,
    closed_by: null,
    idempotency_key: key,
    idempotency_fingerprint: fingerprint,
    updated_at: at,
    version: decision.card.version,
  };
  await repo.insertCard(trx, card);
  await repo.insertStep(trx, {
    id: randomUUID(),
    card_id: id,
    seq: 1,
    action: 'issue',
    at,
    by_user_id: actor.userId,
    level: decision.step.level,
    reply_by: decision.step.replyBy,
    text: decision.step.text,
    from_status: null,
    to_status: decision.step.to,
  });
  await notifyCenter(trx, { card, orgName: org.center_name, subject: subjectText(card, org) }, 'supervision-card-issued', card.level as CardLevel, card.reply_by, { seq: 1, at: now });
  await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'card.issue', targetType: 'supervision_card', targetId: id, detail: { cardNo: card.card_no, level: card.level, orgId: org.id, caseId, violationId: card.violation_id } });
  return { id, replayed: false };
}
