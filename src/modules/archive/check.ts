/**
 * 完整性检测 (四性检测, GB/T 42727 / DA/T 70): reads the manifest and every registered file back from the file store
 * and compares counts, bytes and SHA-256 with the registration (the dossier row); the result is kept on the row
 * with an audit entry.
 */
import { integrityProblems, type ReadBack } from '../../domain/archive/dossier.js';
import type { DossierSummary } from '../../domain/contract/archive.js';
import type { AppContext } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { filesOf } from '../files/index.js';
import { contentHash, FileStoreError, type FileStore } from '../files/store.js';
import { visibleDossier } from './access.js';
import { presentSummaries, registeredFiles } from './presenter.js';
import * as repo from './repo.js';

/** A stored file read back: its figures, nothing there, or bytes the store itself finds damaged. */
async function readBack(store: FileStore, key: string): Promise<{ read: ReadBack; bytes: Buffer | null }> {
  try {
    const bytes = await store.get(key);
    return bytes ? { read: { kind: 'read', bytes: bytes.length, sha256: contentHash(bytes) }, bytes } : { read: { kind: 'missing' }, bytes: null };
  } catch (error) {
    // the store refuses bytes that no longer match their hash (a FileStoreError naming the hash); other failures
    // (the storage cannot be reached) are not a finding about the dossier: the check fails and can be tried again
    if (error instanceof FileStoreError && error.details?.hash === key) return { read: { kind: 'damaged' }, bytes: null };
    throw error;
  }
}

function manifestFiles(bytes: Buffer | null) {
  if (!bytes) return null;
  try {
    const files = (JSON.parse(bytes.toString('utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? (files as { name: string; bytes: number; sha256: string }[]) : null;
  } catch {
    return null;
  }
}

export async function checkDossier(ctx: AppContext, actor: Actor | null, row: repo.DossierRow): Promise<DossierSummary> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const store = filesOf(ctx);
  const registered = registeredFiles(row);
  const manifest = await readBack(store, row.manifest_key);
  const files: ReadBack[] = [];
  for (const f of registered) files.push((await readBack(store, f.key)).read);
  const problems = integrityProblems(
    {
      fileCount: Number(row.file_count),
      totalBytes: Number(row.total_bytes),
      manifestSha256: row.manifest_sha256,
      manifestBytes: Number(row.manifest_bytes),
      files: registered,
    },
    { manifest: manifest.read, manifestFiles: manifestFiles(manifest.bytes), files },
  );
  const check = { at: now.toISOString(), ok: problems.length === 0, problems };
  return db.transaction().execute(async (trx) => {
    await repo.recordCheck(trx, row.id, check);
    await recordAudit(trx, {
      at: now,
      userId: actor?.userId ?? null,
      action: 'archive.check',
      targetType: 'archive_dossier',
      targetId: row.id,
      detail: { archiveNo: row.archive_no, ok: check.ok, problems },
      ip: actor?.ip ?? null,
    });
    const [summary] = await presentSummaries(trx, [(await repo.findDossier(trx, row.id))!]);
    return summary!;
  });
}

export async function checkVisibleDossier(ctx: AppContext, actor: Actor, id: string): Promise<DossierSummary> {
  return checkDossier(ctx, actor, await visibleDossier(ctx.database.db, actor, id));
}
