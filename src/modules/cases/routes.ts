import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { caseListSchema, caseSchema, lightCountsSchema } from '../../domain/contract/cases.js';
import { progressSchema } from '../../domain/contract/progress.js';
import type { CaseStatus } from '../../domain/cases/model.js';
import { actOnCase } from './act-on-case.js';
import { ledgerWorkbook } from './ledger-export.js';
import { countLights, getCase, listCases, publicProgress } from './queries.js';
import { registerCase } from './register-case.js';
import { answerObjection, reviewRefusal } from './review-refusal.js';
import { actionBody, actionHeaders, actionParams, caseIdParams, createCaseBody, idempotencyHeaders, lightCountsQuery, listCasesQuery, objectionAnswerBody, progressQuery, refusalReviewBody } from './schema.js';

export function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['办件'];

  r.post(
    '/api/cases',
    { schema: { tags, summary: '受理登记（需 Idempotency-Key）', headers: idempotencyHeaders, body: createCaseBody, response: { 200: caseSchema, 201: caseSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'cases.handle');
      const registered = await registerCase(ctx, actor, request.body, request.headers['idempotency-key']);
      if (!registered.replayed) return reply.code(201).send(registered.view());
      return reply.code(200).send(await getCase(ctx, actor, registered.caseId));
    },
  );
  r.get('/api/cases', { schema: { tags, summary: '办件台账', querystring: listCasesQuery, response: { 200: caseListSchema } } }, (request) =>
    listCases(ctx, requirePermission(request, 'cases.read'), request.query),
  );
  r.get('/api/cases/export.xlsx', { schema: { tags, summary: '导出筛选后的办件台账（Excel）', querystring: listCasesQuery } }, async (request, reply) => {
    const actor = requirePermission(request, 'cases.read');
    const { cases } = await listCases(ctx, actor, request.query, true);
    const title = `办件台账（导出于 ${new Intl.DateTimeFormat('zh-CN', { timeZone: ctx.config.timeZone, dateStyle: 'long', timeStyle: 'short' }).format(ctx.clock())}，共 ${cases.length} 件）`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('办件台账.xlsx')}`)
      .send(await ledgerWorkbook(cases, title, ctx.config.timeZone));
  });
  r.get('/api/cases/lights', { schema: { tags, summary: '按亮灯统计件数（红灯、黄灯、绿灯；可带台账的筛选条件）', querystring: lightCountsQuery, response: { 200: lightCountsSchema } } }, (request) =>
    countLights(ctx, requirePermission(request, 'cases.read'), request.query),
  );
  r.get('/api/cases/:id', { schema: { tags, summary: '办件详情及全过程记录', params: caseIdParams, response: { 200: caseSchema } } }, (request) =>
    getCase(ctx, requirePermission(request, 'cases.read'), request.params.id),
  );
  r.post(
    '/api/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '办件操作（expectedVersion 过期返回 409；带 Idempotency-Key 重发同一请求时按已办理的结果答复）',
        params: actionParams,
        headers: actionHeaders,
        body: actionBody,
        response: { 200: caseSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'cases.handle');
      await actOnCase(ctx, actor, request.params.id, request.params.action, request.body, request.headers['idempotency-key']);
      return getCase(ctx, actor, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/refusal-review',
    { schema: { tags, summary: '审查否定报备（中心主任）', params: caseIdParams, body: refusalReviewBody, response: { 200: caseSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'cases.review-refusals');
      await reviewRefusal(ctx, actor, request.params.id, request.body);
      return getCase(ctx, actor, request.params.id);
    },
  );

  r.post(
    '/api/cases/:id/refusal-review/answer',
    { schema: { tags, summary: '答复中心主任对否定报备的异议（窗口）', params: caseIdParams, body: objectionAnswerBody, response: { 200: caseSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'cases.handle');
      await answerObjection(ctx, actor, request.params.id, request.body);
      return getCase(ctx, actor, request.params.id);
    },
  );

  r.get(
    '/api/public/progress',
    {
      schema: { tags: ['公开'], summary: '办件进度查询（办件编号 + 电话后四位）', querystring: progressQuery, response: { 200: progressSchema } },
      // Guessing numbers is slowed down per address; a wrong pair answers like an unknown number.
      config: { rateLimit: { max: ctx.config.progressPerMinute, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    // the stored status is one of CASE_STATUSES (the table writes nothing else); the schema checks it on the way out
    async (request) => {
      const progress = await publicProgress(ctx, request.query.caseNo, request.query.phone4);
      return { ...progress, status: progress.status as CaseStatus };
    },
  );
}
