/**
 * The reminders a daily job sends (值班表, 月报, 整改, 告知承诺核查 …): each center's message to its people in-app, at most
 * once a day per person — the dedupe key names the template, the center, what it is about, the day and the person, so
 * however often the job runs (and across processes) one message a day is sent — and delivered to the inboxes at once.
 */
import type { AppContext } from '../../server/context.js';
import { enqueueInbox, type TemplateCode } from './outbox.js';
import { deliverInbox } from './send.js';

export interface DailyReminder {
  orgId: string;
  /** what the reminder is about besides the center (a month), when one center can be reminded of several */
  about?: string;
  /** the center's local date */
  today: string;
  to: readonly string[];
  template: TemplateCode;
  params: Record<string, string>;
}

/** Sends the reminders that have someone to go to; returns how many centers were reminded. */
export async function sendDailyReminders(ctx: AppContext, now: Date, reminders: readonly DailyReminder[]): Promise<number> {
  let sent = 0;
  for (const r of reminders) {
    if (r.to.length === 0) continue;
    const dedupe = [r.template, r.orgId, ...(r.about ? [r.about] : []), r.today].join(':');
    await enqueueInbox(ctx.database.db, r.to, { template: r.template, params: r.params, dedupe }, now);
    sent++;
  }
  if (sent > 0) await deliverInbox(ctx, now);
  return sent;
}
