/**
 * Open311 GeoReport v2 at /open311/v2/ (issue 11 §5, API.md "v1 additions", REFERENCES.md) and the console's key
 * administration at /api/open311/keys*. Routes only translate; the use cases decide.
 *
 * The endpoint has its own Fastify scope whose error and not-found answers are the specification's `errors`
 * document (respond.ts). Built here: discovery, services, services/{service_code}. The writes and the request
 * queries come with online applications and are registered in the same scope (`open311Endpoint` below):
 * `POST /requests.{xml,json}` (form-urlencoded; `authenticateApiKey(ctx, body.api_key)` from ./authenticate.ts
 * first, then an online application in pre-review: post-request.ts), `GET /requests.{xml,json}` and
 * `GET /requests/{id}.{xml,json}` (requests.ts), and `GET /tokens/{token}.{xml,json}` (batch.ts): a POST to a batch
 * service answers a token, and the token answers the service_request_id once the job `open311-batch` has made it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { open311KeyIssuedSchema, open311KeyListSchema, open311KeySchema } from '../../domain/open311/contract.js';
import { OPEN311_PATH } from '../../domain/open311/discovery.js';
import { splitFormat } from '../../domain/open311/document.js';
import { freeText, nameText } from '../../domain/text.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { discovery } from './discovery.js';
import { badParameters, noFormat } from './errors.js';
import { postRequest } from './post-request.js';
import { listRequests, oneRequest } from './requests.js';
import { tokenAnswer } from './batch.js';
import { requestFormOf, type RequestForm } from '../../domain/open311/requests.js';
import { issueApiKey } from './issue-key.js';
import { listApiKeys } from './list-keys.js';
import { registerOpen311Answers, sendDocument } from './respond.js';
import { revokeApiKey } from './revoke-key.js';
import { serviceDefinition } from './service-definition.js';
import { serviceList } from './service-list.js';

/** Without page_size a client gets every service (the catalog of one county is a few hundred at most). */
export const DEFAULT_PAGE_SIZE = 1000;

const jurisdiction = z.string().max(200, { error: 'jurisdiction_id 太长' }).optional();
const pageNumber = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} 必须是正整数` })
    .int({ error: `${name} 必须是正整数` })
    .min(1, { error: `${name} 至少为 1` })
    .max(max, { error: `${name} 不能超过 ${max}` });
const listQuery = z.object({
  jurisdiction_id: jurisdiction,
  page: pageNumber('page', 100_000).optional(),
  page_size: pageNumber('page_size', DEFAULT_PAGE_SIZE).optional(),
});
const tags = ['Open311'];
const requestsQuery = listQuery.extend({
  service_request_id: z.string().max(2000, { error: 'service_request_id 太长' }).optional(),
  service_code: z.string().max(40, { error: 'service_code 太长' }).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: z.enum(['open', 'closed'], { error: 'status 只能是 open 或 closed' }).optional(),
});
/** A POST's form: the applicant, a URL per material and a description of at most 4000 characters fit easily. */
const FORM_LIMIT = 64 * 1024;

function open311Endpoint(ctx: AppContext) {
  return async (scope: FastifyInstance) => {
    registerOpen311Answers(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    // a third party polls these: generous, but one client cannot take the server
    const config = { rateLimit: { max: 120, timeWindow: ctx.config.rateLimitWindowMs } };

    for (const format of ['xml', 'json'] as const) {
      r.get(`/discovery.${format}`, { config, schema: { tags, summary: `服务发现（${format}）` } }, async (_request, reply) =>
        sendDocument(reply, format, 'discovery', await discovery(ctx)),
      );
      r.get(`/services.${format}`, { config, schema: { tags, summary: `可网上申请的事项（${format}）`, querystring: listQuery } }, async (request, reply) => {
        const { services, total } = await serviceList(ctx, {
          jurisdictionId: request.query.jurisdiction_id,
          page: request.query.page ?? 1,
          pageSize: request.query.page_size ?? DEFAULT_PAGE_SIZE,
        });
        return sendDocument(reply.header('x-total-count', String(total)), format, 'services', services);
      });
    }
    // GeoReport v2 writes are application/x-www-form-urlencoded (only inside this scope)
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
      done(null, requestFormOf(new URLSearchParams(String(body))));
    });
    for (const format of ['xml', 'json'] as const) {
      r.post(
        `/requests.${format}`,
        { config: { rateLimit: { max: 30, timeWindow: ctx.config.rateLimitWindowMs } }, schema: { tags, summary: `提交服务请求：网上申请，进入预审（表单 application/x-www-form-urlencoded，需 api_key；${format}）` } },
        async (request, reply) => {
          const form = request.body && typeof request.body === 'object' && 'params' in request.body && 'attributes' in request.body ? (request.body as RequestForm) : null;
          if (!form) throw badParameters(['请以表单格式（Content-Type: application/x-www-form-urlencoded）提交，参数见 GeoReport v2 规范的 POST Service Request。']);
          return sendDocument(reply, format, 'service_requests', await postRequest(ctx, form));
        },
      );
      r.get(`/requests.${format}`, { config, schema: { tags, summary: `经 Open311 提交的服务请求及其状态（${format}）`, querystring: requestsQuery } }, async (request, reply) => {
        const q = request.query;
        const { requests, total } = await listRequests(ctx, {
          jurisdictionId: q.jurisdiction_id,
          ids: q.service_request_id,
          serviceCode: q.service_code,
          startDate: q.start_date,
          endDate: q.end_date,
          status: q.status,
          page: q.page ?? 1,
          pageSize: q.page_size ?? DEFAULT_PAGE_SIZE,
        });
        return sendDocument(reply.header('x-total-count', String(total)), format, 'service_requests', requests);
      });
    }
    const fileParams = z.object({ file: z.string().max(200) });
    r.get('/requests/:file', { config, schema: { tags, summary: '一个服务请求的状态', params: fileParams, querystring: z.object({ jurisdiction_id: jurisdiction }) } }, async (request, reply) => {
      const asked = splitFormat(request.params.file);
      if (!asked) throw noFormat();
      return sendDocument(reply, asked.format, 'service_requests', await oneRequest(ctx, asked.name, request.query.jurisdiction_id));
    });
    r.get(
      '/tokens/:file',
      { config, schema: { tags, summary: '由 token 取 service_request_id（批量受理的事项；建立网上申请之前为空）', params: fileParams, querystring: z.object({ jurisdiction_id: jurisdiction }) } },
      async (request, reply) => {
        const asked = splitFormat(request.params.file);
        if (!asked) throw noFormat();
        return sendDocument(reply, asked.format, 'service_requests', await tokenAnswer(ctx, asked.name, request.query.jurisdiction_id));
      },
    );
    // the resource without its format: GeoReport v2 names the format in the path
    for (const bare of ['/discovery', '/services', '/requests']) {
      r.get(bare, { config, schema: { hide: true } }, async () => {
        throw noFormat();
      });
    }
    r.get(
      '/services/:file',
      { config, schema: { tags, summary: '事项的申请要素（service definition）', params: z.object({ file: z.string().max(200) }), querystring: z.object({ jurisdiction_id: jurisdiction }) } },
      async (request, reply) => {
        const asked = splitFormat(request.params.file);
        if (!asked) throw noFormat();
        return sendDocument(reply, asked.format, 'service_definition', await serviceDefinition(ctx, asked.name, request.query.jurisdiction_id));
      },
    );
  };
}

export function open311Routes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(open311Endpoint(ctx), { prefix: OPEN311_PATH });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const keyTags = ['Open311 接口密钥'];
  r.get('/api/open311/keys', { schema: { tags: keyTags, summary: '接口密钥列表', response: { 200: open311KeyListSchema } } }, (request) => {
    requirePermission(request, 'open311.keys');
    return listApiKeys(ctx);
  },
  );
  r.post(
    '/api/open311/keys',
    {
      schema: {
        tags: keyTags,
        summary: '发放接口密钥（密钥只在本次回答中出现）',
        body: z.object({ name: nameText('使用单位名称', 60) }),
        response: { 201: open311KeyIssuedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await issueApiKey(ctx, requirePermission(request, 'open311.keys'), request.body, request.ip)),
  );
  r.post(
    '/api/open311/keys/:id/revoke',
    {
      schema: {
        tags: keyTags,
        summary: '吊销接口密钥（须写明理由）',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({
          expectedVersion: z.number({ error: '缺少 expectedVersion（密钥的版本号），请刷新页面后重试。' }).int().min(1),
          reason: freeText('吊销理由', 200, { required: true }),
        }),
        response: { 200: open311KeySchema },
      },
    },
    (request) => revokeApiKey(ctx, requirePermission(request, 'open311.keys'), request.params.id, request.body, request.ip),
  );
}
