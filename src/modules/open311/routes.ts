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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { open311KeyIssuedSchema, open311KeyListSchema, open311KeySchema } from '../../domain/open311/contract.js';
import { OPEN311_PATH } from '../../domain/open311/discovery.js';
import { OPEN311_FORMATS, splitFormat, type Open311Format } from '../../domain/open311/document.js';
import { checkRequestsQuery, checkServicesQuery, DEFAULT_PAGE_SIZE, MAX_PAGE, type RawQuery } from '../../domain/open311/query.js';
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

const jurisdiction = z.string().max(200, { error: 'jurisdiction_id 太长' }).optional();
/**
 * A query parameter as documented; its value is checked with all the others at once (src/domain/open311/query.ts),
 * not here: a schema failing on one parameter would hide the problems of the rest.
 */
const param = (name: string, description: string) => z.string({ error: `${name} 只能填写一次` }).optional().describe(description);
const listQuery = z.object({
  jurisdiction_id: param('jurisdiction_id', '可不填：县的机构代码或公网地址的域名'),
  page: param('page', `第几页，正整数，不超过 ${MAX_PAGE}`),
  page_size: param('page_size', `每页条数，1 至 ${DEFAULT_PAGE_SIZE}；不填为全部`),
});
const tags = ['Open311'];
const requestsQuery = listQuery.extend({
  service_request_id: param('service_request_id', '申请编号，逗号分隔，最多 100 个；填了就不看其他参数'),
  service_code: param('service_code', '事项编码'),
  start_date: param('start_date', '带时区的 ISO 8601，如 2026-03-01T00:00:00+08:00'),
  end_date: param('end_date', '带时区的 ISO 8601；与 start_date 相隔不超过 90 天'),
  status: param('status', 'open 或 closed'),
});
/** `name.:format`: any other suffix reaches the handler, which answers 400 for one GeoReport v2 does not know. */
const formatParams = z.object({ format: z.string().max(200).describe('xml 或 json') });
function formatOf(resource: string, suffix: string): Open311Format {
  const asked = splitFormat(`${resource}.${suffix}`);
  if (!asked) throw noFormat();
  return asked.format;
}
/** A POST's form: the applicant, a URL per material and a description of at most 4000 characters fit easily. */
const FORM_LIMIT = 64 * 1024;

function open311Endpoint(ctx: AppContext) {
  return async (scope: FastifyInstance) => {
    registerOpen311Answers(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    // a third party polls these: generous, but one client cannot take the server
    const config = { rateLimit: { max: 120, timeWindow: ctx.config.rateLimitWindowMs } };

    /**
     * A resource at `name.xml` and `name.json` (each its own route, as the specification lists them) and at
     * `name.{anything else}`: the same answer for the suffix in other case (`.JSON`, as services/{code}.JSON), 400 for a
     * suffix GeoReport v2 does not know. A name without a suffix falls to the not-found answer, also 400 (respond.ts).
     */
    const resource = (
      method: 'GET' | 'POST',
      name: string,
      options: { summary: string; rateLimit?: typeof config.rateLimit; querystring?: z.ZodType },
      answer: (format: Open311Format, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    ) => {
      const route = { config: { rateLimit: options.rateLimit ?? config.rateLimit } };
      // only a query that has a schema names one: a `querystring: undefined` makes Fastify warn at every start
      const query = options.querystring ? { querystring: options.querystring } : {};
      for (const format of OPEN311_FORMATS) {
        r.route({ ...route, method, url: `/${name}.${format}`, schema: { tags, summary: `${options.summary}（${format}）`, ...query }, handler: (request, reply) => answer(format, request, reply) });
      }
      r.route({
        ...route,
        method,
        url: `/${name}.:format`,
        schema: { hide: true, params: formatParams, ...query },
        handler: (request, reply) => answer(formatOf(name, (request.params as { format: string }).format), request, reply),
      });
    };

    resource('GET', 'discovery', { summary: '服务发现' }, async (format, _request, reply) => sendDocument(reply, format, 'discovery', await discovery(ctx)));
    resource('GET', 'services', { summary: '可网上申请的事项', querystring: listQuery }, async (format, request, reply) => {
      const q = checkServicesQuery(request.query as RawQuery);
      if (!q.ok) throw badParameters(q.errors);
      const { services, total } = await serviceList(ctx, q.value);
      return sendDocument(reply.header('x-total-count', String(total)), format, 'services', services);
    });
    // GeoReport v2 writes are application/x-www-form-urlencoded (only inside this scope)
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
      done(null, requestFormOf(new URLSearchParams(String(body))));
    });
    resource(
      'POST',
      'requests',
      { summary: '提交服务请求：网上申请，进入预审（表单 application/x-www-form-urlencoded，需 api_key）', rateLimit: { max: 30, timeWindow: ctx.config.rateLimitWindowMs } },
      async (format, request, reply) => {
        const form = request.body && typeof request.body === 'object' && 'params' in request.body && 'attributes' in request.body ? (request.body as RequestForm) : null;
        if (!form) throw badParameters(['请以表单格式（Content-Type: application/x-www-form-urlencoded）提交，参数见 GeoReport v2 规范的 POST Service Request。']);
        return sendDocument(reply, format, 'service_requests', await postRequest(ctx, form));
      },
    );
    resource('GET', 'requests', { summary: '经 Open311 提交的服务请求及其状态', querystring: requestsQuery }, async (format, request, reply) => {
      const q = checkRequestsQuery(request.query as RawQuery, ctx.clock());
      if (!q.ok) throw badParameters(q.errors);
      const { requests, total } = await listRequests(ctx, q.value);
      return sendDocument(reply.header('x-total-count', String(total)), format, 'service_requests', requests);
    });
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
    // a resource without its format (`services`, `POST requests`) falls to the not-found answer, which says 400 (respond.ts)
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
