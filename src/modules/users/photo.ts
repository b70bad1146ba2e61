/**
 * Staff photos for the 政务公开 pages (DOMAIN.md "Transparency": staff on duty with photo, post and whereabouts).
 * The system administrator or the center's director uploads a person's photo (JPEG or PNG, at most 2 MB, the type
 * told by the content); the bytes go to the file store (src/modules/files), the person's row keeps the hash, and
 * the public address /api/public/staff/:userId/photo serves it while the person is active staff.
 */
import { UPLOAD_LIMITS } from '../../domain/files/content-type.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { filesOf } from '../files/index.js';
import { deleteUnused, fileInfo, keepFile, releaseFile } from '../files/references.js';
import { assertInScope } from '../orgs/service.js';
import { lockedNames } from '../auth/repo.js';
import { presentUser } from './presenter.js';
import * as repo from './repo.js';

async function presentOne(ctx: AppContext, id: string) {
  const row = (await repo.findUser(ctx.database.db, id))!;
  const lock = (await lockedNames(ctx.database.db, [row.username], ctx.clock().toISOString()))[0];
  return presentUser(row, lock?.locked_until ?? null);
}

export async function setStaffPhoto(ctx: AppContext, actor: Actor, userId: string, upload: { bytes: Buffer; fileName: string | null }) {
  const { db } = ctx.database;
  const user = await repo.findUser(db, userId);
  if (!user) throw notFound('该人员');
  await assertInScope(db, actor, user.org_id);
  // checked (size, type by content, name) and stored before any row is written; a refusal stores nothing
  const stored = await filesOf(ctx).put(upload.bytes, UPLOAD_LIMITS.staffPhoto, upload.fileName);
  const now = ctx.clock();
  let unused: string[] = [];
  try {
    unused = await db.transaction().execute(async (trx) => {
      const current = await repo.findUser(trx, userId);
      if (!current) throw notFound('该人员');
      const previous = current.photo_hash ?? null;
      if (previous === stored.hash) return [];
      await keepFile(trx, stored, actor.userId, now);
      const released = previous && (await releaseFile(trx, previous, now)) ? [previous] : [];
      await repo.setPhotoHash(trx, userId, stored.hash, now.toISOString());
      await recordAudit(trx, {
        at: now,
        userId: actor.userId, ip: actor.ip,
        action: 'user.photo',
        targetType: 'user',
        targetId: userId,
        detail: { hash: stored.hash, size: stored.size, type: stored.type, fileName: upload.fileName, replaced: previous },
      });
      return released;
    });
  } catch (error) {
    // nothing was recorded: bytes no record uses are not kept
    await deleteUnused(ctx, [stored.hash]);
    throw error;
  }
  await deleteUnused(ctx, unused);
  return presentOne(ctx, userId);
}

export async function removeStaffPhoto(ctx: AppContext, actor: Actor, userId: string) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const unused = await db.transaction().execute(async (trx) => {
    const user = await repo.findUser(trx, userId);
    if (!user) throw notFound('该人员');
    await assertInScope(trx, actor, user.org_id);
    const previous = user.photo_hash ?? null;
    if (!previous) return [];
    const released = (await releaseFile(trx, previous, now)) ? [previous] : [];
    await repo.setPhotoHash(trx, userId, null, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'user.photoRemove', targetType: 'user', targetId: userId, detail: { hash: previous } });
    return released;
  });
  await deleteUnused(ctx, unused);
  return presentOne(ctx, userId);
}

/** The photo of an active staff member for the public pages, or null (no such person, not active, no photo). */
export async function publicStaffPhoto(ctx: AppContext, userId: string): Promise<{ hash: string; type: string; bytes: Buffer } | null> {
  const { db } = ctx.database;
  const person = await repo.publicPhotoOf(db, userId);
  if (!person || !person.active || !person.photo_hash) return null;
  const info = await fileInfo(db, person.photo_hash);
  if (!info) return null;
  const bytes = await filesOf(ctx).get(person.photo_hash);
  return bytes ? { hash: person.photo_hash, type: info.type, bytes } : null;
}

/** Only the hash and type, for a conditional request answered 304 without reading the bytes. */
export async function publicStaffPhotoHash(ctx: AppContext, userId: string): Promise<string | null> {
  const person = await repo.publicPhotoOf(ctx.database.db, userId);
  return person?.active && person.photo_hash ? person.photo_hash : null;
}
