/**
 * 立卷: files one finished case as a dossier. The facts are asked of the modules that own them (the case and its
 * stored state, the events, the printed papers with what each printed, the uploaded materials, the ratings, the
 * violations and 督办单); the domain orders them into the 卷内目录 (dossierEntries); every uploaded file is read back
 * for its bytes and SHA-256; one manifest (version 1) goes into the file store; the dossier row, its 档号 (the 件号
 * counted in the same transaction) and the audit entry are written in one transaction. A second filing of the same
 * case — one after the other or at the same moment — is refused with ALREADY_ARCHIVED (the unique index on case_id
 * decides a race), never a 500. A case with a 差评整改 work order or a 督办单 still open waits (ARCHIVE_OPEN_MATTERS, 409):
 * their outcome belongs in the file. The period is the one of the keeping center's own 保管期限表.
 */
import { randomUUID } from 'node:crypto';
import { cardEntry, dossierEntries, finishedAtOf, ratingEntry, resultEntry, violationEntry, type DossierFacts, type DossierFile, type ManifestEntry } from '../../domain/archive/dossier.js';
import { archiveNo, archiveYear, cardPending, isFinished, keepsOwnArchive, keepUntil, NOT_FINISHED_MESSAGE, openMattersMessage, workOrderPending } from '../../domain/archive/rules.js';
import { DEFAULT_RETENTION, RETENTION_PERIODS, type RetentionPeriod } from '../../domain/archive/terms.js';
import type { Dossier } from '../../domain/contract/archive.js';
import { readStoredState } from '../../domain/cases/stored-state.js';
import { DomainError } from '../../domain/errors.js';
import { PAPER_LABELS, type PaperKind } from '../../domain/papers/papers.js';
import { eventName } from '../../domain/vocabulary/index.js';
import { isUniqueViolation } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { filesOfApplication, findByCase } from '../applications/repo.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findCase } from '../cases/repo.js';
import { ratingsOfCase } from '../evaluation/repo.js';
import { workOrdersOfCase } from '../evaluation/work-order-repo.js';
import { caseEvents } from '../events/repo.js';
import { filesOf } from '../files/index.js';
import { deleteUnused } from '../files/references.js';
import { addFileRef } from '../files/repo.js';
import { contentHash } from '../files/store.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { listPrintContents, listPrints } from '../prints/repo.js';
import { listCards } from '../supervision/cards-repo.js';
import { listViolationRows } from '../supervision/repo.js';
import { peopleByIds } from '../users/repo.js';
import { dossierScope } from './access.js';
import { presentDossier } from './presenter.js';
import * as repo from './repo.js';

/** The period of an item in the 保管期限表 of the center that keeps the dossier (its default when not set there). */
export const periodOfItem = async (db: Db, orgId: string, itemCode: string): Promise<RetentionPeriod> => {
  const row = await repo.findRetention(db, orgId, itemCode);
  return row && (RETENTION_PERIODS as readonly string[]).includes(row.period) ? (row.period as RetentionPeriod) : DEFAULT_RETENTION;
};

const alreadyArchived = (row: { archive_no: string }) =>
  new DomainError('ALREADY_ARCHIVED', `这件办件已经立卷归档，档号 ${row.archive_no}，不能重复立卷。`, { archiveNo: row.archive_no }, 409);

/** Files the case; `actor` null: the nightly job (系统自动归档). */
export async function fileDossier(ctx: AppContext, actor: Actor | null, caseId: string): Promise<Dossier> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const c = await findCase(db, caseId);
  if (!c) throw notFound('该办件');
  const finisher = await findOrg(db, c.holder_org_id);
  const org = finisher && !keepsOwnArchive(finisher.level) && finisher.parent_id ? await findOrg(db, finisher.parent_id) : finisher;
  if (!org) throw notFound('办结该办件的中心');
  if (actor && !(await dossierScope(db, actor)).has(org.id)) throw forbidden('为该办件立卷归档', '办件由办结它的中心或其上级立卷。');
  if (!isFinished(c.status)) {
    throw new DomainError('CASE_NOT_FINISHED', NOT_FINISHED_MESSAGE, { status: c.status }, 409);
  }
  const existing = await repo.findDossierByCase(db, caseId);
  if (existing) throw alreadyArchived(existing);

  // a 差评整改 or a 督办单 still open: its outcome belongs in the file, so the case waits until it is closed
  const orgs = await listOrgs(db);
  const orgIds = orgs.map((o) => o.id);
  const [workOrders, cards] = await Promise.all([workOrdersOfCase(db, caseId), listCards(db, { orgIds, caseId }, { offset: 0, limit: 1000 })]);
  const openOrders = workOrders.filter((w) => workOrderPending(w.status)).map((w) => w.work_order_no);
  const openCards = [...cards].reverse().filter((k) => cardPending(k.status)).map((k) => k.card_no);
  const openMatters = openMattersMessage(openOrders, openCards);
  if (openMatters) throw new DomainError('ARCHIVE_OPEN_MATTERS', openMatters, { workOrders: openOrders, cards: openCards }, 409);

  const state = readStoredState(JSON.parse(c.state));
  const events = await caseEvents(db, caseId);
  const finishedAt = finishedAtOf(events, c.updated_at);
  const period = await periodOfItem(db, org.id, c.item_code);
  const year = archiveYear(finishedAt, org.time_zone);

  // the uploaded materials, read back for their bytes and SHA-256
  const store = filesOf(ctx);
  const application = await findByCase(db, caseId);
  const uploads = application ? await filesOfApplication(db, application.id) : [];
  const filesByMaterial = new Map<string, { file: DossierFile; at: string }[]>();
  for (const u of uploads) {
    const bytes = await store.get(u.file_hash);
    if (!bytes) {
      throw new DomainError('ARCHIVE_FILE_MISSING', `材料“${u.material_name}”的文件在文件存储中找不到，无法立卷。请从备份恢复该文件后重试。`, { hash: u.file_hash }, 409);
    }
    const file: DossierFile = { key: u.file_hash, name: u.original_name ?? `${u.material_name}`, contentType: u.type, bytes: bytes.length, sha256: contentHash(bytes) };
    filesByMaterial.set(u.material_name, [...(filesByMaterial.get(u.material_name) ?? []), { file, at: u.uploaded_at }]);
  }
  const checklist = [...state.item.materials.map((m) => m.name), ...[...filesByMaterial.keys()].filter((n) => !state.item.materials.some((m) => m.name === n))];

  const [printRows, printContents, ratings, violations, issuers] = await Promise.all([
    listPrints(db, caseId),
    listPrintContents(db, caseId),
    ratingsOfCase(db, caseId),
    listViolationRows(db, { orgIds, caseId }, { offset: 0, limit: 1000 }),
    peopleByIds(db, cards.map((k) => k.issued_by)),
  ]);
  const contentOf = new Map(printContents.map((p) => [p.id, p.content]));

  const result = resultEntry(c.status, state, finishedAt, org.time_zone);

  const facts: DossierFacts = {
    caseRecord: { caseNo: c.case_no, itemName: c.item_name, applicantName: c.applicant_name, createdAt: c.created_at, registeredByName: events[0]?.by_name ?? null },
    materials: checklist.map((name) => {
      const files = filesByMaterial.get(name) ?? [];
      return { name, provided: files.length > 0 || state.providedMaterials.includes(name), files: files.map((f) => f.file), uploadedAt: files[0]?.at ?? null };
    }),
    prints: printRows.map((p) => ({
      title: PAPER_LABELS[p.paper as PaperKind] ?? p.paper,
      at: p.printed_at,
      byName: p.printed_by_name,
      content: parsed(contentOf.get(p.id)),
    })),
    events: events.map((e) => ({ title: eventName(e.type), at: e.at, byName: e.by_name, detail: null })),
    result,
    ratings: ratings.map((r) => ratingEntry({ round: r.round, level: r.level, isDefault: Number(r.is_default) === 1, comment: r.comment, at: r.rated_at })),
    supervision: [
      ...violations.map((v) => violationEntry({ ruleCode: v.rule_code, at: v.fired_at, facts: v.facts_text })),
      ...cards.map((k) => cardEntry({ cardNo: k.card_no, level: k.level, at: k.issued_at, byName: issuers.get(k.issued_by)?.name ?? null, content: k.content })),
    ],
  };
  const entries = dossierEntries(facts);
  const files = entries.flatMap((e) => (e.file ? [e.file] : []));
  const archivedAt = now.toISOString();
  let manifestHash: string | null = null;

  try {
    return await db.transaction().execute(async (trx) => {
      const filed = await repo.findDossierByCase(trx, caseId);
      if (filed) throw alreadyArchived(filed);
      const seq = await repo.nextArchiveSeq(trx, org.id, year, period);
      const no = archiveNo(org.code, year, period, seq);
      const manifest = {
        version: 1,
        archiveNo: no,
        org: { id: org.id, code: org.code, name: org.center_name },
        year,
        period,
        keepUntil: keepUntil(year, period),
        finishedAt,
        archivedAt,
        archivedBy: actor ? { id: actor.userId, name: actor.name } : null,
        case: { ...c, state: JSON.parse(c.state) as unknown },
        entries,
        files,
      };
      const bytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      const stored = await store.putRecord(bytes);
      manifestHash = stored.hash;
      const row: repo.DossierRow = {
        id: randomUUID(),
        case_id: c.id,
        case_no: c.case_no,
        item_code: c.item_code,
        item_name: c.item_name,
        applicant_name: c.applicant_name,
        org_id: org.id,
        archive_no: no,
        year,
        period,
        seq,
        keep_until: keepUntil(year, period),
        finished_at: finishedAt,
        archived_at: archivedAt,
        archived_by: actor?.userId ?? null,
        file_count: files.length + 1,
        total_bytes: bytes.length + files.reduce((n, f) => n + f.bytes, 0),
        manifest_key: stored.hash,
        manifest_bytes: bytes.length,
        manifest_sha256: stored.hash,
        files: JSON.stringify(files),
        entries: JSON.stringify(entries.map(withoutContent)),
        check_at: null,
        check_ok: null,
        check_problems: null,
      };
      await repo.insertDossier(trx, row);
      // the manifest is a record the store keeps: counted like an upload, so no clean-up of unused files forgets it
      await addFileRef(trx, { hash: stored.hash, size: bytes.length, type: 'application/json' }, actor?.userId ?? null, archivedAt);
      await recordAudit(trx, {
        at: now,
        userId: actor?.userId ?? null,
        action: 'archive.file',
        targetType: 'archive_dossier',
        targetId: row.id,
        detail: { archiveNo: no, caseNo: c.case_no, period, fileCount: row.file_count, totalBytes: row.total_bytes, manifestSha256: stored.hash },
        ip: actor?.ip ?? null,
      });
      return presentDossier(trx, row);
    });
  } catch (error) {
    // a filing that did not commit leaves no manifest behind (unless the same bytes are a record already)
    if (manifestHash) await deleteUnused(ctx, [manifestHash]);
    if (!isUniqueViolation(error)) throw error;
    // another filing of the same case committed first
    const winner = await repo.findDossierByCase(db, caseId);
    if (winner) throw alreadyArchived(winner);
    throw error;
  }
}

const withoutContent = ({ content: _content, ...entry }: ManifestEntry): ManifestEntry => entry;

function parsed(json: string | undefined): unknown {
  if (json === undefined) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}
