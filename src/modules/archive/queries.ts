/** Reading dossiers: the list of the actor's tree, one dossier with its 卷内目录, the manifest and one entry's file. */
import type { Dossier, DossierList } from '../../domain/contract/archive.js';
import type { RetentionPeriod } from '../../domain/archive/terms.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { filesOf } from '../files/index.js';
import { FileStoreError } from '../files/store.js';
import { dossierScope, visibleDossier } from './access.js';
import { presentDossier, presentSummaries, storedEntries } from './presenter.js';
import * as repo from './repo.js';

export interface DossierQuery {
  year?: number | undefined;
  period?: RetentionPeriod | undefined;
  q?: string | undefined;
  caseId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listDossiers(ctx: AppContext, actor: Actor, query: DossierQuery): Promise<DossierList> {
  const { db } = ctx.database;
  const filter: repo.DossierFilter = { orgIds: [...(await dossierScope(db, actor))], year: query.year, period: query.period, q: query.q, caseId: query.caseId };
  const [rows, total] = await Promise.all([
    repo.listDossiers(db, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    repo.countDossiers(db, filter),
  ]);
  return { dossiers: await presentSummaries(db, rows), total };
}

export async function getDossier(ctx: AppContext, actor: Actor, id: string): Promise<Dossier> {
  return presentDossier(ctx.database.db, await visibleDossier(ctx.database.db, actor, id));
}

const storeMissing = (what: string) =>
  new DomainError('ARCHIVE_FILE_MISSING', `${what}在文件存储中找不到。请做一次完整性检测，并从备份恢复。`, undefined, 404);

/**
 * The bytes the store keeps under `key`: 404 when nothing is stored; 409 when the store finds them damaged (they no
 * longer match their SHA-256) — a finding about the dossier, not a passing fault of the store, so it tells to check
 * and restore from the backup rather than to upload again.
 */
async function storedBytes(ctx: AppContext, key: string, what: string): Promise<Buffer> {
  let bytes: Buffer | null;
  try {
    bytes = await filesOf(ctx).get(key);
  } catch (error) {
    if (error instanceof FileStoreError && error.details?.hash === key) {
      throw new DomainError('ARCHIVE_FILE_DAMAGED', `${what}已损坏（与登记的 SHA-256 不符）。请做一次完整性检测，并从备份恢复。`, { hash: key }, 409);
    }
    throw error;
  }
  if (!bytes) throw storeMissing(what);
  return bytes;
}

/** The stored manifest's bytes and the 档号 to name the download after. */
export async function manifestBytes(ctx: AppContext, actor: Actor, id: string): Promise<{ bytes: Buffer; archiveNo: string }> {
  const row = await visibleDossier(ctx.database.db, actor, id);
  const bytes = await storedBytes(ctx, row.manifest_key, '案卷清单');
  return { bytes, archiveNo: row.archive_no };
}

/** The stored file of entry `seq` (404 when the entry has none). */
export async function entryFile(ctx: AppContext, actor: Actor, id: string, seq: number): Promise<{ bytes: Buffer; name: string; contentType: string }> {
  const row = await visibleDossier(ctx.database.db, actor, id);
  const entry = storedEntries(row).find((e) => e.seq === seq);
  if (!entry) throw notFound(`卷内第 ${seq} 件`);
  if (!entry.file) throw notFound(`卷内第 ${seq} 件（${entry.title}）的电子文件`);
  const bytes = await storedBytes(ctx, entry.file.key, `文件“${entry.file.name}”`);
  return { bytes, name: entry.file.name, contentType: entry.file.contentType };
}
