import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { jobsOverview } from './service.js';
import { jobsOverviewSchema } from '../../domain/contract/jobs.js';

export function jobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs', { schema: { tags: ['系统'], summary: '定时任务与事件订阅者的运行情况（系统管理员）', response: { 200: jobsOverviewSchema } } }, (request) => {
    requirePermission(request, 'jobs.view');
    return jobsOverview(ctx);
  });
}
