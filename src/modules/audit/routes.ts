import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { auditWorkbook } from './export.js';
import { listAudit, verifyAudit } from './service.js';
import { auditPageSchema, auditVerifySchema } from '../../domain/contract/audit.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const auditFilterQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  userId: z.string().max(64).optional(),
  action: z.string().regex(/^[a-zA-Z][a-zA-Z.]{0,63}$/, '操作类型不正确').optional(),
});
const auditQuery = auditFilterQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计'];
  r.get('/api/audit', { schema: { tags, summary: '审计日志（审计管理员）', querystring: auditQuery, response: { 200: auditPageSchema } } }, (request) => {
    requirePermission(request, 'audit.read');
    return listAudit(ctx, request.query);
  });
  // 三员分立: only the auditor, like reading; the export is itself recorded (AUDITED_EXPORTS), with its filter
  r.get('/api/audit/export.xlsx', { schema: { tags, summary: '导出筛选后的审计日志（Excel；审计管理员）', querystring: auditFilterQuery } }, async (request, reply) => {
    requirePermission(request, 'audit.read');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`)
      .send(await auditWorkbook(ctx, request.query));
  });
  r.get('/api/audit/verify', { schema: { tags, summary: '校验审计日志的哈希链', response: { 200: auditVerifySchema } } }, (request) =>
    verifyAudit(ctx, { actor: requirePermission(request, 'audit.read'), ip: request.ip }),
  );
}
