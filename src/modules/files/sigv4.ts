/**
 * AWS Signature Version 4 for S3 (header-based, https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html),
 * small and by hand like the SMS adapter's signer: node:crypto only, no SDK.
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 *                      (S3: the path's segments URI-encoded once, '/' kept; headers lower-cased, values trimmed with
 *                      inner runs of spaces made one, sorted by name, each line ending in \n)
 *   StringToSign     = "AWS4-HMAC-SHA256" \n AmzDate \n Date/Region/s3/aws4_request \n Hex(SHA256(CanonicalRequest))
 *   SigningKey       = HMAC(HMAC(HMAC(HMAC("AWS4" + Secret, Date), Region), "s3"), "aws4_request")
 *   Signature        = Hex(HMAC(SigningKey, StringToSign))
 *
 * The pieces are exported so the test's fake S3 server recomputes the signature from what it received.
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
}

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Uint8Array | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The SHA-256 of an empty payload (GET, HEAD, DELETE). */
export const EMPTY_PAYLOAD_HASH = sha256Hex('');

/** RFC 3986 encoding as SigV4 wants it: only A–Z a–z 0–9 - _ . ~ stay as they are. */
export const uriEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** S3's canonical URI: each segment of the (decoded) path encoded once, the slashes kept. */
export const canonicalUri = (decodedPath: string): string => decodedPath.split('/').map(uriEncode).join('/') || '/';

export const canonicalQueryString = (params: URLSearchParams): string =>
  [...params.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

/** Header names lower-cased and sorted; values trimmed, inner runs of spaces made one. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { text: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { text: entries.map(([k, v]) => `${k}:${v}\n`).join(''), signed: entries.map(([k]) => k).join(';') };
}

export function canonicalRequest(parts: {
  method: string;
  /** the path as decoded text (/bucket/key) */
  path: string;
  query: URLSearchParams;
  /** the headers to sign, including host, x-amz-date and x-amz-content-sha256 */
  headers: Readonly<Record<string, string>>;
  payloadHash: string;
}): { text: string; signedHeaders: string } {
  const { text, signed } = canonicalHeaders(parts.headers);
  return {
    text: [parts.method.toUpperCase(), canonicalUri(parts.path), canonicalQueryString(parts.query), text, signed, parts.payloadHash].join('\n'),
    signedHeaders: signed,
  };
}

/** 20130524T000000Z */
export const amzDateOf = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export const scopeOf = (amzDate: string, credentials: SigningCredentials): string =>
  `${amzDate.slice(0, 8)}/${credentials.region}/${credentials.service ?? 's3'}/aws4_request`;

export const stringToSign = (amzDate: string, scope: string, canonicalRequestText: string): string =>
  ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequestText)].join('\n');

export function signingKey(secretAccessKey: string, date: string, region: string, service = 's3'): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}

export const signatureOf = (key: Buffer, toSign: string): string => createHmac('sha256', key).update(toSign, 'utf8').digest('hex');

/**
 * The headers that sign one request: x-amz-date, x-amz-content-sha256 and Authorization. `headers` are the other
 * headers to sign besides those two (at least `host`).
 */
export function signRequest(
  request: { method: string; url: URL; headers: Readonly<Record<string, string>>; payloadHash: string },
  credentials: SigningCredentials,
  at: Date,
): { authorization: string; 'x-amz-date': string; 'x-amz-content-sha256': string } {
  const amzDate = amzDateOf(at);
  const headers = { ...request.headers, 'x-amz-date': amzDate, 'x-amz-content-sha256': request.payloadHash };
  const canonical = canonicalRequest({
    method: request.method,
    path: decodeURIComponent(request.url.pathname),
    query: request.url.searchParams,
    headers,
    payloadHash: request.payloadHash,
  });
  const scope = scopeOf(amzDate, credentials);
  const key = signingKey(credentials.secretAccessKey, amzDate.slice(0, 8), credentials.region, credentials.service ?? 's3');
  const signature = signatureOf(key, stringToSign(amzDate, scope, canonical.text));
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${canonical.signedHeaders},Signature=${signature}`,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': request.payloadHash,
  };
}
