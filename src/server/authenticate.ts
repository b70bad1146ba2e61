import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '../domain/roles.js';
import { registerHttpAudit } from '../modules/audit/http-audit.js';
import type { Actor } from '../modules/auth/actor.js';
import { resolveSession } from '../modules/auth/service.js';
import type { AppContext } from './context.js';
import { forbiddenPermission, HttpError, unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'bm_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionError: Error | null;
  }
}

/** What a person whose password an administrator set may still do before setting their own. */
const BEFORE_OWN_PASSWORD = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/login', 'GET /api/health']);

export const passwordChangeRequired = () =>
  new HttpError(
    'PASSWORD_CHANGE_REQUIRED',
    '您的密码是管理员设置的，请先修改为只有您自己知道的新密码，然后再继续办理。',
    undefined,
    403,
  );

/**
 * Resolves the session cookie of every API request into `request.actor`; routes decide whether they need one.
 * A session whose holder must still set their own password reaches only the few routes above.
 * Refusals (403) and exports are written to the audit log here, for every route at once.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionError', null);
  const resolve = async (request: FastifyRequest, token: string) => {
    try {
      // with the address the request came from: every audit entry the request makes records it (Actor.ip)
      request.actor = { ...(await resolveSession(ctx, token)), ip: request.ip };
    } catch (error) {
      request.sessionError = error as Error;
    }
    if (request.actor?.mustChangePassword && !BEFORE_OWN_PASSWORD.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      throw passwordChangeRequired();
    }
  };
  // a callback hook: the public pages' requests carry no session and pass at once, without a promise
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.url.startsWith('/api/') ? request.cookies[SESSION_COOKIE] : undefined;
    if (!token) return done();
    resolve(request, token).then(() => done(), done);
  });
  registerHttpAudit(app, ctx);
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw request.sessionError ?? unauthenticated();
}

export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  if (!hasPermission(actor.roles, permission)) throw forbiddenPermission(actor.roles, permission);
  return actor;
}
