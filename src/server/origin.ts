/**
 * Cross-site request forgery guard: a state-changing request (POST, PUT, PATCH, DELETE — with a body or
 * without, JSON or multipart) made by a browser must come from a page of this server.
 *
 * The session cookie is SameSite=Strict, but "site" is not "origin": on a LAN every service of the same machine
 * (http://192.168.1.10:8080 beside our :3000) is the same site, and its pages' requests carry our cookie. So we
 * compare the browser's own statement of where the request comes from with the address it was sent to:
 * 1. Origin (every browser sends it on a cross-origin request and on every fetch/form POST today): its host must
 *    be the request's Host — or the configured PUBLIC_URL, for a proxy that rewrites Host;
 * 2. without Origin, Sec-Fetch-Site (sent by browsers since 2020): only same-origin or none (typed by the user);
 * 3. without either, Referer: its host must be ours;
 * 4. with none of them the request was not made by a browser page — a script, curl, a test, another system's
 *    API client — and carries no victim's cookie, so it is let through: those clients keep working unchanged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** host[:port], lower case, without the scheme's default port, so "Host: a" and "http://a:80" agree. */
function normalHost(host: string, scheme: 'http' | 'https' | null): string {
  const h = host.trim().toLowerCase();
  if (scheme !== 'https' && h.endsWith(':80')) return h.slice(0, -3);
  if (scheme !== 'http' && h.endsWith(':443')) return h.slice(0, -4);
  return h;
}

function hostOfUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalHost(u.host, u.protocol === 'https:' ? 'https' : 'http');
  } catch {
    return null;
  }
}

export interface OriginHeaders {
  host: string;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
  referer?: string | undefined;
}

/** Null when the request may go on, otherwise where it came from (for the message). */
export function foreignSource(h: OriginHeaders, publicUrl: string | null): string | null {
  const ours = new Set([normalHost(h.host, 'http'), normalHost(h.host, 'https')]);
  const publicHost = publicUrl ? hostOfUrl(publicUrl) : null;
  if (publicHost) ours.add(publicHost);
  if (h.origin !== undefined) {
    const host = hostOfUrl(h.origin);
    return host !== null && ours.has(host) ? null : h.origin;
  }
  if (h.secFetchSite !== undefined) {
    return h.secFetchSite === 'same-origin' || h.secFetchSite === 'none' ? null : `其他网页（${h.secFetchSite}）`;
  }
  if (h.referer !== undefined) {
    const host = hostOfUrl(h.referer);
    return host !== null && ours.has(host) ? null : (host ?? h.referer);
  }
  return null;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function registerOriginCheck(app: FastifyInstance, publicUrl: string | null): void {
  // a callback hook, not an async one: nearly every request is a read and passes at once, without a promise
  app.addHook('onRequest', (request, _reply, done) => {
    if (!STATE_CHANGING.has(request.method)) return done();
    const source = foreignSource(
      {
        // request.host is X-Forwarded-Host only when the proxy is trusted (TRUST_PROXY), else the Host header
        host: request.host,
        origin: header(request, 'origin'),
        secFetchSite: header(request, 'sec-fetch-site'),
        referer: header(request, 'referer'),
      },
      publicUrl,
    );
    if (source === null) return done();
    done(
      new HttpError(
        'CROSS_ORIGIN',
        `已拒绝来自其他网页（${source.slice(0, 100)}）的提交：只能在本系统的页面中办理。请直接打开本系统的地址重新操作。`,
        undefined,
        403,
      ),
    );
  });
}
