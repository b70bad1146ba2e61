/**
 * An S3-compatible bucket as file storage (MinIO, Ceph RGW, a cloud's object storage …), configured by S3_ENDPOINT,
 * S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY. It speaks the S3 REST protocol itself with
 * path-style addresses (ENDPOINT/BUCKET/KEY, which every S3-compatible server understands, unlike bucket host
 * names on a LAN) and signs every request with AWS Signature Version 4 (sigv4.ts):
 *
 *   HEAD   /bucket/key   is it there? (a file already stored is not sent again)
 *   PUT    /bucket/key   the bytes, with x-amz-content-sha256 = their SHA-256 (the server checks the body against it)
 *   GET    /bucket/key   the bytes (404: none)
 *   DELETE /bucket/key
 *
 * The key is the content hash itself, under S3_PREFIX when one is set. An error answer (XML <Error><Code>…) is
 * turned into a Chinese message that names the likely fix.
 */
import type { S3StorageConfig } from '../../server/config.js';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signRequest } from './sigv4.js';
import { fileStoreOver, FileStoreError, type FileStore } from './store.js';

/** <Code> and <Message> of an S3 error answer. */
export function s3ErrorOf(xml: string): { code: string | null; message: string | null } {
  const pick = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? null;
  return { code: pick('Code'), message: pick('Message') };
}

const HINTS: Record<string, string> = {
  SignatureDoesNotMatch: '签名不符：请核对 S3_SECRET_ACCESS_KEY 和 S3_REGION，并确认服务器时间准确',
  InvalidAccessKeyId: '访问密钥不存在：请核对 S3_ACCESS_KEY_ID',
  AccessDenied: '没有访问权限：请确认该密钥可以读写存储桶',
  NoSuchBucket: '存储桶不存在：请核对 S3_BUCKET，或先在存储服务上建立该存储桶',
  RequestTimeTooSkewed: '服务器时间与存储服务相差太多：请校准服务器时间',
  XAmzContentSHA256Mismatch: '上传过程中文件内容损坏：请重新上传',
  BadDigest: '上传过程中文件内容损坏：请重新上传',
};

export function s3FileStore(config: S3StorageConfig, clock: () => Date = () => new Date()): FileStore {
  const base = config.endpoint.replace(/\/+$/, '');
  const prefix = config.prefix ? `${config.prefix.replace(/^\/+|\/+$/g, '')}/` : '';
  const urlOf = (hash: string) => new URL(`${base}/${encodeURIComponent(config.bucket)}/${prefix}${hash}`);
  const where = `${base}/${config.bucket}${prefix ? `/${prefix}` : ''}`;

  async function send(method: 'GET' | 'HEAD' | 'PUT' | 'DELETE', hash: string, body?: Uint8Array): Promise<Response> {
    const url = urlOf(hash);
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const signed = signRequest({ method, url, headers: { host: url.host }, payloadHash }, config, clock());
    const headers: Record<string, string> = { ...signed };
    if (body) {
      headers['content-type'] = 'application/octet-stream';
      headers['content-length'] = String(body.length);
    }
    try {
      return await fetch(url, { method, headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new FileStoreError(
        timedOut
          ? `文件存储服务（${base}）${config.timeoutMs / 1000} 秒内没有应答，请稍后重试；多次出现请检查网络或 S3_ENDPOINT。`
          : `无法连接文件存储服务 ${base}（${cause}），请检查网络和 S3_ENDPOINT 后重试。`,
      );
    }
  }

  async function refusal(what: string, response: Response): Promise<FileStoreError> {
    const text = await response.text().catch(() => '');
    const { code, message } = s3ErrorOf(text);
    const hint = (code && HINTS[code]) ?? (code ? `${code}${message ? `：${message}` : ''}` : `HTTP ${response.status}`);
    return new FileStoreError(`文件存储服务拒绝了${what}（${hint}）。`, { status: response.status, s3Code: code });
  }

  return fileStoreOver({
    kind: 's3',
    where,
    async has(hash) {
      // HEAD answers carry no body, so no error code: on anything but "there" the PUT goes ahead and, when the
      // store refuses, its answer says why
      const response = await send('HEAD', hash);
      return response.ok;
    },
    async write(hash, bytes) {
      const response = await send('PUT', hash, bytes);
      if (!response.ok) throw await refusal('保存文件', response);
      await response.arrayBuffer().catch(() => undefined);
    },
    async read(hash) {
      const response = await send('GET', hash);
      if (response.status === 404) {
        const { code } = s3ErrorOf(await response.text().catch(() => ''));
        // a missing bucket is a configuration problem, not a missing file
        if (code === 'NoSuchBucket') throw new FileStoreError(`文件存储服务拒绝了读取文件（${HINTS.NoSuchBucket}）。`);
        return null;
      }
      if (!response.ok) throw await refusal('读取文件', response);
      return Buffer.from(await response.arrayBuffer());
    },
    async remove(hash) {
      const response = await send('DELETE', hash);
      if (response.ok || response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return;
      }
      throw await refusal('删除文件', response);
    },
  });
}
