/**
 * /api/evaluations/work-orders*, /api/evaluations/appeals*, /api/evaluations/figures and the public fix rating
 * (API.md "v1 additions": Evaluation). Routes only translate; the use cases decide.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealListSchema, appealSchema, figuresSchema, fixPageSchema, workOrderDetailSchema, workOrderListSchema } from '../../domain/contract/evaluation-work-orders.js';
import { APPEAL_REASONS, APPEAL_STATUSES, APPEAL_TEXT_LIMITS } from '../../domain/evaluation/appeals.js';
import { FIGURE_GROUPINGS } from '../../domain/evaluation/figures.js';
import { FIX_LEVELS } from '../../domain/evaluation/levels.js';
import { TEXT_LIMITS, VISIT_FINDINGS, WORK_ORDER_STATUSES } from '../../domain/evaluation/work-orders.js';
import { isIsoDate, toEpochDay } from '../../domain/calendar/calendar.js';
import { freeText } from '../../domain/text.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { DomainError } from '../../domain/errors.js';
import { decideAppealCommand, requestAppeal } from './appeal-commands.js';
import { figuresFor } from './figures-queries.js';
import { actOnWorkOrder, fixPage, rateFix, type StaffCommand } from './work-order-act.js';
import { setWorkOrderDays, workOrderDays } from './work-order-open.js';
import { getAppeal, getWorkOrder, listAppealsFor, listWorkOrdersFor } from './work-order-queries.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const expectedVersion = z.number({ error: '缺少 expectedVersion（工单的版本号），请刷新页面后重试。' }).int().min(1);
const page = { page: z.coerce.number().int().min(1).optional(), pageSize: z.coerce.number().int().min(1).max(100).optional() };
const date = (label: string) => z.string({ error: `请选择${label}` }).refine(isIsoDate, { error: `${label}须是 YYYY-MM-DD 格式的日期` });

const visitBody = z.object({ expectedVersion, finding: z.enum(VISIT_FINDINGS, { error: '请选择核实结果：情况属实（confirmed）、部分属实（partly）或情况不属实（unfounded）' }), content: freeText('回访核实情况', TEXT_LIMITS.visit, { required: true }) });
const rectifyBody = z.object({ expectedVersion, measures: freeText('整改措施', TEXT_LIMITS.rectify, { required: true }), outcome: freeText('告知群众的整改结果', TEXT_LIMITS.outcome, { required: true }) });
const closeBody = z.object({ expectedVersion, reason: freeText('办结理由', TEXT_LIMITS.close, { required: true }) });

export function workOrderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['差评整改与申诉'];

  r.get(
    '/api/evaluations/work-orders',
    {
      schema: {
        tags,
        summary: '差评整改工单列表（本中心及下级；status、light 筛选）',
        querystring: z.object({ orgId: id.optional(), status: z.enum(WORK_ORDER_STATUSES).optional(), light: z.enum(['green', 'yellow', 'red']).optional(), ...page }),
        response: { 200: workOrderListSchema },
      },
    },
    (request) => listWorkOrdersFor(ctx, requirePermission(request, 'evaluations.read'), request.query),
  );
  const daysSchema = z.object({ visitDays: z.number().int(), fixDays: z.number().int() });
  r.get('/api/evaluations/work-orders/settings', { schema: { tags, summary: '整改工单时限：回访核实、整改的工作日数', response: { 200: daysSchema } } }, (request) => {
    requireActor(request);
    return workOrderDays(ctx.database.db);
  });
  r.put(
    '/api/evaluations/work-orders/settings',
    {
      schema: {
        tags,
        summary: '修改整改工单时限（系统管理员；回访 1–5、整改 1–60 个工作日）',
        body: z.object({ visitDays: z.number({ error: '请填写回访核实时限（工作日）' }).int('请填写整数天数'), fixDays: z.number({ error: '请填写整改时限（工作日）' }).int('请填写整数天数') }),
        response: { 200: daysSchema },
      },
    },
    (request) => setWorkOrderDays(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
  r.get('/api/evaluations/work-orders/:id', { schema: { tags, summary: '差评整改工单详情及全过程记录', params, response: { 200: workOrderDetailSchema } } }, (request) =>
    getWorkOrder(ctx, requirePermission(request, 'evaluations.read'), request.params.id),
  );
  r.post(
    '/api/evaluations/work-orders/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '办理整改工单：visit 回访核实、rectify 整改反馈（短信告知评价人）、close 办结（群众 7 天未评价整改结果）；expectedVersion 过期返回 409',
        params: z.object({ id, action: z.enum(['visit', 'rectify', 'close'], { error: '办理动作只能是 visit（回访核实）、rectify（整改反馈）或 close（办结）' }) }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: workOrderDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'evaluations.work-orders');
      const schema = { visit: visitBody, rectify: rectifyBody, close: closeBody }[request.params.action];
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new DomainError('VALIDATION_FAILED', first?.message ?? '提交的内容不完整，请检查后重试。', { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }, 400);
      }
      const { expectedVersion: v, ...rest } = parsed.data;
      await actOnWorkOrder(ctx, actor, request.params.id, v, { action: request.params.action, ...rest } as unknown as StaffCommand);
      return getWorkOrder(ctx, actor, request.params.id);
    },
  );

  r.post(
    '/api/evaluations/ratings/:id/appeal',
    {
      schema: {
        tags,
        summary: '对差评提出申诉（中心主任，附事实和证据）',
        params,
        body: z.object({ reason: z.enum(APPEAL_REASONS, { error: '请选择申诉理由' }), evidence: freeText('申诉的事实和证据', APPEAL_TEXT_LIMITS.evidence, { required: true }) }),
        response: { 201: appealSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'evaluations.appeal');
      const appealId = await requestAppeal(ctx, actor, request.params.id, request.body);
      return reply.code(201).send(await getAppeal(ctx, actor, appealId));
    },
  );
  r.get(
    '/api/evaluations/appeals',
    { schema: { tags, summary: '差评申诉列表（本中心及下级）', querystring: z.object({ status: z.enum(APPEAL_STATUSES).optional(), ...page }), response: { 200: appealListSchema } } },
    (request) => listAppealsFor(ctx, requirePermission(request, 'evaluations.read'), request.query),
  );
  r.get('/api/evaluations/appeals/:id', { schema: { tags, summary: '差评申诉详情', params, response: { 200: appealSchema } } }, (request) =>
    getAppeal(ctx, requirePermission(request, 'evaluations.read'), request.params.id),
  );
  r.post(
    '/api/evaluations/appeals/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '复核申诉（纪检监察员）：uphold 申诉成立（评价不计入统计和排名，保留记录）、reject 申诉不成立',
        params: z.object({ id, action: z.enum(['uphold', 'reject'], { error: '复核结果只能是 uphold（申诉成立）或 reject（申诉不成立）' }) }),
        body: z.object({ expectedVersion, decision: freeText('复核意见', APPEAL_TEXT_LIMITS.decision, { required: true }) }),
        response: { 200: appealSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'evaluations.appeal-decide');
      await decideAppealCommand(ctx, actor, request.params.id, request.body.expectedVersion, { action: request.params.action, decision: request.body.decision });
      return getAppeal(ctx, actor, request.params.id);
    },
  );

  r.get(
    '/api/evaluations/figures',
    {
      schema: {
        tags,
        summary: '评价统计：好评率、主动评价率、差评整改率（按窗口、人员、事项或中心；申诉成立的评价不计；不给期间为本月至今天）',
        querystring: z
          .object({ orgId: id.optional(), from: date('开始日期').optional(), to: date('结束日期').optional(), by: z.enum(FIGURE_GROUPINGS, { error: '统计口径只能是 window、person、item 或 center' }).default('window') })
          .refine((q) => !q.from || !q.to || toEpochDay(q.from) <= toEpochDay(q.to), { error: '开始日期不能晚于结束日期' })
          .refine((q) => !q.from || !q.to || toEpochDay(q.to) - toEpochDay(q.from) <= 366, { error: '统计期间不能超过一年' }),
        response: { 200: figuresSchema },
      },
    },
    (request) => figuresFor(ctx, requirePermission(request, 'evaluations.read'), request.query),
  );

  const limited = { rateLimit: { max: ctx.config.progressPerMinute, timeWindow: ctx.config.rateLimitWindowMs } };
  const token = z.string({ error: '链接不完整，请从短信中的链接打开。' }).min(10).max(200);
  r.get('/api/public/rate-fix', { config: limited, schema: { tags, summary: '评价整改结果：按短信链接查看（无需登录）', querystring: z.object({ t: token }), response: { 200: fixPageSchema } } }, (request) =>
    fixPage(ctx, request.query.t),
  );
  r.post(
    '/api/public/rate-fix',
    {
      config: limited,
      schema: {
        tags,
        summary: '评价整改结果：满意、基本满意、不满意（无需登录；每次整改只能评价一次）',
        body: z.object({ token, level: z.enum(FIX_LEVELS, { error: '请选择满意、基本满意或不满意' }), comment: freeText('意见', TEXT_LIMITS.fixComment).optional() }),
        response: { 201: fixPageSchema },
      },
    },
    async (request, reply) => {
      await rateFix(ctx, request.body.token, request.body.level, request.body.comment);
      return reply.code(201).send(await fixPage(ctx, request.body.token));
    },
  );
}
