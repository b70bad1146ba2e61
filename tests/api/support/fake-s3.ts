/**
 * A local HTTP server playing an S3-compatible store (path-style: /bucket/key) for the file store's tests. It
 * checks every request the way S3 does: the Authorization header's credential, date and signed headers, the
 * signature recomputed here from the canonical request of what actually arrived, and for a PUT the body against
 * its x-amz-content-sha256. Refusals are S3's XML errors (SignatureDoesNotMatch, InvalidAccessKeyId, NoSuchBucket …).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalRequest, scopeOf, signatureOf, signingKey, stringToSign } from '../../../src/modules/files/sigv4.js';

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, Buffer>;
  /** every request as METHOD /path and the answer's status */
  log: { method: string; path: string; status: number; error?: string }[];
  close(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`;

export async function startFakeS3(options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? 'bianmin-files';
  const region = options.region ?? 'cn-local-1';
  const accessKeyId = options.accessKeyId ?? 'FAKEACCESSKEY';
  const secretAccessKey = options.secretAccessKey ?? 'fake/secret+key';
  const objects = new Map<string, Buffer>();
  const log: FakeS3['log'] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://fake');
      const answer = (status: number, payload?: Buffer | string, error?: string) => {
        log.push({ method: req.method ?? '', path: url.pathname, status, ...(error ? { error } : {}) });
        res.statusCode = status;
        if (typeof payload === 'string') res.setHeader('content-type', 'application/xml');
        res.end(req.method === 'HEAD' ? undefined : payload);
      };
      const refuse = (status: number, code: string, message: string) => answer(status, xmlError(code, message), code);

      // the signature, recomputed from what arrived
      const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      );
      if (!auth) return refuse(403, 'AccessDenied', 'missing or malformed Authorization');
      const [, keyId, day, scopeRegion, signedHeaders, signature] = auth as unknown as [string, string, string, string, string, string];
      if (keyId !== accessKeyId) return refuse(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
      const amzDate = String(req.headers['x-amz-date'] ?? '');
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      const names = signedHeaders.split(';');
      if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((h) => names.includes(h))) {
        return refuse(403, 'AccessDenied', 'host, x-amz-date and x-amz-content-sha256 must be signed');
      }
      if (amzDate.slice(0, 8) !== day || scopeRegion !== region) return refuse(403, 'SignatureDoesNotMatch', 'wrong scope');
      const skew = Math.abs(Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) - Date.now());
      if (!(skew < 15 * 60_000)) return refuse(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
      const headers: Record<string, string> = {};
      for (const name of names) {
        const value = req.headers[name];
        if (value === undefined) return refuse(403, 'AccessDenied', `signed header ${name} missing`);
        headers[name] = Array.isArray(value) ? value.join(',') : value;
      }
      const canonical = canonicalRequest({ method: req.method ?? '', path: decodeURIComponent(url.pathname), query: url.searchParams, headers, payloadHash });
      const credentials = { accessKeyId, secretAccessKey, region };
      const expected = signatureOf(signingKey(secretAccessKey, day, region), stringToSign(amzDate, scopeOf(amzDate, credentials), canonical.text));
      if (expected !== signature) {
        return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      }

      const [, bucketName, ...keyParts] = decodeURIComponent(url.pathname).split('/');
      if (bucketName !== bucket) return refuse(404, 'NoSuchBucket', 'The specified bucket does not exist');
      const key = keyParts.join('/');
      switch (req.method) {
        case 'PUT': {
          if (createHash('sha256').update(body).digest('hex') !== payloadHash) {
            return refuse(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
          }
          objects.set(key, body);
          res.setHeader('etag', `"${createHash('md5').update(body).digest('hex')}"`);
          return answer(200, '');
        }
        case 'GET':
        case 'HEAD': {
          const object = objects.get(key);
          if (!object) return refuse(404, 'NoSuchKey', 'The specified key does not exist.');
          res.setHeader('content-type', 'application/octet-stream');
          res.setHeader('content-length', String(object.length));
          return answer(200, object);
        }
        case 'DELETE':
          objects.delete(key);
          return answer(204);
        default:
          return refuse(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
