/**
 * The messages a 督办单 sends, put in the outbox in the transaction of the step that causes them (issue 9 §3):
 * issuing and raising reach the director(s) of the center (in-app and SMS, the SMS only to a phone on record; a
 * center without a director: its leaders), an answer reaches the supervisor who issued the card (in-app). Each
 * message's dedupe key names the card, the step and the person, so a step never sends twice.
 */
import { CARD_COLOUR_NAMES, type CardLevel } from '../../domain/supervision/cards.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import { listUsers } from '../users/repo.js';
import type { CardRow } from './cards-repo.js';

/** 2026-03-05 → 2026年3月5日 */
const dateText = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Who answers for the center: its active directors, or its leaders when it has no director. */
export async function answerersOf(db: Db, orgId: string): Promise<{ id: string; phone: string | null }[]> {
  const people = (await listUsers(db, [orgId]))
    .filter((u) => toBool(u.active))
    .map((u) => ({ id: u.id, phone: u.phone, roles: fromJson<string[]>(u.roles, []) }));
  const directors = people.filter((p) => p.roles.includes('director'));
  return (directors.length > 0 ? directors : people.filter((p) => p.roles.includes('leader'))).map(({ id, phone }) => ({ id, phone }));
}

type Step = { seq: number; at: Date };
type About = { card: Pick<CardRow, 'id' | 'org_id' | 'case_id' | 'issued_by'>; orgName: string; subject: string };

/** 督办单送达 / 督办单升级: to the center's director(s), in-app and by SMS. */
export async function notifyCenter(db: Db, about: About, template: 'supervision-card-issued' | 'supervision-card-raised', level: CardLevel, replyBy: string, step: Step) {
  const params = { org: about.orgName, subject: about.subject, level: CARD_COLOUR_NAMES[level], replyBy: dateText(replyBy) };
  const messages: OutboxMessage[] = (await answerersOf(db, about.card.org_id)).flatMap((p) => [
    { channel: 'inbox' as const, to: p.id, template, params, caseId: about.card.case_id, dedupeKey: `card:${about.card.id}:${step.seq}:inbox:${p.id}` },
    ...(p.phone ? [{ channel: 'sms' as const, to: p.phone, template, params, caseId: about.card.case_id, dedupeKey: `card:${about.card.id}:${step.seq}:sms:${p.id}` }] : []),
  ]);
  await enqueue(db, messages, step.at);
}

/** 督办单已回告: to the supervisor who issued the card, in-app. */
export async function notifyIssuer(db: Db, about: About, level: CardLevel, reply: string, step: Step) {
  const text = reply.length > 120 ? `${reply.slice(0, 120)}……` : reply;
  await enqueue(
    db,
    [
      {
        channel: 'inbox',
        to: about.card.issued_by,
        template: 'supervision-card-replied',
        params: { org: about.orgName, subject: about.subject, level: CARD_COLOUR_NAMES[level], reply: text },
        caseId: about.card.case_id,
        dedupeKey: `card:${about.card.id}:${step.seq}:inbox:${about.card.issued_by}`,
      },
    ],
    step.at,
  );
}
