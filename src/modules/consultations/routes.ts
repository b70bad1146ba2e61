/**
 * /api/consultations*, /api/faq* and their public pages (API.md "v1 additions": Consultations; issue 10 §3).
 * Routes only translate: zod validates, the permission is checked, one use case runs, its answer is presented.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSULTATION_CHANNELS, CONSULTATION_STATUSES, CONSULTATION_TEXT_LIMITS, STAFF_CHANNELS } from '../../domain/consultations/consultations.js';
import {
  askedSchema,
  consultationDetailSchema,
  consultationListSchema,
  consultedItemsSchema,
  faqEntryDetailSchema,
  faqListSchema,
  frequentQuestionsSchema,
  publicConsultationSchema,
  publicFaqSchema,
} from '../../domain/consultations/contract.js';
import { FAQ_TEXT_LIMITS } from '../../domain/consultations/faq.js';
import { freeText, personNameText, TEXT_LIMITS } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { answerConsultation } from './answer.js';
import { askOnline, logConsultation } from './create.js';
import { changeFaq, createFaq } from './faq.js';
import { faqDetail, faqList, publicFaq } from './faq-queries.js';
import { consultedItems, frequentQuestions, getConsultation, listConsultations, publicConsultation } from './queries.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const itemCode = z.string().trim().min(1).max(40);
const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须是 YYYY-MM-DD 格式的日期` });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const question = freeText('咨询问题', CONSULTATION_TEXT_LIMITS.question, { required: true });
const answer = (required: boolean) => freeText('答复内容', CONSULTATION_TEXT_LIMITS.answer, { required });
const phone = z.string().trim().max(TEXT_LIMITS.phone, { error: `电话不能超过 ${TEXT_LIMITS.phone} 个字` });

export const logBody = z.object({
  channel: z.enum(STAFF_CHANNELS, { error: '咨询方式只能是窗口咨询（window）或电话咨询（phone）' }),
  itemCode: itemCode.optional(),
  question,
  answer: answer(false).optional(),
  askerName: personNameText('咨询人姓名', CONSULTATION_TEXT_LIMITS.name).optional(),
  askerPhone: phone.optional(),
});
export const askBody = z.object({
  orgId: id,
  name: personNameText('您的姓名', CONSULTATION_TEXT_LIMITS.name),
  phone: z.string({ error: '请填写手机号码' }).trim().min(1, '请填写手机号码，答复将以短信发送给您').max(TEXT_LIMITS.phone),
  itemCode: itemCode.optional(),
  question,
});
const listQuery = z.object({
  orgId: id.optional(),
  itemCode: itemCode.optional(),
  channel: z.enum(CONSULTATION_CHANNELS).optional(),
  status: z.enum(CONSULTATION_STATUSES).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
const faqQuestion = freeText('常见问题', FAQ_TEXT_LIMITS.question, { required: true });
const faqAnswer = freeText('常见问题的答复', FAQ_TEXT_LIMITS.answer, { required: true });

export function consultationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['咨询'];

  r.post(
    '/api/consultations',
    { schema: { tags, summary: '登记窗口或电话咨询（窗口工作人员、中心主任；需 Idempotency-Key；不填答复即为待答复）', headers: idempotencyHeaders, body: logBody, response: { 200: consultationDetailSchema, 201: consultationDetailSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'consultations.log');
      const done = await logConsultation(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await getConsultation(ctx, actor, done.id));
    },
  );
  r.get('/api/consultations', { schema: { tags, summary: '咨询记录（本中心及下级；纪检监察员：所辖范围）', querystring: listQuery, response: { 200: consultationListSchema } } }, (request) =>
    listConsultations(ctx, requirePermission(request, 'consultations.read'), request.query),
  );
  r.get(
    '/api/consultations/items',
    { schema: { tags, summary: '近一年被咨询的事项（按咨询次数），含待答复数和常见问题条数', querystring: z.object({ orgId: id.optional() }), response: { 200: consultedItemsSchema } } },
    (request) => consultedItems(ctx, requirePermission(request, 'consultations.read'), request.query.orgId),
  );
  r.get(
    '/api/consultations/frequent',
    { schema: { tags, summary: '某事项近一年问得最多的问题（相近问法归并计数）', querystring: z.object({ itemCode, orgId: id.optional() }), response: { 200: frequentQuestionsSchema } } },
    (request) => frequentQuestions(ctx, requirePermission(request, 'consultations.read'), request.query.itemCode, request.query.orgId),
  );
  r.get('/api/consultations/:id', { schema: { tags, summary: '咨询详情及过程记录', params, response: { 200: consultationDetailSchema } } }, (request) =>
    getConsultation(ctx, requirePermission(request, 'consultations.read'), request.params.id),
  );
  r.post(
    '/api/consultations/:id/answer',
    {
      schema: {
        tags,
        summary: '答复待答复的咨询（本中心窗口工作人员、中心主任；短信告知咨询人；expectedVersion 过期返回 409）',
        params,
        body: z.object({ answer: answer(true), itemCode: itemCode.optional(), expectedVersion }),
        response: { 200: consultationDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'consultations.log');
      await answerConsultation(ctx, actor, request.params.id, request.body);
      return getConsultation(ctx, actor, request.params.id);
    },
  );

  // ---- the items' FAQ
  const faqTags = ['常见问题'];
  r.get('/api/faq', { schema: { tags: faqTags, summary: '某中心某事项的常见问题（含已撤下的）', querystring: z.object({ itemCode, orgId: id.optional() }), response: { 200: faqListSchema } } }, (request) =>
    faqList(ctx, requirePermission(request, 'consultations.read'), request.query.itemCode, request.query.orgId),
  );
  r.post(
    '/api/faq',
    {
      schema: {
        tags: faqTags,
        summary: '新增常见问题，或把已答复的咨询选入常见问题（consultationId；本中心窗口工作人员、中心主任；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: z.object({ itemCode, question: faqQuestion, answer: faqAnswer, consultationId: id.optional() }),
        response: { 200: faqEntryDetailSchema, 201: faqEntryDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'consultations.faq');
      const done = await createFaq(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await faqDetail(ctx, actor, done.id));
    },
  );
  r.get('/api/faq/:id', { schema: { tags: faqTags, summary: '常见问题条目及其全部版本', params, response: { 200: faqEntryDetailSchema } } }, (request) =>
    faqDetail(ctx, requirePermission(request, 'consultations.read'), request.params.id),
  );
  r.patch(
    '/api/faq/:id',
    {
      schema: {
        tags: faqTags,
        summary: '修改常见问题（expectedVersion 过期返回 409）',
        params,
        body: z.object({ question: faqQuestion.optional(), answer: faqAnswer.optional(), expectedVersion }),
        response: { 200: faqEntryDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'consultations.faq');
      const { expectedVersion: v, ...change } = request.body;
      await changeFaq(ctx, actor, request.params.id, v, { action: 'edit', ...change });
      return faqDetail(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/faq/:id/move',
    { schema: { tags: faqTags, summary: '调整常见问题的顺序（to：从 0 起的新位置）', params, body: z.object({ to: z.number().int().min(0).max(1000), expectedVersion }), response: { 200: faqEntryDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'consultations.faq');
      await changeFaq(ctx, actor, request.params.id, request.body.expectedVersion, { action: 'move', to: request.body.to });
      return faqDetail(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/faq/:id/retire',
    { schema: { tags: faqTags, summary: '撤下常见问题（保留记录，可恢复）', params, body: z.object({ reason: freeText('撤下原因', FAQ_TEXT_LIMITS.note).optional(), expectedVersion }), response: { 200: faqEntryDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'consultations.faq');
      await changeFaq(ctx, actor, request.params.id, request.body.expectedVersion, { action: 'retire', reason: request.body.reason });
      return faqDetail(ctx, actor, request.params.id);
    },
  );
  r.post(
    '/api/faq/:id/restore',
    { schema: { tags: faqTags, summary: '恢复公开已撤下的常见问题（排在最后）', params, body: z.object({ expectedVersion }), response: { 200: faqEntryDetailSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'consultations.faq');
      await changeFaq(ctx, actor, request.params.id, request.body.expectedVersion, { action: 'restore' });
      return faqDetail(ctx, actor, request.params.id);
    },
  );

  // ---- public (no session)
  r.get(
    '/api/public/items/:code/faq',
    { schema: { tags: ['公开'], summary: '事项的常见问题（orgId：该中心的，无则取上级中心的；不填：各中心的）', params: z.object({ code: itemCode }), querystring: z.object({ orgId: id.optional() }), response: { 200: publicFaqSchema } } },
    (request) => publicFaq(ctx, request.params.code, request.query.orgId),
  );
  r.post(
    '/api/public/consultations',
    {
      schema: { tags: ['公开'], summary: '网上咨询（姓名、手机号、事项、问题；需 Idempotency-Key）→ 咨询编号和查询码；答复以短信告知', headers: idempotencyHeaders, body: askBody, response: { 200: askedSchema, 201: askedSchema } },
      config: { rateLimit: { max: 10, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request, reply) => {
      const { replayed, ...asked } = await askOnline(ctx, request.body, request.headers['idempotency-key']);
      return reply.code(replayed ? 200 : 201).send(asked);
    },
  );
  r.get(
    '/api/public/consultations',
    {
      schema: {
        tags: ['公开'],
        summary: '查询网上咨询的答复（咨询编号 + 查询码，或手机号后四位）',
        querystring: z
          .object({
            consultationNo: z.string().trim().min(1, '请输入咨询编号').max(40),
            queryCode: z.string().trim().regex(/^\d{6}$/, '查询码是 6 位数字').optional(),
            phone4: z.string().trim().regex(/^\d{4}$/, '请输入手机号码的后四位数字').optional(),
          })
          .refine((q) => q.queryCode || q.phone4, { error: '请输入查询码或手机号码后四位' }),
        response: { 200: publicConsultationSchema },
      },
      config: { rateLimit: { max: ctx.config.progressPerMinute, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    (request) => publicConsultation(ctx, request.query.consultationNo, request.query),
  );
}
