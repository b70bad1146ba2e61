/**
 * 政务公开 (issue 11 §3): public reads, no session. The centers as a tree, one center's page, its finished cases.
 * The staff photo is the file store's (GET /api/public/staff/{userId}/photo), not this module's.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { finishedCasesSchema, publicCenterSchema, publicCenterTreeSchema } from '../../domain/transparency/contract.js';
import type { AppContext } from '../../server/context.js';
import { publicCenterTree } from './centers.js';
import { publicCenter } from './center.js';
import { publicResults } from './results.js';

const params = z.object({ id: z.string().min(1).max(100) });

export function transparencyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['公开'];
  r.get('/api/public/centers', { schema: { tags, summary: '政务公开：县政务服务中心、乡镇便民服务中心和村便民服务室（树）', response: { 200: publicCenterTreeSchema } } }, () => publicCenterTree(ctx));
  r.get(
    '/api/public/centers/:id',
    { schema: { tags, summary: '政务公开：中心的地址、办公时间、电话（含监督电话）、工作人员及去向、本月和上月办件与评价、投诉处理结果、公告', params, response: { 200: publicCenterSchema } } },
    (request) => publicCenter(ctx, request.params.id),
  );
  r.get(
    '/api/public/centers/:id/results',
    {
      schema: {
        tags,
        summary: '政务公开：已办结办件（办件编号、事项、申请人姓名只显示首字、办结日期、是否按时）',
        params,
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).optional(), pageSize: z.coerce.number().int().min(1).max(50).optional() }),
        response: { 200: finishedCasesSchema },
      },
    },
    (request) => publicResults(ctx, request.params.id, request.query),
  );
}
