/** Dossier rows as the contract (src/domain/contract/archive.ts) shows them. */
import type { Dossier, DossierSummary } from '../../domain/contract/archive.js';
import { partName, type DossierFile, type ManifestEntry } from '../../domain/archive/dossier.js';
import { RETENTION_NAMES, type RetentionPeriod } from '../../domain/archive/terms.js';
import type { Db } from '../../server/context.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import type { DossierRow } from './repo.js';

/** 归档人 of a dossier the nightly job filed. */
export const SYSTEM_ARCHIVER = '系统自动归档';

export const registeredFiles = (row: Pick<DossierRow, 'files'>): DossierFile[] => JSON.parse(row.files) as DossierFile[];
export const storedEntries = (row: Pick<DossierRow, 'entries'>): ManifestEntry[] => JSON.parse(row.entries) as ManifestEntry[];

export async function presentSummaries(db: Db, rows: readonly DossierRow[]): Promise<DossierSummary[]> {
  const [orgs, people] = await Promise.all([orgsByIds(db, rows.map((r) => r.org_id)), peopleByIds(db, rows.map((r) => r.archived_by))]);
  return rows.map((r) => ({
    id: r.id,
    archiveNo: r.archive_no,
    caseId: r.case_id,
    caseNo: r.case_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    applicantName: r.applicant_name,
    orgId: r.org_id,
    orgName: orgs.get(r.org_id)?.center_name ?? '',
    year: Number(r.year),
    period: r.period as RetentionPeriod,
    periodName: RETENTION_NAMES[r.period as RetentionPeriod],
    keepUntil: r.keep_until,
    finishedAt: r.finished_at,
    archivedAt: r.archived_at,
    archivedByName: r.archived_by === null ? SYSTEM_ARCHIVER : (people.get(r.archived_by)?.name ?? '（已删除的用户）'),
    fileCount: Number(r.file_count),
    totalBytes: Number(r.total_bytes),
    manifestSha256: r.manifest_sha256,
    check:
      r.check_at === null
        ? null
        : { at: r.check_at, ok: Number(r.check_ok) === 1, problems: r.check_problems ? (JSON.parse(r.check_problems) as string[]) : [] },
  }));
}

export async function presentDossier(db: Db, row: DossierRow): Promise<Dossier> {
  const [summary] = await presentSummaries(db, [row]);
  return {
    ...summary!,
    entries: storedEntries(row).map((e) => ({
      seq: e.seq,
      part: e.part,
      partName: partName(e.part),
      title: e.title,
      at: e.at,
      byName: e.byName,
      detail: e.detail,
      file: e.file ? { name: e.file.name, contentType: e.file.contentType, bytes: e.file.bytes, sha256: e.file.sha256 } : null,
    })),
  };
}
