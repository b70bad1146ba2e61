import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { createOrgBody, orgIdParams, updateOrgBody } from './schema.js';
import { createOrg, listOrgsFor, updateOrg } from './service.js';
import { orgListSchema, orgSchema } from '../../domain/contract/orgs.js';

export function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/orgs', { schema: { tags: ['组织机构'], summary: '本人所在机构及下级机构', response: { 200: orgListSchema } } }, async (request) => ({
    orgs: await listOrgsFor(ctx, requireActor(request)),
  }));
  r.post('/api/orgs', { schema: { tags: ['组织机构'], summary: '新建机构', body: createOrgBody, response: { 201: orgSchema } } }, async (request, reply) =>
    reply.code(201).send(await createOrg(ctx, requirePermission(request, 'orgs.manage'), request.body)),
  );
  r.patch(
    '/api/orgs/:id',
    { schema: { tags: ['组织机构'], summary: '修改机构', params: orgIdParams, body: updateOrgBody, response: { 200: orgSchema } } },
    (request) => updateOrg(ctx, requirePermission(request, 'orgs.manage'), request.params.id, request.body),
  );
}
