import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers (Content-Security-Policy and the rest), worked out once. @fastify/helmet built the whole helmet
 * middleware — parsing every CSP directive again — on every request (5–7 % of the CPU of the public progress
 * and calendar requests, issue 8). Nothing in them depends on the request (no nonces), so helmet runs once here
 * against a response that only records what it sets, and every answer gets the same headers.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
  });
  return headers;
}

/** The server's headers: helmet's defaults with the CSP the web apps need, less what means nothing on a center's LAN. */
export const SECURITY_HEADERS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // antd writes its styles at run time
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      scriptSrc: ["'self'"],
      // Many centers serve plain HTTP on their own network (http://192.168.x.x:3000): do not force HTTPS.
      upgradeInsecureRequests: null,
    },
  },
  // HSTS only over HTTPS (src/server/hsts.ts): on a plain-HTTP intranet it means nothing and misleads a security scan.
  hsts: false,
  // Headers for browsers no center runs any more (IE8's download prompt, Flash and Acrobat cross-domain files, the
  // XSS auditor removed from every browser, a DNS-prefetch hint, a process-isolation hint that is the default
  // now): 300 bytes on every answer over a village's slow line, and a fifth of a small request's CPU (issue 8).
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** Sets the headers on every answer: routes, static files, 404s and errors alike, as the helmet plugin did. */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
