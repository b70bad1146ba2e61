import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clerkDashboardSchema, directorDashboardSchema, supervisorDashboardSchema } from '../../domain/contract/dashboard.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { clerkDashboard, directorDashboard, supervisorDashboard } from './service.js';

const supervisorQuery = z.object({ orgId: z.string().max(64).optional() });

/** The dashboards (issue 9 §4): numbers from SQL, each matching the ledger filter the console opens for it. */
export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作台'];
  r.get(
    '/api/dashboard/director',
    { schema: { tags, summary: '中心主任工作台：红黄灯、今日到期、待审批延期、待审查否定报备、在岗情况、今日数字', response: { 200: directorDashboardSchema } } },
    (request) => directorDashboard(ctx, requirePermission(request, 'dashboard.center')),
  );
  r.get(
    '/api/dashboard/clerk',
    { schema: { tags, summary: '窗口工作人员：我的红黄灯和今日到期办件（我的窗口、首问）', response: { 200: clerkDashboardSchema } } },
    (request) => clerkDashboard(ctx, requirePermission(request, 'dashboard.mine')),
  );
  r.get(
    '/api/dashboard/supervisor',
    {
      schema: {
        tags,
        summary: '监察统计：下级各中心的亮灯、逾期、本月办结和否定报备，中心的各窗口，近十二个月趋势',
        querystring: supervisorQuery,
        response: { 200: supervisorDashboardSchema },
      },
    },
    (request) => supervisorDashboard(ctx, requirePermission(request, 'dashboard.tree'), request.query),
  );
}
