/** /api/petitions* (API.md "v1 additions"): 信访接待. Routes only translate; the use cases decide. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  earlierVisitsSchema,
  handoverPaperSchema,
  noticePaperSchema,
  petitionDetailSchema,
  petitionListSchema,
  petitionPrintSchema,
  petitionSettingsSchema,
} from '../../domain/petitions/contract.js';
import {
  DAY_COUNTS,
  PETITION_CHANNELS,
  PETITION_HANDLINGS,
  PETITION_SEXES,
  PETITION_STATUSES,
  PETITION_URGENCIES,
  type PetitionCommand,
} from '../../domain/petitions/petitions.js';
import { validationFailed } from '../../domain/errors.js';
import { freeText, nameText, personNameText, TEXT_LIMITS } from '../../domain/text.js';
import { hasPermission } from '../../domain/roles.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { runPetitionAction } from './command.js';
import { handoverPaper, noticePaper, recordPetitionPrint } from './print.js';
import { earlierVisits, getPetition, listPetitions } from './queries.js';
import { registerPetition } from './register.js';
import { dayCountOf, setDayCount } from './settings.js';

const id = z.string().min(1).max(100);
const date = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须是 YYYY-MM-DD 格式的日期` });
const expectedVersion = z.number({ error: '缺少 expectedVersion（信访事项的版本号），请刷新页面后重试。' }).int().min(1);
const params = z.object({ id });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const phone = z.string().trim().max(TEXT_LIMITS.phone, { error: `电话不能超过 ${TEXT_LIMITS.phone} 位` });
const idNumber = z.string().trim().max(30, { error: '身份证号码过长，请核对' });

const representative = z.object({ name: personNameText('代表姓名', TEXT_LIMITS.personName), phone: phone.optional(), idNumber: idNumber.optional() });

export const registerPetitionBody = z.object({
  name: personNameText('信访人姓名', TEXT_LIMITS.personName),
  phone: phone.optional(),
  idNumber: idNumber.optional(),
  address: freeText('住址或工作单位', TEXT_LIMITS.address).optional(),
  sex: z.enum(PETITION_SEXES, { error: '性别只能是 male（男）或 female（女）' }).optional(),
  age: z.number({ error: '年龄须是数字' }).int().min(0, { error: '年龄不能小于 0' }).max(130, { error: '年龄不能超过 130' }).optional(),
  occupation: freeText('职业', 60).optional(),
  issue: freeText('反映的问题', 2000, { required: true }),
  channel: z.enum(PETITION_CHANNELS, { error: '信访方式只能是 visit（来访）、letter（来信）、phone（来电）或 online（网上）' }),
  persons: z.number({ error: '人数须是数字' }).int().min(1, { error: '人数至少为 1' }).max(10_000, { error: '人数过大，请核对' }).optional(),
  // at most 5 are allowed; a 6th is refused by the domain with a clear 422 (the 条例's rule), not by the schema
  representatives: z.array(representative).max(50).optional(),
  handling: z.enum(PETITION_HANDLINGS, { error: '处理方式只能是 solved（当场解决）、transferred（交办）或 reply（限期答复）' }).optional(),
  urgency: z.enum(PETITION_URGENCIES, { error: '紧急程度只能是 normal（一般）或 urgent（紧急）' }).optional(),
  result: freeText('当场解决的情况', 2000).optional(),
  receivedAt: z.string().datetime({ offset: true, error: '来访时间须是带时区的时刻（ISO 8601）' }).optional(),
});

const text = (label: string, required = true) => freeText(label, 2000, { required });
const ACTION_BODIES = {
  solve: z.object({ text: text('当场解决的情况'), expectedVersion }),
  accept: z.object({ text: text('受理意见', false).optional(), expectedVersion }),
  reject: z.object({ text: text('不予受理的理由和依据'), expectedVersion }),
  'hand-over': z.object({ department: nameText('责任部门', TEXT_LIMITS.shortName), text: text('交办内容和要求'), replyBy: date('回复期限'), expectedVersion }),
  'department-reply': z.object({ handoverId: id.optional(), text: text('部门回复内容'), expectedVersion }),
  extend: z.object({ days: z.number({ error: '请填写延期天数' }).int({ error: '延期天数须是整数' }), text: text('延期理由'), expectedVersion }),
  reception: z.object({ leaderName: personNameText('接待领导', TEXT_LIMITS.personName), receivedOn: date('接待日期'), text: text('接待时的决定'), expectedVersion }),
  answer: z.object({ text: text('答复意见'), expectedVersion }),
  'request-review': z.object({ text: text('复查请求', false).optional(), expectedVersion }),
  'review-answer': z.object({ text: text('复查意见'), expectedVersion }),
  'request-recheck': z.object({ text: text('复核请求', false).optional(), expectedVersion }),
  'recheck-answer': z.object({ text: text('复核意见'), expectedVersion }),
} as const;
type UrlAction = keyof typeof ACTION_BODIES;
const URL_ACTIONS = Object.keys(ACTION_BODIES) as UrlAction[];

const listQuery = z.object({
  status: z.enum(PETITION_STATUSES).optional(),
  group: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  channel: z.enum(PETITION_CHANNELS).optional(),
  urgency: z.enum(PETITION_URGENCIES).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export function petitionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['信访接待'];

  r.post(
    '/api/petitions',
    { schema: { tags, summary: '信访登记（信访工作人员、中心领导；需 Idempotency-Key）', headers: idempotencyHeaders, body: registerPetitionBody, response: { 200: petitionDetailSchema, 201: petitionDetailSchema } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'petitions.handle');
      const done = await registerPetition(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await getPetition(ctx, actor, done.id, { audit: false }));
    },
  );
  r.get('/api/petitions', { schema: { tags, summary: '信访登记台账（本中心；电话和身份证号码遮蔽）', querystring: listQuery, response: { 200: petitionListSchema } } }, (request) =>
    listPetitions(ctx, requirePermission(request, 'petitions.read'), request.query),
  );
  r.get(
    '/api/petitions/earlier',
    { schema: { tags, summary: '既往来访：按身份证号码（GB 11643 校验）或电话查找同一人此前的信访', querystring: z.object({ idNumber: idNumber.optional(), phone: phone.optional() }), response: { 200: earlierVisitsSchema } } },
    (request) => earlierVisits(ctx, requirePermission(request, 'petitions.read'), request.query),
  );
  r.get('/api/petitions/settings', { schema: { tags, summary: '信访时限的计算方式（自然日 / 工作日）', response: { 200: petitionSettingsSchema } } }, async (request) => {
    // those who handle petitions, and the administrator who sets the counting
    if (!hasPermission(requireActor(request).roles, 'settings.manage')) requirePermission(request, 'petitions.read');
    return { dayCount: await dayCountOf(ctx.database.db) };
  });
  r.put(
    '/api/petitions/settings',
    { schema: { tags, summary: '修改信访时限的计算方式（系统管理员；只影响此后登记的信访事项）', body: z.object({ dayCount: z.enum(DAY_COUNTS) }), response: { 200: petitionSettingsSchema } } },
    (request) => setDayCount(ctx, requirePermission(request, 'settings.manage'), request.body.dayCount),
  );
  r.get('/api/petitions/:id', { schema: { tags, summary: '信访事项详情、时限、交办单、领导接待和全过程记录', params, response: { 200: petitionDetailSchema } } }, (request) =>
    getPetition(ctx, requirePermission(request, 'petitions.read'), request.params.id),
  );
  r.post(
    '/api/petitions/:id/actions/:action',
    {
      schema: {
        tags,
        summary: `办理一步：${URL_ACTIONS.join(' / ')}（expectedVersion 过期返回 409）`,
        params: z.object({ id, action: z.enum(URL_ACTIONS, { error: `办理动作只能是 ${URL_ACTIONS.join('、')}` }) }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: petitionDetailSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'petitions.handle');
      const { action, id: petitionId } = request.params;
      const parsed = ACTION_BODIES[action].safeParse(request.body);
      if (!parsed.success) throw validationFailed(parsed.error.issues);
      const body = parsed.data as { expectedVersion: number } & Record<string, unknown>;
      const { expectedVersion: version, ...rest } = body;
      const command = { ...rest, action: action.replaceAll('-', '_') } as PetitionCommand & { handoverId?: string };
      await runPetitionAction(ctx, actor, petitionId, version, command);
      return getPetition(ctx, actor, petitionId, { audit: false });
    },
  );
  r.get(
    '/api/petitions/:id/handovers/:handoverId/paper',
    { schema: { tags, summary: '打印事项交办单的内容', params: z.object({ id, handoverId: id }), response: { 200: handoverPaperSchema } } },
    (request) => handoverPaper(ctx, requirePermission(request, 'petitions.read'), request.params.id, request.params.handoverId),
  );
  r.get(
    '/api/petitions/:id/notices/:seq/paper',
    { schema: { tags, summary: '打印告知书（受理 / 不予受理 / 延期 / 答复意见）的内容', params: z.object({ id, seq: z.coerce.number().int().min(1) }), response: { 200: noticePaperSchema } } },
    (request) => noticePaper(ctx, requirePermission(request, 'petitions.read'), request.params.id, request.params.seq),
  );
  r.post(
    '/api/petitions/:id/prints',
    {
      schema: {
        tags,
        summary: '登记一次打印交办单或告知书，留存所印内容',
        params,
        body: z.object({ handoverId: id.optional(), seq: z.number().int().min(1).optional() }).refine((b) => (b.handoverId ? !b.seq : !!b.seq), { error: '请指明打印的是哪张交办单（handoverId）或哪份告知书（seq）' }),
        response: { 201: petitionPrintSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await recordPetitionPrint(ctx, requirePermission(request, 'petitions.read'), request.params.id, request.body)),
  );
}
