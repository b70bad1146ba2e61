import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { batchListSchema, batchSchema, hopViolationsSchema, monthlySchema, nextBatchSchema, replyListSchema, whereToApplySchema } from '../../domain/contract/agents.js';
import { idempotencyHeaders } from '../cases/schema.js';
import { getBatch, listBatches, nextBatch, receiveBatch, sendBatch } from './batches.js';
import { hopViolations, villageMonthly, villageMonthlyWorkbook } from './reports.js';
import { progressQrSvg } from './progress-qr.js';
import { batchIdParams, monthQuery, nextBatchQuery, progressQrQuery, whereToApplyQuery } from './schema.js';
import { casesToReply } from './to-reply.js';
import { whereToApply } from './where-to-apply.js';

/** The village network (rule 9): weekly batches, hop violations, the village monthly table. */
export function agentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['村级代办'];

  r.get(
    '/api/agents/next-batch',
    { schema: { tags, summary: '下一次集中报送日期、待报送件数和指定办件的最迟报送日', querystring: nextBatchQuery, response: { 200: nextBatchSchema } } },
    (request) => nextBatch(ctx, requirePermission(request, 'cases.handle'), request.query.caseId),
  );
  r.post(
    '/api/agents/batches',
    { schema: { tags, summary: '发送村级报送批次（需 Idempotency-Key）', headers: idempotencyHeaders, response: { 201: batchSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'cases.handle');
      const id = await sendBatch(ctx, actor, request.headers['idempotency-key']);
      return reply.code(201).send(await getBatch(ctx, actor, id));
    },
  );
  r.get('/api/agents/batches', { schema: { tags, summary: '报送批次（村级发出的、乡镇收到的）', response: { 200: batchListSchema } } }, (request) =>
    listBatches(ctx, requirePermission(request, 'cases.read')),
  );
  r.get('/api/agents/batches/:id', { schema: { tags, summary: '报送清单：批次内的办件和移交材料', params: batchIdParams, response: { 200: batchSchema } } }, (request) =>
    getBatch(ctx, requirePermission(request, 'cases.read'), request.params.id),
  );
  r.post('/api/agents/batches/:id/receive', { schema: { tags, summary: '乡镇接收整个报送批次', params: batchIdParams, response: { 200: batchSchema } } }, async (request) => {
    const actor = requirePermission(request, 'cases.handle');
    await receiveBatch(ctx, actor, request.params.id);
    return getBatch(ctx, actor, request.params.id);
  });
  r.get('/api/agents/to-reply', { schema: { tags, summary: '待回复：结果已回到本中心、待告知并交付群众的办件（含完整联系电话和回复期限）', response: { 200: replyListSchema } } }, (request) =>
    casesToReply(ctx, requirePermission(request, 'cases.handle')),
  );
  r.get(
    '/api/agents/where-to-apply',
    { schema: { tags, summary: '本中心不能办理的事项到哪里办：受理中心、窗口、地址、办公时间和电话', querystring: whereToApplyQuery, response: { 200: whereToApplySchema } } },
    (request) => whereToApply(ctx, requirePermission(request, 'cases.handle'), request.query.itemCode),
  );
  r.get('/api/agents/progress-qr.svg', { schema: { tags, summary: '办理进度查询二维码（SVG，指向配置的公网地址）', querystring: progressQrQuery } }, async (request, reply) => {
    requirePermission(request, 'cases.read');
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=300').send(await progressQrSvg(ctx, request.query.caseNo));
  });
  r.get('/api/agents/hop-violations', { schema: { tags, summary: '转报、上报和结果回复超时', response: { 200: hopViolationsSchema } } }, (request) =>
    hopViolations(ctx, requirePermission(request, 'cases.read')),
  );
  r.get('/api/agents/monthly', { schema: { tags, summary: '村级便民服务办理情况统计表', querystring: monthQuery, response: { 200: monthlySchema } } }, (request) =>
    villageMonthly(ctx, requirePermission(request, 'cases.read'), request.query.month),
  );
  r.get('/api/agents/monthly.xlsx', { schema: { tags, summary: '村级统计表导出（Excel）', querystring: monthQuery } }, async (request, reply) => {
    const report = await villageMonthly(ctx, requirePermission(request, 'cases.read'), request.query.month);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`村级统计表-${report.month}.xlsx`)}`)
      .send(await villageMonthlyWorkbook(report));
  });
}
