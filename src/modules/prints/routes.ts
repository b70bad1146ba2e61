import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAPER_KINDS } from '../../domain/papers/papers.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { casePrints, paperContext, printContent, recordPrint } from './service.js';
import { paperSchema, printContentSchema, printListSchema, recordedPrintSchema } from '../../domain/contract/papers.js';

const paper = z.enum(PAPER_KINDS, { error: `没有这种文书。可打印的文书：${PAPER_KINDS.join('、')}。` });
const caseParams = z.object({ id: z.string().min(1).max(100) });

export function printRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['文书打印'];
  r.get(
    '/api/cases/:id/papers/:paper',
    { schema: { tags, summary: '办件文书的内容：出具机构（谁办理谁出具）、交付地点、公网查询地址、监督电话', params: caseParams.extend({ paper }), response: { 200: paperSchema } } },
    (request) => paperContext(ctx, requirePermission(request, 'cases.read'), request.params.id, request.params.paper),
  );
  r.post(
    '/api/cases/:id/prints',
    { schema: { tags, summary: '登记一次打印（打印页面在打印时调用），留存所印内容供归档', params: caseParams, body: z.object({ paper }), response: { 201: recordedPrintSchema } } },
    async (request, reply) => reply.code(201).send(await recordPrint(ctx, requirePermission(request, 'cases.read'), request.params.id, request.body.paper)),
  );
  r.get('/api/cases/:id/prints', { schema: { tags, summary: '办件的打印记录', params: caseParams, response: { 200: printListSchema } } }, (request) =>
    casePrints(ctx, requirePermission(request, 'cases.read'), request.params.id),
  );
  r.get(
    '/api/cases/:id/prints/:printId',
    { schema: { tags, summary: '一次打印的内容（按当时所印重现）', params: caseParams.extend({ printId: z.string().min(1).max(100) }), response: { 200: printContentSchema } } },
    (request) => printContent(ctx, requirePermission(request, 'cases.read'), request.params.id, request.params.printId),
  );
}
