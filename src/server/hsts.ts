import type { FastifyInstance } from 'fastify';

/**
 * Strict-Transport-Security only when the page really is served over HTTPS: the connection is TLS, a trusted
 * proxy (TRUST_PROXY) says X-Forwarded-Proto: https, or the operator declared HTTPS with COOKIE_SECURE=1 (a
 * proxy that is not trusted). Over plain HTTP — most centers' LAN — browsers ignore it, and it would only
 * tell a scan the wrong thing. No includeSubDomains: other hosts of a county's domain may still be HTTP-only.
 */
export function registerHsts(app: FastifyInstance, declaredHttps: boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    if (declaredHttps || request.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000');
  });
}
