/**
 * The one storage interface for uploaded files (ARCHITECTURE.md "Files"): put / get / delete by content hash
 * (SHA-256, hex), size and type checked on the way in. Where the bytes live is a backend: a folder under DATA_DIR
 * (folder.ts, the default) or an S3-compatible bucket (s3.ts) when S3_* is configured.
 *
 * A file is addressed by what it contains, so storing the same photo twice stores it once; whether any record
 * still uses a hash is the `files` table's business (repo.ts), not the backend's.
 */
import { createHash } from 'node:crypto';
import { checkUpload, type FileType, type UploadLimits } from '../../domain/files/content-type.js';
import { DomainError } from '../../domain/errors.js';

export interface StoredFile {
  hash: string;
  size: number;
  type: FileType;
}

export interface FileStore {
  /** 'folder' or 's3': what the start-up line and the health of the server say */
  readonly kind: 'folder' | 's3';
  /** where, for people: the folder's path or the bucket's address */
  readonly where: string;
  /**
   * Checks the bytes against the use's limits (size; type by content; a declared name that disagrees is refused)
   * and keeps them under their hash. Refusals are DomainErrors with a Chinese message; nothing is stored then.
   */
  put(bytes: Uint8Array, limits: UploadLimits, declaredName?: string | null): Promise<StoredFile>;
  /**
   * Keeps bytes the server composed itself (an archive's manifest, src/modules/archive) under their hash: no upload
   * checks, since no one uploaded them.
   */
  putRecord(bytes: Uint8Array): Promise<{ hash: string; size: number }>;
  /** The bytes, or null when nothing is stored under the hash. */
  get(hash: string): Promise<Buffer | null>;
  /** Forgets the bytes (nothing happens when there were none). */
  delete(hash: string): Promise<void>;
}

/** Where the bytes live: written once under their hash, read back whole. */
export interface BlobBackend {
  readonly kind: FileStore['kind'];
  readonly where: string;
  has(hash: string): Promise<boolean>;
  write(hash: string, bytes: Uint8Array): Promise<void>;
  read(hash: string): Promise<Buffer | null>;
  remove(hash: string): Promise<void>;
}

/** The storage behind the files could not be reached or refused the request: the upload can be tried again later. */
export class FileStoreError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('FILE_STORE_UNAVAILABLE', message, details, 503);
    this.name = 'FileStoreError';
  }
}

export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const HASH = /^[0-9a-f]{64}$/;
export const isContentHash = (value: string): boolean => HASH.test(value);

function checkedHash(hash: string): string {
  if (!isContentHash(hash)) throw new DomainError('FILE_HASH_INVALID', '文件编号不正确（应为 64 位十六进制的 SHA-256 摘要）。', undefined, 400);
  return hash;
}

/** The checks every backend gets: limits and content type on the way in, the hash on the way out. */
export function fileStoreOver(backend: BlobBackend): FileStore {
  return {
    kind: backend.kind,
    where: backend.where,
    async put(bytes, limits, declaredName) {
      const verdict = checkUpload(bytes, limits, declaredName);
      if (!verdict.ok) throw new DomainError(verdict.code, verdict.message, { maxBytes: limits.maxBytes, types: limits.types }, verdict.status);
      const hash = contentHash(bytes);
      if (!(await backend.has(hash))) await backend.write(hash, bytes);
      return { hash, size: bytes.length, type: verdict.type };
    },
    async putRecord(bytes) {
      const hash = contentHash(bytes);
      if (!(await backend.has(hash))) await backend.write(hash, bytes);
      return { hash, size: bytes.length };
    },
    async get(hash) {
      const bytes = await backend.read(checkedHash(hash));
      // what comes back must be what was put: a damaged file or a wrong object is not handed out
      if (bytes && contentHash(bytes) !== hash) {
        throw new FileStoreError(`存储中的文件 ${hash.slice(0, 12)}… 内容已损坏（与其摘要不符），请从备份恢复或重新上传。`, { hash });
      }
      return bytes;
    },
    async delete(hash) {
      await backend.remove(checkedHash(hash));
    },
  };
}
