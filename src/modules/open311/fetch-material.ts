/**
 * Downloads a material's scan from the URL an Open311 client gave (attribute MATERIAL_…), with hard limits: http(s)
 * only, at most 3 redirects (each checked again), one deadline for the whole download, and 10 MB counted while the
 * bytes stream in (the connection is cut at the first byte over; a Content-Length over the limit is refused before
 * any is read). Whether the bytes are a PDF, JPG or PNG is decided by their content (content-type.ts), never by the
 * URL or the server's Content-Type.
 *
 * SSRF: a URL must not make this server reach into its own network. Every address a host name resolves to is checked
 * when the connection is made (the same lookup the connection uses, so a name cannot resolve to a public address for
 * the check and a private one for the request); loopback, private, carrier-grade NAT, link-local, multicast and
 * reserved addresses are refused, and so are such literal IPs, unless OPEN311_FETCH_PRIVATE=1 (tests, an intranet).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

export const FETCH_LIMITS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 3 } as const;

export type FetchFailure = 'scheme' | 'private' | 'status' | 'too_large' | 'timeout' | 'network' | 'redirects';

export class MaterialFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    readonly detail = '',
  ) {
    super(`material fetch: ${reason} ${detail}`);
    this.name = 'MaterialFetchError';
  }
}

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local, multicast or reserved: not somewhere a third party may send this server. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** true: every address may be fetched (OPEN311_FETCH_PRIVATE=1); a function: these private addresses may (tests). */
export type PrivatePolicy = boolean | ((address: string) => boolean);

const refused = (policy: PrivatePolicy, address: string) => isPrivateAddress(address) && !(policy === true || (typeof policy === 'function' && policy(address)));

function guardedLookup(allowPrivate: PrivatePolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      if (list.some((a) => refused(allowPrivate, a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'OPEN311_PRIVATE' }), '');
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
      return callback(null, first.address, first.family);
    });
  };
}

function checkUrl(url: URL, allowPrivate: PrivatePolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MaterialFetchError('scheme', url.protocol);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && refused(allowPrivate, host)) throw new MaterialFetchError('private', host);
}

function fileNameOf(url: URL): string | null {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    const name = decodeURIComponent(last).trim();
    return name === '' ? null : name.slice(0, 200);
  } catch {
    return null;
  }
}

interface Hop {
  redirect?: string;
  bytes?: Buffer;
}

function getOnce(url: URL, allowPrivate: PrivatePolicy, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      { lookup: guardedLookup(allowPrivate) as never, signal, agent: false, headers: { 'user-agent': 'bianmin-open311/1.0', accept: 'application/pdf, image/png, image/jpeg' } },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ redirect: response.headers.location });
        }
        if (status !== 200) {
          response.resume();
          return reject(new MaterialFetchError('status', String(status)));
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          request.destroy();
          return reject(new MaterialFetchError('too_large', String(declared)));
        }
        const chunks: Buffer[] = [];
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            request.destroy();
            reject(new MaterialFetchError('too_large', String(total)));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ bytes: Buffer.concat(chunks) }));
        response.on('error', (error: NodeJS.ErrnoException) => reject(new MaterialFetchError(signal.aborted ? 'timeout' : 'network', error.code ?? error.message)));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof MaterialFetchError) return reject(error);
      if (signal.aborted) return reject(new MaterialFetchError('timeout'));
      if (error.code === 'OPEN311_PRIVATE') return reject(new MaterialFetchError('private', url.hostname));
      reject(new MaterialFetchError('network', error.code ?? error.message));
    });
  });
}

/** The file at `url` (following up to 3 redirects), or MaterialFetchError saying why not. */
export async function fetchMaterial(url: string, options: { allowPrivate: PrivatePolicy; maxBytes?: number; timeoutMs?: number }): Promise<{ bytes: Buffer; fileName: string | null }> {
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= FETCH_LIMITS.maxRedirects; hop++) {
    checkUrl(current, options.allowPrivate);
    const got = await getOnce(current, options.allowPrivate, maxBytes, signal);
    if (got.bytes) return { bytes: got.bytes, fileName: fileNameOf(current) };
    current = new URL(got.redirect!, current);
  }
  throw new MaterialFetchError('redirects');
}
