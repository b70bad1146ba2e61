/**
 * The notification outbox and inbox (API.md v1 additions "Notifications"): the administrator's 短信记录, a person's
 * in-app messages and the templates. Phones are always masked in these answers (src/domain/notifications/sending.ts).
 */
import { z } from 'zod';
import { instant } from './common.js';

export const messageStatusSchema = z.enum(['pending', 'sent', 'failed']);
export const messageChannelSchema = z.enum(['sms', 'inbox']);

export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: messageChannelSchema,
  /** sms: the phone, masked (138****5678); inbox: the person's user id */
  to: z.string(),
  /** inbox: the person's name; sms: null */
  toName: z.string().nullable(),
  template: z.string(),
  templateName: z.string(),
  /** as sent and shown */
  text: z.string(),
  caseId: z.string().nullable(),
  status: messageStatusSchema,
  attempts: z.number().int(),
  createdAt: instant,
  sentAt: instant.nullable(),
  nextAttemptAt: instant.nullable(),
  /** why a pending message waits: 未配置短信通道, the per-phone limit, a template code not configured */
  note: z.string().nullable(),
  /** what the provider answered last time it failed */
  lastError: z.string().nullable(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageSchema>;

export const outboxListSchema = z.object({ messages: z.array(outboxMessageSchema), total: z.number().int() });

export const inboxMessageSchema = z.object({
  id: z.string(),
  template: z.string(),
  templateName: z.string(),
  text: z.string(),
  caseId: z.string().nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxSchema = z.object({ messages: z.array(inboxMessageSchema), total: z.number().int(), unread: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

export const unreadSchema = z.object({ unread: z.number().int() });

export const templateSchema = z.object({
  code: z.string(),
  name: z.string(),
  audience: z.enum(['applicant', 'staff']),
  channels: z.array(messageChannelSchema),
  text: z.string(),
  params: z.array(z.string()),
  when: z.string(),
  /** the environment variable (or setting) holding the SMS provider's template code */
  providerSetting: z.string(),
  /** the provider's template code in use; null: not configured (its SMS wait in the outbox) */
  providerCode: z.string().nullable(),
});
export type TemplateView = z.infer<typeof templateSchema>;

export const smsChannelSchema = z.object({
  /** an SMS provider is configured (SMS_PROVIDER …); false: SMS stay in the outbox as 未配置短信通道 */
  configured: z.boolean(),
  provider: z.string().nullable(),
  signName: z.string().nullable(),
  endpoint: z.string().nullable(),
  perPhonePerHour: z.number().int(),
  maxAttempts: z.number().int(),
});
export type SmsChannel = z.infer<typeof smsChannelSchema>;

export const templatesSchema = z.object({ templates: z.array(templateSchema), total: z.number().int(), sms: smsChannelSchema });
export type Templates = z.infer<typeof templatesSchema>;
