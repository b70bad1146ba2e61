/**
 * The messages of a complaint, put in the outbox in the transaction of the step that causes them: the receipt with
 * the number and query code, the extension with its reason and the answer go to the complainant by SMS (a mobile
 * number only); the 催办 goes to the handler and the center's director(s) in-app and by SMS. Each dedupe key names
 * the complaint, the step and the recipient, so a step never sends twice.
 */
import { parseMobile } from '../../domain/people/id-number.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import { listUsers } from '../users/repo.js';
import type { ComplaintRow } from './repo.js';

/** 2026-03-05 → 2026年3月5日 */
export const dateText = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

const mobileOf = (phone: string): string | null => {
  const m = parseMobile(phone);
  return m.ok ? m.value : null;
};

const sms = (to: string | null, template: OutboxMessage['template'], params: Record<string, string>, dedupeKey: string): OutboxMessage[] =>
  to ? [{ channel: 'sms', to, template, params, dedupeKey }] : [];

export async function notifyRegistered(db: Db, c: ComplaintRow, center: string, at: Date) {
  await enqueue(
    db,
    sms(mobileOf(c.complainant_phone), 'complaint-registered', { center, title: c.title, complaintNo: c.complaint_no, queryCode: c.query_code, dueDate: dateText(c.due_date) }, `complaint:${c.id}:registered`),
    at,
  );
}

export async function notifyExtended(db: Db, c: ComplaintRow, center: string, extendedDue: string, reason: string, seq: number, at: Date) {
  await enqueue(
    db,
    sms(mobileOf(c.complainant_phone), 'complaint-extended', { center, complaintNo: c.complaint_no, reason, dueDate: dateText(extendedDue) }, `complaint:${c.id}:${seq}:extended`),
    at,
  );
}

const ANSWER_SMS_CHARS = 120;

/** The answer to the complainant and to everyone whose complaint was merged into this one (once per phone). */
export async function notifyAnswered(db: Db, main: ComplaintRow, merged: readonly ComplaintRow[], center: string, feedback: string, at: Date) {
  const long = feedback.length > ANSWER_SMS_CHARS;
  const answer = long ? `${feedback.slice(0, ANSWER_SMS_CHARS)}……` : feedback;
  const seen = new Set<string>();
  const messages: OutboxMessage[] = [];
  for (const c of [main, ...merged]) {
    const to = mobileOf(c.complainant_phone);
    if (!to || seen.has(to)) continue;
    seen.add(to);
    const more = long ? `（全文请凭编号${c.complaint_no}和查询码在网上查询）` : '';
    messages.push(...sms(to, 'complaint-answered', { center, complaintNo: c.complaint_no, answer, more }, `complaint:${main.id}:answered:${c.id}`));
  }
  await enqueue(db, messages, at);
}

/** 催办: to the handler and the center's active directors (in-app, and SMS to a phone on record). */
export async function notifyReminder(db: Db, c: ComplaintRow, center: string, dueDate: string, at: Date) {
  const people = (await listUsers(db, [c.org_id])).filter((u) => toBool(u.active));
  const targets = people.filter((u) => u.id === c.handler_id || fromJson<string[]>(u.roles, []).includes('director'));
  const params = { center, complaintNo: c.complaint_no, title: c.title, dueDate: dateText(dueDate) };
  const messages: OutboxMessage[] = targets.flatMap((p) => [
    { channel: 'inbox' as const, to: p.id, template: 'complaint-reminder' as const, params, dedupeKey: `complaint:${c.id}:remind:inbox:${p.id}` },
    ...(p.phone ? [{ channel: 'sms' as const, to: p.phone, template: 'complaint-reminder' as const, params, dedupeKey: `complaint:${c.id}:remind:sms:${p.id}` }] : []),
  ]);
  await enqueue(db, messages, at);
}
