/**
 * The applicant's messages about an online application, put in the outbox in the transaction of the step that causes
 * them: the receipt (submitted or resubmitted, with the pre-review's due time), the one-time notice and the return.
 * The acceptance's message is the case's own 受理通知 (the case pipeline sends it). Each dedupe key names the
 * application and its step, so a step never sends twice.
 */
import { wallTime } from '../../domain/calendar/office-hours.js';
import { asClause } from '../../domain/notifications/templates.js';
import { parseMobile } from '../../domain/people/id-number.js';
import type { Db } from '../../server/context.js';
import { UNCLAIMED_PASSWORD } from '../applicants/open311-account.js';
import { findById as findApplicant } from '../applicants/repo.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import type { ApplicationRow } from './repo.js';

const SMS_LIST_CHARS = 100;

function sms(row: ApplicationRow, template: OutboxMessage['template'], params: Record<string, string>, step: number): OutboxMessage[] {
  const to = parseMobile(row.applicant_phone);
  return to.ok ? [{ channel: 'sms', to: to.value, template, params: { item: row.item_name, applicationNo: row.application_no, ...params }, dedupeKey: `application:${row.id}:${step}` }] : [];
}

type Message = 'application-submitted' | 'application-supplement' | 'application-returned';

/**
 * The template for the applicant: an account a third party's platform made through Open311 that nobody has claimed
 * yet has no password, so its messages say to set one with 找回密码 before signing in (the `-unclaimed` texts).
 */
async function templateFor(db: Db, row: ApplicationRow, message: Message): Promise<OutboxMessage['template']> {
  if (row.source !== 'open311') return message;
  const account = await findApplicant(db, row.applicant_id);
  return account?.password_hash === UNCLAIMED_PASSWORD ? `${message}-unclaimed` : message;
}

export async function notifySubmitted(db: Db, row: ApplicationRow, center: string, timeZone: string, at: Date, step = 1) {
  await enqueue(db, sms(row, await templateFor(db, row, 'application-submitted'), { center, dueAt: wallTime(row.pre_review_due_at!, timeZone) }, step), at);
}

export async function notifySupplement(db: Db, row: ApplicationRow, center: string, materials: readonly string[], step: number, at: Date) {
  const list = materials.join('、');
  await enqueue(db, sms(row, await templateFor(db, row, 'application-supplement'), { center, materials: list.length > SMS_LIST_CHARS ? `${list.slice(0, SMS_LIST_CHARS)}等` : list }, step), at);
}

export async function notifyReturned(db: Db, row: ApplicationRow, center: string, phone: string, text: string, step: number, at: Date) {
  // the template puts its own 。 after the reason
  const reason = asClause(text);
  await enqueue(db, sms(row, await templateFor(db, row, 'application-returned'), { center, reason: reason.length > SMS_LIST_CHARS ? `${reason.slice(0, SMS_LIST_CHARS)}……` : reason, phone }, step), at);
}
