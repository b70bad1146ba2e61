import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { createUserBody, listUsersQuery, presenceBody, resetPasswordBody, updateUserBody, userIdParams } from './schema.js';
import { createUser, listUsersFor, resetPassword, setPresence, unlockUser, updateUser } from './service.js';
import { userListSchema, userSchema } from '../../domain/contract/users.js';

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['人员管理'];
  r.get('/api/users', { schema: { tags, summary: '人员名单', querystring: listUsersQuery, response: { 200: userListSchema } } }, async (request) => ({
    users: await listUsersFor(ctx, requireActor(request), request.query.orgId),
  }));
  r.post('/api/users', { schema: { tags, summary: '新建人员', body: createUserBody, response: { 201: userSchema } } }, async (request, reply) =>
    reply.code(201).send(await createUser(ctx, requirePermission(request, 'users.manage'), request.body)),
  );
  r.patch('/api/users/:id', { schema: { tags, summary: '修改人员', params: userIdParams, body: updateUserBody, response: { 200: userSchema } } }, (request) =>
    updateUser(ctx, requirePermission(request, 'users.manage'), request.params.id, request.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: '重置密码', params: userIdParams, body: resetPasswordBody, response: { 200: userSchema } } },
    (request) => resetPassword(ctx, requirePermission(request, 'users.manage'), request.params.id, request.body.password),
  );
  r.post(
    '/api/users/:id/presence',
    { schema: { tags, summary: '登记去向：在岗、下村、开会、请假、出差（离岗时由B岗顶岗，AB岗）', params: userIdParams, body: presenceBody, response: { 200: userSchema } } },
    (request) => setPresence(ctx, requireActor(request), request.params.id, request.body),
  );
  r.post('/api/users/:id/unlock', { schema: { tags, summary: '解除锁定', params: userIdParams, response: { 200: userSchema } } }, (request) =>
    unlockUser(ctx, requirePermission(request, 'users.manage'), request.params.id),
  );
}
