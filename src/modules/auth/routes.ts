import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_LENGTH } from '../../domain/people/password.js';
import { requireActor, SESSION_COOKIE } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { currentUser } from '../users/service.js';
import { changeOwnPassword, login, logout } from './service.js';
import { noContent } from '../../domain/contract/common.js';
import { loginSchema, meSchema } from '../../domain/contract/session.js';

const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

const passwordBody = z.object({
  currentPassword: z.string().min(1, '请输入原密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(MAX_LENGTH, `密码不能超过 ${MAX_LENGTH} 位`),
});

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['会话'], summary: '登录', body: loginBody, response: { 200: loginSchema } },
      // Per address, on top of the per-name lock-out: slows down guessing across many names.
      config: { rateLimit: { max: 30, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request, reply) => {
      const result = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.session.secureCookie,
      });
      return { user: result.user };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['会话'], summary: '退出登录', response: { 204: noContent } } }, async (request, reply) => {
    if (request.actor) await logout(ctx, request.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/auth/me', { schema: { tags: ['会话'], summary: '当前登录人员', response: { 200: meSchema } } }, async (request) =>
    currentUser(ctx, requireActor(request)),
  );

  r.post(
    '/api/auth/password',
    {
      schema: { tags: ['会话'], summary: '修改本人密码', body: passwordBody, response: { 204: noContent } },
      config: { rateLimit: { max: 30, timeWindow: ctx.config.rateLimitWindowMs } },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, requireActor(request), request.body, { ip: request.ip });
      return reply.code(204).send(null);
    },
  );
}
