/**
 * 百分制考核 (issue 13 §2): /api/assessments. Routes only translate: zod validates, the permission is checked, one use
 * case runs. The month view (API.md "Reports") answers every window and person with their score and deductions.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentMonthSchema, assessmentRuleListSchema, assessmentRuleSchema, assessmentSettingsSchema } from '../../domain/assessment/contract.js';
import { freeText, TEXT_LIMITS } from '../../domain/text.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import { hasPermission } from '../../domain/roles.js';
import { forbidden } from '../../server/errors.js';
import type { AppContext } from '../../server/context.js';
import { addManualItem, appealItem, closeMonth, decideAppeal, editRule, getAssessment, listRules, recomputeForDirector, setWindowChief, withdrawManualItem } from './service.js';
import { assessmentSettings, setAssessmentSettings } from './settings.js';
import { attachEvidence, evidenceOf, uploadedEvidence } from './evidence.js';

const id = z.string().min(1).max(100);
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份请按 YYYY-MM 填写，如 2027-01' });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const points = (label: string) => z.number({ error: `请填写${label}` }).int({ error: `${label}须是整数` }).min(1, { error: `${label}至少 1 分` }).max(100, { error: `${label}不能超过 100 分` });

/** The rule set is read by the center's people and the administrator who keeps it. */
function viewRules(request: Parameters<typeof requireActor>[0]) {
  const actor = requireActor(request);
  if (!hasPermission(actor.roles, 'assessment.view') && !hasPermission(actor.roles, 'assessment.rules')) throw forbidden('查看考核规则');
  return actor;
}

export function assessmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['考核评分'];
  const recomputed = z.object({ added: z.number(), withdrawn: z.number(), restored: z.number(), skippedClosed: z.number() });

  r.get(
    '/api/assessments',
    {
      schema: {
        tags,
        summary: '本中心某月的考核评分：每个窗口和人员的得分、排名和扣分明细（本人看自己的明细，中心主任看全部）',
        querystring: z.object({ orgId: id.optional(), month: month.optional() }),
        response: { 200: assessmentMonthSchema },
      },
    },
    (request) => getAssessment(ctx, requirePermission(request, 'assessment.view'), request.query.orgId, request.query.month),
  );
  r.post(
    '/api/assessments/recompute',
    { schema: { tags, summary: '重新计算某月的自动扣分（只对未关账的月份；不会重复扣分）', body: z.object({ orgId: id.optional(), month }), response: { 200: recomputed } } },
    (request) => recomputeForDirector(ctx, requirePermission(request, 'assessment.manage'), request.body),
  );
  r.post(
    '/api/assessments/items',
    {
      schema: {
        tags,
        summary: '中心主任录入扣分或加分（须写明原因；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: z.object({
          orgId: id.optional(),
          month,
          subjectKind: z.enum(['window', 'person'], { error: '请选择考核对象是窗口还是人员' }),
          subjectId: id,
          ruleCode: z.string({ error: '请选择考核规则' }).min(1, { error: '请选择考核规则' }).max(60),
          points: points('分值').optional(),
          reason: freeText('扣分（加分）原因', TEXT_LIMITS.reason, { required: true }),
          caseNo: z.string().trim().max(40, { error: '办件编号不能超过 40 个字' }).optional(),
        }),
        response: { 200: z.object({ id: z.string() }), 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const done = await addManualItem(ctx, requirePermission(request, 'assessment.manage'), request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send({ id: done.id });
    },
  );
  r.post(
    '/api/assessments/items/:id/withdraw',
    { schema: { tags, summary: '撤销录错的手工扣分或加分（保留记录）', params: z.object({ id }), body: z.object({ expectedVersion }), response: { 204: z.null() } } },
    async (request, reply) => {
      await withdrawManualItem(ctx, requirePermission(request, 'assessment.manage'), request.params.id, request.body.expectedVersion);
      return reply.code(204).send(null);
    },
  );
  r.put(
    '/api/assessments/items/:id/evidence',
    { schema: { tags, summary: '为手工扣分或加分上传证据（multipart，照片 JPEG/PNG 或 PDF，不超过 5 MB；再次上传替换）', params: z.object({ id }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'assessment.manage');
      await attachEvidence(ctx, actor, request.params.id, await uploadedEvidence(request));
      return reply.code(204).send(null);
    },
  );
  r.get('/api/assessments/items/:id/evidence', { schema: { tags, summary: '查看扣分证据（中心主任、本人或本窗口人员）', params: z.object({ id }) } }, async (request, reply) => {
    const file = await evidenceOf(ctx, requirePermission(request, 'assessment.view'), request.params.id);
    return reply
      .type(file.type)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-cache')
      .send(file.bytes);
  });
  r.post(
    '/api/assessments/items/:id/appeal',
    {
      schema: {
        tags,
        summary: '对本人或本窗口的扣分提出申诉（申诉期内，每条一次）',
        params: z.object({ id }),
        body: z.object({ reason: freeText('申诉理由', TEXT_LIMITS.reason, { required: true }) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await appealItem(ctx, requirePermission(request, 'assessment.view'), request.params.id, request.body.reason)),
  );
  r.post(
    '/api/assessments/appeals/:id/decide',
    {
      schema: {
        tags,
        summary: '中心主任处理申诉：upheld 申诉成立（该扣分不再计分，记录保留）或 rejected 维持扣分，须写明理由',
        params: z.object({ id }),
        body: z.object({ decision: z.enum(['upheld', 'rejected'], { error: '请选择申诉是否成立' }), reason: freeText('处理理由', TEXT_LIMITS.reason, { required: true }), expectedVersion }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await decideAppeal(ctx, requirePermission(request, 'assessment.manage'), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/assessments/close',
    {
      schema: {
        tags,
        summary: '考核关账：月份过完、申诉都已处理、每条扣分的申诉期都已届满后，冻结当月得分和排名（之后不能再修改）',
        body: z.object({ orgId: id.optional(), month, expectedVersion }),
        response: { 200: assessmentMonthSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'assessment.manage');
      await closeMonth(ctx, actor, request.body);
      return getAssessment(ctx, actor, request.body.orgId, request.body.month);
    },
  );
  r.put(
    '/api/assessments/chiefs/:windowId',
    {
      schema: { tags, summary: '设置窗口的首席代表（分担窗口扣分的一半；userId 为 null 取消）', params: z.object({ windowId: id }), body: z.object({ userId: id.nullable() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await setWindowChief(ctx, requirePermission(request, 'assessment.manage'), request.params.windowId, request.body.userId);
      return reply.code(204).send(null);
    },
  );
  r.get('/api/assessments/rules', { schema: { tags, summary: '考核规则（分类、每次分值、每月封顶、来源、是否启用）', response: { 200: assessmentRuleListSchema } } }, (request) => {
    viewRules(request);
    return listRules(ctx);
  });
  r.put(
    '/api/assessments/rules/:code',
    {
      schema: {
        tags,
        summary: '修改考核规则的分值、封顶和启用（系统管理员；expectedVersion 过期返回 409）',
        params: z.object({ code: z.string().min(1).max(60) }),
        body: z.object({ points: points('每次分值'), maxPoints: points('最多可录分值').nullable(), cap: points('每月封顶').nullable(), enabled: z.boolean(), expectedVersion }),
        response: { 200: assessmentRuleSchema },
      },
    },
    (request) => editRule(ctx, requirePermission(request, 'assessment.rules'), request.params.code, request.body),
  );
  r.get('/api/assessments/settings', { schema: { tags, summary: '考核设置：首席代表分担、申诉期、排名是否在政务公开公布', response: { 200: assessmentSettingsSchema } } }, (request) => {
    viewRules(request);
    return assessmentSettings(ctx.database.db);
  });
  r.put(
    '/api/assessments/settings',
    {
      schema: {
        tags,
        summary: '修改考核设置（系统管理员）',
        body: z.object({
          chiefShare: z.boolean().optional(),
          appealDays: z.number({ error: '申诉期请填天数' }).int().min(1, { error: '申诉期至少 1 天' }).max(30, { error: '申诉期不超过 30 天' }).optional(),
          publishRanking: z.boolean().optional(),
        }),
        response: { 200: assessmentSettingsSchema },
      },
    },
    (request) => setAssessmentSettings(ctx, requirePermission(request, 'assessment.rules'), request.body),
  );
}
