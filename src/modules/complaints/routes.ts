/** /api/complaints* and /api/public/complaints* (API.md "v1 additions"): 投诉. Routes only translate; the use cases decide. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_CLASSES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
  COMPLAINT_TEXT_LIMITS as L,
  STAFF_SOURCES,
  VISIT_RESULTS,
} from '../../domain/complaints/complaints.js';
import {
  complaintDetailSchema,
  complaintLimitsSchema,
  complaintListSchema,
  publicCentersSchema,
  publicComplaintCreatedSchema,
  publicComplaintSchema,
} from '../../domain/complaints/contract.js';
import { freeText, nameText, personNameText, TEXT_LIMITS } from '../../domain/text.js';
import { hasPermission } from '../../domain/roles.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { complaintHandlersSchema } from '../../domain/complaints/handlers-contract.js';
import { runComplaintAction } from './command.js';
import { complaintHandlers } from './handlers.js';
import { publicCenters, publicComplaint } from './public.js';
import { getComplaint, getComplaintLimits, listComplaints, setComplaintLimits } from './queries.js';
import { filePublicComplaint, registerComplaint } from './register.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const phone = z.string({ error: '请填写联系电话' }).trim().min(1, { error: '请填写联系电话' }).max(TEXT_LIMITS.phone, { error: '联系电话太长，请核对' });
/**
 * The 办件编号 a complaint names, as typed (full-width dashes, spaces, lower case, from a paper or a phone's input
 * method): the complaint module reads it as the number it means and checks that such a case exists (complaintCaseNo).
 */
const caseNo = z.string().trim().max(40, { error: '办件编号太长，请核对后重填，不知道的可以不填' });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});

export const registerBody = z.object({
  source: z.enum(STAFF_SOURCES, { error: '投诉来源只能是窗口（window）、电话（phone）、书面（written）、差评（bad_rating）或 12345 转办（hotline_12345）' }),
  cls: z.enum(COMPLAINT_CLASSES, { error: '请选择简单投诉（simple）或复杂投诉（complex）' }),
  title: nameText('投诉标题', L.title),
  content: freeText('投诉内容', L.content, { required: true }),
  complainantName: personNameText('投诉人姓名', L.name),
  complainantPhone: phone,
  respondentOrgId: id.optional(),
  respondentUnit: freeText('被投诉单位', TEXT_LIMITS.orgName).optional(),
  respondentPerson: freeText('被投诉人', L.person).optional(),
  caseNo: caseNo.optional(),
  hotlineNo: z.string().trim().max(40, { error: '12345 工单编号太长，请核对' }).regex(/^[0-9A-Za-z-]*$/, { error: '12345 工单编号只能包含数字、字母和短横线' }).optional(),
  receivedAt: z.string().max(40).optional(),
});

export const publicBody = z.object({
  orgId: id,
  name: personNameText('您的姓名', L.name),
  phone,
  title: nameText('投诉标题', L.title),
  content: freeText('投诉内容', L.content, { required: true }),
  caseNo: caseNo.optional(),
});

export const actionBody = z.object({
  expectedVersion: z.number({ error: '缺少 expectedVersion（投诉的版本号），请刷新页面后重试。' }).int().min(1),
  cls: z.enum(COMPLAINT_CLASSES).optional(),
  handlerId: id.optional(),
  findings: freeText('调查情况', L.findings).optional(),
  upheld: z.boolean({ error: 'upheld 须是 true（属实）或 false（不属实）' }).optional(),
  reasons: freeText('处理理由', L.reason).optional(),
  feedback: freeText('反馈信息', L.feedback).optional(),
  result: z.enum(VISIT_RESULTS, { error: '回访结果只能是满意、基本满意或不满意' }).optional(),
  note: freeText('备注', L.note).optional(),
  reason: freeText('延期原因', L.reason).optional(),
  days: z.number({ error: '延期天数须是数字' }).int({ error: '延期天数须是整数' }).optional(),
  mainId: id.optional(),
});

const listQuery = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  orgId: id.optional(),
  source: z.enum(COMPLAINT_SOURCES).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export function complaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['投诉'];

  r.post(
    '/api/complaints',
    { schema: { tags, summary: '登记投诉（窗口、电话、书面、差评、12345 转办；需 Idempotency-Key）', headers: idempotencyHeaders, body: registerBody, response: { 200: complaintDetailSchema, 201: complaintDetailSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'complaints.handle');
      const made = await registerComplaint(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(made.replayed ? 200 : 201).send(await getComplaint(ctx, actor, made.id));
    },
  );
  r.get('/api/complaints', { schema: { tags, summary: '投诉台账（本中心；纪检监察员：本级及下级）', querystring: listQuery, response: { 200: complaintListSchema } } }, (request) =>
    listComplaints(ctx, requirePermission(request, 'complaints.read'), request.query),
  );
  r.get('/api/complaints/limits', { schema: { tags, summary: '投诉答复时限（工作日）', response: { 200: complaintLimitsSchema } } }, (request) => {
    // those who handle or read complaints, and the administrator who sets the limits
    if (!hasPermission(requireActor(request).roles, 'complaints.settings')) requirePermission(request, 'complaints.read');
    return getComplaintLimits(ctx);
  });
  r.put(
    '/api/complaints/limits',
    {
      schema: {
        tags,
        summary: '设置投诉答复时限（系统管理员）',
        body: z.object({
          simpleDays: z.number().int().min(0, { error: '简单投诉的时限至少 0 个工作日（当天）' }).max(5, { error: '简单投诉的时限不超过 5 个工作日' }),
          complexDays: z.number().int().min(1).max(30, { error: '复杂投诉的时限不超过 30 个工作日' }),
          maxExtensionDays: z.number().int().min(1).max(30, { error: '延期不超过 30 个工作日' }),
        }),
        response: { 200: complaintLimitsSchema },
      },
    },
    (request) => setComplaintLimits(ctx, requirePermission(request, 'complaints.settings'), request.body),
  );
  r.get('/api/complaints/handlers', { schema: { tags, summary: '受理时可选的承办人：本中心在岗的主任、带班领导和工作人员', response: { 200: complaintHandlersSchema } } }, (request) =>
    complaintHandlers(ctx, requirePermission(request, 'complaints.handle')),
  );
  r.get('/api/complaints/:id', { schema: { tags, summary: '投诉详情及办理过程', params, response: { 200: complaintDetailSchema } } }, (request) =>
    getComplaint(ctx, requirePermission(request, 'complaints.read'), request.params.id),
  );
  r.post(
    '/api/complaints/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '办理投诉：受理 accept、调查 investigate、处置 handle、反馈 answer、回访 visit、归档 archive、延期 extend、并单 merge（expectedVersion 过期返回 409）',
        params: z.object({ id, action: z.enum(COMPLAINT_ACTIONS, { error: '没有这个办理环节，请刷新页面后重试' }) }),
        body: actionBody,
        response: { 200: complaintDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.handle');
      await runComplaintAction(ctx, actor, request.params.id, request.params.action, request.body);
      return getComplaint(ctx, actor, request.params.id);
    },
  );

  // ---- public: no session
  const publicTags = ['公开'];
  const perWindow = ctx.config.progressPerMinute;
  r.get('/api/public/complaints/centers', { schema: { tags: publicTags, summary: '可以投诉的便民服务中心（站、室）', response: { 200: publicCentersSchema } } }, () => publicCenters(ctx));
  r.post(
    '/api/public/complaints',
    {
      schema: { tags: publicTags, summary: '网上投诉（需 Idempotency-Key）：返回投诉编号和查询码', headers: idempotencyHeaders, body: publicBody, response: { 200: publicComplaintCreatedSchema, 201: publicComplaintCreatedSchema } },
      config: { rateLimit: { max: Math.max(3, Math.floor(perWindow / 2)), timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request, reply) => {
      const made = await filePublicComplaint(ctx, request.body, request.headers['idempotency-key']);
      return reply.code(made.replayed ? 200 : 201).send({ complaintNo: made.complaintNo, queryCode: made.queryCode });
    },
  );
  r.get(
    '/api/public/complaints',
    {
      schema: {
        tags: publicTags,
        summary: '投诉办理情况查询（投诉编号 + 查询码）',
        querystring: z.object({ complaintNo: z.string({ error: '请填写投诉编号' }).trim().min(1, { error: '请填写投诉编号' }).max(40), queryCode: z.string({ error: '请填写查询码' }).trim().min(1, { error: '请填写查询码' }).max(10) }),
        response: { 200: publicComplaintSchema },
      },
      config: { rateLimit: { max: perWindow, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    (request) => publicComplaint(ctx, request.query.complaintNo, request.query.queryCode),
  );
}
