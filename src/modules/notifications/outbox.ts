/**
 * The notification outbox (ARCHITECTURE.md "Events and the outbox"): one table for SMS and in-app messages. A
 * message is put in by `enqueue`, in the transaction of the change that causes it, rendered from its template
 * (src/domain/notifications/templates.ts) — the rendered text is what is stored, sent and shown. Sending is the
 * `notifications-send` job's (./send.ts); in-app messages are in the person's inbox as soon as the change commits.
 */
import { randomUUID } from 'node:crypto';
import { renderTemplate, templateOf, type TemplateCode } from '../../domain/notifications/templates.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';

export type { TemplateCode } from '../../domain/notifications/templates.js';

export interface OutboxMessage {
  channel: 'sms' | 'inbox';
  /** sms: phone; inbox: user id */
  to: string;
  template: TemplateCode;
  params: Record<string, string>;
  caseId?: string | null;
  /** unique: one cause never sends twice */
  dedupeKey: string;
}

/**
 * Puts messages in the outbox, in the caller's transaction (`db` is that transaction): they commit or roll back
 * with the change that caused them. A message whose dedupeKey is already there is ignored, so writing the same
 * cause again never sends twice. A template used on a channel it is not written for, or missing a parameter, is
 * a programming error and throws (rolling the change back) rather than send a broken text.
 */
export async function enqueue(db: Db, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return;
  const iso = at.toISOString();
  const rows = messages.map((m) => {
    const t = templateOf(m.template);
    if (!t) throw new Error(`unknown message template ${m.template}`);
    if (!(t.channels as readonly string[]).includes(m.channel)) throw new Error(`message template ${m.template} is not written for ${m.channel}`);
    return {
      id: randomUUID(),
      channel: m.channel,
      recipient: m.to,
      template: m.template,
      params: toJson(m.params),
      text: renderTemplate(m.template, m.params),
      case_id: m.caseId ?? null,
      dedupe_key: m.dedupeKey,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: iso,
      last_error: null,
      note: null,
      provider_id: null,
      created_at: iso,
      sent_at: null,
      read_at: null,
    };
  });
  // the same key twice in one call: the first wins, as a second call would
  const unique = [...new Map(rows.reverse().map((r) => [r.dedupe_key, r])).values()].reverse();
  for (let i = 0; i < unique.length; i += 200) {
    await db
      .insertInto('outbox_messages')
      .values(unique.slice(i, i + 200))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/**
 * The same in-app message to each of `userIds`, once each: the dedupe key is `dedupe` and the person, so writing the
 * same cause again (a job run twice, a retry) adds nothing.
 */
export function enqueueInbox(db: Db, userIds: readonly string[], message: { template: TemplateCode; params: Record<string, string>; dedupe: string }, at: Date): Promise<void> {
  return enqueue(
    db,
    userIds.map((to) => ({ channel: 'inbox' as const, to, template: message.template, params: message.params, dedupeKey: `${message.dedupe}:${to}` })),
    at,
  );
}
