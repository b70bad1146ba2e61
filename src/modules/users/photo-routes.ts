import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sizeText, UPLOAD_LIMITS } from '../../domain/files/content-type.js';
import { DomainError } from '../../domain/errors.js';
import { userSchema } from '../../domain/contract/users.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { publicStaffPhoto, publicStaffPhotoHash, removeStaffPhoto, setStaffPhoto } from './photo.js';
import { userIdParams } from './schema.js';

const FILE_MISSING = '请选择要上传的照片（JPEG 或 PNG 图片）。';

/**
 * The one file of a multipart request, read into memory only up to `maxBytes`: past it @fastify/multipart cuts
 * the stream off (busboy truncates the part and throws away the rest of the request as it arrives), so an
 * oversized upload costs the limit in memory, never its own size.
 */
async function uploadedFile(request: FastifyRequest, limits: { purpose: string; maxBytes: number }): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart()) throw new DomainError('FILE_MISSING', FILE_MISSING, undefined, 400);
  let file: { bytes: Buffer; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === 'file') file = { bytes: await part.toBuffer(), fileName: part.filename || null };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('FILE_TOO_LARGE', `${limits.purpose}不能超过 ${sizeText(limits.maxBytes)}，请压缩或缩小后重新上传。`, { maxBytes: limits.maxBytes }, 413);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new DomainError('FILE_TOO_MANY', '一次只能上传一个文件，请只选择一张照片。', undefined, 413);
    }
    throw new DomainError('UPLOAD_INCOMPLETE', '文件没有完整上传，请检查网络后重新选择文件上传。', undefined, 400);
  }
  if (!file) throw new DomainError('FILE_MISSING', FILE_MISSING, undefined, 400);
  return file;
}

const staffParams = z.object({ userId: z.string().min(1).max(64) });
const photoQuery = z.object({ v: z.string().max(64).optional() });

export function userPhotoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['人员管理'];
  r.put(
    '/api/users/:id/photo',
    { schema: { tags, summary: '上传人员照片（multipart，JPEG 或 PNG，不超过 2 MB；用于政务公开）', params: userIdParams, response: { 200: userSchema } } },
    async (request) => {
      const actor = requirePermission(request, 'users.photo');
      const upload = await uploadedFile(request, UPLOAD_LIMITS.staffPhoto);
      return setStaffPhoto(ctx, actor, request.params.id, upload);
    },
  );
  r.delete('/api/users/:id/photo', { schema: { tags, summary: '删除人员照片', params: userIdParams, response: { 200: userSchema } } }, (request) =>
    removeStaffPhoto(ctx, requirePermission(request, 'users.photo'), request.params.id),
  );

  /**
   * 政务公开: an active staff member's photo, nothing else about them. The ETag is the content hash: a page
   * revalidates cheaply (304); an address carrying ?v=<hash> never changes and is cached for a year.
   */
  r.get(
    '/api/public/staff/:userId/photo',
    { schema: { tags: ['政务公开'], summary: '工作人员照片（仅在岗人员；无照片时 404）', params: staffParams, querystring: photoQuery } },
    async (request, reply) => {
      const { userId } = request.params;
      const missing = () => notFound('该工作人员的照片');
      const match = request.headers['if-none-match'];
      if (match) {
        const hash = await publicStaffPhotoHash(ctx, userId);
        if (!hash) throw missing();
        if (match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === `"${hash}"`)) {
          return reply.code(304).header('etag', `"${hash}"`).header('cache-control', cacheControl(hash, request.query.v)).send();
        }
      }
      const photo = await publicStaffPhoto(ctx, userId);
      if (!photo) throw missing();
      return reply
        .type(photo.type)
        .header('etag', `"${photo.hash}"`)
        .header('cache-control', cacheControl(photo.hash, request.query.v))
        .header('content-disposition', 'inline')
        .header('cross-origin-resource-policy', 'same-site')
        .send(photo.bytes);
    },
  );
}

/** The hash in the address: the bytes behind it never change. Without it: ask again each time (ETag makes that cheap). */
const cacheControl = (hash: string, v: string | undefined) => (v === hash ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
