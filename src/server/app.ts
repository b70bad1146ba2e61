import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { registerSecurityHeaders, SECURITY_HEADERS } from './security-headers.js';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { healthSchema } from '../domain/contract/session.js';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from '../modules/audit/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { calendarRoutes } from '../modules/calendar/routes.js';
import { agentRoutes } from '../modules/agents/routes.js';
import { caseRoutes } from '../modules/cases/routes.js';
import { catalogRoutes } from '../modules/catalog/routes.js';
import { nudgeConsumers, registerConsumers, stopConsumers } from '../modules/events/consumers.js';
import { jobRoutes } from '../modules/jobs/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { orgRoutes } from '../modules/orgs/routes.js';
import { presenceRoutes } from '../modules/presence/routes.js';
import { printRoutes } from '../modules/prints/routes.js';
import { settingsRoutes } from '../modules/settings/routes.js';
import { supervisionRoutes } from '../modules/supervision/routes.js';
import { supervisionCardRoutes } from '../modules/supervision/cards-routes.js';
import { petitionRoutes } from '../modules/petitions/routes.js';
import { dashboardRoutes } from '../modules/dashboard/routes.js';
import { complaintRoutes } from '../modules/complaints/routes.js';
import { consultationRoutes } from '../modules/consultations/routes.js';
import { open311Routes } from '../modules/open311/routes.js';
import { applicantRoutes } from '../modules/applicants/routes.js';
import { applicationRoutes } from '../modules/applications/routes.js';
import { noticeRoutes } from '../modules/notices/routes.js';
import { appointmentRoutes } from '../modules/appointments/routes.js';
import { transparencyRoutes } from '../modules/transparency/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import { userPhotoRoutes } from '../modules/users/photo-routes.js';
import { openFileStore } from '../modules/files/index.js';
import { windowRoutes } from '../modules/windows/routes.js';
import { registerAuthentication } from './authenticate.js';
import type { AppContext } from './context.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.js';
import { registerHsts } from './hsts.js';
import { evaluationRoutes } from '../modules/evaluation/routes.js';
import { workOrderRoutes } from '../modules/evaluation/work-order-routes.js';
import { dutyRoutes } from '../modules/duty/routes.js';
import { awardRoutes } from '../modules/awards/routes.js';
import { statisticsRoutes } from '../modules/statistics/routes.js';
import { archiveRoutes } from '../modules/archive/routes.js';
import { hallRoutes } from '../modules/hall/routes.js';
import { assessmentRoutes } from '../modules/assessment/routes.js';
import { standardsRoutes } from '../modules/standards/routes.js';
import { databaseRateLimitStore } from '../modules/rate-limits/store.js';
import { liveRoutes } from './live.js';
import { registerOriginCheck } from './origin.js';
import { hallMessages } from './validation-messages.js';
import { notFound } from './errors.js';

// Validation messages of zod itself (for checks without our own message) in a service hall's Chinese.
z.config(hallMessages());

export async function buildApp(ctx: AppContext, options: { logger?: boolean | FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  // X-Forwarded-For only from the proxies named in TRUST_PROXY: anyone else could pick the address that rate
  // limits count by (issue 7 §8).
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: ctx.config.trustProxy.length > 0 ? ctx.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    // Fastify's own refusals (bad URL, over-long parameter, unparsable request) as Chinese problem+json too
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerOriginCheck(app, ctx.config.publicUrl);

  registerSecurityHeaders(app, SECURITY_HEADERS);
  registerHsts(app, ctx.config.session.secureCookie, ctx.config.trustProxy.length > 0);
  await app.register(fastifyCookie);
  // The x-ratelimit-* headers only on a refusal (with Retry-After): no page reads them on an answer that passed.
  // On PostgreSQL several app processes may serve one database: the per-address limits are counted there, so one
  // address gets each route's limit once, not once per process (SQLite is always one process: counted in memory).
  // A counting that fails lets the request through uncounted (skipOnError), with a warning in the log: the limits
  // only slow down guessing and floods — the progress lookup still needs number and phone, sign-in still has its
  // lock-outs in the database — while a 500 would shut every citizen and clerk out over one database hiccup.
  await app.register(fastifyRateLimit, {
    global: false,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    ...(ctx.database.dialect === 'postgres' ? { store: databaseRateLimitStore(ctx, (line) => app.log.warn(line)), skipOnError: true } : {}),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '便民服务平台 API', version: '1.0.0', description: '县—乡镇—村三级便民服务网络的接口（见 API.md）' },
    },
    transform: jsonSchemaTransform,
  });
  // uploaded files: one store for the whole server (a folder under DATA_DIR, or S3 when configured)
  ctx.files ??= openFileStore(ctx.config.files);
  registerAuthentication(app, ctx);

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', response: { 200: healthSchema } } }, async () => ({
    status: 'ok',
    db: ctx.database.dialect,
    demo: ctx.config.demo,
  }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [authRoutes, auditRoutes, settingsRoutes, orgRoutes, userRoutes, windowRoutes, calendarRoutes, catalogRoutes, caseRoutes, printRoutes, agentRoutes, presenceRoutes, liveRoutes, jobRoutes, notificationRoutes]) {
    routes(app, ctx);
  }
  supervisionRoutes(app, ctx); // 电子监察规则和监察记录 (issue 9 §1)
  supervisionCardRoutes(app, ctx); // 督办单 (issue 9 §3)
  evaluationRoutes(app, ctx); // 好差评: rating capture, window pads (issue 10 §1)
  workOrderRoutes(app, ctx); // 差评整改工单, 申诉复核, 评价统计 (issue 10 §1)
  petitionRoutes(app, ctx); // 信访接待 (issue 10 §4)
  dashboardRoutes(app, ctx); // 工作台和监察统计 (issue 9 §4)
  complaintRoutes(app, ctx); // 投诉 (issue 10 §2)
  consultationRoutes(app, ctx); // 咨询和事项常见问题 (issue 10 §3)
  open311Routes(app, ctx); // Open311 GeoReport v2 at /open311/v2/ and its API keys (issue 11 §5)
  applicantRoutes(app, ctx); // 网上办事账号 (issue 11 §2)
  applicationRoutes(app, ctx); // 网上申请与预审 (issue 11 §2)
  userPhotoRoutes(app, ctx); // 人员照片 (政务公开) over the file store (src/modules/files)
  noticeRoutes(app, ctx); // 政务公开的公告 (issue 11 §3)
  appointmentRoutes(app, ctx); // 预约 (issue 12 §3)
  transparencyRoutes(app, ctx); // 政务公开 (issue 11 §3)
  dutyRoutes(app, ctx); // 领导带班值班表、领导接待、村固定办公日 (issue 12 §5)
  awardRoutes(app, ctx); // 评先评优：流动红旗、优质服务标兵、年终考核档次 (issue 13 §3)
  hallRoutes(app, ctx); // 大厅排队叫号、显示屏 (issue 12 §1–2)
  assessmentRoutes(app, ctx); // 百分制考核 (issue 13 §2)
  standardsRoutes(app, ctx); // 标准化建设 (issue 13 §4)
  statisticsRoutes(app, ctx); // 月度统计与报送 (issue 13 §1)
  archiveRoutes(app, ctx); // 立卷归档 (DOMAIN.md "Archive")
  // Case events reach their consumers right after the write that made them has committed (the answer is being
  // sent, so the transaction is over); the event-consumers job is the safety net (src/modules/events).
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) nudgeConsumers(ctx, (line) => app.log.warn(line));
    done();
  });
  app.addHook('onClose', () => stopConsumers(ctx));
  await registerConsumers(ctx);

  await serveWeb(app, ctx.config.webDir);
  return app;
}

/** The built web apps; any unknown page under them gets index.html so the client router can take over. */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  // wildcard:false registers a route per built file at start; index:false keeps '/' for the public site below.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // .br/.gz written at build time (scripts/precompress.mjs): small downloads on village networks
      preCompressed: true,
      // hashed file names never change: cache them for a year; pages are always checked again
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // The public site (网上办事大厅, issue 11 §1): home, item guides and categories, a small page of its own for phones.
  if (existsSync(join(webDir, 'site.html'))) {
    for (const url of ['/', '/items/*', '/categories/*']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('site.html'));
  } else {
    app.get('/', (_request, reply) => reply.redirect('/staff/'));
  }
  // The public progress page (the QR code on every notice points here): its own small page for phones.
  if (existsSync(join(webDir, 'progress.html'))) {
    app.get('/progress', (_request, reply) => reply.type('text/html').sendFile('progress.html'));
    // the rate page of the QR code on the 办结通知书 and the SMS link (好差评): the same small page
    app.get('/rate', (_request, reply) => reply.type('text/html').sendFile('progress.html'));
    // the rater's rating of a 差评's fix (the outcome SMS's link): the same small page
    app.get('/rate-fix', (_request, reply) => reply.type('text/html').sendFile('progress.html'));
  }
  // The public complaint page and its query (投诉, issue 10 §2): a small page of its own for phones.
  if (existsSync(join(webDir, 'complaint.html'))) {
    // 网上咨询 and its query (issue 10 §3) live in the same small bundle
    for (const url of ['/complaint', '/complaint/query', '/consult', '/consult/query']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('complaint.html'));
  }
  // 政务公开 (issue 11 §3): the centers and one center's page, a small page of its own for phones.
  if (existsSync(join(webDir, 'open.html'))) {
    for (const url of ['/open', '/open/*']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('open.html'));
  }
  // The village agent console (代办员工作台): its own small page for agents' phones, with its own client routes.
  if (existsSync(join(webDir, 'agent.html'))) {
    for (const url of ['/agent', '/agent/*']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('agent.html'));
  }
  // The hall screens (rating pad; queue, kiosk and display later): tablets and screens in the hall, own client routes.
  if (existsSync(join(webDir, 'hall.html'))) {
    for (const url of ['/hall', '/hall/*']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('hall.html'));
  }
  // 网上办事账号 (issue 11 §2): sign-up, sign-in, password reset and 我的, a small page of its own for phones.
  if (existsSync(join(webDir, 'account.html'))) {
    for (const url of ['/account', '/account/*']) app.get(url, (_request, reply) => reply.type('text/html').sendFile('account.html'));
  }
  // An unknown page belongs to whichever app its address starts with: /staff/… is the console's (its router shows its
  // own 页面不存在, 200 as any client route), /agent/… the agent app's (served above); any other address a citizen
  // mistyped gets the public site, which shows 页面不存在 with a link home, and a 404 so it is not indexed or kept.
  const hasSite = existsSync(join(webDir, 'site.html'));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path.startsWith('/assets/') || request.method !== 'GET' || !hasWeb) throw notFound('该页面或接口');
    if (path === '/staff' || path.startsWith('/staff/')) return reply.type('text/html').sendFile('index.html');
    if (!hasSite) throw notFound('该页面');
    return reply.code(404).type('text/html').sendFile('site.html');
  });
}
