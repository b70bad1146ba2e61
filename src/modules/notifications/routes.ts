import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inboxSchema, outboxListSchema, templatesSchema, unreadSchema } from '../../domain/contract/notifications.js';
import { TEMPLATES } from '../../domain/notifications/templates.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { nudgeInbox, stopInbox } from './send.js';
import { listOutbox, listTemplates, myMessages, publicSmsStatus, readAllMessages, readMessage, updateSmsSettings } from './service.js';

const page = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };

const outboxQuery = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请输入完整的 11 位手机号码')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  channel: z.enum(['sms', 'inbox']).optional(),
  ...page,
});

const inboxQuery = z.object({ unread: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional(), ...page });

/** The answer of GET /api/public/sms-status (src/domain/notifications/sms-status.ts). */
const publicSmsStatusSchema = z.object({
  configured: z.boolean(),
  templates: z.record(z.string(), z.boolean()),
  administrator: z.object({ centerName: z.string(), phone: z.string().nullable() }).nullable(),
});

const SETTINGS = new Set<string>(TEMPLATES.map((t) => t.providerSetting));
const settingsBody = z.object({
  perPhonePerHour: z.number().int('请填写整数').min(1, '每个号码每小时至少 1 条').max(100, '每个号码每小时不超过 100 条').optional(),
  maxAttempts: z.number().int('请填写整数').min(1, '至少发送 1 次').max(20, '最多重试 20 次').optional(),
  templateCodes: z
    .record(z.string(), z.string().trim().max(40, '模板编号不超过 40 个字符').regex(/^[A-Za-z0-9_]*$/, '模板编号只能是字母、数字和下划线，如 SMS_123456789'))
    .refine((codes) => Object.keys(codes).every((k) => SETTINGS.has(k)), '有不认识的模板设置名')
    .optional(),
});

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['消息通知'];
  const log = (line: string) => app.log.warn(line);
  // in-app messages written by a request reach their people's bells right after it has committed
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) nudgeInbox(ctx, log);
    done();
  });
  app.addHook('onClose', async () => {
    await stopInbox(ctx.database);
  });

  r.get('/api/notifications/outbox', { schema: { tags, summary: '短信记录（发件箱：短信和站内消息，系统管理员）', querystring: outboxQuery, response: { 200: outboxListSchema } } }, (request) => {
    requirePermission(request, 'notifications.view');
    return listOutbox(ctx, request.query);
  });
  r.get('/api/notifications/templates', { schema: { tags, summary: '消息模板和短信通道状态', response: { 200: templatesSchema } } }, (request) => {
    requirePermission(request, 'notifications.view');
    return listTemplates(ctx);
  });
  r.put('/api/notifications/settings', { schema: { tags, summary: '短信发送设置：每号码每小时上限、最多发送次数、短信平台模板编号', body: settingsBody, response: { 200: templatesSchema } } }, (request) =>
    updateSmsSettings(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
  r.get(
    '/api/public/sms-status',
    { schema: { tags: ['公开'], summary: '短信是否开通：发给群众的各类短信能否发出，未开通时可找哪个中心的系统管理员（无需登录）', response: { 200: publicSmsStatusSchema } } },
    () => publicSmsStatus(ctx),
  );
  r.get('/api/me/messages', { schema: { tags, summary: '我的站内消息（含未读数）', querystring: inboxQuery, response: { 200: inboxSchema } } }, (request) =>
    myMessages(ctx, requireActor(request), request.query),
  );
  r.post('/api/me/messages/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: unreadSchema } } }, (request) =>
    readAllMessages(ctx, requireActor(request)),
  );
  r.post('/api/me/messages/:id/read', { schema: { tags, summary: '标为已读', params: z.object({ id: z.string().max(64) }), response: { 200: unreadSchema } } }, (request) =>
    readMessage(ctx, requireActor(request), request.params.id),
  );
}
