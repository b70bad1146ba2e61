import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { getPresence } from './service.js';
import { presenceSchema } from '../../domain/contract/users.js';

/** 在岗登记: reading presence here; marking away or back is POST /api/users/{id}/presence (users module). */
export function presenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/presence', { schema: { tags: ['人员管理'], summary: '在岗情况：本人、顶岗的窗口，主任可见本中心人员（AB岗）', response: { 200: presenceSchema } } }, (request) =>
    getPresence(ctx, requireActor(request)),
  );
}
