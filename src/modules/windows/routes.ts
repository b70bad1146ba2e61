import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { createWindowBody, listWindowsQuery, updateWindowBody, windowIdParams } from './schema.js';
import { createWindow, listWindowsFor, updateWindow } from './service.js';
import { windowListSchema, windowSchema } from '../../domain/contract/windows.js';

export function windowRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['窗口管理'];
  r.get('/api/windows', { schema: { tags, summary: '窗口及AB岗', querystring: listWindowsQuery, response: { 200: windowListSchema } } }, async (request) => ({
    windows: await listWindowsFor(ctx, requireActor(request), request.query.orgId),
  }));
  r.post('/api/windows', { schema: { tags, summary: '新建窗口', body: createWindowBody, response: { 201: windowSchema } } }, async (request, reply) =>
    reply.code(201).send(await createWindow(ctx, requirePermission(request, 'windows.manage'), request.body)),
  );
  r.patch(
    '/api/windows/:id',
    { schema: { tags, summary: '修改窗口', params: windowIdParams, body: updateWindowBody, response: { 200: windowSchema } } },
    (request) => updateWindow(ctx, requirePermission(request, 'windows.manage'), request.params.id, request.body),
  );
}
