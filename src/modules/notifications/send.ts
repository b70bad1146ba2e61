/**
 * Sending the outbox (ARCHITECTURE.md "Events and the outbox"): after the change that put a message in has
 * committed.
 *
 * - In-app messages are in the person's inbox the moment they commit (GET /api/me/messages reads every one). Delivery
 *   marks them sent and announces the person's unread count on the live bus ({ type: 'inbox', userId, unread });
 *   it runs right after each write request (`nudgeInbox`), after the light sweep and in the job.
 * - SMS go out only in the `notifications-send` job (every 15 s, once across processes): through the configured
 *   provider (./sms.ts), each attempt claimed first so that no two processes send one message, with the per-phone
 *   limit, retries after an exponential backoff and a final `failed` after the last attempt
 *   (src/domain/notifications/sending.ts). With no provider configured nothing is sent and nothing pretends to
 *   be: every pending SMS carries the note 未配置短信通道 and waits; once a provider is configured they go out,
 *   except those older than their lifetime (three days), which fail with a note instead of arriving stale.
 */
import type { Database } from '../../db/database.js';
import { afterAttempt, DEFAULT_MAX_ATTEMPTS, DEFAULT_PER_PHONE_PER_HOUR, EXPIRED_NOTE, NOT_CONFIGURED_NOTE, RATE_LIMITED_NOTE, rateLimitedUntil, smsExpiredBefore, templateNotConfiguredNote } from '../../domain/notifications/sending.js';
import { renderTemplate, templateOf, withLink, type TemplateCode } from '../../domain/notifications/templates.js';
import { fromJson, toJson } from '../../db/portable.js';
import { busOf } from '../../server/bus.js';
import type { AppContext, Db } from '../../server/context.js';
import { getSetting } from '../settings/repo.js';
import { publicUrlOf } from '../settings/service.js';
import * as repo from './repo.js';
import { smsSenderOf, type SmsSender } from './sms.js';

/** Settings an administrator may change (PUT /api/notifications/settings). */
export const SETTING_KEYS = { perPhonePerHour: 'smsPerPhonePerHour', maxAttempts: 'smsMaxAttempts', templateCodes: 'smsTemplateCodes' } as const;

export interface SmsSettings {
  perPhonePerHour: number;
  maxAttempts: number;
  /** the provider's template codes by setting name, from the settings page (the environment's fill the gaps) */
  templateCodes: Record<string, string>;
}

export async function smsSettings(db: Db): Promise<SmsSettings> {
  return {
    perPhonePerHour: fromJson<number | null>(await getSetting(db, SETTING_KEYS.perPhonePerHour), null) ?? DEFAULT_PER_PHONE_PER_HOUR,
    maxAttempts: fromJson<number | null>(await getSetting(db, SETTING_KEYS.maxAttempts), null) ?? DEFAULT_MAX_ATTEMPTS,
    templateCodes: fromJson<Record<string, string>>(await getSetting(db, SETTING_KEYS.templateCodes), {}),
  };
}

/** The provider's code for a template: the settings page's, else the environment's (SMS_TEMPLATE_…); null: none. */
export const providerCodeOf = (ctx: Pick<AppContext, 'config'>, settings: SmsSettings, setting: string): string | null =>
  settings.templateCodes[setting] || ctx.config.sms?.templateCodes[setting] || null;

/**
 * Whether an SMS of this template goes out: a provider is configured and the template has its provider code. What a
 * screen or an answer may say ("已以短信告知", "会发短信给您") rests on this, never on the message being written: without
 * it the message only waits in the outbox.
 */
export async function smsReady(ctx: Pick<AppContext, 'config' | 'database'>, template: TemplateCode, settings?: SmsSettings): Promise<boolean> {
  const t = templateOf(template);
  if (!ctx.config.sms || !t || !(t.channels as readonly string[]).includes('sms')) return false;
  return providerCodeOf(ctx, settings ?? (await smsSettings(ctx.database.db)), t.providerSetting) !== null;
}

/**
 * The text and parameters a message is sent with: its link (src/domain/notifications/templates.ts TemplateLink)
 * filled in at the public address; null when they are the stored ones.
 */
export function linkedContent(row: { template: string; params: string }, publicUrl: string | null): { text: string; params: Record<string, string> } | null {
  const t = templateOf(row.template);
  if (!t?.link || !publicUrl) return null;
  const params = withLink(t.code, fromJson<Record<string, string>>(row.params, {}), publicUrl);
  return { text: renderTemplate(t.code as TemplateCode, params), params };
}

/** Announces these people's unread counts on the live bus. Never throws: the messages are stored anyway. */
export async function announceUnread(ctx: AppContext, userIds: readonly string[]): Promise<void> {
  try {
    const bus = busOf(ctx);
    for (const userId of new Set(userIds)) bus.publish({ type: 'inbox', userId, unread: await repo.unreadCount(ctx.database.db, userId) });
  } catch {
    // a live count is a courtesy: the bell is read again at the next page load
  }
}

/** Marks the pending in-app messages delivered and announces the counts; returns how many. */
export async function deliverInbox(ctx: AppContext, now: Date): Promise<number> {
  const recipients = await repo.deliverPendingInbox(ctx.database.db, now.toISOString());
  await announceUnread(ctx, recipients);
  return recipients.length;
}

export interface SmsRun {
  sent: number;
  /** failed this run, for good */
  failed: number;
  /** to be tried again after the backoff */
  retrying: number;
  /** postponed (per-phone limit, template code missing) or waiting for a provider */
  waiting: number;
  /** not sent within their lifetime: failed without an attempt */
  expired: number;
}

const BATCH = 100;
/** An attempt's claim: others keep off the message this long while the provider answers. */
const LEASE_MS = 2 * 60_000;
/** A template without a provider code is looked at again this much later. */
const NO_TEMPLATE_RETRY_MS = 5 * 60_000;

/** Sends the SMS due at `now` (the job's); `sender` defaults to the configured provider. */
export async function sendDueSms(ctx: AppContext, now: Date, sender: SmsSender | null = smsSenderOf(ctx.config.sms, ctx.clock)): Promise<SmsRun> {
  const { db } = ctx.database;
  // first, with a provider or without: once one is configured, nothing stale goes out
  const run: SmsRun = { sent: 0, failed: 0, retrying: 0, waiting: 0, expired: await repo.expireSms(db, smsExpiredBefore(now), EXPIRED_NOTE) };
  if (!sender) {
    await repo.notePendingSms(db, NOT_CONFIGURED_NOTE);
    return run;
  }
  const settings = await smsSettings(db);
  const iso = now.toISOString();
  const due = await repo.dueSms(db, iso, BATCH);
  const publicUrl = due.length > 0 ? (await publicUrlOf(db, ctx.config)).url : null;
  for (const row of due) {
    const t = templateOf(row.template);
    const code = t ? providerCodeOf(ctx, settings, t.providerSetting) : null;
    if (!t || !code) {
      await repo.postpone(db, row.id, new Date(now.getTime() + NO_TEMPLATE_RETRY_MS).toISOString(), templateNotConfiguredNote(t?.providerSetting ?? row.template));
      run.waiting++;
      continue;
    }
    const limited = rateLimitedUntil(await repo.sentTo(db, row.recipient, new Date(now.getTime() - 3_600_000).toISOString()), now, settings.perPhonePerHour);
    if (limited) {
      await repo.postpone(db, row.id, limited.toISOString(), RATE_LIMITED_NOTE);
      run.waiting++;
      continue;
    }
    // the link goes in as the message is sent (the step that wrote it did not know the public address): the stored
    // text stays what was sent
    const linked = linkedContent(row, publicUrl);
    if (!(await repo.claim(db, row, new Date(now.getTime() + LEASE_MS).toISOString(), linked ? { text: linked.text, params: toJson(linked.params) } : undefined))) continue;
    const attempts = row.attempts + 1;
    const result = await sender.send({ phone: row.recipient, templateCode: code, params: linked?.params ?? fromJson<Record<string, string>>(row.params, {}), outId: row.id });
    const outcome = afterAttempt(result, attempts, settings.maxAttempts, now);
    await repo.recordAttempt(db, row.id, {
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      sent_at: outcome.sentAt,
      last_error: outcome.lastError,
      note: null,
      provider_id: result.ok ? result.providerId : null,
    });
    if (outcome.status === 'sent') run.sent++;
    else if (outcome.status === 'failed') run.failed++;
    else run.retrying++;
  }
  return run;
}

/**
 * Delivers the in-app messages soon, in the background (after a write request has committed). Nudges while a
 * delivery is due or runs fold into one more after it. SMS are left to the job.
 */
const pumps = new WeakMap<Database, { timer: NodeJS.Timeout | null; running: Promise<void> | null; again: boolean }>();
const NUDGE_MS = 50;

export function nudgeInbox(ctx: AppContext, log: (line: string) => void = () => {}): void {
  const pump = pumps.get(ctx.database) ?? { timer: null, running: null, again: false };
  pumps.set(ctx.database, pump);
  if (pump.running) {
    pump.again = true;
    return;
  }
  if (pump.timer) return;
  pump.timer = setTimeout(() => {
    pump.timer = null;
    pump.running = (async () => {
      do {
        pump.again = false;
        try {
          await deliverInbox(ctx, ctx.clock());
        } catch (error) {
          log(`站内消息投递失败，定时任务将再次投递：${error instanceof Error ? error.message : String(error)}`);
        }
      } while (pump.again);
    })().finally(() => {
      pump.running = null;
    });
  }, NUDGE_MS);
  pump.timer.unref();
}

/** Stops a pending nudge (the app is closing). */
export function stopInbox(database: Database): Promise<void> | undefined {
  const pump = pumps.get(database);
  if (pump?.timer) clearTimeout(pump.timer);
  pumps.delete(database);
  return pump?.running ?? undefined;
}
