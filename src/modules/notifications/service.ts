/** The notification use cases behind the routes: the 短信记录, the templates, a person's inbox. */
import { maskPhone, NOT_CONFIGURED_NOTE, sayStoredError } from '../../domain/notifications/sending.js';
import type { PublicSmsStatus } from '../../domain/notifications/sms-status.js';
import { slotsOf, templateOf, TEMPLATES, type TemplateCode } from '../../domain/notifications/templates.js';
import { toJson } from '../../db/portable.js';
import type { OutboxMessagesTable } from '../../db/schema.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { listOrgs } from '../orgs/repo.js';
import { putSetting } from '../settings/repo.js';
import { publicUrlOf } from '../settings/service.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';
import { announceUnread, linkedContent, providerCodeOf, SETTING_KEYS, smsReady, smsSettings } from './send.js';

const templateName = (code: string) => templateOf(code)?.name ?? code;

/**
 * GET /api/notifications/outbox: every message, newest first. Phones are masked for everyone, the administrator
 * included (decided here: the page is for seeing that the channel works and why a message waits, not a phone
 * book); the filter takes a full number and matches it exactly, so the list never shows a number nobody typed.
 */
export async function listOutbox(ctx: AppContext, q: repo.OutboxFilter) {
  const { rows, total } = await repo.listOutbox(ctx.database.db, q);
  const people = await peopleByIds(ctx.database.db, rows.filter((r) => r.channel === 'inbox').map((r) => r.recipient));
  // a waiting SMS shows the text it will be sent with: its link at the public address (send.ts adds it as it sends)
  const publicUrl = rows.some((r) => r.status === 'pending' && r.channel === 'sms' && templateOf(r.template)?.link) ? (await publicUrlOf(ctx.database.db, ctx.config)).url : null;
  return {
    messages: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      to: r.channel === 'sms' ? maskPhone(r.recipient) : r.recipient,
      toName: r.channel === 'inbox' ? (people.get(r.recipient)?.name ?? null) : null,
      template: r.template,
      templateName: templateName(r.template),
      text: (r.status === 'pending' && r.channel === 'sms' ? linkedContent(r, publicUrl)?.text : null) ?? r.text,
      caseId: r.case_id,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      // a message put in since the sender last ran says so too: with no provider it is never sent
      note: r.status !== 'pending' ? null : (r.note ?? (r.channel === 'sms' && !ctx.config.sms ? NOT_CONFIGURED_NOTE : null)),
      lastError: r.last_error === null ? null : sayStoredError(r.last_error),
    })),
    total,
  };
}

/** GET /api/notifications/templates: the templates with the provider code each SMS uses, and the channel's state. */
export async function listTemplates(ctx: AppContext) {
  const settings = await smsSettings(ctx.database.db);
  const sms = ctx.config.sms;
  return {
    templates: TEMPLATES.map((t) => ({
      code: t.code,
      name: t.name,
      audience: t.audience,
      channels: [...t.channels],
      text: t.text,
      params: slotsOf(t.text),
      when: t.when,
      providerSetting: t.providerSetting,
      providerCode: (t.channels as readonly string[]).includes('sms') ? providerCodeOf(ctx, settings, t.providerSetting) : null,
    })),
    total: TEMPLATES.length,
    sms: {
      configured: sms !== null,
      provider: sms ? '阿里云短信' : null,
      signName: sms?.signName ?? null,
      endpoint: sms?.endpoint ?? null,
      perPhonePerHour: settings.perPhonePerHour,
      maxAttempts: settings.maxAttempts,
    },
  };
}

/**
 * GET /api/public/sms-status: which messages to the applicant go out by SMS, for the public pages to say only what is
 * true, and the center whose system administrator can read a message that did not go out (the top of the tree).
 */
export async function publicSmsStatus(ctx: AppContext): Promise<PublicSmsStatus> {
  const settings = await smsSettings(ctx.database.db);
  const templates: Record<string, boolean> = {};
  for (const t of TEMPLATES) {
    if (t.audience === 'applicant' && (t.channels as readonly string[]).includes('sms')) templates[t.code] = await smsReady(ctx, t.code as TemplateCode, settings);
  }
  const county = (await listOrgs(ctx.database.db)).find((o) => o.parent_id === null);
  return {
    configured: ctx.config.sms !== null,
    templates,
    administrator: county ? { centerName: county.center_name, phone: county.phone } : null,
  };
}

export interface SmsSettingsInput {
  perPhonePerHour?: number | undefined;
  maxAttempts?: number | undefined;
  templateCodes?: Record<string, string> | undefined;
}

/** PUT /api/notifications/settings: the per-phone limit, the attempts, the provider's template codes (audited). */
export async function updateSmsSettings(ctx: AppContext, actor: Actor, input: SmsSettingsInput) {
  const now = ctx.clock();
  const at = now.toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await smsSettings(trx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['perPhonePerHour', 'maxAttempts', 'templateCodes'] as const) {
      const value = input[key];
      if (value === undefined || toJson(value) === toJson(before[key])) continue;
      await putSetting(trx, SETTING_KEYS[key], toJson(value), at);
      changes[key] = { from: before[key], to: value };
    }
    if (Object.keys(changes).length > 0) {
      await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'settings.sms', targetType: 'settings', detail: changes });
    }
  });
  return listTemplates(ctx);
}

const inboxView = (r: Pick<OutboxMessagesTable, 'id' | 'template' | 'text' | 'case_id' | 'created_at' | 'read_at'>) => ({
  id: r.id,
  template: r.template,
  templateName: templateName(r.template),
  text: r.text,
  caseId: r.case_id,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** GET /api/me/messages: my in-app messages, newest first, with my unread count. */
export async function myMessages(ctx: AppContext, actor: Actor, q: { unread?: boolean | undefined; page: number; pageSize: number }) {
  const { db } = ctx.database;
  const { rows, total } = await repo.inboxOf(db, actor.userId, { unreadOnly: q.unread ?? false, page: q.page, pageSize: q.pageSize });
  return { messages: rows.map(inboxView), total, unread: await repo.unreadCount(db, actor.userId) };
}

/** POST /api/me/messages/{id}/read: only one's own; the new count reaches one's other tabs live. */
export async function readMessage(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  if (!(await repo.markRead(db, actor.userId, id, ctx.clock().toISOString()))) throw notFound('该消息');
  await announceUnread(ctx, [actor.userId]);
  return { unread: await repo.unreadCount(db, actor.userId) };
}

export async function readAllMessages(ctx: AppContext, actor: Actor) {
  await repo.markAllRead(ctx.database.db, actor.userId, ctx.clock().toISOString());
  await announceUnread(ctx, [actor.userId]);
  return { unread: 0 };
}
