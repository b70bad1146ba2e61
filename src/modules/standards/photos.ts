/**
 * Photos of a round (issue 13 §4) through the one file store (src/modules/files): a self-assessment photo of an item
 * while the center is filling in, or a rectification photo of a gap while it is being rectified. JPEG or PNG up to
 * 8 MB, the type told by the content; the same picture sent twice to the same place is kept once (the second answer
 * is the first photo). The bytes are counted in `files` and deleted only when no record uses them.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { STANDARDS_PHOTO_LIMITS } from '../../domain/standards/checklist.js';
import { decideRound, type GapStatus, type RoundStatus } from '../../domain/standards/rounds.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { filesOf } from '../files/index.js';
import { deleteUnused, fileInfo, keepFile, releaseFile } from '../files/references.js';
import { loadRound } from './rounds.js';
import * as repo from './repo.js';

/** At most this many photos per item (or per gap's rectification). */
export const PHOTOS_PER_SLOT = 9;

/** Where a photo may go now: the item's self-assessment photos (draft) or a gap's rectification photos (not yet confirmed). */
async function slotFor(ctx: AppContext, actor: Actor, roundId: string, target: { itemCode?: string | undefined; gapId?: string | undefined }) {
  const { db } = ctx.database;
  const { round, standing, items } = await loadRound(db, actor, roundId);
  if (!standing.center) throw forbidden('上传标准化建设照片（由村代办员、乡镇中心主任为本中心上传）');
  if (target.gapId) {
    const gap = await repo.findGap(db, target.gapId);
    if (!gap || gap.round_id !== round.id) throw notFound('该整改项');
    decideRound(round.status as RoundStatus, 'photo', 'center');
    if ((gap.status as GapStatus) === 'confirmed') throw new DomainError('GAP_STATE', '该项整改已确认，不能再上传照片。', undefined, 409);
    return { round, itemCode: gap.item_code, slot: gap.id };
  }
  const item = items.find((i) => i.code === target.itemCode);
  if (!item) throw notFound('该检查项');
  if (round.status !== 'draft') throw new DomainError('ROUND_STATE', '自评已提交，不能再修改自评照片；整改照片请在对应的整改项下上传。', undefined, 409);
  return { round, itemCode: item.code, slot: 'self' };
}

export async function addPhoto(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  target: { itemCode?: string | undefined; gapId?: string | undefined },
  upload: { bytes: Buffer; fileName: string | null },
): Promise<{ id: string; created: boolean }> {
  const { db } = ctx.database;
  const { round, itemCode, slot } = await slotFor(ctx, actor, roundId, target);
  // checked (size, type by content, name) and stored before any row is written; a refusal stores nothing
  const stored = await filesOf(ctx).put(upload.bytes, STANDARDS_PHOTO_LIMITS, upload.fileName);
  const now = ctx.clock();
  const replay = async () => {
    const row = await repo.findPhotoBySlot(db, round.id, itemCode, slot, stored.hash);
    return row ? { id: row.id, created: false } : undefined;
  };
  let created = false;
  try {
    const done = await replayOnUniqueViolation(
      () =>
        db.transaction().execute(async (trx) => {
          const again = await repo.findPhotoBySlot(trx, round.id, itemCode, slot, stored.hash);
          if (again) return { id: again.id, created: false };
          const count = (await repo.photosOf(trx, round.id)).filter((p) => p.item_code === itemCode && p.slot === slot).length;
          if (count >= PHOTOS_PER_SLOT) throw new DomainError('PHOTOS_TOO_MANY', `每项最多上传 ${PHOTOS_PER_SLOT} 张照片，请先删除不需要的照片。`);
          const id = randomUUID();
          await repo.insertPhoto(trx, {
            id,
            round_id: round.id,
            item_code: itemCode,
            slot,
            hash: stored.hash,
            type: stored.type,
            size: stored.size,
            file_name: upload.fileName,
            uploaded_by: actor.userId,
            uploaded_at: now.toISOString(),
          });
          await keepFile(trx, stored, actor.userId, now);
          return { id, created: true };
        }),
      replay,
    );
    created = done.created;
    return done;
  } finally {
    // nothing recorded: bytes no record uses are not kept
    if (!created) await deleteUnused(ctx, [stored.hash]);
  }
}

export async function removePhoto(ctx: AppContext, actor: Actor, photoId: string): Promise<void> {
  const { db } = ctx.database;
  const photo = await repo.findPhoto(db, photoId);
  if (!photo) throw notFound('该照片');
  await slotFor(ctx, actor, photo.round_id, photo.slot === 'self' ? { itemCode: photo.item_code } : { gapId: photo.slot });
  const now = ctx.clock();
  const unused = await db.transaction().execute(async (trx) => {
    if (!(await repo.findPhoto(trx, photoId))) return [];
    await repo.deletePhoto(trx, photoId);
    return (await releaseFile(trx, photo.hash, now)) ? [photo.hash] : [];
  });
  await deleteUnused(ctx, unused);
}

/** The photo's bytes for whoever may see the round. */
export async function photoBytes(ctx: AppContext, actor: Actor, photoId: string): Promise<{ bytes: Buffer; type: string; hash: string }> {
  const { db } = ctx.database;
  const photo = await repo.findPhoto(db, photoId);
  if (!photo) throw notFound('该照片');
  await loadRound(db, actor, photo.round_id);
  const info = await fileInfo(db, photo.hash);
  const bytes = info ? await filesOf(ctx).get(photo.hash) : null;
  if (!bytes) throw notFound('该照片的文件');
  return { bytes, type: photo.type, hash: photo.hash };
}
