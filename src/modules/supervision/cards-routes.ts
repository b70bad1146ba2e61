/** /api/supervision/cards* (API.md "v1 additions"): 督办单. Routes only translate; the use cases decide. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cardDefaultsSchema, cardDetailSchema, cardListSchema, cardPaperSchema, recordedCardPrintSchema } from '../../domain/contract/supervision-cards.js';
import { CARD_LEVELS, CARD_STATUSES, CARD_TEXT_LIMITS } from '../../domain/supervision/cards.js';
import { freeText } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { closeCard, returnCard } from './cards-close.js';
import { issueCard } from './cards-issue.js';
import { cardPaper, recordCardPrint } from './cards-print.js';
import { cardDefaults, getCard, listCards } from './cards-queries.js';
import { raiseCard } from './cards-raise.js';
import { replyToCard } from './cards-reply.js';

const id = z.string().min(1).max(100);
const date = z.string({ error: '请选择回告期限' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '回告期限须是 YYYY-MM-DD 格式的日期' });
const level = z.enum(CARD_LEVELS, { error: '督办级别只能是蓝色提醒（blue）、橙色预警（orange）或红色问责（red）' });
const expectedVersion = z.number({ error: '缺少 expectedVersion（督办单的版本号），请刷新页面后重试。' }).int().min(1);
const params = z.object({ id });

export const issueCardBody = z.object({
  caseId: id.optional(),
  violationId: id.optional(),
  orgId: id,
  level,
  content: freeText('督办内容', CARD_TEXT_LIMITS.content, { required: true }),
  replyBy: date,
});
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const listQuery = z.object({
  orgId: id.optional(),
  status: z.enum(CARD_STATUSES).optional(),
  level: level.optional(),
  caseId: id.optional(),
  violationId: id.optional(),
  /** with orgId: that center and every center below it */
  below: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** awaiting an answer (待回告, 退回重新回告) */
  awaiting: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  late: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export function supervisionCardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['督办单'];

  r.post(
    '/api/supervision/cards',
    { schema: { tags, summary: '发出督办单（纪检监察员；需 Idempotency-Key）', headers: idempotencyHeaders, body: issueCardBody, response: { 200: cardDetailSchema, 201: cardDetailSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'supervision.cards.issue');
      const issued = await issueCard(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(issued.replayed ? 200 : 201).send(await getCard(ctx, actor, issued.id));
    },
  );
  r.get('/api/supervision/cards', { schema: { tags, summary: '督办单列表（纪检监察员：本级及下级；中心主任：发给本中心的）', querystring: listQuery, response: { 200: cardListSchema } } }, (request) =>
    listCards(ctx, requirePermission(request, 'supervision.cards.read'), request.query),
  );
  r.get(
    '/api/supervision/cards/defaults',
    { schema: { tags, summary: '发出督办单时建议的回告期限（按工作日）', querystring: z.object({ orgId: id.optional() }), response: { 200: cardDefaultsSchema } } },
    (request) => cardDefaults(ctx, requirePermission(request, 'supervision.cards.issue'), request.query.orgId),
  );
  r.get('/api/supervision/cards/:id', { schema: { tags, summary: '督办单详情及全过程记录', params, response: { 200: cardDetailSchema } } }, (request) =>
    getCard(ctx, requirePermission(request, 'supervision.cards.read'), request.params.id),
  );
  r.post(
    '/api/supervision/cards/:id/reply',
    {
      schema: {
        tags,
        summary: '回告（被督办中心的主任或带班领导；expectedVersion 过期返回 409）',
        params,
        body: z.object({ content: freeText('回告内容', CARD_TEXT_LIMITS.reply, { required: true }), expectedVersion }),
        response: { 200: cardDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'supervision.cards.reply');
      await replyToCard(ctx, actor, request.params.id, request.body);
      return getCard(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/supervision/cards/:id/return',
    {
      schema: {
        tags,
        summary: '退回重新回告（纪检监察员）',
        params,
        body: z.object({ reason: freeText('退回理由', CARD_TEXT_LIMITS.reason, { required: true }), replyBy: date.optional(), expectedVersion }),
        response: { 200: cardDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'supervision.cards.issue');
      await returnCard(ctx, actor, request.params.id, request.body);
      return getCard(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/supervision/cards/:id/raise',
    {
      schema: {
        tags,
        summary: '升级督办：蓝色 → 橙色 → 红色，重新确定回告期限（纪检监察员）',
        params,
        body: z.object({ reason: freeText('升级理由', CARD_TEXT_LIMITS.reason, { required: true }), replyBy: date, expectedVersion }),
        response: { 200: cardDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'supervision.cards.issue');
      await raiseCard(ctx, actor, request.params.id, request.body);
      return getCard(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/supervision/cards/:id/close',
    {
      schema: {
        tags,
        summary: '销号（纪检监察员，回告之后）',
        params,
        body: z.object({ remark: freeText('销号意见', CARD_TEXT_LIMITS.reason).optional(), expectedVersion }),
        response: { 200: cardDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'supervision.cards.issue');
      await closeCard(ctx, actor, request.params.id, request.body);
      return getCard(ctx, actor, request.params.id);
    },
  );
  r.get('/api/supervision/cards/:id/paper', { schema: { tags, summary: '打印督办单的内容', params, response: { 200: cardPaperSchema } } }, (request) =>
    cardPaper(ctx, requirePermission(request, 'supervision.cards.read'), request.params.id),
  );
  r.post(
    '/api/supervision/cards/:id/prints',
    { schema: { tags, summary: '登记一次打印督办单，留存所印内容', params, response: { 201: recordedCardPrintSchema } } },
    async (request, reply) => reply.code(201).send(await recordCardPrint(ctx, requirePermission(request, 'supervision.cards.read'), request.params.id)),
  );
}
