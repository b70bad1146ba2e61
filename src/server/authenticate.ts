import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, PERMISSION_NAMES, type Permission } from '../domain/roles.js';
import type { Actor } from '../modules/auth/actor.js';
import { resolveSession } from '../modules/auth/service.js';
import type { AppContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'bm_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionError: Error | null;
  }
}

/** Resolves the session cookie of every API request into `request.actor`; routes decide whether they need one. */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionError', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    try {
      request.actor = await resolveSession(ctx, token);
    } catch (error) {
      request.sessionError = error as Error;
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw request.sessionError ?? unauthenticated();
}

export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  if (!hasPermission(actor.roles, permission)) throw forbidden(PERMISSION_NAMES[permission]);
  return actor;
}
