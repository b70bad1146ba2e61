/**
 * /api/hall/* — 大厅排队叫号 (issue 12 §1–2, the hall contract). Public: the services, taking a number (kiosk and
 * phone: rate-limited, Idempotency-Key), a number's live position and the display screen. Clerks (hall.call): their
 * window's line, calling, and the buttons on a number. Director (hall.manage): the services, the settings, figures.
 * Routes only translate: zod validates, the permission is checked, one use case runs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  displayStateSchema,
  caseTicketSchema,
  hallFiguresSchema,
  hallServicesSchema,
  hallSetupSchema,
  idSchema,
  ticketChangedSchema,
  ticketIssuedSchema,
  ticketPositionSchema,
  windowQueueSchema,
} from '../../domain/contract/hall.js';
import type { TicketPriority, TicketStatus } from '../../domain/hall/ticket.js';
import { parseMobile } from '../../domain/people/id-number.js';
import { freeText, nameText, pickedId } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { callNext } from './call-next.js';
import { callTicket } from './call-ticket.js';
import { displayState } from './display.js';
import { hallFigures } from './figures.js';
import { grantGreenChannel } from './green-channel.js';
import { issueTicket } from './issue-ticket.js';
import { caseTicket, hallSetup, publicServices, ticketPosition, windowQueue } from './queries.js';
import { createService, updateService } from './services.js';
import { changeHallSettings } from './settings.js';
import { hallStreamRoutes } from './stream.js';
import { actOnTicket, type SimpleAction } from './ticket-actions.js';
import type { TicketRow } from './repo.js';
import { transferTicket } from './transfer.js';

const id = z.string().min(1).max(100);
const version = z.number({ error: '缺少 version（排队号的版本号），请刷新叫号页面后重试。' }).int().min(1);
const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须是 YYYY-MM-DD 格式的日期` });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新取号。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const phone = z
  .string()
  .max(30)
  .transform((text, c) => {
    if (text.trim() === '') return null;
    const p = parseMobile(text);
    if (!p.ok) {
      c.addIssue({ code: 'custom', message: `${p.error}不需要短信提醒的，可以不填手机号。` });
      return z.NEVER;
    }
    return p.value;
  });
const code = z
  .string({ error: '请填写服务代码' })
  .trim()
  .regex(/^[A-Z]$/, { error: '服务代码须是一个大写英文字母（A 到 Z），排队号以它开头，如 A001' });
const serviceBody = z.object({
  code,
  name: nameText('服务名称', 20),
  windowIds: z.array(id).max(50, '一个服务最多对应 50 个窗口'),
  itemCodes: z.array(z.string().trim().min(1).max(40)).max(200, '一个服务最多对应 200 个事项'),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(999).optional(),
});
const reason = (label: string) => freeText(label, 200, { required: true });

/** The answer of every action on a number: what the clerk's page needs to go on (the version for the next action). */
const changed = (t: TicketRow) => ({
  ticket: { id: t.id, number: t.number, status: t.status as TicketStatus, version: t.version, windowId: t.window_id, serviceId: t.service_id, priority: t.priority as TicketPriority },
});

export function hallRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['大厅'];
  const limited = { rateLimit: { max: Math.max(60, ctx.config.progressPerMinute), timeWindow: ctx.config.rateLimitWindowMs } };
  hallStreamRoutes(app, ctx);

  // ---- public
  r.get('/api/hall/services', { schema: { tags, summary: '大厅可取号的服务及等候人数（公开）', querystring: z.object({ orgId: id }), response: { 200: hallServicesSchema } } }, (request) =>
    publicServices(ctx, request.query.orgId),
  );
  r.post(
    '/api/hall/tickets',
    {
      config: limited,
      schema: {
        tags,
        summary: '取号（取号机、手机；公开，限频；需 Idempotency-Key；留手机号的，快轮到时发一条短信）',
        headers: idempotencyHeaders,
        body: z.object({ orgId: pickedId('取号的便民服务中心'), serviceId: pickedId('要办理的业务'), priority: z.enum(['elderly', 'disabled']).nullable().optional(), phone: phone.nullable().optional(), source: z.enum(['kiosk', 'phone']).optional() }),
        response: { 201: ticketIssuedSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const issued = await issueTicket(
        ctx,
        { orgId: b.orgId, serviceId: b.serviceId, source: b.source ?? 'kiosk', priority: b.priority ?? null, phone: b.phone ?? null, idempotencyKey: request.headers['idempotency-key'] },
        ctx.clock(),
      );
      return reply.code(201).send(issued);
    },
  );
  r.get('/api/hall/tickets/position/:token', { config: limited, schema: { tags, summary: '排队进度（公开，凭小票二维码）', params: z.object({ token: z.string().min(8).max(100) }), response: { 200: ticketPositionSchema } } }, (request) =>
    ticketPosition(ctx, request.params.token),
  );
  r.get('/api/hall/display/:orgId', { schema: { tags, summary: '大厅显示屏状态（公开）', params: z.object({ orgId: id }), response: { 200: displayStateSchema } } }, (request) =>
    displayState(ctx, request.params.orgId, ctx.clock()),
  );

  // ---- clerks
  r.get('/api/hall/queue', { schema: { tags, summary: '本窗口的排队情况（当前号、等候队列按叫号顺序、最近处理的号）', querystring: z.object({ windowId: id.optional() }), response: { 200: windowQueueSchema } } }, (request) =>
    windowQueue(ctx, requirePermission(request, 'hall.call'), request.query.windowId),
  );
  r.post('/api/hall/windows/:windowId/call-next', { schema: { tags, summary: '叫下一位（按排队规则，无人等候返回 404）', params: z.object({ windowId: id }), response: { 200: ticketChangedSchema } } }, async (request) => {
    const ticket = await callNext(ctx, requirePermission(request, 'hall.call'), request.params.windowId);
    return changed(ticket);
  });
  r.post(
    '/api/hall/tickets/:id/call',
    { schema: { tags, summary: '指定叫号（须填写原因）', params: z.object({ id }), body: z.object({ windowId: id, reason: reason('指定叫号的原因') }), response: { 200: ticketChangedSchema } } },
    async (request) => {
      const t = await callTicket(ctx, requirePermission(request, 'hall.call'), request.params.id, request.body.windowId, request.body.reason);
      return changed(t);
    },
  );
  const simple: Record<string, SimpleAction> = { recall: 'recall', 'no-show': 'no_show', start: 'start', finish: 'finish', cancel: 'cancel', reactivate: 'reactivate' };
  for (const [path, action] of Object.entries(simple)) {
    r.post(`/api/hall/tickets/:id/${path}`, { schema: { tags, summary: `排队号：${path}（version 过期返回 409）`, params: z.object({ id }), body: z.object({ version }), response: { 200: ticketChangedSchema } } }, async (request) => {
      const t = await actOnTicket(ctx, requirePermission(request, 'hall.call'), request.params.id, action, request.body.version);
      return changed(t);
    });
  }
  r.post(
    '/api/hall/tickets/:id/transfer',
    { schema: { tags, summary: '转移到其他服务或窗口（保留原排队位置）', params: z.object({ id }), body: z.object({ version, serviceId: id.nullable().optional(), windowId: id.nullable().optional() }), response: { 200: ticketChangedSchema } } },
    async (request) => {
      const t = await transferTicket(ctx, requirePermission(request, 'hall.call'), request.params.id, { expectedVersion: request.body.version, serviceId: request.body.serviceId ?? null, windowId: request.body.windowId ?? null });
      return changed(t);
    },
  );
  r.post(
    '/api/hall/tickets/:id/green-channel',
    { schema: { tags, summary: '开通绿色通道（须填写原因）', params: z.object({ id }), body: z.object({ version, reason: reason('开通绿色通道的原因') }), response: { 200: ticketChangedSchema } } },
    async (request) => {
      const t = await grantGreenChannel(ctx, requirePermission(request, 'hall.call'), request.params.id, request.body.version, request.body.reason);
      return changed(t);
    },
  );

  // ---- director
  r.get('/api/hall/tickets/of-case/:caseId', { schema: { tags, summary: '办件的排队记录（取号、叫号、办理时间，等候和办理分钟数）', params: z.object({ caseId: id }), response: { 200: caseTicketSchema } } }, (request) =>
    caseTicket(ctx, requirePermission(request, 'cases.read'), request.params.caseId),
  );
  r.get('/api/hall/setup', { schema: { tags, summary: '大厅服务设置（全部服务、本中心窗口、排队设置）', querystring: z.object({ orgId: id.optional() }), response: { 200: hallSetupSchema } } }, (request) =>
    hallSetup(ctx, requirePermission(request, 'hall.manage'), request.query.orgId),
  );
  r.post('/api/hall/services', { schema: { tags, summary: '新增大厅服务', body: serviceBody.extend({ orgId: id.optional() }), response: { 201: idSchema } } }, async (request, reply) => {
    const actor = requirePermission(request, 'hall.manage');
    const { orgId, ...input } = request.body;
    const newId = await createService(ctx, actor, orgId ?? actor.orgId, input);
    return reply.code(201).send({ id: newId });
  });
  r.patch('/api/hall/services/:id', { schema: { tags, summary: '修改大厅服务（version 过期返回 409）', params: z.object({ id }), body: serviceBody.partial().extend({ version }), response: { 200: idSchema } } }, async (request) => {
    const { version: v, ...input } = request.body;
    await updateService(ctx, requirePermission(request, 'hall.manage'), request.params.id, v, input);
    return { id: request.params.id };
  });
  r.put(
    '/api/hall/settings',
    {
      schema: {
        tags,
        summary: '排队设置（过号等候分钟、短信提醒位次、优先号提前分钟、优先号连续插队上限）',
        body: z.object({
          noShowMinutes: z.number().int().min(0, '过号等候时间不能为负').max(60, '过号等候时间不超过 60 分钟').optional(),
          smsPosition: z.number().int().min(0).max(50, '短信提醒位次不超过 50').optional(),
          priorityBonusMinutes: z.number().int().min(0).max(120, '优先号提前时间不超过 120 分钟').optional(),
          maxOvertakes: z.number().int().min(1, '连续插队上限至少 1').max(10, '连续插队上限不超过 10').optional(),
        }),
        response: { 200: hallSetupSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'hall.manage');
      await changeHallSettings(ctx, actor, request.body);
      return hallSetup(ctx, actor);
    },
  );
  r.get(
    '/api/hall/figures',
    { schema: { tags, summary: '排队统计（等候、办理时长按服务、窗口、时段；未办理即离开的人数）', querystring: z.object({ orgId: id.optional(), from: date('开始日期').optional(), to: date('结束日期').optional() }), response: { 200: hallFiguresSchema } } },
    (request) => hallFigures(ctx, requirePermission(request, 'hall.manage'), request.query),
  );
}
