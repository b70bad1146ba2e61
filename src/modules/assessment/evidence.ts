/**
 * 扣分证据 (issue 13 §2): a photo or PDF the director attaches to a manual item (the untidy desk, the wrong
 * certificate), kept through the one storage interface (src/modules/files) and counted as a use of the file; those
 * who may see the item (the director, the person, the window's staff) open it.
 */
import type { FastifyRequest } from 'fastify';
import type { UploadLimits } from '../../domain/files/content-type.js';
import { sizeText } from '../../domain/files/content-type.js';
import { DomainError } from '../../domain/errors.js';
import { hasPermission } from '../../domain/roles.js';
import type { AppContext } from '../../server/context.js';
import { notFound, forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { filesOf } from '../files/index.js';
import { deleteUnused, fileInfo, keepFile, releaseFile } from '../files/references.js';
import { sql } from 'kysely';
import { listWindows } from '../windows/repo.js';
import * as repo from './repo.js';

export const EVIDENCE_LIMITS: UploadLimits = { purpose: '扣分证据', maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'application/pdf'] };
const FILE_MISSING = '请选择证据文件（照片 JPEG、PNG 或 PDF）。';

/** A file name as the browser sent it; some send it percent-encoded. */
function plainName(name: string | undefined): string | null {
  if (!name) return null;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The one file of a multipart request, read up to the limit (as the staff photo's upload). */
export async function uploadedEvidence(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart()) throw new DomainError('FILE_MISSING', FILE_MISSING, undefined, 400);
  let file: { bytes: Buffer; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === 'file') file = { bytes: await part.toBuffer(), fileName: plainName(part.filename) };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('FILE_TOO_LARGE', `扣分证据不能超过 ${sizeText(EVIDENCE_LIMITS.maxBytes)}，请压缩后重新上传。`, undefined, 413);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new DomainError('FILE_TOO_MANY', '一次只能上传一个文件。', undefined, 413);
    throw new DomainError('UPLOAD_INCOMPLETE', '文件没有完整上传，请检查网络后重新选择文件上传。', undefined, 400);
  }
  if (!file) throw new DomainError('FILE_MISSING', FILE_MISSING, undefined, 400);
  return file;
}

/** Attaches (or replaces) the evidence of a manual item of an open month. */
export async function attachEvidence(ctx: AppContext, actor: Actor, itemId: string, upload: { bytes: Buffer; fileName: string | null }): Promise<void> {
  const now = ctx.clock();
  const at = now.toISOString();
  const { db } = ctx.database;
  const item = await repo.findItem(db, itemId);
  if (!item || item.org_id !== actor.orgId) throw notFound('该考核记录');
  if (item.origin !== 'manual') throw new DomainError('ASSESSMENT_AUTO_ITEM', '自动扣分的依据是系统中的记录（办件、投诉等），不需要上传证据。', undefined, 409);
  const stored = await filesOf(ctx).put(upload.bytes, EVIDENCE_LIMITS, upload.fileName);
  const released: string[] = [];
  await db.transaction().execute(async (trx) => {
    const m = await repo.findMonth(trx, item.org_id, item.month);
    if (!m || m.status === 'closed') throw new DomainError('ASSESSMENT_MONTH_CLOSED', '这个月的考核已经关账，不能再修改。', undefined, 409);
    await keepFile(trx, stored, actor.userId, now);
    if (item.evidence_hash && (await releaseFile(trx, item.evidence_hash, now))) released.push(item.evidence_hash);
    await trx.updateTable('assessment_items').set({ evidence_hash: stored.hash, evidence_name: (upload.fileName ?? '证据').slice(0, 100), updated_at: at, version: sql<number>`version + 1` }).where('id', '=', item.id).execute();
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'assessment.evidence', targetType: 'assessment_item', targetId: item.id, detail: { hash: stored.hash, size: stored.size } });
  });
  await deleteUnused(ctx, released);
}

/** The evidence's bytes for someone who may see the item. */
export async function evidenceOf(ctx: AppContext, actor: Actor, itemId: string): Promise<{ bytes: Buffer; type: string; name: string }> {
  const { db } = ctx.database;
  const item = await repo.findItem(db, itemId);
  if (!item || item.org_id !== actor.orgId || !item.evidence_hash) throw notFound('该扣分的证据');
  let allowed = hasPermission(actor.roles, 'assessment.manage') || (item.subject_kind === 'person' && item.subject_id === actor.userId);
  if (!allowed && item.subject_kind === 'window') {
    const w = (await listWindows(db, [item.org_id])).find((x) => x.id === item.subject_id);
    const chief = (await repo.chiefsOf(db, [item.subject_id]))[0]?.user_id;
    allowed = Boolean(w && (w.post_a_user_id === actor.userId || w.post_b_user_id === actor.userId || chief === actor.userId));
  }
  if (!allowed) throw forbidden('查看这条扣分的证据');
  const bytes = await filesOf(ctx).get(item.evidence_hash);
  if (!bytes) throw notFound('该扣分的证据文件');
  const name = item.evidence_name ?? '证据';
  return { bytes, type: (await fileInfo(db, item.evidence_hash))?.type ?? 'application/octet-stream', name };
}
