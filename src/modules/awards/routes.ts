/**
 * 评先评优 (issue 13 §3): the quarterly 优质服务窗口（流动红旗）, the yearly 优质服务标兵 and the year-end tiers of a
 * center or a tree below it, and their settings. Routes only translate; the rules are the domain's.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QUARTER_FORMAT_ERROR, QUARTER_PATTERN } from '../../domain/assessment/awards.js';
import { awardSettingsSchema, quarterlyAwardSchema, tierListSchema, yearlyAwardSchema } from '../../domain/contract/awards.js';
import { hasPermission } from '../../domain/roles.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { awardSettings, setAwardSettings } from './settings.js';
import { quarterlyAward, tierList, yearlyAward } from './service.js';

const orgId = z.string().min(1).max(64, '机构编号不正确，请从列表中选择').optional();
const year = z.coerce.number({ error: '年份请填写四位数字，如 2026' }).int('年份请填写四位数字，如 2026').min(2000, '年份请填写 2000 年以后的年份').max(2100, '年份请填写 2100 年以前的年份').optional();

export function awardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['评先评优'];

  r.get(
    '/api/awards/quarterly',
    {
      schema: {
        tags,
        summary: '季度优质服务窗口（流动红旗）：季度内月度排名进入前 N 名至少 M 次（M 以季度内的排名次数为限）的窗口（默认上季度）',
        querystring: z.object({ orgId, quarter: z.string().regex(QUARTER_PATTERN, QUARTER_FORMAT_ERROR).optional() }),
        response: { 200: quarterlyAwardSchema },
      },
    },
    (request) => quarterlyAward(ctx, requirePermission(request, 'awards.read'), request.query),
  );
  r.get(
    '/api/awards/yearly',
    { schema: { tags, summary: '年度优质服务标兵：全年每月排名均在前 N 名的工作人员（默认上月所在年度）', querystring: z.object({ orgId, year }), response: { 200: yearlyAwardSchema } } },
    (request) => yearlyAward(ctx, requirePermission(request, 'awards.read'), request.query),
  );
  r.get(
    '/api/awards/tiers',
    {
      schema: {
        tags,
        summary: '年终考核档次：按季度平均分排名分 30%/50%/20% 三档，服务不满 6 个月不参加第一档，全年扣分超过 60 分不参加评定',
        querystring: z.object({ orgId, year }),
        response: { 200: tierListSchema },
      },
    },
    (request) => tierList(ctx, requirePermission(request, 'awards.read'), request.query),
  );

  r.get('/api/awards/settings', { schema: { tags, summary: '评先评优的名次、次数、档次比例和限制条件', response: { 200: awardSettingsSchema } } }, (request) => {
    const actor = requireActor(request);
    if (!hasPermission(actor.roles, 'settings.manage')) requirePermission(request, 'awards.read');
    return awardSettings(ctx.database.db);
  });
  r.put(
    '/api/awards/settings',
    { schema: { tags, summary: '修改评先评优设置（系统管理员）', body: awardSettingsSchema, response: { 200: awardSettingsSchema } } },
    (request) => setAwardSettings(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
}
