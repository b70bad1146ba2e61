/**
 * Which stored files records still use (the `files` table's counts), and forgetting the bytes no record uses.
 *
 * A use case stores the bytes first (FileStore.put: checked, written under the hash), then in its transaction
 * counts the new use (keepFile) and the ended one (releaseFile). Bytes are deleted only after that transaction
 * has committed (deleteUnused), and only when no row for the hash exists then: a rolled-back transaction never
 * leaves a record pointing at deleted bytes, and another record's upload of the same content keeps them.
 */
import type { AppContext, Db } from '../../server/context.js';
import { filesOf } from './index.js';
import { addFileRef, dropFileRef, findFile } from './repo.js';
import type { StoredFile } from './store.js';

export const keepFile = (db: Db, file: StoredFile, by: string | null, at: Date) => addFileRef(db, file, by, at.toISOString());

/** True when no record uses the hash any more: pass it to deleteUnused after the commit. */
export const releaseFile = (db: Db, hash: string, at: Date) => dropFileRef(db, hash, at.toISOString());

/** Deletes the bytes of hashes no record uses (after the transaction that released them, or after a failed one). */
export async function deleteUnused(ctx: AppContext, hashes: readonly string[], log: (line: string) => void = () => {}): Promise<void> {
  for (const hash of hashes) {
    if (await findFile(ctx.database.db, hash)) continue;
    // the bytes are only garbage now: a failure here leaves a file nobody points at, never a broken record
    await filesOf(ctx).delete(hash).catch((error: unknown) => log(`未能删除不再使用的文件 ${hash}：${String(error)}`));
  }
}

export { findFile as fileInfo } from './repo.js';
