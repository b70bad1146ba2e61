/**
 * 领导带班 (issue 12 §5): /api/duty/* for the director (roster), the leaders on duty (receptions), village agents and
 * the township director (office days); GET /api/hall/duty-roster is public (the published roster only). Routes only
 * translate: zod validates, the permission is checked, one use case runs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officeDayListSchema, officeDaySchema, publicRosterSchema, receptionChangeBody, receptionListSchema, receptionSchema, receptionTextBody, rosterSuggestionSchema, staffRosterSchema } from '../../domain/duty/contract.js';
import { freeText, TEXT_LIMITS } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { listOfficeDays, setOfficeDay } from './office-days.js';
import { changeReception, getReception, listReceptions, recordReception } from './receptions.js';
import { changeRosterDay, getStaffRoster, publicRoster, publishRoster, saveDraft, suggestRoster } from './roster.js';

const id = z.string().min(1).max(100);
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份请按 YYYY-MM 填写，如 2027-01' });
const day = z.string({ error: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期须是 YYYY-MM-DD 格式' });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const assignments = z.array(z.object({ day, userId: id })).max(31, { error: '一个月最多 31 天' });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});

export function dutyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['领导带班'];

  r.get(
    '/api/hall/duty-roster',
    { schema: { tags, summary: '已发布的领导带班值班表（公开；每个工作日的带班领导和职务）', querystring: z.object({ orgId: id, month: month.optional() }), response: { 200: publicRosterSchema } } },
    (request) => publicRoster(ctx, request.query.orgId, request.query.month),
  );

  r.get(
    '/api/duty/roster',
    { schema: { tags, summary: '本中心某月的值班表（草稿或已发布，含调整记录；默认下个月）', querystring: z.object({ orgId: id.optional(), month: month.optional() }), response: { 200: staffRosterSchema } } },
    (request) => getStaffRoster(ctx, requirePermission(request, 'duty.manage'), request.query.orgId, request.query.month),
  );
  r.post(
    '/api/duty/roster/suggest',
    {
      schema: {
        tags,
        summary: '按轮流顺序自动排班（接着上月最后一位，已排的日子保留；只给建议，不保存）',
        body: z.object({ orgId: id.optional(), month, keep: assignments.optional() }),
        response: { 200: rosterSuggestionSchema },
      },
    },
    (request) => suggestRoster(ctx, requirePermission(request, 'duty.manage'), request.body.orgId, request.body.month, request.body.keep ?? []),
  );
  r.put(
    '/api/duty/roster',
    {
      schema: {
        tags,
        summary: '保存某月值班表草稿（整月一起保存；已发布的请逐日调整；expectedVersion 过期返回 409）',
        body: z.object({ orgId: id.optional(), month, assignments, expectedVersion: expectedVersion.optional() }),
        response: { 200: staffRosterSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'duty.manage');
      await saveDraft(ctx, actor, request.body);
      return getStaffRoster(ctx, actor, request.body.orgId, request.body.month);
    },
  );
  r.post(
    '/api/duty/roster/publish',
    {
      schema: {
        tags,
        summary: '发布值班表（每个工作日都排好带班领导才能发布，否则 422 DUTY_DAY_UNCOVERED）',
        body: z.object({ orgId: id.optional(), month, expectedVersion }),
        response: { 200: staffRosterSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'duty.manage');
      await publishRoster(ctx, actor, request.body);
      return getStaffRoster(ctx, actor, request.body.orgId, request.body.month);
    },
  );
  r.post(
    '/api/duty/roster/change',
    {
      schema: {
        tags,
        summary: '调整已发布值班表的某一天（须填写原因，调整记录保留）',
        body: z.object({ orgId: id.optional(), month, day, userId: id, reason: freeText('调整原因', TEXT_LIMITS.reason, { required: true }), expectedVersion }),
        response: { 200: staffRosterSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'duty.manage');
      await changeRosterDay(ctx, actor, request.body);
      return getStaffRoster(ctx, actor, request.body.orgId, request.body.month);
    },
  );

  r.get(
    '/api/duty/receptions',
    { schema: { tags, summary: '本中心的领导接待记录（某一天或某月，默认本月）', querystring: z.object({ day: day.optional(), month: month.optional() }), response: { 200: receptionListSchema } } },
    (request) => listReceptions(ctx, requirePermission(request, 'duty.receive'), request.query),
  );
  r.post(
    '/api/duty/receptions',
    {
      schema: {
        tags,
        summary: '登记领导接待（来访人、电话、反映事项、处理情况；可关联已有信访事项或同时登记为信访事项；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: receptionTextBody.extend({ petitionId: id.optional(), registerPetition: z.boolean().optional() }),
        response: { 200: receptionSchema, 201: receptionSchema },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'duty.receive');
      const done = await recordReception(ctx, actor, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await getReception(ctx, actor, done.id));
    },
  );
  r.put(
    '/api/duty/receptions/:id',
    {
      schema: {
        tags,
        summary: '修改领导接待记录（接待的领导本人或中心主任；常用于跟进后补写处理情况；expectedVersion 过期返回 409）',
        params: z.object({ id }),
        body: receptionChangeBody,
        response: { 200: receptionSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'duty.receive');
      await changeReception(ctx, actor, request.params.id, request.body);
      return getReception(ctx, actor, request.params.id);
    },
  );

  r.get('/api/duty/office-days', { schema: { tags, summary: '可设置固定办公日的村（代办员：本村；中心主任：本乡镇各村）', response: { 200: officeDayListSchema } } }, (request) =>
    listOfficeDays(ctx, requirePermission(request, 'duty.office-day')),
  );
  r.put(
    '/api/duty/office-days/:orgId',
    {
      schema: {
        tags,
        summary: '设置村固定办公日（每周几，可多选；可加备注；expectedVersion 过期返回 409）',
        params: z.object({ orgId: id }),
        body: z.object({
          weekdays: z.array(z.number().int().min(1, '办公日请在周一到周日中选择').max(7, '办公日请在周一到周日中选择')).max(7),
          note: freeText('备注', 100).nullable().optional(),
          expectedVersion: expectedVersion.nullable().optional(),
        }),
        response: { 200: officeDaySchema },
      },
    },
    (request) => setOfficeDay(ctx, requirePermission(request, 'duty.office-day'), request.params.orgId, request.body),
  );
}
