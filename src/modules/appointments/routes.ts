/**
 * 预约 (issue 12 §3). /api/hall/appointments*: the open slots (public), booking by the window for a phone caller or
 * by a village agent for a villager (staff session), the day's list, check-in at the kiosk (public, rate-limited:
 * the 6-digit code) or the window, cancelling, the slot plans and the days ahead (director), the no-show counts.
 * /api/public/appointments*: the signed-in applicant books, lists and cancels their own — under /api/public because
 * the applicant's cookie (`bianmin_applicant`) is only sent there. Routes only translate; the use cases decide.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentListSchema, appointmentSchema, checkedInSchema, noShowsSchema, plansSchema, slotsSchema } from '../../domain/contract/appointments.js';
import { hasPermission } from '../../domain/roles.js';
import { freeText, personNameText, pickedId, TEXT_LIMITS } from '../../domain/text.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { APPLICANT_COOKIE, resolveApplicant } from '../applicants/session.js';
import { bookAppointment, type BookInput } from './book.js';
import { cancelAppointment, checkInAtWindow, checkInByCode } from './change.js';
import { viewsOf } from './common.js';
import { listPlans, savePlan, setDaysAhead } from './plans.js';
import { agentBookings, applicantBookings, dayList, noShowCounts, slotsOf } from './queries.js';
import { findAppointment } from './repo.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const date = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须是 YYYY-MM-DD 格式的日期` });
const time = (label: string) => z.string({ error: `请选择${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}须按 24 小时制 HH:mm 填写，如 09:00` });
const version = z.number({ error: '缺少 version（预约的版本号），请刷新页面后重试。' }).int().min(1);
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});
const slotAsk = { orgId: pickedId('办事地点'), serviceId: pickedId('预约的业务'), day: date('预约日期'), start: time('预约时段') };
export const staffBookBody = z.object({
  ...slotAsk,
  name: personNameText('预约人姓名', TEXT_LIMITS.personName),
  phone: z.string({ error: '请填写预约人的手机号码' }).trim().min(1, { error: '请填写预约人的手机号码' }).max(30, { error: '手机号码太长，请核对' }),
  note: freeText('备注', 200).optional(),
});
const rangeSchema = z.object({
  start: time('开始时间'),
  end: time('结束时间'),
  capacity: z.number({ error: '请填写可约人数' }).int('可约人数须是整数').min(1, '可约人数至少 1 人').max(200, '可约人数不超过 200 人'),
});

export function appointmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['预约'];
  const window = ctx.config.rateLimitWindowMs;
  const applicant = (request: FastifyRequest) => resolveApplicant(ctx, request.cookies[APPLICANT_COOKIE]);
  const present = async (appointmentId: string, masked = false) => {
    const row = await findAppointment(ctx.database.db, appointmentId);
    if (!row) throw notFound('该预约');
    return (await viewsOf(ctx.database.db, [row], masked))[0]!;
  };

  r.get(
    '/api/hall/appointments',
    {
      schema: { tags, summary: '可预约的服务，及某项服务今后几天（只含工作日）的时段和剩余号数（公开）', querystring: z.object({ orgId: id, serviceId: id.optional() }), response: { 200: slotsSchema } },
      config: { rateLimit: { max: Math.max(60, ctx.config.progressPerMinute), timeWindow: window } },
    },
    (request) => slotsOf(ctx, request.query.orgId, request.query.serviceId),
  );

  r.post(
    '/api/hall/appointments',
    {
      schema: {
        tags,
        summary: '窗口为来电群众预约、村代办员为村民代为预约（需 Idempotency-Key；约满或同一手机当天已约返回 409）',
        headers: idempotencyHeaders,
        body: staffBookBody,
        response: { 200: appointmentSchema, 201: appointmentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const via = hasPermission(actor.roles, 'appointments.window') ? 'window' : hasPermission(actor.roles, 'appointments.agent') ? 'agent' : null;
      if (!via) throw forbidden('办理预约');
      const done = await bookAppointment(ctx, { via, actor }, request.body as BookInput, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await present(done.id));
    },
  );

  r.get(
    '/api/hall/appointments/day',
    { schema: { tags, summary: '本中心某天（默认今天）的全部预约（窗口、中心主任）', querystring: z.object({ orgId: id.optional(), date: date('日期').optional() }), response: { 200: appointmentListSchema } } },
    (request) => dayList(ctx, requirePermission(request, 'appointments.window'), request.query.orgId, request.query.date),
  );

  r.get('/api/hall/appointments/mine', { schema: { tags, summary: '村代办员代为预约的记录（一周前起）', response: { 200: appointmentListSchema } } }, (request) =>
    agentBookings(ctx, requirePermission(request, 'appointments.agent')),
  );

  r.post(
    '/api/hall/appointments/check-in',
    {
      schema: {
        tags,
        summary: '取号机预约签到：输入 6 位签到码，取一个排在该服务最前面的号（公开，限频；应答同取号，另附预约；同一 Idempotency-Key 重发得到同一个号）',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: z.object({ orgId: id, code: z.string({ error: '请输入签到码' }).trim().regex(/^\d{6}$/, { error: '签到码是 6 位数字，请核对短信' }) }), response: { 200: checkedInSchema },
      },
      config: { rateLimit: { max: 20, timeWindow: window } },
    },
    async (request) => {
      const done = await checkInByCode(ctx, request.body.orgId, request.body.code, request.headers['idempotency-key']);
      return { ...done.ticket, ticket: done.ticket, appointment: await present(done.id, true) };
    },
  );

  r.post(
    '/api/hall/appointments/:id/check-in',
    { schema: { tags, summary: '窗口为预约群众签到取号（version 过期返回 409）', params, body: z.object({ version }), response: { 200: checkedInSchema } } },
    async (request) => {
      const done = await checkInAtWindow(ctx, requirePermission(request, 'appointments.window'), request.params.id, request.body.version);
      return { ...done.ticket, ticket: done.ticket, appointment: await present(done.id) };
    },
  );

  r.post(
    '/api/hall/appointments/:id/cancel',
    { schema: { tags, summary: '窗口或代约的村代办员取消预约（version 过期返回 409）', params, body: z.object({ version }), response: { 200: appointmentSchema } } },
    async (request) => {
      await cancelAppointment(ctx, { kind: 'staff', actor: requireActor(request) }, request.params.id, request.body.version);
      return present(request.params.id);
    },
  );

  r.get('/api/hall/appointments/plans', { schema: { tags, summary: '各服务的预约时段和提前放号天数', querystring: z.object({ orgId: id.optional() }), response: { 200: plansSchema } } }, (request) =>
    listPlans(ctx, requirePermission(request, 'appointments.window'), request.query.orgId),
  );

  r.put(
    '/api/hall/appointments/plans/:serviceId',
    {
      schema: {
        tags,
        summary: '设置一项服务的预约时段（如 09:00–10:00 可约 5 人；中心主任；version 过期返回 409，首次设置传 null）',
        params: z.object({ serviceId: id }),
        body: z.object({ ranges: z.array(rangeSchema).max(24, '一天最多 24 个时段'), version: version.nullable() }),
        response: { 200: plansSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'appointments.manage');
      await savePlan(ctx, actor, request.params.serviceId, request.body.ranges, request.body.version);
      return listPlans(ctx, actor, undefined);
    },
  );

  r.put(
    '/api/hall/appointments/days-ahead',
    {
      schema: { tags, summary: '提前几天放号（默认 7 天；中心主任）', body: z.object({ orgId: id.optional(), daysAhead: z.number({ error: '请填写提前放号天数' }).int('天数须是整数') }), response: { 200: plansSchema } },
    },
    async (request) => {
      const actor = requirePermission(request, 'appointments.manage');
      await setDaysAhead(ctx, actor, request.body.orgId, request.body.daysAhead);
      return listPlans(ctx, actor, request.body.orgId);
    },
  );

  r.get(
    '/api/hall/appointments/no-shows',
    { schema: { tags, summary: '爽约统计：某月各服务的预约数、签到数、取消数和爽约数（中心主任）', querystring: z.object({ orgId: id.optional(), month: z.string().optional() }), response: { 200: noShowsSchema } } },
    (request) => noShowCounts(ctx, requirePermission(request, 'appointments.manage'), request.query.orgId, request.query.month),
  );

  // the applicant's own, under /api/public where their cookie goes
  r.get('/api/public/appointments', { schema: { tags, summary: '我的预约（网上办事账号）', response: { 200: appointmentListSchema } } }, async (request) =>
    applicantBookings(ctx, (await applicant(request)).applicantId),
  );

  r.post(
    '/api/public/appointments',
    {
      schema: {
        tags,
        summary: '网上预约（登录网上办事账号，用账号的姓名和手机；需 Idempotency-Key；约满或当天已约返回 409）',
        headers: idempotencyHeaders,
        body: z.object(slotAsk),
        response: { 200: appointmentSchema, 201: appointmentSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: window } },
    },
    async (request, reply) => {
      const who = await applicant(request);
      const done = await bookAppointment(ctx, { via: 'public', applicantId: who.applicantId }, request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(await present(done.id));
    },
  );

  r.post(
    '/api/public/appointments/:id/cancel',
    { schema: { tags, summary: '取消我的预约（version 过期返回 409）', params, body: z.object({ version }), response: { 200: appointmentSchema } } },
    async (request) => {
      const who = await applicant(request);
      await cancelAppointment(ctx, { kind: 'applicant', applicantId: who.applicantId }, request.params.id, request.body.version);
      return present(request.params.id);
    },
  );
}
