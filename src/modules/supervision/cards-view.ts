/**
 * Who stands where on a 督办单, and a card as the API shows it. A supervisor sees the cards to every organisation of
 * their tree and acts on those their tree issued (the issuing body or one below it issued them); a director or the
 * leader on duty sees and answers the cards to their own center.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import type { Card, CardDetail } from '../../domain/contract/supervision-cards.js';
import { hasPermission } from '../../domain/roles.js';
import {
  ANSWERER_ROLES,
  CARD_ACTION_NAMES,
  CARD_LEVEL_NAMES,
  CARD_STATUS_NAMES,
  CARD_SUBJECT_NAMES,
  SUPERVISOR_ROLES,
  allowedCardActions,
  cardLight,
  type CardAction,
  type CardActor,
  type CardLevel,
  type CardState,
  type CardStatus,
  type CardSubject,
} from '../../domain/supervision/cards.js';
import { RULE_BY_CODE } from '../../domain/supervision/rules.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import { cardPrints, cardSteps, latestReplies, type CardRow, type CardStepRow } from './cards-repo.js';

const isSupervisor = (actor: Actor) => actor.roles.some((r) => SUPERVISOR_ROLES.includes(r));
const isAnswerer = (actor: Actor) => actor.roles.some((r) => ANSWERER_ROLES.includes(r));

/** Where a person stands: the organisations of their tree, and the cards they may see. */
export interface CardViewer {
  actor: Actor;
  scope: ReadonlySet<string>;
}

export async function cardViewer(db: Db, actor: Actor): Promise<CardViewer> {
  return { actor, scope: await scopeOf(db, actor) };
}

/** The organisations whose cards the person sees: a supervisor their tree, a director their own center. */
export function visibleOrgIds(v: CardViewer): string[] {
  const ids = new Set<string>();
  if (isSupervisor(v.actor)) for (const id of v.scope) ids.add(id);
  if (isAnswerer(v.actor)) ids.add(v.actor.orgId);
  return [...ids];
}

export const maySeeCard = (v: CardViewer, card: Pick<CardRow, 'org_id'>) =>
  hasPermission(v.actor.roles, 'supervision.cards.read') && visibleOrgIds(v).includes(card.org_id);

export function assertMaySee(v: CardViewer, card: Pick<CardRow, 'org_id'>) {
  if (!maySeeCard(v, card)) throw forbidden('查看该督办单（督办单不属于您所在的机构或其下级）');
}

/** The person as the domain weighs them on this card. */
export const cardActorOf = (v: CardViewer, card: Pick<CardRow, 'issuer_org_id' | 'org_id'>): CardActor => ({
  userId: v.actor.userId,
  roles: v.actor.roles,
  coversIssuer: v.scope.has(card.issuer_org_id),
  atAnsweringCenter: v.actor.orgId === card.org_id,
});

/** The card's state as the domain decides on it. */
export const stateOf = (card: CardRow, steps: readonly CardStepRow[]): CardState => ({
  status: card.status as CardStatus,
  level: card.level as CardLevel,
  replyBy: card.reply_by,
  version: card.version,
  history: steps.map((s) => ({
    action: s.action as CardAction,
    at: s.at,
    by: s.by_user_id,
    level: s.level as CardLevel,
    replyBy: s.reply_by,
    text: s.text,
    from: s.from_status as CardStatus | null,
    to: s.to_status as CardStatus,
  })),
});

export const ruleOf = (code: string | null) => (code ? RULE_BY_CODE.get(code) : undefined);

/** What the card is about, in words. */
export function subjectText(card: Pick<CardRow, 'subject' | 'case_no' | 'rule_code'>, org: Pick<OrgsTable, 'center_name'> | undefined): string {
  const rule = ruleOf(card.rule_code);
  if (card.subject === 'violation') return `${rule ? `${rule.number} ${rule.name}` : '监察预警'}${card.case_no ? `（办件 ${card.case_no}）` : ''}`;
  if (card.subject === 'case') return `办件 ${card.case_no ?? ''}`;
  return org?.center_name ?? '中心工作';
}

/** Cards as the API shows them, names asked of their modules in one query each. */
export async function presentCards(db: Db, v: CardViewer, cards: readonly CardRow[], now: Date): Promise<Card[]> {
  const replies = await latestReplies(db, cards.map((c) => c.id));
  const [orgs, people] = await Promise.all([
    orgsByIds(db, cards.flatMap((c) => [c.org_id, c.issuer_org_id])),
    peopleByIds(db, [...cards.flatMap((c) => [c.issued_by, c.closed_by]), ...[...replies.values()].map((r) => r.by_user_id)]),
  ]);
  return cards.map((c) => {
    const org = orgs.get(c.org_id);
    const zone = org?.time_zone ?? 'Asia/Shanghai';
    const today = localDate(now, zone);
    const status = c.status as CardStatus;
    const light = cardLight({ status, replyBy: c.reply_by }, today);
    const reply = replies.get(c.id);
    const rule = ruleOf(c.rule_code);
    const state: CardState = { status, level: c.level as CardLevel, replyBy: c.reply_by, version: c.version, history: [] };
    return {
      id: c.id,
      cardNo: c.card_no,
      level: c.level as CardLevel,
      levelName: CARD_LEVEL_NAMES[c.level as CardLevel],
      status,
      statusName: CARD_STATUS_NAMES[status],
      subject: c.subject as CardSubject,
      subjectName: CARD_SUBJECT_NAMES[c.subject as CardSubject],
      subjectText: subjectText(c, org),
      caseId: c.case_id,
      caseNo: c.case_no,
      violationId: c.violation_id,
      ruleNumber: rule?.number ?? null,
      ruleName: rule?.name ?? null,
      orgId: c.org_id,
      orgName: org?.center_name ?? '',
      issuerOrgId: c.issuer_org_id,
      issuerName: orgs.get(c.issuer_org_id)?.name ?? '',
      issuedBy: c.issued_by,
      issuedByName: people.get(c.issued_by)?.name ?? '',
      issuedAt: c.issued_at,
      content: c.content,
      replyBy: c.reply_by,
      light,
      late: light === 'red',
      reply: reply
        ? { content: reply.text, at: reply.at, byName: people.get(reply.by_user_id)?.name ?? '', late: localDate(new Date(reply.at), zone) > reply.reply_by }
        : null,
      closedAt: c.closed_at,
      closedByName: c.closed_by ? (people.get(c.closed_by)?.name ?? '') : null,
      version: c.version,
      allowedActions: allowedCardActions(state, cardActorOf(v, c)),
    };
  });
}

/** One card with its whole history (`events`) and its prints. */
export async function presentCardDetail(db: Db, v: CardViewer, card: CardRow, now: Date): Promise<CardDetail> {
  const [[view], steps, prints] = await Promise.all([presentCards(db, v, [card], now), cardSteps(db, card.id), cardPrints(db, card.id)]);
  const people = await peopleByIds(db, [...steps.map((s) => s.by_user_id), ...prints.map((p) => p.printed_by)]);
  return {
    ...view!,
    events: steps.map((s) => ({
      seq: s.seq,
      action: s.action as CardAction,
      actionName: CARD_ACTION_NAMES[s.action as CardAction],
      at: s.at,
      byName: people.get(s.by_user_id)?.name ?? '',
      level: s.level as CardLevel,
      levelName: CARD_LEVEL_NAMES[s.level as CardLevel],
      replyBy: s.reply_by,
      text: s.text,
      fromStatus: s.from_status as CardStatus | null,
      toStatus: s.to_status as CardStatus,
    })),
    prints: prints.map((p) => ({ id: p.id, cardId: p.card_id, printedBy: people.get(p.printed_by)?.name ?? '', printedAt: p.printed_at })),
  };
}
