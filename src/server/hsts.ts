import type { FastifyInstance } from 'fastify';

/**
 * Strict-Transport-Security only when the page really is served over HTTPS: the connection is TLS, a trusted
 * proxy (TRUST_PROXY) says X-Forwarded-Proto: https, or the operator declared HTTPS with COOKIE_SECURE=1 (a
 * proxy that is not trusted). Over plain HTTP — most centers' LAN — browsers ignore it, and it would only
 * tell a scan the wrong thing. No includeSubDomains: other hosts of a county's domain may still be HTTP-only.
 */
export function registerHsts(app: FastifyInstance, declaredHttps: boolean, behindTrustedProxy: boolean): void {
  // The server itself speaks plain HTTP: without a trusted proxy no request can be HTTPS, and there is nothing to check.
  if (!declaredHttps && !behindTrustedProxy) return;
  app.addHook('onRequest', (request, reply, done) => {
    if (declaredHttps || request.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000');
    done();
  });
}
