/**
 * 月度统计与报送 (issue 13 §1, API.md "Reports"): GET /api/reports/monthly (+ .xlsx), the submission status of the
 * centers below, a 12-month trend, and POST …/{id}/submit | return | correct. Routes only translate.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MONTH_FORMAT_ERROR, MONTH_PATTERN } from '../../domain/calendar/months.js';
import { hasPermission } from '../../domain/roles.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { monthlyReportSchema, submissionListSchema, trendSchema } from '../../domain/statistics/contract.js';
import { MAX_DUE_DAY } from '../../domain/statistics/submission.js';
import { freeText, TEXT_LIMITS } from '../../domain/text.js';
import { recordAudit } from '../audit/repo.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import { forbiddenPermission } from '../../server/errors.js';
import type { AppContext } from '../../server/context.js';
import { monthlyWorkbook } from './excel.js';
import { correctReport, dueDayOf, monthlyReport, monthlyTrend, returnReport, setDueDay, submissionList, submitReport } from './service.js';

const query = z.object({ month: z.string().regex(MONTH_PATTERN, MONTH_FORMAT_ERROR).optional(), orgId: z.string().max(64).optional() });
const idParams = z.object({ id: z.string().min(1).max(64) });
const expectedVersion = z.number({ error: '缺少 expectedVersion（月报的版本号），请刷新页面后重试。' }).int().min(1);
const done = z.object({ id: z.string() });

export function statisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['月度统计'];

  r.get(
    '/api/reports/monthly',
    { schema: { tags, summary: '某单位某月的月度统计报表（默认上月；月末快照锁定后为快照数据，含版本和报送情况）', querystring: query, response: { 200: monthlyReportSchema } } },
    (request) => monthlyReport(ctx, requirePermission(request, 'reports.view'), request.query),
  );
  r.get('/api/reports/monthly.xlsx', { schema: { tags, summary: '导出月度统计报表（Excel，A4 横向）', querystring: query } }, async (request, reply) => {
    const actor = requirePermission(request, 'reports.view');
    const report = await monthlyReport(ctx, actor, request.query);
    const book = await monthlyWorkbook(report, localDate(ctx.clock(), ctx.config.timeZone));
    await recordAudit(ctx.database.db, { at: ctx.clock(), userId: actor.userId, action: 'reports.monthly.export', targetType: 'org', targetId: report.org.orgId, detail: { month: report.month }, ip: request.ip });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`月度统计报表-${report.org.centerName}-${report.month}.xlsx`)}`)
      .send(book);
  });
  r.get(
    '/api/reports/monthly/submissions',
    { schema: { tags, summary: '直属下级单位某月月报的报送情况（已报送、逾期、退回）', querystring: query, response: { 200: submissionListSchema } } },
    (request) => submissionList(ctx, requirePermission(request, 'reports.view'), request.query),
  );
  r.get(
    '/api/reports/monthly/trend',
    { schema: { tags, summary: '截至某月的 12 个月趋势（合计口径）', querystring: query, response: { 200: trendSchema } } },
    (request) => monthlyTrend(ctx, requirePermission(request, 'reports.view'), request.query),
  );
  r.post(
    '/api/reports/monthly/:id/submit',
    { schema: { tags, summary: '报送本单位月报（村报乡镇、乡镇报县；expectedVersion 过期返回 409）', params: idParams, body: z.object({ expectedVersion }), response: { 200: done } } },
    (request) => submitReport(ctx, requirePermission(request, 'reports.submit'), request.params.id, request.body.expectedVersion),
  );
  r.post(
    '/api/reports/monthly/:id/return',
    {
      schema: {
        tags,
        summary: '退回直属下级报送的月报（须写明退回意见）',
        params: idParams,
        body: z.object({ expectedVersion, comment: freeText('退回意见', TEXT_LIMITS.reason, { required: true }) }),
        response: { 200: done },
      },
    },
    (request) => returnReport(ctx, requirePermission(request, 'reports.review'), request.params.id, request.body.expectedVersion, request.body.comment),
  );
  r.post(
    '/api/reports/monthly/:id/correct',
    {
      schema: {
        tags,
        summary: '更正月报：按当前数据重新统计，生成新版本（须写明更正原因，原版本保留），之后重新报送',
        params: idParams,
        body: z.object({ expectedVersion, reason: freeText('更正原因', TEXT_LIMITS.reason, { required: true }) }),
        response: { 200: done },
      },
    },
    (request) => correctReport(ctx, requirePermission(request, 'reports.submit'), request.params.id, request.body.expectedVersion, request.body.reason),
  );
  r.get('/api/reports/monthly/settings', { schema: { tags, summary: '月报报送截止日（次月几日，默认 5 日）', response: { 200: z.object({ dueDay: z.number() }) } } }, async (request) => {
    // those who report, and the administrator who sets it on the settings page
    const { roles } = requireActor(request);
    if (!hasPermission(roles, 'reports.view') && !hasPermission(roles, 'settings.manage')) throw forbiddenPermission(roles, 'reports.view');
    return { dueDay: await dueDayOf(ctx.database.db) };
  });
  r.put(
    '/api/reports/monthly/settings',
    {
      schema: {
        tags,
        summary: '设置月报报送截止日（系统管理员）',
        body: z.object({ dueDay: z.number({ error: '请填写报送截止日' }).int({ error: '报送截止日须是整数' }).min(1, { error: '报送截止日最早为 1 日' }).max(MAX_DUE_DAY, { error: `报送截止日最晚为 ${MAX_DUE_DAY} 日` }) }),
        response: { 200: z.object({ dueDay: z.number() }) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'settings.manage');
      const dueDay = await setDueDay(ctx, request.body.dueDay);
      await recordAudit(ctx.database.db, { at: ctx.clock(), userId: actor.userId, ip: actor.ip, action: 'settings.monthlyReportDueDay', targetType: 'settings', detail: { dueDay } });
      return { dueDay };
    },
  );
}
