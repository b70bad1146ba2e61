/**
 * /api/notices*: a center's 公告 for its 政务公开 page (issue 11 §3). Routes only translate: zod validates, the
 * permission is checked, one use case runs, its answer is presented. What the public sees is in the transparency
 * module's GET /api/public/centers/{id}.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noticeDetailSchema, noticeListSchema } from '../../domain/notices/contract.js';
import { NOTICE_LIMITS } from '../../domain/notices/notices.js';
import { freeText, nameText } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { changeNotice } from './change.js';
import { publishNotice } from './publish.js';
import { getNotice, listNotices } from './queries.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const date = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须是 YYYY-MM-DD 格式的日期` });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const title = nameText('公告标题', NOTICE_LIMITS.title);
const body = freeText('公告内容', NOTICE_LIMITS.body, { required: true });
const minDays = z
  .number({ error: '请填写最短公示天数' })
  .int('最短公示天数须是整数')
  .min(1, '最短公示天数至少 1 天')
  .max(NOTICE_LIMITS.minDays, `最短公示天数不超过 ${NOTICE_LIMITS.minDays} 天`);

export const publishBody = z.object({ orgId: id.optional(), title, body, startDate: date('开始日期'), minDays, endDate: date('结束日期').nullable().optional() });

export function noticeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['政务公开'];

  r.get('/api/notices', { schema: { tags, summary: '本中心的公告（含待公示、已到期、已撤下的；中心主任、系统管理员）', querystring: z.object({ orgId: id.optional() }), response: { 200: noticeListSchema } } }, (request) =>
    listNotices(ctx, requirePermission(request, 'notices.manage'), request.query.orgId),
  );
  r.post(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '发布公告（标题、内容、开始日期、最短公示天数、可选结束日期；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: publishBody,
        response: { 200: noticeDetailSchema, 201: noticeDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'notices.manage');
      const done = await publishNotice(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await getNotice(ctx, actor, done.id));
    },
  );
  r.get('/api/notices/:id', { schema: { tags, summary: '公告及其全部版本', params, response: { 200: noticeDetailSchema } } }, (request) =>
    getNotice(ctx, requirePermission(request, 'notices.manage'), request.params.id),
  );
  r.patch(
    '/api/notices/:id',
    {
      schema: {
        tags,
        summary: '修改公告（已开始公示的不能改开始日期、不能缩短最短公示天数；expectedVersion 过期返回 409）',
        params,
        body: z.object({ title: title.optional(), body: body.optional(), startDate: date('开始日期').optional(), minDays: minDays.optional(), endDate: date('结束日期').nullable().optional(), expectedVersion }),
        response: { 200: noticeDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'notices.manage');
      const { expectedVersion: v, ...change } = request.body;
      await changeNotice(ctx, actor, request.params.id, v, { action: 'edit', ...change });
      return getNotice(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/notices/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤下公告（未满最短公示天数的须填写原因，否则返回 422 NOTICE_REASON_REQUIRED；expectedVersion 过期返回 409）',
        params,
        body: z.object({ reason: freeText('撤下原因', NOTICE_LIMITS.reason).optional(), expectedVersion }),
        response: { 200: noticeDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'notices.manage');
      await changeNotice(ctx, actor, request.params.id, request.body.expectedVersion, { action: 'withdraw', reason: request.body.reason });
      return getNotice(ctx, actor, request.params.id);
    },
  );
}
