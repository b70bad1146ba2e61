/**
 * 好差评 rating capture (issue 10 §1, API.md "v1 additions": Evaluation): the public rating, the window pad (a device
 * with its own token), the console's list, paper entry, export, pads and settings. Routes only translate.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { RATING_CHANNELS } from '../../domain/evaluation/channels.js';
import { evaluationSchema, listSchema, offerSchema, padOfferSchema, padRegistrationSchema, padSchema, ratedSchema, ratingLinkSchema, settingsSchema } from '../../domain/evaluation/contract.js';
import { LEVELS } from '../../domain/evaluation/levels.js';
import { freeText } from '../../domain/text.js';
import { hasPermission } from '../../domain/roles.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import { busOf, type LiveEvent } from '../../server/bus.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { publicUrlOf } from '../settings/service.js';
import { ratedCase } from './case-facts.js';
import { evaluationsWorkbook } from './export.js';
import { listEvaluations } from './list-ratings.js';
import { listPads, padInfo, padOf, padOffer, padRate, registerPad, revokeRatingPad } from './pads.js';
import { enterPaperRating } from './paper-entry.js';
import { publicRate, publicRatingOffer } from './public-rating.js';
import { ratingToken, ratingUrlAt } from './rating-link.js';
import { ratingSettings, setRatingSettings } from './settings.js';
import { scopeOf } from '../orgs/service.js';
import { padById } from './repo.js';

const id = z.string().min(1).max(100);
const level = z.enum(LEVELS, { error: '请选择满意程度：非常满意、满意、基本满意、不满意、非常不满意' });
const comment = freeText('文字评价', 500).optional();
const caseNo = z.string().trim().min(1).max(60);
const phone4 = z.string().regex(/^\d{4}$/, { error: '请填写登记电话的后四位数字' });
const token = z.string().min(10).max(80);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期须是 YYYY-MM-DD 格式' });

const listQuery = z.object({
  orgId: id.optional(),
  windowId: id.optional(),
  caseId: id.optional(),
  level: level.optional(),
  channel: z.enum(RATING_CHANNELS).optional(),
  from: date.optional(),
  to: date.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});

/** Below the 60 s most proxies allow a silent connection. */
const HEARTBEAT_MS = 25_000;

export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['好差评'];
  const limited = { rateLimit: { max: ctx.config.progressPerMinute, timeWindow: ctx.config.rateLimitWindowMs } };

  // ---- public: the rate page and the progress page
  r.get(
    '/api/public/ratings/offer',
    {
      schema: { tags: ['公开'], summary: '评价页：办件能否评价、是否已评价（办件编号 + 电话后四位，或二维码/短信中的签名）', querystring: z.object({ caseNo: caseNo.optional(), phone4: phone4.optional(), token: token.optional() }), response: { 200: offerSchema } },
      config: limited,
    },
    (request) => publicRatingOffer(ctx, request.query),
  );
  r.post(
    '/api/public/ratings',
    {
      schema: {
        tags: ['公开'],
        summary: '评价一件已办结的办件（一事一评：再次评价返回 409；工作人员不能评价本中心办理的办件）',
        body: z.object({ caseNo: caseNo.optional(), phone4: phone4.optional(), token: token.optional(), level, comment }),
        response: { 201: ratedSchema },
      },
      config: limited,
    },
    async (request, reply) => reply.code(201).send(await publicRate(ctx, request.body, request.actor?.orgId ?? null, request.ip)),
  );

  // ---- the window pad (a device: X-Pad-Token)
  r.get('/api/hall/pad', { schema: { tags, summary: '评价器：本机登记的窗口', response: { 200: padSchema } } }, async (request) => padInfo(ctx, await padOf(ctx, request)));
  r.get(
    '/api/hall/pad/offer',
    { schema: { tags, summary: '评价器：本窗口刚办结、待评价的办件', querystring: z.object({ caseId: id.optional() }), response: { 200: padOfferSchema } } },
    async (request) => padOffer(ctx, await padOf(ctx, request), request.query.caseId),
  );
  r.post(
    '/api/hall/pad/ratings',
    { schema: { tags, summary: '评价器：评价本窗口刚办结的办件', body: z.object({ caseId: id, level, comment }), response: { 201: ratedSchema } } },
    async (request, reply) => {
      const pad = await padOf(ctx, request);
      const { rating, levelName } = await padRate(ctx, pad, request.body, request.actor?.orgId ?? null, request.ip);
      return reply.code(201).send({ id: rating.id, caseNo: rating.case_no, level: request.body.level, levelName, channel: 'pad' as const, ratedAt: rating.rated_at });
    },
  );
  padStream(app, ctx);

  // ---- console
  r.get('/api/evaluations', { schema: { tags, summary: '评价记录（本中心；主任、带班领导、纪检监察员含下级）', querystring: listQuery, response: { 200: listSchema } } }, (request) =>
    listEvaluations(ctx, requirePermission(request, 'evaluations.read'), request.query),
  );
  r.get('/api/evaluations/export.xlsx', { schema: { tags, summary: '导出评价记录（GB/T 39046 表9 字段，Excel）', querystring: listQuery } }, async (request, reply) => {
    const actor = requirePermission(request, 'evaluations.export');
    const buffer = await evaluationsWorkbook(ctx, actor, request.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('评价记录.xlsx')}`)
      .send(buffer);
  });
  r.post(
    '/api/evaluations/paper',
    {
      schema: {
        tags,
        summary: '代录纸质评价表（窗口工作人员、代办员；标记为代为录入；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: z.object({ caseId: id.optional(), caseNo: caseNo.optional(), level, comment, ratedOn: date.optional() }).refine((b) => b.caseId || b.caseNo, { error: '请填写办件编号', path: ['caseNo'] }),
        response: { 200: z.object({ evaluation: evaluationSchema }), 201: z.object({ evaluation: evaluationSchema }) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'evaluations.enter');
      const { evaluation, created } = await enterPaperRating(ctx, actor, request.body, request.headers['idempotency-key'], request.ip);
      return reply.code(created ? 201 : 200).send({ evaluation });
    },
  );
  r.get(
    '/api/evaluations/rating-link',
    {
      schema: {
        tags,
        summary: '办结通知书上的评价二维码（签名链接，公网地址）',
        querystring: z.object({ caseId: id }),
        response: { 200: ratingLinkSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'cases.read');
      const c = await ratedCase(ctx.database.db, request.query.caseId);
      const scope = await scopeOf(ctx.database.db, actor);
      if (!c || !c.orgIds.some((o) => scope.has(o))) throw notFound('该办件');
      const { url: publicUrl } = await publicUrlOf(ctx.database.db, ctx.config);
      if (!publicUrl) return { url: null, qrSvg: null };
      const url = ratingUrlAt(publicUrl, await ratingToken(ctx.database.db, c.id, 'qr', ctx.clock()));
      return { url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
    },
  );
  r.get('/api/evaluations/pads', { schema: { tags, summary: '窗口评价器列表', response: { 200: z.object({ pads: z.array(padSchema) }) } } }, (request) =>
    listPads(ctx, requirePermission(request, 'evaluations.pads')),
  );
  r.post(
    '/api/evaluations/pads',
    {
      schema: {
        tags,
        summary: '登记窗口评价器（登记码只显示这一次）',
        body: z.object({ windowId: id, name: freeText('评价器名称', 40).optional() }),
        response: { 201: padRegistrationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await registerPad(ctx, requirePermission(request, 'evaluations.pads'), request.body)),
  );
  r.post(
    '/api/evaluations/pads/:id/revoke',
    { schema: { tags, summary: '停用窗口评价器', params: z.object({ id }), body: z.object({ expectedVersion: z.number().int().min(1) }), response: { 200: padSchema } } },
    (request) => revokeRatingPad(ctx, requirePermission(request, 'evaluations.pads'), request.params.id, request.body.expectedVersion),
  );
  r.get('/api/evaluations/settings', { schema: { tags, summary: '好差评设置：短信邀请和默认评价的天数', response: { 200: settingsSchema } } }, (request) => {
    // those who read ratings, and the administrator who sets the days
    if (!hasPermission(requireActor(request).roles, 'settings.manage')) requirePermission(request, 'evaluations.read');
    return ratingSettings(ctx.database.db);
  });
  r.put(
    '/api/evaluations/settings',
    { schema: { tags, summary: '修改好差评设置（系统管理员）', body: settingsSchema, response: { 200: settingsSchema } } },
    (request) => setRatingSettings(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
}

/**
 * GET /api/hall/pad/stream — server-sent events for a pad: `offer` with the case id whenever a case of its window
 * reaches 已办结 (the live bus), a heartbeat comment, `ready` once subscribed. The pad reads it with fetch (its token
 * goes in a header, never in a URL) and then asks /api/hall/pad/offer.
 */
function padStream(app: FastifyInstance, ctx: AppContext): void {
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.get('/api/hall/pad/stream', { schema: { tags: ['好差评'], summary: '评价器实时推送（SSE：本窗口办结的办件编号）' } }, async (request, reply) => {
    const pad = await padOf(ctx, request);
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write('retry: 3000\n\n');
    let open = true;
    const send = (event: LiveEvent) => {
      if (!open) return;
      if (event.type === 'resync') return void raw.write('event: resync\ndata: {}\n\n');
      if (event.type !== 'case' || event.windowId !== pad.window_id || event.status !== 'completed') return;
      raw.write(`event: offer\ndata: ${JSON.stringify({ caseId: event.caseId })}\n\n`);
    };
    const unsubscribe = await busOf(ctx, (line) => app.log.warn(line)).subscribe(send);
    const end = () => {
      if (!open) return;
      open = false;
      streams.delete(end);
      clearInterval(heartbeat);
      unsubscribe();
      raw.end();
    };
    // a pad stopped in the console loses its stream at the next heartbeat (and its requests at once)
    const heartbeat = setInterval(() => {
      void padById(ctx.database.db, pad.id).then(
        (row) => (row && row.revoked_at === null ? open && raw.write(': ping\n\n') : end()),
        () => end(),
      );
    }, HEARTBEAT_MS);
    streams.add(end);
    raw.on('close', end);
    raw.on('error', end);
    if (raw.destroyed) return end();
    raw.write('event: ready\ndata: {}\n\n');
  });
}
