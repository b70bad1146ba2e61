import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MONTH_FORMAT_ERROR, MONTH_PATTERN } from '../../domain/calendar/months.js';
import { hasPermission } from '../../domain/roles.js';
import { freeText, TEXT_LIMITS } from '../../domain/text.js';
import { RULE_CODES } from '../../domain/supervision/rules.js';
import { DECISIONS, VIOLATION_STATUSES } from '../../domain/supervision/violations.js';
import {
  ruleHistorySchema,
  supervisionOverviewSchema,
  supervisionRuleSchema,
  supervisionRulesSchema,
  violationDetailSchema,
  violationListSchema,
} from '../../domain/contract/supervision.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { forbiddenPermission } from '../../server/errors.js';
import { supervisionReportSchema } from '../../domain/contract/supervision-report.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { reportWorkbook } from './report-export.js';
import { supervisionReport } from './report.js';
import { decideViolation, explainViolation, getViolation, listRules, listViolations, ruleHistory, supervisionOverview, UNDECIDED_FILTER, updateRule } from './service.js';

const codeParams = z.object({ code: z.enum(RULE_CODES) });
const idParams = z.object({ id: z.string().min(1).max(64) });
const reason = (label: string) => freeText(label, TEXT_LIMITS.reason, { required: true });

const rulePatchBody = z.object({
  expectedVersion: z.number().int().positive(),
  enabled: z.boolean().optional(),
  /** parameter key → whole number (src/domain/supervision/rules.ts lists each rule's) */
  parameters: z.record(z.string(), z.unknown()).optional(),
  reason: reason('调整理由'),
});

const listQuery = z.object({
  orgId: z.string().max(64).optional(),
  ruleCode: z.enum(RULE_CODES).optional(),
  /** a status, or 'undecided': not decided yet (待说明 and 已说明, 未处理) */
  status: z.enum([...VIOLATION_STATUSES, UNDECIDED_FILTER]).optional(),
  /** with orgId: that center and every center below it */
  below: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  caseId: z.string().max(64).optional(),
  month: z.string().regex(MONTH_PATTERN, MONTH_FORMAT_ERROR).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function supervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['电子监察'];

  r.get('/api/supervision/rules', { schema: { tags, summary: '监察规则（编号、说明、开关和参数）', response: { 200: supervisionRulesSchema } } }, (request) => {
    const actor = requireActor(request);
    if (!hasPermission(actor.roles, 'supervision.view') && !hasPermission(actor.roles, 'supervision.rules')) throw forbiddenPermission(actor.roles, 'supervision.view');
    return listRules(ctx);
  });
  r.patch(
    '/api/supervision/rules/:code',
    { schema: { tags, summary: '启用、停用监察规则或调整参数（系统管理员，须写明理由；expectedVersion 过期返回 409）', params: codeParams, body: rulePatchBody, response: { 200: supervisionRuleSchema } } },
    (request) => updateRule(ctx, requirePermission(request, 'supervision.rules'), request.params.code, request.body),
  );
  r.get(
    '/api/supervision/rules/:code/history',
    { schema: { tags, summary: '监察规则的调整记录', params: codeParams, response: { 200: ruleHistorySchema } } },
    (request) => {
      const actor = requireActor(request);
      if (!hasPermission(actor.roles, 'supervision.view') && !hasPermission(actor.roles, 'supervision.rules')) throw forbiddenPermission(actor.roles, 'supervision.view');
      return ruleHistory(ctx, request.params.code);
    },
  );

  r.get('/api/supervision/violations', { schema: { tags, summary: '监察记录（本人所在机构及下级）', querystring: listQuery, response: { 200: violationListSchema } } }, (request) =>
    listViolations(ctx, requirePermission(request, 'supervision.view'), request.query),
  );
  r.get('/api/supervision/violations/:id', { schema: { tags, summary: '监察记录详情（触发事实、说明、认定和办件过程）', params: idParams, response: { 200: violationDetailSchema } } }, (request) =>
    getViolation(ctx, requirePermission(request, 'supervision.view'), request.params.id),
  );
  r.post(
    '/api/supervision/violations/:id/explain',
    {
      schema: {
        tags,
        summary: '被监察中心说明情况（中心主任或窗口工作人员；expectedVersion 过期返回 409）',
        params: idParams,
        body: z.object({ expectedVersion: z.number().int().positive(), reason: reason('情况说明') }),
        response: { 200: violationDetailSchema },
      },
    },
    (request) => explainViolation(ctx, requirePermission(request, 'supervision.explain'), request.params.id, request.body),
  );
  r.post(
    '/api/supervision/violations/:id/decide',
    {
      schema: {
        tags,
        summary: '纪检监察员认定或撤销（须写明理由；expectedVersion 过期返回 409）',
        params: idParams,
        body: z.object({ expectedVersion: z.number().int().positive(), decision: z.enum(DECISIONS), reason: reason('认定或撤销的理由') }),
        response: { 200: violationDetailSchema },
      },
    },
    (request) => decideViolation(ctx, requirePermission(request, 'supervision.decide'), request.params.id, request.body),
  );

  r.get(
    '/api/supervision/overview',
    { schema: { tags, summary: '下级各中心的亮灯、超期和未处理的监察记录（按规则）', querystring: z.object({ orgId: z.string().max(64).optional() }), response: { 200: supervisionOverviewSchema } } },
    (request) => supervisionOverview(ctx, requirePermission(request, 'supervision.view'), request.query.orgId),
  );

  const reportQuery = z.object({
    month: z.string().regex(MONTH_PATTERN, MONTH_FORMAT_ERROR).optional(),
    orgId: z.string().max(64).optional(),
  });
  r.get(
    '/api/supervision/report',
    { schema: { tags, summary: '电子监察月报：下级各中心的办件、监察记录（按规则、按状态）、督办单和触发最多的规则（默认上月）', querystring: reportQuery, response: { 200: supervisionReportSchema } } },
    (request) => supervisionReport(ctx, requirePermission(request, 'supervision.view'), request.query),
  );
  r.get('/api/supervision/report.xlsx', { schema: { tags, summary: '导出电子监察月报（Excel）', querystring: reportQuery } }, async (request, reply) => {
    const actor = requirePermission(request, 'supervision.view');
    const report = await supervisionReport(ctx, actor, request.query);
    const book = await reportWorkbook(report, actor.name, localDate(ctx.clock(), ctx.config.timeZone));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`电子监察月报-${report.month}.xlsx`)}`)
      .send(book);
  });
}
