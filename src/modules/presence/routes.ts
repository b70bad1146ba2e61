/**
 * 在岗、考勤、请假、去向 (issue 12 §4). Routes only translate: zod validates, the permission is checked, one use
 * case runs. The address a sign-in is judged by is request.ip (the connection, through the server's trustProxy),
 * never a header the browser sends. Setting a 去向 is POST /api/users/{id}/presence (users module).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presenceSchema } from '../../domain/contract/users.js';
import { attendanceMonthSchema, attendanceNetworksSchema, attendanceRecordSchema, attendanceTodaySchema, hallPresenceSchema, leaveListSchema, leaveSchema, whereaboutsBoardSchema } from '../../domain/contract/presence.js';
import { isIsoDate } from '../../domain/calendar/calendar.js';
import { LEAVE_KINDS, LEAVE_STATUSES } from '../../domain/staff/leave.js';
import { freeText } from '../../domain/text.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { assertInScope } from '../orgs/service.js';
import { attendanceToday, monthTable, monthWorkbook, signIn, signOut } from './attendance.js';
import { hallPresence, whereaboutsBoard } from './board.js';
import { cancelLeave, decideLeave, fileLeave, getLeave, listLeavesFor } from './leave.js';
import { allowedFrom, networksOf, plainAddress, storeNetworks } from './network.js';
import { recordAudit } from '../audit/repo.js';
import { getPresence } from './service.js';

const id = z.string().min(1).max(100);
const params = z.object({ id });
const date = (label: string) =>
  z.string({ error: `请填写${label}` }).refine((s) => isIsoDate(s), { error: `${label}须是 YYYY-MM-DD 格式的真实日期，如 2026-12-07` });
const half = z.enum(['am', 'pm'], { error: '半天须是 am（上午）或 pm（下午）' });
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份须是 YYYY-MM 格式，如 2026-12' });
const expectedVersion = z.number({ error: '缺少 expectedVersion（记录的版本号），请刷新页面后重试。' }).int().min(1);
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});

export function presenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['人员管理'];

  r.get('/api/presence', { schema: { tags, summary: '在岗情况：本人、顶岗的窗口，主任可见本中心人员（AB岗）', response: { 200: presenceSchema } } }, (request) =>
    getPresence(ctx, requireActor(request)),
  );

  // ---- 去向
  r.get('/api/whereabouts', { schema: { tags, summary: '去向公示板：本中心人员的去向（在岗/下村/开会/请假/出差）、说明、今日签到', querystring: z.object({ orgId: id.optional() }), response: { 200: whereaboutsBoardSchema } } }, (request) =>
    whereaboutsBoard(ctx, requireActor(request), request.query.orgId),
  );
  r.get(
    '/api/hall/presence',
    { schema: { tags: ['大厅'], summary: '公开：中心人员的姓名、岗位和去向类别（不含电话、不含去向说明）', querystring: z.object({ orgId: id }), response: { 200: hallPresenceSchema } } },
    (request) => hallPresence(ctx, request.query.orgId),
  );

  // ---- 签到、签退
  r.get('/api/attendance/today', { schema: { tags, summary: '本人今日签到情况、办公时间、本机网络是否允许签到', response: { 200: attendanceTodaySchema } } }, (request) =>
    attendanceToday(ctx, requireActor(request), request.ip),
  );
  r.post('/api/attendance/sign-in', { schema: { tags, summary: '签到（服务器时间；中心设置了签到网络的，只能在中心网络内签到）', response: { 201: attendanceRecordSchema } } }, async (request, reply) =>
    reply.code(201).send(await signIn(ctx, requirePermission(request, 'attendance.sign'), request.ip)),
  );
  r.post('/api/attendance/sign-out', { schema: { tags, summary: '签退（以最后一次签退为准）', response: { 200: attendanceRecordSchema } } }, (request) => signOut(ctx, requirePermission(request, 'attendance.sign'), request.ip));

  r.get('/api/attendance/month', { schema: { tags, summary: '月度考勤统计（主任、带班领导看本中心，其他人看本人）', querystring: z.object({ orgId: id.optional(), month }), response: { 200: attendanceMonthSchema } } }, (request) =>
    monthTable(ctx, requireActor(request), request.query.orgId, request.query.month),
  );
  r.get('/api/attendance/month.xlsx', { schema: { tags, summary: '导出月度考勤统计（Excel）', querystring: z.object({ orgId: id.optional(), month }) } }, async (request, reply) => {
    const { buffer, name } = await monthWorkbook(ctx, requirePermission(request, 'attendance.view'), request.query.orgId, request.query.month);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  r.get('/api/attendance/networks', { schema: { tags, summary: '本中心的签到网络（CIDR 列表；空表示不限）', querystring: z.object({ orgId: id.optional() }), response: { 200: attendanceNetworksSchema } } }, async (request) => {
    const actor = requirePermission(request, 'attendance.approve');
    const orgId = request.query.orgId ?? actor.orgId;
    await assertInScope(ctx.database.db, actor, orgId);
    const networks = await networksOf(ctx.database.db, orgId);
    return { orgId, networks, address: plainAddress(request.ip), fromAllowedNetwork: allowedFrom(request.ip, networks) };
  });
  r.put(
    '/api/attendance/networks',
    { schema: { tags, summary: '设置签到网络（如 192.168.1.0/24；空列表表示任何网络都可签到）', body: z.object({ orgId: id.optional(), networks: z.array(z.string().max(60)).max(50) }), response: { 200: attendanceNetworksSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'attendance.approve');
      const orgId = request.body.orgId ?? actor.orgId;
      const now = ctx.clock();
      const networks = await ctx.database.db.transaction().execute(async (trx) => {
        await assertInScope(trx, actor, orgId);
        const stored = await storeNetworks(trx, orgId, request.body.networks, now.toISOString());
        await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'attendance.networks', targetType: 'org', targetId: orgId, detail: { networks: stored } });
        return stored;
      });
      return { orgId, networks, address: plainAddress(request.ip), fromAllowedNetwork: allowedFrom(request.ip, networks) };
    },
  );

  // ---- 请假
  r.get(
    '/api/leaves',
    { schema: { tags, summary: '请假记录（主任、带班领导看本中心，其他人看本人）', querystring: z.object({ orgId: id.optional(), status: z.enum(LEAVE_STATUSES).optional(), mine: z.coerce.boolean().optional() }), response: { 200: leaveListSchema } } },
    (request) => listLeavesFor(ctx, requireActor(request), request.query),
  );
  r.post(
    '/api/leaves',
    {
      schema: {
        tags,
        summary: '请假申请（事假、病假、年休假等；可按半天；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: z.object({
          userId: id.optional(),
          kind: z.enum(LEAVE_KINDS, { error: `请假类别须是：${LEAVE_KINDS.join('、')}` }),
          fromDate: date('开始日期'),
          fromHalf: half.default('am'),
          toDate: date('结束日期'),
          toHalf: half.default('pm'),
          reason: freeText('请假事由', 200, { required: true }),
        }),
        response: { 200: leaveSchema, 201: leaveSchema },
      },
    },
    async (request, reply) => {
      const done = await fileLeave(ctx, requirePermission(request, 'attendance.sign'), request.body, request.headers['idempotency-key']);
      return reply.code(done.replayed ? 200 : 201).send(done.leave);
    },
  );
  r.get('/api/leaves/:id', { schema: { tags, summary: '一条请假', params, response: { 200: leaveSchema } } }, (request) => getLeave(ctx, requireActor(request), request.params.id));
  r.post(
    '/api/leaves/:id/approve',
    { schema: { tags, summary: '批准请假（主任；expectedVersion 过期返回 409）', params, body: z.object({ expectedVersion, reason: freeText('审批意见', 200).optional() }), response: { 200: leaveSchema } } },
    (request) => decideLeave(ctx, requirePermission(request, 'attendance.approve'), request.params.id, { decision: 'approve', ...request.body }),
  );
  r.post(
    '/api/leaves/:id/refuse',
    { schema: { tags, summary: '不批准请假（主任；须写明理由）', params, body: z.object({ expectedVersion, reason: freeText('不批准的理由', 200) }), response: { 200: leaveSchema } } },
    (request) => decideLeave(ctx, requirePermission(request, 'attendance.approve'), request.params.id, { decision: 'refuse', ...request.body }),
  );
  r.post('/api/leaves/:id/cancel', { schema: { tags, summary: '撤回请假（未开始的）', params, body: z.object({ expectedVersion }), response: { 200: leaveSchema } } }, (request) =>
    cancelLeave(ctx, requireActor(request), request.params.id, request.body.expectedVersion),
  );
}
