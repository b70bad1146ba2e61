/**
 * The multipart body of an application or a resubmission: text fields, and one file part per material named
 * `material-<n>` (n: the material's place in the item's list, 0-based — ASCII, whatever the material is called).
 * Each file is read into memory only up to the material limit (@fastify/multipart cuts a larger one off), at most
 * MAX_FILES files and MAX_TOTAL bytes in one request: a phone on a village network sends a few photos, not an archive.
 */
import type { FastifyRequest } from 'fastify';
import { sizeText, UPLOAD_LIMITS } from '../../domain/files/content-type.js';
import { DomainError } from '../../domain/errors.js';

export const MAX_FILES = 12;
export const MAX_TOTAL = 40 * 1024 * 1024;
const FIELD = /^material-(\d{1,3})$/;

export interface MultipartBody {
  fields: Record<string, string>;
  files: { index: number; bytes: Buffer; fileName: string | null }[];
}

export async function readApplicationParts(request: FastifyRequest): Promise<MultipartBody> {
  if (!request.isMultipart()) throw new DomainError('MULTIPART_REQUIRED', '请以表单（multipart/form-data）提交申请和材料文件。', undefined, 400);
  const body: MultipartBody = { fields: {}, files: [] };
  let total = 0;
  const { maxBytes, purpose } = UPLOAD_LIMITS.material;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: MAX_FILES, fields: 20, fieldSize: 8 * 1024, parts: MAX_FILES + 20 } })) {
      if (part.type === 'field') {
        body.fields[part.fieldname] = String(part.value);
        continue;
      }
      const m = FIELD.exec(part.fieldname);
      if (!m) {
        await part.toBuffer();
        throw new DomainError('APPLICATION_FILE_FIELD', '材料文件的字段名应为 material-序号（材料在清单中的序号，从 0 开始）。', { field: part.fieldname }, 400);
      }
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > MAX_TOTAL) throw new DomainError('FILES_TOO_LARGE', `一次提交的材料合计不能超过 ${sizeText(MAX_TOTAL)}，请分次补传或压缩后再传。`, { maxBytes: MAX_TOTAL }, 413);
      body.files.push({ index: Number(m[1]), bytes, fileName: part.filename || null });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('FILE_TOO_LARGE', `每份${purpose}不能超过 ${sizeText(maxBytes)}，请压缩或缩小后重新上传。`, { maxBytes }, 413);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new DomainError('FILE_TOO_MANY', `一次最多上传 ${MAX_FILES} 个材料文件，请分次补传。`, undefined, 413);
    }
    throw new DomainError('UPLOAD_INCOMPLETE', '材料没有完整上传，请检查网络后重新提交。', undefined, 400);
  }
  return body;
}
